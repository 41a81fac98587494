import type { Cell, CellState } from '../model/cell.ts';

/** A cell's value as the checks use it (spec §5.1): slash and dash count as 0 but are remembered. */
export interface Known {
  v: number;
  dash: boolean;
  slash: boolean;
}

/** How each state counts (spec §5.1): its own value, 0 remembered as slash or dash, or unknown. */
const COUNTS: Record<CellState, 'value' | 'slash' | 'dash' | null> = {
  num: 'value', zero_word: 'value', inferred: 'value', slash: 'slash', dash: 'dash', blank: null, text: null, absent: null,
};

export function known(cell: Pick<Cell, 'state' | 'value'> | undefined): Known | null {
  const counts = cell ? COUNTS[cell.state] : null;
  if (counts === 'value') return cell!.value === null ? null : { v: cell!.value, dash: false, slash: false };
  return counts === null ? null : { v: 0, dash: counts === 'dash', slash: counts === 'slash' };
}

/** Sum of known values, or null when any is unknown (no Known per cell: the checks sum thousands of cells). */
export function sumKnown(cells: (Cell | undefined)[]): { v: number; dash: boolean } | null {
  let v = 0;
  let dash = false;
  for (const c of cells) {
    const counts = c ? COUNTS[c.state] : null;
    if (counts === null || (counts === 'value' && c!.value === null)) return null;
    if (counts === 'value') v += c!.value!;
    else dash ||= counts === 'dash';
  }
  return { v: round(v), dash };
}

/** Money sums must not drift (0.1 + 0.2); four decimals is the finest unit printed (万元 → 元). */
export function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
