import { FORMS, type ModernEra } from '../../forms/index.ts';
import type { TableStatus } from '../../model/report.ts';
import { cellFromToken, looksRunTogether, type CellMap } from './cells.ts';
import { findToken } from './runs.ts';
import type { Token } from './tokens.ts';

const SLOTS = 15;

/** The table-4 header: a cell reading exactly 行政复议, or a short line naming both 复议 and 诉讼. */
function isAnchor(t: Token): boolean {
  return t.key === '行政复议' || (t.cls === 'text' && t.key.length <= 40 && t.key.includes('行政复议') && t.key.includes('行政诉讼'));
}

// Header cells of table 4, however wrapped, letter-spaced or printed vertically, use only these characters.
const HEADER_CHARS = new Set('行政复议诉讼未经直接起后结果维持纠正其他尚审总计数量情况件');
const isHeader = (t: Token) => t.cls === 'text' && [...t.key].every((c) => HEADER_CHARS.has(c));
/** A printed note under the header ("注：行政复议、行政诉讼数量含上年度结转数量。") is not a cell. */
const isNote = (t: Token) => t.cls === 'text' && /^注/.test(t.key) && t.key.length <= 60;

/**
 * Table 4: always the 15 numbers in printed order (spec §2.4) — header cells are often wrapped or
 * vertical and never used to place values. Only header words and notes may stand between the header and
 * the numbers, or between value rows of a table printed in three parts; anything else ends the table.
 * Where rows are marked, leading blank cells of the first data row count as slots.
 */
export function extractAppeals(tokens: readonly Token[], era: ModernEra, from: number): { cells: CellMap; status: TableStatus } {
  const form = FORMS[era].appeals;
  const slots = form.groups.flatMap((g) => form.leaves.map((l) => ({ key: `appeals.${g.key}.${l.key}`, col: l })));
  const cells: CellMap = new Map();
  const notes: string[] = [];
  let anchor = findToken(tokens, from, isAnchor);
  if (anchor < 0) anchor = findToken(tokens, 0, isAnchor);
  if (anchor < 0) return { cells, status: { status: 'absent', found: 0, expected: SLOTS, notes } };

  const picked: Token[] = [];
  let i = findToken(tokens, anchor + 1, (t) => t.cls === 'value' || (t.cls === 'text' && !isHeader(t) && !isNote(t)));
  if (i >= 0 && tokens[i]!.cls !== 'value') i = -1;
  if (i >= 0 && tokens[i]!.row !== undefined) {
    const row = tokens[i]!.row;
    while (i > anchor + 1 && tokens[i - 1]!.row === row && tokens[i - 1]!.cls === 'empty') i--;
  }
  for (; i >= 0 && i < tokens.length && picked.length < SLOTS; i++) {
    const t = tokens[i]!;
    if (t.cls === 'text') {
      if (isHeader(t) || isNote(t)) continue;
      break;
    }
    if (t.cls === 'empty' && t.row === undefined) continue;
    picked.push(t);
  }
  if (picked.some(looksRunTogether)) {
    notes.push('values with leading zeros — cells were run together');
    return { cells, status: { status: 'ambiguous', found: 0, expected: SLOTS, notes } };
  }
  if (picked.length < SLOTS) {
    if (picked.length > 0) notes.push(`${picked.length} of ${SLOTS} numbers printed after the header; positions unknown, not guessed`);
    return { cells, status: { status: picked.length ? 'ambiguous' : 'absent', found: 0, expected: SLOTS, notes } };
  }
  picked.forEach((t, k) => cells.set(slots[k]!.key, cellFromToken(t, slots[k]!.col)));
  return { cells, status: { status: 'complete', found: SLOTS, expected: SLOTS, notes } };
}
