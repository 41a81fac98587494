import type { Cell } from './cell.ts';
import type { Report } from './report.ts';

/** The reverse of nesting: every cell of a report table keyed by its full field key ("requests.new.total"). */
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

/** Field keys split into their path once: the forms give a few hundred keys, and every report repeats them. */
const paths = new Map<string, string[]>();

/** A field key's path ("requests.new.total" → requests, new, total); the array is shared, never change it. */
export function fieldPath(key: string): readonly string[] {
  let path = paths.get(key);
  if (!path) paths.set(key, (path = key.split('.')));
  return path;
}

/** The cell at a field key in a report's nested form tables, following the key's path. */
function tableCell(report: Report, key: string): Cell | undefined {
  const path = fieldPath(key);
  const table = path[0];
  if (table !== 'active' && table !== 'requests' && table !== 'appeals') return undefined;
  let node: unknown = report[table];
  for (let i = 1; i < path.length && node && typeof node === 'object'; i++) node = (node as Record<string, unknown>)[path[i]!];
  return node && typeof node === 'object' && 'state' in node && 'raw' in node ? (node as Cell) : undefined;
}

/** A report's cell by full field key: the nested form tables, then derived, local extra and legacy values. */
export function cellOf(report: Report, key: string): Cell | undefined {
  return tableCell(report, key) ?? report.derived[key] ?? report.ext[key] ?? report.legacy[key];
}

export function cellValue(report: Report, key: string): number | null {
  return cellOf(report, key)?.value ?? null;
}
