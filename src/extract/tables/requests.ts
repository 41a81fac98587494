import { labelMatches, labelTest, type Column, type ModernEra, type RequestsRow } from '../../forms/index.ts';
import { FORMS } from '../../forms/index.ts';
import { requests2019 } from '../../forms/requests.ts';
import type { TableStatus } from '../../model/report.ts';
import { cellFromToken, isGluedLabel, looksRunTogether, type CellMap } from './cells.ts';
import { valueRun } from './runs.ts';
import { isLabelLike, type Token } from './tokens.ts';
import { parseCell } from './value.ts';

export interface RequestsResult {
  era: ModernEra;
  cells: CellMap;
  status: TableStatus;
  /** （六）其他处理 printed as one row although the era splits it (mixed documents). */
  singleRowOther: boolean;
  /** Token index range the table occupies, for the neighbouring tables. */
  start: number;
  end: number;
}

const SUBTOTAL_ROW = requests2019.rows.find((r) => r.key === 'result.other.subtotal')!;

const rowFieldKeys = new WeakMap<RequestsRow, string[]>();

/** Field keys of a row's cells in column order, built once per row (both eras print the same columns). */
function fieldKeys(row: RequestsRow, cols: readonly Column[]): string[] {
  let keys = rowFieldKeys.get(row);
  if (!keys) rowFieldKeys.set(row, (keys = cols.map((c) => `requests.${row.key}.${c.key}`)));
  return keys;
}

/** Rows a document of this era may print: its own, plus the single-row （六） of 2019 for mixed documents. */
function candidateRows(era: ModernEra): RequestsRow[] {
  const rows = FORMS[era].requests.rows;
  return era === 'gov2021' ? [...rows, SUBTOTAL_ROW] : rows;
}

/** Does a label match any candidate row? One regex test spares most tokens the row-by-row search. */
const ANY_ROW: Record<ModernEra, (key: string) => boolean> = {
  gov2021: labelTest(candidateRows('gov2021')),
  gov2019: labelTest(candidateRows('gov2019')),
};

/**
 * Values after a row label, allowing the label itself to wrap onto up to two short lines that carry no
 * known label ("（二）部分公开（区分处理的，只计这一情" ⏎ "形，不计其他情形）" ⏎ values, in PDF-derived text).
 * The wrapped run must be a full row, so a stray fragment cannot pull in another row's values.
 */
function valueRunAfterWrap(tokens: readonly Token[], i: number, width: number, rows: readonly RequestsRow[]): Token[] {
  const direct = valueRun(tokens, i, width);
  if (direct.length > 0) return direct;
  for (let j = i + 1; j <= i + 2 && j < tokens.length; j++) {
    const t = tokens[j]!;
    if (!isLabelLike(t) || t.key.length > 20 || rows.some((r) => labelMatches(r, t.key))) return [];
    const run = valueRun(tokens, j, width);
    if (run.length === width) return run;
  }
  return [];
}

/**
 * A full row whose label matched nothing (PDF text layers drop glyphs: "2.其他法律行政止公开") belongs to the
 * one unassigned form row between the rows printed before and after it — if exactly one is missing there and
 * its ordinal agrees with the printed one.
 */
function placeByPosition(i: number, t: Token, rows: readonly RequestsRow[], at: ReadonlyMap<string, number>): RequestsRow | null {
  const order = rows.map((r) => r.key);
  let prev = -1;
  let next = order.length;
  for (const [key, ti] of at) {
    const fi = order.indexOf(key);
    if (ti < i && fi > prev) prev = fi;
    if (ti > i && fi < next) next = fi;
  }
  const gap = rows.slice(prev + 1, next).filter((r) => !at.has(r.key));
  const ordinal = /^\d+/.exec(t.key)![0];
  return gap.length === 1 && gap[0]!.zh.startsWith(`${ordinal}.`) ? gap[0]! : null;
}

