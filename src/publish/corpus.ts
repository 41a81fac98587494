import { crossReportChecks, CROSS_RULES } from '../check/cross/index.ts';
import { timelinessByAgency, timelinessByRegionYear, timelinessOf, type RegionYearTimeliness, type Timeliness, type TimelinessCount } from '../check/timeliness.ts';
import type { Report } from '../model/report.ts';
import { groupAgencies, type Agency } from './agencies.ts';
import { resolveRegion } from './gazetteer/resolve.ts';
import { findLeads, type Lead } from './leads.ts';

// The one corpus-level step between ingest and publishing: everything that needs more than one report.

export interface CorpusTimeliness {
  reports: Timeliness[];
  by_agency: (TimelinessCount & { agency_id: string; late_years: number[] })[];
  by_region_year: RegionYearTimeliness[];
}

export interface LinkedCorpus {
  /** The input reports with cross-report checks appended (and a resolved region where ingest left none). */
  reports: Report[];
  agencies: Agency[];
  leads: Lead[];
  timeliness: CorpusTimeliness;
}

/**
 * Group reports into agencies, append the cross-report checks (X-CARRY, X-STOCK, X-SERIES) to each report's checks
 * so pages, checks.csv and search see them, judge timeliness, and find leads. Pure: the inputs are not modified, and
 * running it again on its own output gives the same result (earlier cross-report results are replaced).
 */
export function linkCorpus(input: readonly Report[]): LinkedCorpus {
  // Reports cached before the gazetteer existed carry no resolution: resolve them here rather than re-ingest.
  const reports = input.map((r) => (r.meta.region.resolved === undefined ? { ...r, meta: { ...r.meta, region: { ...r.meta.region, resolved: resolveRegion(r.meta) } } } : r));
  const agencies = groupAgencies(reports);
  const cross = crossReportChecks(reports, agencies);
  const linked = reports.map((r) => ({ ...r, checks: [...r.checks.filter((c) => !CROSS_RULES.has(c.id)), ...cross.get(r.id)!] }));
  const items = linked.map(timelinessOf);
  return {
    reports: linked,
    agencies,
    leads: findLeads(linked, agencies, items),
    timeliness: { reports: items, by_agency: timelinessByAgency(items, agencies), by_region_year: timelinessByRegionYear(items, linked) },
  };
}
