import type { Cell } from './cell.ts';
import type { Report } from './report.ts';

/** A report's cell by full field key: the nested form tables, then derived, local extra and legacy values. */
export function cellOf(report: Report, key: string): Cell | undefined {
  const [table, ...path] = key.split('.');
  if (table === 'active' || table === 'requests' || table === 'appeals') {
    let node: unknown = report[table];
    for (const p of path) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[p] : undefined;
    if (node && typeof node === 'object' && 'state' in node) return node as Cell;
  }
  return report.derived[key] ?? report.ext[key] ?? report.legacy[key];
}

export function cellValue(report: Report, key: string): number | null {
  return cellOf(report, key)?.value ?? null;
}
