import type { Report } from '../model/report.ts';

// The search index comes in bundles (scripts/search-index.ts): one per year, and several per year — groups of
// whole provinces — once a year holds more reports than one bundle may. The manifest below is all the search
// page loads up front; it then fetches only the bundles the chosen years and provinces need.

/** Folder of the search index in the site, and its manifest inside it. */
export const SEARCH_BASE = '/pagefind/';
export const MANIFEST_FILE = 'shards.json';

export interface Bundle {
  /** Folder name under /pagefind/. */
  id: string;
  /** Report years it holds ("unknown" for reports without one). */
  years: string[];
  /** Provinces it holds, or null for every province of its years. */
  provinces: string[] | null;
  reports: number;
}

export interface SearchManifest {
  version: 1;
  bundles: Bundle[];
  /** Every filter (searchdoc FILTERS) → value → number of reports, over all bundles. */
  filters: Record<string, Record<string, number>>;
}

/** Filter label of an unknown province or year. */
export const UNKNOWN_PROVINCE = '未知';

/** The province a report belongs to for sharding and the province filter: the resolved region's, if any. */
export function provinceOf(r: { meta: { region: Pick<Report['meta']['region'], 'resolved'> } }): string {
  const resolved = r.meta.region.resolved;
  return resolved?.path.find((p) => p.level === 'province')?.name ?? UNKNOWN_PROVINCE;
}

/**
 * Bundles a search over these years and provinces must load (none chosen = all), newest first. Years are
 * filter values: 未知 (the year filter's label) stands for the bundles' "unknown".
 */
export function bundlesFor(bundles: readonly Bundle[], years: readonly string[], provinces: readonly string[]): Bundle[] {
  const ys = years.map((y) => (y === UNKNOWN_PROVINCE ? 'unknown' : y));
  return bundles
    .filter((b) => !ys.length || b.years.some((y) => ys.includes(y)))
    .filter((b) => !provinces.length || b.provinces === null || b.provinces.some((p) => provinces.includes(p)))
    .sort((a, b) => newest(b) - newest(a) || b.reports - a.reports || (a.id < b.id ? -1 : 1));
}

const newest = (b: Bundle) => Math.max(...b.years.map((y) => (y === 'unknown' ? -1 : Number(y))));
