import type { Cell } from '../model/cell.ts';

/** A cell's value as the checks use it (spec §5.1): slash and dash count as 0 but are remembered. */
export interface Known {
  v: number;
  dash: boolean;
  slash: boolean;
}

export function known(cell: Pick<Cell, 'state' | 'value'> | undefined): Known | null {
  if (!cell) return null;
  switch (cell.state) {
    case 'num':
    case 'zero_word':
    case 'inferred':
      return cell.value === null ? null : { v: cell.value, dash: false, slash: false };
    case 'slash':
      return { v: 0, dash: false, slash: true };
    case 'dash':
      return { v: 0, dash: true, slash: false };
    default:
      return null;
  }
}

/** Sum of known values, or null when any is unknown (known() inlined: the checks sum thousands of cells). */
export function sumKnown(cells: (Cell | undefined)[]): { v: number; dash: boolean } | null {
  let v = 0;
  let dash = false;
  for (const c of cells) {
    switch (c?.state) {
      case 'num':
      case 'zero_word':
      case 'inferred':
        if (c.value === null) return null;
        v += c.value;
        break;
      case 'dash':
        dash = true;
        break;
      case 'slash':
        break;
      default:
        return null;
    }
  }
  return { v: round(v), dash };
}

/** Money sums must not drift (0.1 + 0.2); four decimals is the finest unit printed (万元 → 元). */
export function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
