import type { Cell } from '../model/cell.ts';
import type { Report } from '../model/report.ts';

/** The cell stored under a full field key (e.g. requests.result.total.natural_person); derived keys fall back to report.derived. */
export function getCell(report: Report, key: string): Cell | undefined {
  const [table, ...path] = key.split('.');
  if (table === 'active' || table === 'requests' || table === 'appeals') {
    let node: unknown = report[table];
    for (const p of path) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[p] : undefined;
    if (node && typeof node === 'object' && 'state' in node) return node as Cell;
  }
  return report.derived[key] ?? report.ext[key] ?? report.legacy[key];
}

export function cellValue(report: Report, key: string): number | null {
  return getCell(report, key)?.value ?? null;
}
