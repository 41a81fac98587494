// The Pagefind search index of the reports, in bundles (STACK-NOTES §3): one per year, and a year with more
// than SHARD_MAX reports is split into groups of whole provinces (a province larger than that into parts), so
// indexing memory is bounded by SHARD_MAX whatever the size of the archive, and the browser fetches only the
// bundles that the searched years and provinces need (src/site/search-client.ts).
//
// Output (<outDir>, linked into dist/pagefind/): one folder per bundle, plus shards.json, the manifest the
// search page reads first (bundles with their years, provinces and report counts; filter values with counts).
// A bundle whose reports did not change since the last build (same records, same index version) is not
// indexed again: <outDir>.state.json keeps each bundle's digest.
//
//   node scripts/search-index.ts [ingestDir] [outDir]   re-index without rebuilding the site
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { ledgerReportIds, type Ledger } from '../src/model/ledger.ts';
import { readLeanLines } from '../src/ingest/link.ts';
import { readReportHead, type ReportHead } from '../src/ingest/report-head.ts';
import { FILTERS, searchRecord, type SearchRecord } from '../src/site/searchdoc.ts';
import { MANIFEST_FILE, provinceOf, type Bundle, type SearchManifest } from '../src/site/shards.ts';

/** Reports per bundle at most (except a single province-year larger than this, split into parts of this size). */
export const SHARD_MAX = Number(process.env.NIANBAO_SHARD_MAX) || 5000;
/** Bump when searchRecord or the bundle layout changes: every bundle is indexed again. */
export const INDEX_VERSION = 2;
/** Pagefind writes UI bundles we do not use (the search page has its own client). */
const UNUSED = /^pagefind-(?:ui|component-ui|modular-ui|highlight)\.(?:js|css)$/;
const PAGEFIND_VERSION = (JSON.parse(readFileSync(new URL('../node_modules/pagefind/package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** What a search record is made of: a report's head, not its tables and checks. */
export const reportLoader = (ingestDir: string) => (id: string): ReportHead => readReportHead(path.join(ingestDir, 'reports', `${id}.json`));

interface Item { id: string; year: string; province: string }

export interface BundlePlan extends Bundle { ids: string[] }

const shortHash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 8);

/**
 * Bundles for the given reports. Pagefind fetches index chunks per bundle, so fewer, larger bundles cost a
 * query fewer bytes (measured: a query over one 2,000-report bundle fetched half of what it fetched over six
 * bundles of 333); memory bounds their size. So: consecutive years are packed together, oldest first, while
 * they hold at most `max` reports, except a newest year with less than a quarter of the reports of the year
 * before: its reports are still arriving, and it stays a bundle of its own until it has that many, so adding to it
 * re-indexes nothing older (it joins the packs, once, when it has grown or a newer year has begun); a year larger
 * than `max` is split into about equal groups of whole provinces (largest first into the emptiest group), and a
 * province larger than `max` into parts by report id. Bundle ids depend only on what they hold (years,
 * provinces), so an unchanged group keeps its id and is not indexed again.
 */
export function planBundles(items: readonly Pick<Item, 'id' | 'year' | 'province'>[], max = SHARD_MAX, prefix?: string): BundlePlan[] {
  const years = new Map<string, Map<string, string[]>>();
  for (const it of items) {
    const provinces = years.get(it.year) ?? new Map<string, string[]>();
    years.set(it.year, provinces);
    const list = provinces.get(it.province);
    if (list) list.push(it.id);
    else provinces.set(it.province, [it.id]);
  }
  const name = (ys: string[]) => prefix ?? (ys.length === 1 ? ys[0]! : `${ys[0]}-${ys.at(-1)}`);
  const out: BundlePlan[] = [];
  let pack: { years: string[]; ids: string[]; provinces: Set<string> } | null = null;
  const flush = () => {
    if (pack) out.push({ id: name(pack.years), years: pack.years, provinces: prefix ? [...pack.provinces].sort() : null, reports: pack.ids.length, ids: pack.ids.sort() });
    pack = null;
  };
  // Oldest first; reports without a year last, in a bundle of their own.
  const order = [...years.keys()].sort((a, b) => (a === 'unknown' ? 1 : b === 'unknown' ? -1 : Number(a) - Number(b)));
  const sizeOf = (year: string) => [...years.get(year)!.values()].reduce((a, ids) => a + ids.length, 0);
  const known = order.filter((y) => y !== 'unknown');
  const newest = known.at(-1);
  // The newest year with under a quarter of the reports of the year before: its reports are still arriving.
  const arriving = known.length >= 2 && sizeOf(newest!) < sizeOf(known.at(-2)!) / 4 ? newest : null;
  for (const year of order) {
    const provinces = years.get(year)!;
    const total = sizeOf(year);
    if (total <= max) {
      if (pack && (pack.ids.length + total > max || year === 'unknown' || year === arriving || prefix)) flush();
      pack ??= { years: [], ids: [], provinces: new Set() };
      pack.years.push(year);
      for (const [p, ids] of provinces) { pack.ids.push(...ids); pack.provinces.add(p); }
      continue;
    }
    flush();
    const groups: { provinces: string[]; ids: string[] }[] = [];
    const bins: { provinces: string[]; ids: string[] }[] = Array.from({ length: Math.ceil(total / (max * 0.85)) }, () => ({ provinces: [], ids: [] }));
    const bySize = [...provinces].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
    for (const [province, ids] of bySize) {
      if (ids.length > max) {
        const sorted = [...ids].sort();
        const parts = Math.ceil(sorted.length / max);
        for (let i = 0; i < parts; i++) groups.push({ provinces: [province], ids: sorted.filter((_, j) => j % parts === i) });
        continue;
      }
      const bin = bins.reduce((a, b) => (b.ids.length < a.ids.length ? b : a));
      bin.provinces.push(province);
      bin.ids.push(...ids);
    }
    for (const g of [...bins.filter((b) => b.ids.length), ...groups]) {
      const provincesSorted = [...g.provinces].sort();
      const ids = [...g.ids].sort();
      out.push({ id: `${prefix ?? year}-${shortHash(`${provincesSorted.join('|')}#${ids[0]}`)}`, years: [year], provinces: provincesSorted, reports: ids.length, ids });
    }
  }
  flush();
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface SearchIndexOptions {
  ingestDir: string;
  outDir: string;
  /** Only these reports (a shard build); default every report of the ledger. */
  ids?: string[];
  /** A shard build: bundle ids start with this (shard builds on several machines must not collide). */
  bundle?: string;
  max?: number;
  onProgress?: (text: string) => void;
}

export interface SearchIndexResult {
  shards: Bundle[];
  rebuilt: string[];
  reports: number;
  /** Bytes of the whole index (every bundle and the manifest). */
  bytes: number;
}

async function sizeOf(dir: string): Promise<number> {
  let n = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) n += (await stat(path.join(e.parentPath, e.name))).size;
  return n;
}

/** Index one bundle into <outDir>/<id>/ (replacing what was there). */
async function writeBundle(outDir: string, id: string, records: SearchRecord[]): Promise<void> {
  const dir = path.join(outDir, id);
  await rm(dir, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  for (const rec of records) {
    const res = await index.addCustomRecord(rec);
    if (res.errors.length) throw new Error(`pagefind: ${rec.url}: ${res.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath: dir });
  if (written.errors.length) throw new Error(`pagefind: writing bundle ${id}: ${written.errors.join('; ')}`);
  await index.deleteIndex();
  for (const f of await readdir(dir)) if (UNUSED.test(f)) await rm(path.join(dir, f));
}

/** Digest of the code that shapes the records (src/site): a change re-indexes every bundle. */
function codeDigest(): string {
  const h = createHash('sha256').update(`${INDEX_VERSION}\n${PAGEFIND_VERSION}\n`);
  const dir = fileURLToPath(new URL('../src/site/', import.meta.url));
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts')).sort()) h.update(f).update(readFileSync(path.join(dir, f)));
  return h.digest('hex');
}

/** Kept between builds (<outDir>.state.json): per report what placing it needs, per bundle what it was built from. */
interface IndexState {
  code: string;
  reports: Record<string, { digest: string; year: string; province: string; filters: Record<string, string[]>; record: string }>;
  bundles: Record<string, string>;
}

/** Build (or bring up to date) every bundle and the manifest. */
export async function buildSearchIndex(opts: SearchIndexOptions): Promise<SearchIndexResult> {
  const { ingestDir, outDir, onProgress } = opts;
  const stateFile = `${outDir}.state.json`;
  const code = codeDigest();
  let state: IndexState = { code, reports: {}, bundles: {} };
  if (existsSync(stateFile)) {
    const read = JSON.parse(await readFile(stateFile, 'utf8')) as IndexState;
    if (read.code === code && read.reports) state = read;
  }
  const ids = opts.ids ?? ledgerReportIds(JSON.parse(await readFile(path.join(ingestDir, 'ledger.json'), 'utf8')) as Ledger);
  const next: IndexState = { code, reports: {}, bundles: {} };

  // One pass over the reports' site entries. A report whose entry digest (which changes with anything its page
  // shows) is unchanged since the last build is not read; the records of changed reports (a few KB each) are
  // kept for indexing.
  const lean = await readLeanLines(ingestDir);
  const load = reportLoader(ingestDir);
  const records = new Map<string, SearchRecord>();
  const recordOf = (r: ReportHead) => {
    const record = searchRecord(r, lean.entry(r.id));
    records.set(r.id, record);
    return record;
  };
  const items: Item[] = [];
  const counts: Record<string, Record<string, number>> = Object.fromEntries(Object.values(FILTERS).map((f) => [f, {}]));
  for (const id of ids) {
    const digest = lean.digest(id);
    let entry = state.reports[id];
    if (entry?.digest !== digest) {
      const r = load(id);
      const record = recordOf(r);
      entry = { digest, year: String(r.meta.year ?? 'unknown'), province: provinceOf(r), filters: record.filters, record: createHash('sha1').update(JSON.stringify(record)).digest('hex') };
    }
    next.reports[id] = entry;
    items.push({ id, year: entry.year, province: entry.province });
    for (const [name, values] of Object.entries(entry.filters)) for (const v of values) counts[name]![v] = (counts[name]![v] ?? 0) + 1;
    if (items.length % 1000 === 0) onProgress?.(`${items.length}/${ids.length} reports read`);
  }
  const plan = planBundles(items, opts.max, opts.bundle);

  const rebuilt: string[] = [];
  try {
    for (const [n, b] of plan.entries()) {
      const digest = createHash('sha256').update(JSON.stringify(b.ids.map((id) => [id, next.reports[id]!.record]))).digest('hex');
      next.bundles[b.id] = digest;
      if (state.bundles[b.id] === digest && existsSync(path.join(outDir, b.id, 'pagefind-entry.json'))) continue;
      onProgress?.(`bundle ${n + 1}/${plan.length} (${b.id}): indexing ${b.reports} reports`);
      const bundleRecords: SearchRecord[] = [];
      for (const id of b.ids) bundleRecords.push(records.get(id) ?? recordOf(load(id)));
      await writeBundle(outDir, b.id, bundleRecords);
      for (const id of b.ids) records.delete(id);
      rebuilt.push(b.id);
    }
  } finally {
    await pagefind.close();
  }
  // Bundles no longer planned.
  const planned = new Set(plan.map((b) => b.id));
  for (const e of existsSync(outDir) ? await readdir(outDir, { withFileTypes: true }) : []) {
    if (e.isDirectory() && !planned.has(e.name)) await rm(path.join(outDir, e.name), { recursive: true });
  }
  const shards: Bundle[] = plan.map(({ ids: _ids, ...b }) => b);
  const manifest: SearchManifest = { version: 1, bundles: shards, filters: counts };
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest)}\n`);
  await writeFile(stateFile, `${JSON.stringify(next)}\n`);
  return { shards, rebuilt, reports: items.length, bytes: await sizeOf(outDir) };
}

// node scripts/search-index.ts [ingestDir] [outDir]
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const ingest = process.argv[2] ?? '.cache/ingest';
  const out = process.argv[3] ?? '.cache/search';
  const r = await buildSearchIndex({ ingestDir: ingest, outDir: out, onProgress: (t) => console.error(`search-index: ${t}`) });
  console.log(`search-index: ${r.shards.length} bundles (${r.rebuilt.length} rebuilt), ${r.reports} reports, ${(r.bytes / 2 ** 20).toFixed(1)} MB → ${out}`);
}
