import type { Cell } from '../model/cell.ts';

type Tree = { [k: string]: Tree | Cell };

/** Field-keyed cells of one table ("requests.new.total") as the nested object the report schema expects. */
export function nestCells(cells: Map<string, Cell>, table: string): Tree {
  const root: Tree = {};
  for (const [key, cell] of cells) {
    const path = key.split('.');
    if (path[0] !== table) continue;
    let node = root;
    for (const part of path.slice(1, -1)) node = (node[part] ??= {}) as Tree;
    node[path.at(-1)!] = cell;
  }
  return root;
}

/** The reverse of nestCells: every cell of a report table keyed by its full field key. */
export function flattenCells(tree: unknown, prefix: string, out = new Map<string, Cell>()): Map<string, Cell> {
  if (tree && typeof tree === 'object') {
    for (const [k, v] of Object.entries(tree as Record<string, unknown>)) {
      const key = `${prefix}.${k}`;
      if (v && typeof v === 'object' && 'state' in v && 'raw' in v) out.set(key, v as Cell);
      else flattenCells(v, key, out);
    }
  }
  return out;
}
