import type { Cell } from '../../model/cell.ts';
import type { Report } from '../../model/report.ts';

/** A report's cell by full field key: the nested form tables, then derived and legacy values. */
export function cellOf(report: Report, key: string): Cell | undefined {
  const [table, ...path] = key.split('.');
  if (table === 'active' || table === 'requests' || table === 'appeals') {
    let node: unknown = report[table];
    for (const p of path) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[p] : undefined;
    if (node && typeof node === 'object' && 'state' in node) return node as Cell;
  }
  return report.derived[key] ?? report.legacy[key];
}
