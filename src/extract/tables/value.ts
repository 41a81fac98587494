import type { Cell } from '../../model/cell.ts';
import type { Loc } from '../../model/location.ts';
import type { ValueKind } from '../../forms/types.ts';
import { isDigitCode } from '../../text/chars.ts';

// Cell value grammar (spec §7.5): number with optional sign, thousands separators, decimals and unit;
// zero words; dashes; slashes. Anything else is "text" (a parse error, value null).

const NUMBER_RE = /^([+\-−]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(件|项|个|条|万元|元)?(?:\s*[（(][^)）]*[)）])?$/;
const ZERO_WORDS = new Set(['零', '〇', '○', '无']);
const DASHES = new Set(['-', '–', '—', '——', '--', '—/—', '―', '─', '-/-']);
const SLASHES = new Set(['/', '／', '\\']);

export type ValueClass = 'value' | 'empty' | 'text';

/** Could this (trimmed) text start a number? Zero words, dashes and slashes are at most three characters. */
function mayBeValue(t: string): boolean {
  const c = t.charCodeAt(0);
  return t.length <= 3 || isDigitCode(c) || c === 43 || c === 45 || c === 0x2212;
}

/** Classify printed text without building a cell: is it a value slot, an empty slot, or other text? */
export function classifyValue(text: string): ValueClass {
  const t = text.trim();
  if (t === '') return 'empty';
  // Prose lines are most of the text: they are ruled out without a regex or a hash of the whole line.
  if (!mayBeValue(t)) return 'text';
  if (NUMBER_RE.test(t) || ZERO_WORDS.has(t) || DASHES.has(t) || SLASHES.has(t)) return 'value';
  return 'text';
}

/**
 * Parse one printed cell. Money printed in 元 is converted to the form's 万元; the printed unit is kept.
 * Signs are only meaningful for signed counts (本年增/减); a sign elsewhere still parses, and the
 * non-negativity check reports it.
 */
export function parseCell(text: string, loc: Loc | null, kind: ValueKind = 'count'): Cell {
  const raw = text.trim();
  if (raw === '') return { value: null, raw, state: 'blank', loc };
  if (ZERO_WORDS.has(raw)) return { value: 0, raw, state: 'zero_word', loc };
  if (DASHES.has(raw)) return { value: null, raw, state: 'dash', loc };
  if (SLASHES.has(raw)) return { value: null, raw, state: 'slash', loc };
  const m = NUMBER_RE.exec(raw);
  if (!m) return { value: null, raw, state: 'text', loc };
  const [, sign, int, frac, unit] = m;
  let value = Number(`${int!.replace(/,/g, '')}${frac ? `.${frac}` : ''}`);
  if (sign === '-' || sign === '−') value = -value;
  const cell: Cell = { value, raw, state: 'num', loc };
  if (unit) {
    cell.unit = unit;
    if (kind === 'money' && unit === '元') cell.value = value / 10_000;
  }
  return cell;
}
