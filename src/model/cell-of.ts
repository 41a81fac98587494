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

/** Every cell of a report by full field key, built once per report object: a report page looks up hundreds. */
const indexes = new WeakMap<Report, Map<string, Cell>>();

function cellIndex(report: Report): Map<string, Cell> {
  let index = indexes.get(report);
  if (!index) {
    index = new Map();
    for (const table of ['active', 'requests', 'appeals'] as const) flattenCells(report[table], table, index);
    indexes.set(report, index);
  }
  return index;
}

/** A report's cell by full field key: the nested form tables, then derived, local extra and legacy values. */
export function cellOf(report: Report, key: string): Cell | undefined {
  return cellIndex(report).get(key) ?? report.derived[key] ?? report.ext[key] ?? report.legacy[key];
}

export function cellValue(report: Report, key: string): number | null {
  return cellOf(report, key)?.value ?? null;
}
