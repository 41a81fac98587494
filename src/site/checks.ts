import { allFields } from '../forms/index.ts';
import type { Check, Report } from '../model/report.ts';
import { cellOf } from '../model/cell-of.ts';
import { fmt } from './format.ts';

// Check results as the report page shows them: which ones to list, their numbers and their arithmetic.

const FIELDS = new Map(allFields().map((f) => [f.key, f]));
const COLS = new Map(allFields().map((f) => [f.col, { zh: f.col_zh, en: f.col_en }]));

export function fieldLabel(key: string): string {
  return FIELDS.get(key)?.zh ?? key;
}

/** Scope as words when it is a column or field key (e.g. natural_person → 自然人). */
export function scopeLabel(scope: string): string {
  const f = FIELDS.get(scope);
  if (f) return `${f.zh}`;
  const c = COLS.get(scope);
  return c ? `${c.zh} ${c.en}` : scope;
}

export const isShown = (c: Check) => c.status === 'fail' || c.status === 'uncertain';

/** Display numbers (1…n) for the checks listed on the page, keyed by index in report.checks. */
export function checkNumbers(checks: readonly Check[]): Map<number, number> {
  const m = new Map<number, number>();
  checks.forEach((c, i) => { if (isShown(c)) m.set(i, m.size + 1); });
  return m;
}

export interface Term { key: string; label: string; value: string }

/**
 * The cells a check names, as terms. Labels drop the column when every cell shares it (the scope says it),
 * so a T3-RES line reads "（七）总计 = 6 … （一）予以公开 = 0 + …".
 */
export function cellTerms(report: Report, c: Check): Term[] {
  const defs = c.cells.map((key) => FIELDS.get(key));
  const oneCol = defs.every((d) => d && d.col === defs[0]!.col);
  return c.cells.map((key, i) => {
    const cell = cellOf(report, key);
    const d = defs[i];
    const label = d ? (oneCol ? d.row_zh : d.zh) : key;
    return { key, label, value: cell ? (cell.value === null ? `(${cell.raw || cell.state})` : fmt(cell.value)) : '(缺)' };
  });
}

/** When the first named cell is one side of the check and the other cells add up to the other side, a sum. */
export function asSum(report: Report, c: Check): { head: Term; rest: Term[]; sum: number } | null {
  if (c.expected === null || c.actual === null || c.cells.length < 2) return null;
  const values = c.cells.map((k) => cellOf(report, k)?.value ?? 0);
  const sum = values.slice(1).reduce((a, b) => a + b, 0);
  const sides = [c.expected, c.actual];
  if (!sides.includes(values[0]!) || !sides.includes(sum) || (values[0] === sum) !== (c.expected === c.actual)) return null;
  const terms = cellTerms(report, c);
  return { head: terms[0]!, rest: terms.slice(1), sum };
}

export function statusCounts(checks: readonly Check[]): Record<Check['status'], number> {
  const out = { pass: 0, fail: 0, uncertain: 0, not_assessable: 0 };
  for (const c of checks) out[c.status]++;
  return out;
}
