import { crossReportChecks } from '../check/cross/index.ts';
import { timelinessByAgency, timelinessByRegionYear, timelinessOf, type RegionYearTimeliness, type Timeliness, type TimelinessCount } from '../check/timeliness.ts';
import type { CorpusCard } from '../ingest/card.ts';
import type { Check } from '../model/report.ts';
import { groupAgencies, type Agency } from './agencies.ts';
import { findLeads, type Lead } from './leads.ts';

// The one corpus-level step between ingest and publishing: everything that needs more than one report.

export interface CorpusTimeliness {
  reports: Timeliness[];
  by_agency: (TimelinessCount & { agency_id: string; late_years: number[] })[];
  by_region_year: RegionYearTimeliness[];
}

export interface LinkedCorpus {
  /** Each report's cross-report checks (X-CARRY, X-STOCK, X-SERIES), to replace the ones it carries. */
  cross: Map<string, Check[]>;
  agencies: Agency[];
  leads: Lead[];
  timeliness: CorpusTimeliness;
}

/**
 * Group reports into agencies, run the cross-report checks, judge timeliness and find leads, from the reports'
 * corpus cards. Pure: the cards are not modified, and the failed cross-report checks count for the leads.
 */
export function linkCorpus(cards: readonly CorpusCard[]): LinkedCorpus {
  const agencies = groupAgencies(cards);
  const cross = crossReportChecks(cards, agencies);
  const linked = cards.map((r) => ({ ...r, checks: [...r.checks, ...cross.get(r.id)!.filter((c) => c.status === 'fail')] }));
  const items = linked.map(timelinessOf);
  return {
    cross,
    agencies,
    leads: findLeads(linked, agencies, items),
    timeliness: { reports: items, by_agency: timelinessByAgency(items, agencies), by_region_year: timelinessByRegionYear(items, linked) },
  };
}