export function extractRequests(tokens: readonly Token[], era: ModernEra): RequestsResult {
  const form = FORMS[era].requests;
  const cols = form.columns;
  const rows = candidateRows(era);
  const cells: CellMap = new Map();
  const notes: string[] = [];
  const assigned = new Set<string>();
  let start = -1;
  let end = -1;
  let ambiguous = false;

  const at = new Map<string, number>();
  const garbled: { i: number; run: Token[] }[] = [];

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!isLabelLike(t)) continue;
    const key = t.key.replace(/\d+$/, '');
    const row = ANY_ROW[era](key) ? rows.find((r) => !assigned.has(r.key) && labelMatches(r, key)) : undefined;
    if (!row) {
      if (start >= 0 && /^\d/.test(t.key)) {
        const run = valueRun(tokens, i, cols.length);
        if (run.length === cols.length) garbled.push({ i, run });
      }
      continue;
    }
    if (start < 0 && row.key !== 'new') continue;
    if (isGluedLabel(t)) {
      ambiguous = true;
      notes.push(`row ${row.zh} (line ${t.loc.line ?? '?'}): digits are run together with the label (flattened table); cell boundaries cannot be read`);
      assigned.add(row.key);
      if (start < 0) start = i;
      end = i;
      continue;
    }
    const run = valueRunAfterWrap(tokens, i, cols.length, rows);
    if (run.length === 0) continue; // a group label, a heading or prose mentioning the label
    if (start < 0) start = i;
    end = i + run.length;
    assigned.add(row.key);
    at.set(row.key, i);
    if (run.some(looksRunTogether)) {
      ambiguous = true;
      notes.push(`row ${row.zh}: values with leading zeros ("${run.map((r) => r.text).join(' ')}") — cells were run together`);
      continue;
    }
    if (run.length === cols.length) {
      const keys = fieldKeys(row, cols);
      cols.forEach((c, k) => cells.set(keys[k]!, cellFromToken(run[k]!, c)));
      continue;
    }
    // Short rows (spec §7.4): blank cells were dropped by the layout, so positions are lost.
    const values = run.filter((r) => r.cls === 'value');
    const totalCol = cols.at(-1)!;
    if (values.length === 1) {
      cells.set(fieldKeys(row, cols).at(-1)!, cellFromToken(values[0]!, totalCol));
      notes.push(`row ${row.zh}: one value printed, read as 总计; other columns absent`);
    } else if (values.length === 2 && parseCell(values[0]!.text, null).value === parseCell(values[1]!.text, null).value) {
      cells.set(fieldKeys(row, cols).at(-1)!, cellFromToken(values[1]!, totalCol));
      notes.push(`row ${row.zh}: two equal values printed; 总计 = ${values[1]!.text}, the applicant column is unknown (ambiguous_column)`);
    } else {
      ambiguous = true;
      notes.push(`row ${row.zh}: ${run.length} of ${cols.length} cells printed; column positions are lost`);
    }
  }

  for (const g of garbled) {
    const row = placeByPosition(g.i, tokens[g.i]!, rows, at);
    if (!row) continue;
    assigned.add(row.key);
    const keys = fieldKeys(row, cols);
    cols.forEach((c, k) => cells.set(keys[k]!, cellFromToken(g.run[k]!, c)));
    notes.push(`row ${row.zh}: printed label garbled ("${tokens[g.i]!.text}"); placed by its ordinal between its neighbouring rows`);
  }

  const singleRowOther = era === 'gov2021' && assigned.has(SUBTOTAL_ROW.key);
  if (singleRowOther) notes.push('（六）其他处理 is printed as a single row (2019 layout) inside a 2021-format report');
  const expectedKeys = form.rows
    .filter((r) => !(singleRowOther && r.group === 'result.other'))
    .flatMap((r) => fieldKeys(r, cols));
  if (singleRowOther) expectedKeys.push(...fieldKeys(SUBTOTAL_ROW, cols));
  const found = expectedKeys.filter((k) => cells.has(k)).length;
  const status: TableStatus = {
    status: ambiguous ? 'ambiguous' : found === 0 ? 'absent' : found === expectedKeys.length ? 'complete' : 'partial',
    found,
    expected: expectedKeys.length,
    notes,
  };
  if (status.status === 'partial') {
    const missing = form.rows.filter((r) => !assigned.has(r.key) && !(singleRowOther && r.group === 'result.other'));
    if (missing.length) notes.push(`rows not found: ${missing.map((r) => r.zh).join('；')}`);
  }
  return { era, cells, status, singleRowOther, start, end };
}
