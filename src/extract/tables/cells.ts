import type { Cell } from '../../model/cell.ts';
import type { Column } from '../../forms/types.ts';
import type { Token } from './tokens.ts';
import { parseCell } from './value.ts';

/** Field key → printed cell, for one table. */
export type CellMap = Map<string, Cell>;

export function cellFromToken(t: Token, col: Column): Cell {
  return parseCell(t.text, t.loc, col.kind);
}

/** A label whose normalised text ends in digits has its first value glued on: a flattened table. */
export function isGluedLabel(t: Token): boolean {
  return /\d$/.test(t.key);
}

/** Multi-digit integers with a leading zero ("000023") only arise when cells were run together. */
export function looksRunTogether(t: Token): boolean {
  return /^0\d+$/.test(t.text.trim());
}
