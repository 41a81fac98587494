import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { getCollection } from 'astro:content';
import type { Report } from '../model/report.ts';
import type { Lean } from '../publish/lean.ts';
import { buildModel, type SiteModel } from './model.ts';
import { reportJsonPath } from './paths.ts';

// getCollection once per build process (STACK-NOTES §2 rule 2); every page shares the same model.
let model: Promise<SiteModel> | undefined;
/** Content digest of every entry (the ingest's digest of the report page's content: src/ingest/link.ts). */
const digests = new Map<string, string>();

/**
 * Large builds render the pages in two Astro processes side by side (scripts/build.ts). Part a renders the
 * agency, year, region and other list pages and the report pages of ids below 4 (4/16 of them); part b the other
 * report pages and the data page (it gets a model without the lists other pages are made from). Part a starts
 * when the search index is done, part b when the datasets are, which the data page lists. A rebuild re-renders
 * mostly list pages (each new report changes its agency's, year's and regions'): they go to the process that
 * starts first. NIANBAO_ASTRO_PART unset: everything. Measured at 10,000 reports (BENCHMARKS.md, 12-04 00:05):
 * part a ends at search 67.6 + 47.0 s, part b at datasets 54.7 + 67.9 s; the rebuild's 405 changed pages are
 * part a's.
 */
const PART = process.env.NIANBAO_ASTRO_PART ?? '';
const SPLIT_AT = '4';
const inPart = (id: string) => (PART === 'a' ? id[0]! < SPLIT_AT : PART === 'b' ? id[0]! >= SPLIT_AT : true);
/** Whether this process renders the data page (it needs the datasets' files.json). */
export const rendersDataPage = PART !== 'a';

export function site(): Promise<SiteModel> {
  model ??= getCollection('reports').then((entries: { id: string; data: Lean; digest?: string | number }[]) => {
    for (const e of entries) digests.set(e.id, String(e.digest ?? ''));
    const m = buildModel(entries.map((e) => e.data));
    // Report pages read only byId and agencyById; every list page finds nothing to render.
    return PART === 'b' ? { ...m, agencies: [], regions: new Map(), regionRoots: [], years: [], byYear: new Map(), failing: [], failCounts: [] } : m;
  });
  return model as Promise<SiteModel>;
}

/** The full report, read only by its own page (the ingest validated it before writing it). */
export function loadReport(id: string): Report {
  return JSON.parse(readFileSync(reportJsonPath(id), 'utf8')) as Report;
}

/**
 * Cache key of a page for Astro's incremental build: everything the page shows that is not in its own
 * template code, hashed. A page whose key is unchanged is not rendered again.
 */
export function cacheKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 24);
}

/** Entry digest of a report (changes whenever its JSON or the lean projection changes). */
export const digestOf = (id: string): string => digests.get(id) ?? '';

/**
 * getStaticPaths of the report pages. A page shows its report and its agency's name, and links the per-report
 * downloads, which the datasets stage always writes (the link check proves it), so report pages need not wait
 * for it. NIANBAO_PAGES=aggregate leaves them out: when shards are built on several
 * machines, report pages come from the shard builds and the assembling build renders only the rest.
 */
export async function reportPaths(): Promise<{ params: { id: string }; props: { lean: Lean }; cacheKey: string }[]> {
  const s = await site();
  if (process.env.NIANBAO_PAGES === 'aggregate') return [];
  return s.reports.filter((lean) => inPart(lean.id)).map((lean) => ({
    params: { id: lean.id },
    props: { lean },
    cacheKey: cacheKey(digestOf(lean.id), s.agencyById.get(lean.agency_id)?.name ?? null),
  }));
}

/** Cache key of a page that lists some reports: their digests and whatever else the caller names. */
export const listKey = (reports: readonly Lean[], ...more: unknown[]): string => cacheKey(reports.map((r) => digestOf(r.id)), ...more);
