import { groupAgencies, type Agency } from '../../publish/agencies.ts';
import type { Check, Report } from '../../model/report.ts';
import { checkCarry } from './carry.ts';
import type { Link } from './chain.ts';
import { checkSeries } from './series.ts';
import { checkStock } from './stock.ts';

/** Ids of the cross-report rules, so a re-run can replace its own results. */
export const CROSS_RULES = new Set(['X-CARRY', 'X-STOCK', 'X-SERIES']);

/** Each dated report with the same agency's reports for the year before. */
function agencyLinks(reports: readonly Report[], agencies: readonly Agency[] = groupAgencies(reports)): Link[] {
  const byId = new Map(reports.map((r) => [r.id, r]));
  const links: Link[] = [];
  for (const a of agencies) {
    const mine = a.report_ids.map((id) => byId.get(id)!).filter((r) => r.meta.year !== null);
    for (const r of mine) links.push({ report: r, year: r.meta.year!, previous: mine.filter((p) => p.meta.year === r.meta.year! - 1) });
  }
  return links;
}

/** Cross-report checks (spec §5.5) for every report: X-CARRY, X-STOCK, X-SERIES, all severity warning. */
export function crossReportChecks(reports: readonly Report[], agencies?: readonly Agency[]): Map<string, Check[]> {
  const out = new Map<string, Check[]>(reports.map((r) => [r.id, []]));
  for (const link of agencyLinks(reports, agencies)) out.get(link.report.id)!.push(...checkCarry(link), ...checkStock(link), ...checkSeries(link));
  return out;
}
