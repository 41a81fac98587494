import { groupAgencies, type Agency } from '../../publish/agencies.ts';
import type { CorpusCard } from '../../ingest/card.ts';
import { canonical } from '../../model/canonical.ts';
import { CheckSchema, type Check } from '../../model/report.ts';
import { CARRY_KEYS, checkCarry } from './carry.ts';
import type { Link } from './chain.ts';
import { checkSeries, SERIES_KEYS } from './series.ts';
import { checkStock, STOCK_KEYS } from './stock.ts';

/** Ids of the cross-report rules, so a re-run can replace its own results. */
export const CROSS_RULES = new Set(['X-CARRY', 'X-STOCK', 'X-SERIES']);

/** Every cell the cross-report rules read: what a corpus card keeps of the tables. */
export const CROSS_KEYS = [...CARRY_KEYS, ...STOCK_KEYS, ...SERIES_KEYS];

/** Each dated report with the same agency's reports for the year before. */
function agencyLinks(cards: readonly CorpusCard[], agencies: readonly Agency[] = groupAgencies(cards)): Link[] {
  const byId = new Map(cards.map((r) => [r.id, r]));
  const links: Link[] = [];
  for (const a of agencies) {
    const mine = a.report_ids.map((id) => byId.get(id)!).filter((r) => r.meta.year !== null);
    for (const r of mine) links.push({ report: r, year: r.meta.year!, previous: mine.filter((p) => p.meta.year === r.meta.year! - 1) });
  }
  return links;
}

/** Cross-report checks (spec §5.5) for every report: X-CARRY, X-STOCK, X-SERIES, all severity warning. */
export function crossReportChecks(cards: readonly CorpusCard[], agencies?: readonly Agency[]): Map<string, Check[]> {
  const out = new Map<string, Check[]>(cards.map((r) => [r.id, []]));
  for (const link of agencyLinks(cards, agencies)) {
    // In the schema's key order, like the report's own checks: they are spliced into its canonical JSON text.
    const checks = [...checkCarry(link), ...checkStock(link), ...checkSeries(link)].map((c) => canonical(c, CheckSchema) as Check);
    out.get(link.report.id)!.push(...checks);
  }
  return out;
}
