import { FORMS, allFields } from '../forms/index.ts';
import type { Cell } from '../model/cell.ts';
import type { Check } from '../model/report.ts';
import type { Equation } from './equations.ts';
import { known, sumKnown } from './values.ts';

const RULE_TEXT: Record<Equation['id'], { en: string; zh: string }> = {
  'T3-ID': { en: 'new + carried over = results total + carried forward', zh: '本年新收＋上年结转＝办理结果总计＋结转下年度' },
  'T3-RES': { en: 'results total (（七）总计) = sum of the result rows', zh: '（七）总计＝各办理结果之和' },
  'T3-COL': { en: '总计 column = sum of the six applicant columns', zh: '总计列＝六类申请人之和' },
  'T4-SUM': { en: 'total = upheld + corrected + other + pending', zh: '总计＝结果维持＋结果纠正＋其他结果＋尚未审结' },
};

const COLUMN_ZH = new Map(FORMS.gov2021.requests.columns.map((c) => [c.key, c.zh]));
const ROW_ZH = new Map([...FORMS.gov2021.requests.rows, ...FORMS.gov2019.requests.rows].map((r) => [r.key, r.zh]));
const GROUP_ZH = new Map(FORMS.gov2021.appeals.groups.map((g) => [g.key, g.zh]));

function scopeZh(eq: Equation): string {
  if (eq.id === 'T4-SUM') return GROUP_ZH.get(eq.scope) ?? eq.scope;
  if (eq.id === 'T3-COL') return ROW_ZH.get(eq.scope) ?? eq.scope;
  return `${COLUMN_ZH.get(eq.scope) ?? eq.scope}列`;
}

type Table = 'active' | 'requests' | 'appeals';
const TABLES: Table[] = ['active', 'requests', 'appeals'];
const KIND = new Map(allFields().map((f) => [f.key, f.kind]));

/** Evaluate one strict equation. Missing inputs → uncertain; a mismatch that rests on a dash → uncertain. */
export function checkEquation(eq: Equation, cells: Map<string, Cell>, tableState: 'ok' | 'absent' | 'ambiguous'): Check {
  const involved = [...eq.lhs, ...eq.rhs];
  const base = { id: eq.id, severity: 'error' as const, scope: eq.scope, cells: involved };
  const rule = RULE_TEXT[eq.id];
  if (tableState !== 'ok') {
    const why = tableState === 'absent' ? 'table not found' : 'table ambiguous (cell boundaries unknown)';
    return { ...base, status: 'not_assessable', expected: null, actual: null, message: `${rule.en}: ${why}`, message_zh: `${rule.zh}：${tableState === 'absent' ? '未找到表格' : '表格单元格边界不明'}` };
  }
  const l = sumKnown(eq.lhs.map((k) => cells.get(k)));
  const r = sumKnown(eq.rhs.map((k) => cells.get(k)));
  if (!l || !r) {
    const missing = involved.filter((k) => !known(cells.get(k)));
    return {
      ...base, status: 'uncertain', expected: r?.v ?? null, actual: l?.v ?? null,
      message: `${rule.en} (${eq.scope}): cannot be checked, ${missing.length} cell(s) blank or unreadable`,
      message_zh: `${rule.zh}（${scopeZh(eq)}）：${missing.length}个单元格空白或无法识别，无法核对`,
    };
  }
  if (l.v === r.v) return { ...base, status: 'pass', expected: r.v, actual: l.v, message: null, message_zh: null };
  const status = l.dash || r.dash ? 'uncertain' : 'fail';
  const terms = (keys: string[]) => keys.map((k) => known(cells.get(k))!.v).join(' + ');
  const arithmetic = `${terms(eq.lhs)} = ${l.v} ≠ ${terms(eq.rhs)} = ${r.v}`;
  return {
    ...base, status, expected: r.v, actual: l.v,
    message: `${rule.en} (${eq.scope}): ${arithmetic}${status === 'uncertain' ? ' (a dash was read as 0)' : ''}`,
    message_zh: `${rule.zh}（${scopeZh(eq)}）：${arithmetic}${status === 'uncertain' ? '（“—”按0计）' : ''}`,
  };
}

/** NN: every count is a non-negative integer, money ≥ 0; only 本年增/减 may be negative. One check per table. */
export function checkNonNegative(cells: Map<string, Cell>, present: Record<Table, boolean>): Check[] {
  const bad: Record<Table, string[]> = { active: [], requests: [], appeals: [] };
  for (const [key, cell] of cells) {
    if (cell.value === null) continue;
    const kind = KIND.get(key);
    if (kind === undefined || kind === 'signed_count') continue;
    if (cell.value < 0 || (kind === 'count' && !Number.isInteger(cell.value))) bad[key.slice(0, key.indexOf('.')) as Table].push(key);
  }
  return TABLES.map((table): Check => {
    const keys = bad[table];
    const base = { id: 'NN', severity: 'error' as const, scope: table, cells: keys, expected: null, actual: null };
    if (!present[table]) return { ...base, status: 'not_assessable', message: `non-negative counts: ${table} table not found`, message_zh: '非负整数：未找到表格' };
    return keys.length === 0
      ? { ...base, status: 'pass', message: null, message_zh: null }
      : {
        ...base, status: 'fail',
        message: `negative or fractional count in ${keys.map((k) => `${k} = ${cells.get(k)!.raw}`).join(', ')}`,
        message_zh: `出现负数或小数：${keys.map((k) => `${k} = ${cells.get(k)!.raw}`).join('，')}`,
      };
  });
}
