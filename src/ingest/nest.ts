import type { Cell } from '../model/cell.ts';
import { fieldPath } from '../model/cell-of.ts';

type Tree = { [k: string]: Tree | Cell };

/** Field-keyed cells ("requests.new.total") as the nested objects the report schema expects, one per table. */
export function nestCells(cells: Map<string, Cell>): Record<'active' | 'requests' | 'appeals', Tree> {
  const roots: Record<string, Tree> = { active: {}, requests: {}, appeals: {} };
  for (const [key, cell] of cells) {
    const path = fieldPath(key);
    let node = roots[path[0]!];
    if (!node) continue;
    for (let i = 1; i < path.length - 1; i++) node = (node[path[i]!] ??= {}) as Tree;
    node[path[path.length - 1]!] = cell;
  }
  return roots as Record<'active' | 'requests' | 'appeals', Tree>;
}
