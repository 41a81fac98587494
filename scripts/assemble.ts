// Assembling a site from build outputs.
//
// 1. Within one build (scripts/build.ts, publish stage): the Astro pages, the data files, the original source
//    files and the search bundles each live in their own folder under the work folder; `assemble` hard-links
//    them into dist/ (no bytes copied, unchanged files untouched) and removes whatever is no longer produced.
//
// 2. Across machines: every shard of the archive (a year, or some provinces of a year) can be built on its own
//    machine or CI job —
//        node scripts/build.ts --shard year=2021 --out shards/2021
//        node scripts/build.ts --shard year=2022,province=吉林省 --out shards/2022-jilin
//    — each writing its report pages, search bundle, source files and report JSONs to its output folder.
//    Then one job merges them:
//        node scripts/assemble.ts shards/* --out dist
//    which renders the pages that span shards (home, years, regions, agencies, checks, data downloads) from
//    the union of the shards' reports, writes the datasets, joins the search bundles into one manifest and
//    checks every link. See README "Building in shards".
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { linkOrCopy } from '../src/fs/link-or-copy.ts';
import { filesByPath } from '../src/fs/walk.ts';
import { ledgerReportIds, type Ledger } from '../src/model/ledger.ts';
import { extOf } from '../src/publish/lean.ts';
import { sourceName } from '../src/site/paths.ts';
import { MANIFEST_FILE, provinceOf, type SearchManifest } from '../src/site/shards.ts';
import { linkSummary, linksCache, report, runStage, selectedFile, workDirs, type Context, type ShardFilter, type WorkDirs } from './build.ts';
import { checkSiteAside } from './check-links.ts';
import { readLeanLines } from '../src/ingest/link.ts';

type Progress = (text: string) => void;

/** Every file under dir, as relative path → absolute path (none when dir does not exist). */
const files = (dir: string): Map<string, string> => (existsSync(dir) ? filesByPath(dir) : new Map());

/** First ledger entry of every report (duplicates point at it): id, file as given, bytes, sha256. */
function sourcesOf(ledger: Ledger, only?: Set<string>): { id: string; file: string; bytes: number; sha256: string }[] {
  return ledger.entries
    .filter((e) => e.report_id !== null && e.duplicate_of === null && (!only || only.has(e.report_id)))
    .map((e) => ({ id: e.report_id!, file: e.file, bytes: e.bytes, sha256: e.sha256! }));
}

// File-system metadata work below (tens of thousands of stat, link and unlink calls) is done with the
// synchronous calls: awaited one by one through the thread pool, the same loop spent 70% of its time idle.

/**
 * Each report's original file as <dest>/<id>.<ext> (what the report page offers for download), checked
 * against the sha256 the page shows. Files already there with the right size are kept (the name is the
 * content hash); files of reports no longer in the ledger are removed.
 */
export async function copySources(ledger: Ledger, dest: string, onProgress?: Progress, only?: Set<string>): Promise<{ copied: number; kept: number; removed: number }> {
  mkdirSync(dest, { recursive: true });
  const want = new Map(sourcesOf(ledger, only).map((s) => [sourceName(s.id, extOf(s.file)), s]));
  let copied = 0;
  let kept = 0;
  let removed = 0;
  for (const name of readdirSync(dest)) {
    if (!want.has(name)) { rmSync(path.join(dest, name), { force: true }); removed++; }
  }
  for (const [name, s] of want) {
    const target = path.join(dest, name);
    if (statSync(target, { throwIfNoEntry: false })?.size === s.bytes) { kept++; continue; }
    const bytes = await readFile(s.file).catch(() => { throw new Error(`sources: ${s.file} (report ${s.id}) is gone; re-run the build`); });
    if (createHash('sha256').update(bytes).digest('hex') !== s.sha256) throw new Error(`sources: ${s.file} changed since it was ingested (sha256 differs); re-run the build`);
    await writeFile(target, bytes);
    if (++copied % 1000 === 0) onProgress?.(`${copied} source files copied`);
  }
  return { copied, kept, removed };
}

export interface Mount { from: string; to: string }

/**
 * The files the mounted folders put in the output: path in the output → file. Two mounts may share a folder but
 * not a file.
 */
export function mountedFiles(mounts: Mount[]): Map<string, string> {
  const want = new Map<string, string>();
  for (const m of mounts) {
    for (const [rel, abs] of files(m.from)) {
      const key = path.join(m.to, rel);
      if (want.has(key)) throw new Error(`assemble: ${key} comes from both ${want.get(key)} and ${abs}`);
      want.set(key, abs);
    }
  }
  return want;
}

/**
 * Make `out` hold exactly the files of the mounted folders: hard links where possible (a copy across file
 * systems), unchanged files left alone, files no longer produced removed.
 */
export async function assemble(out: string, mounts: Mount[], onProgress?: Progress): Promise<{ files: number; linked: number; removed: number }> {
  return assembleFiles(out, mountedFiles(mounts), onProgress);
}

/** assemble, given the mounted files. */
export async function assembleFiles(out: string, want: ReadonlyMap<string, string>, onProgress?: Progress): Promise<{ files: number; linked: number; removed: number }> {
  mkdirSync(out, { recursive: true });
  const have = files(out);
  let removed = 0;
  const emptied = new Set<string>();
  for (const [rel, abs] of have) {
    if (!want.has(rel)) { unlinkSync(abs); removed++; emptied.add(path.dirname(abs)); }
  }
  let linked = 0;
  let done = 0;
  const dirs = new Set<string>();
  for (const [rel, src] of want) {
    const dest = path.join(out, rel);
    if (++done % 20000 === 0) onProgress?.(`${done}/${want.size} files`);
    if (have.has(rel)) {
      const a = statSync(src);
      const b = statSync(dest);
      if (a.ino === b.ino && a.dev === b.dev) continue;
      unlinkSync(dest);
    }
    const dir = path.dirname(dest);
    if (!dirs.has(dir)) { mkdirSync(dir, { recursive: true }); dirs.add(dir); }
    linkOrCopy(src, dest);
    linked++;
  }
  // Folders left empty by removals, deepest first, up to out.
  const candidates = new Set<string>();
  for (let d of emptied) for (; d.startsWith(out) && d !== out; d = path.dirname(d)) candidates.add(d);
  for (const d of [...candidates].sort((x, y) => y.length - x.length)) {
    try { rmdirSync(d); } catch { /* not empty */ }
  }
  return { files: want.size, linked, removed };
}

// ---------------------------------------------------------------------------------------------------------
// Shards built on several machines

/** What a shard build leaves beside its pages, for the assembling job. */
export interface ShardInfo {
  version: 1;
  shard: { year: string; provinces: string[] | null };
  /** Prefix of the shard's search bundle ids. */
  bundle: string;
  ids: string[];
}

/** The reports of one shard (year, provinces), written to <work>/shard-ids.json for the later stages. */
export async function selectShard(dirs: WorkDirs, ledger: Ledger, shard: ShardFilter): Promise<string[]> {
  // The site entries carry the year and the resolved region: no report is read.
  const lean = await readLeanLines(dirs.ingest);
  const ids: string[] = [];
  for (const id of ledgerReportIds(ledger)) {
    const entry = lean.entry(id);
    if (String(entry.meta.year ?? 'unknown') !== shard.year) continue;
    if (shard.provinces && !shard.provinces.includes(provinceOf(entry))) continue;
    ids.push(id);
  }
  await writeFile(selectedFile(dirs), `${JSON.stringify(ids)}\n`);
  return ids;
}

/**
 * A shard's output folder: site/reports/<id>/ (its report pages), pagefind/<bundle>/ (its search bundle),
 * sources/, reports/<id>.json (the ingested reports, for the pages and datasets that span shards),
 * ledger.json and shard.json.
 */
export async function publishShard(dirs: WorkDirs, out: string, shard: ShardFilter, bundle: string, ids: string[], ledger: Ledger): Promise<number> {
  const reportsDir = path.join(dirs.work, 'shard-reports');
  await rm(reportsDir, { recursive: true, force: true });
  await mkdir(reportsDir, { recursive: true });
  for (const id of ids) linkOrCopy(path.join(dirs.ingest, 'reports', `${id}.json`), path.join(reportsDir, `${id}.json`));
  const meta = path.join(dirs.work, 'shard-meta');
  await rm(meta, { recursive: true, force: true });
  await mkdir(meta, { recursive: true });
  const info: ShardInfo = { version: 1, shard, bundle, ids };
  await writeFile(path.join(meta, 'shard.json'), `${JSON.stringify(info, null, 1)}\n`);
  await writeFile(path.join(meta, 'ledger.json'), `${JSON.stringify(ledger)}\n`);
  const r = await assemble(out, [
    { from: path.join(dirs.site, 'reports'), to: 'site/reports' },
    { from: dirs.search, to: 'pagefind' },
    { from: dirs.sources, to: 'sources' },
    { from: reportsDir, to: 'reports' },
    { from: meta, to: '' },
  ]);
  return r.files;
}

/** Join several shards' search manifests: every bundle, filter counts added up. */
export function mergeManifests(parts: SearchManifest[]): SearchManifest {
  const filters: SearchManifest['filters'] = {};
  for (const m of parts) {
    for (const [name, values] of Object.entries(m.filters)) {
      const into = (filters[name] ??= {});
      for (const [v, n] of Object.entries(values)) into[v] = (into[v] ?? 0) + n;
    }
  }
  const bundles = parts.flatMap((m) => m.bundles).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ids = bundles.map((b) => b.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new Error(`assemble: two shards have a search bundle named ${dup}; build each shard once`);
  return { version: 1, bundles, filters };
}

/**
 * node scripts/assemble.ts <shard folders…> --out dist [--work .cache/assemble]: the site from shards built
 * elsewhere (see the top of this file).
 */
async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' }, work: { type: 'string' }, 'no-links': { type: 'boolean' } } });
  if (!positionals.length) throw new Error('usage: node scripts/assemble.ts <shard folders…> --out dist [--work .cache/assemble]');
  const started = performance.now();
  const out = path.resolve(values.out ?? 'dist');
  const dirs = workDirs(values.work ?? '.cache/assemble');
  const shards: { dir: string; info: ShardInfo }[] = [];
  for (const dir of positionals) {
    const file = path.join(dir, 'shard.json');
    if (!existsSync(file)) throw new Error(`assemble: ${dir} is not a shard output (no shard.json); build it with node scripts/build.ts --shard …`);
    shards.push({ dir: path.resolve(dir), info: JSON.parse(await readFile(file, 'utf8')) as ShardInfo });
  }
  const owner = new Map<string, string>();
  for (const s of shards) {
    for (const id of s.info.ids) {
      if (owner.has(id)) throw new Error(`assemble: report ${id} is in both ${owner.get(id)} and ${s.dir}; shards must not overlap`);
      owner.set(id, s.dir);
    }
  }
  console.error(`assemble: ${shards.length} shards, ${owner.size} reports → ${out}`);

  // The union of the shards' reports and ledgers, as if one ingest had produced them.
  await rm(dirs.ingest, { recursive: true, force: true });
  await mkdir(path.join(dirs.ingest, 'reports'), { recursive: true });
  const entries: Ledger['entries'] = [];
  for (const s of shards) {
    // Linked: the corpus pass below replaces a report it changes, so the shard's file keeps its bytes.
    for (const id of s.info.ids) linkOrCopy(path.join(s.dir, 'reports', `${id}.json`), path.join(dirs.ingest, 'reports', `${id}.json`));
    entries.push(...(JSON.parse(await readFile(path.join(s.dir, 'ledger.json'), 'utf8')) as Ledger).entries);
  }
  entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const count = (st: string) => entries.filter((e) => e.status === st).length;
  const ledger: Ledger = { schema_version: 1, counts: { parsed: count('parsed'), partial: count('partial'), rejected: count('rejected') }, entries };
  await writeFile(path.join(dirs.ingest, 'ledger.json'), `${JSON.stringify(ledger, null, 2)}\n`);
  await rm(selectedFile(dirs), { force: true });
  // The corpus pass over the union (agencies, timeliness, leads → corpus.json). A shard built from the whole
  // corpus already has every cross-report check; a report it changes was built from part of the corpus only.
  const { linkIngested, readCards } = await import('../src/ingest/link.ts');
  const { forgetState } = await import('../src/ingest/state.ts');
  await forgetState(dirs.ingest);
  const read = await readCards(dirs.ingest, [...owner.keys()].sort());
  const linked = await linkIngested(dirs.ingest, read.cards, read.cross, read.made);
  const changed = [...read.cross].filter(([id, digest]) => linked.cross.get(id) !== digest).length;
  if (changed) console.error(`assemble: warning: the corpus pass changed ${changed} reports (cross-report checks across shards); their pages in the shards are out of date — build every shard from the whole corpus (see README)`);

  // The pages that span shards and the datasets, from the union; report pages come from the shards.
  const ctx: Context = { dirs, out, corpus: '(shards)', shard: null, skipIngest: true, pages: 'aggregate' };
  for (const name of ['datasets', 'astro']) report(await runStage(name, ctx));

  const manifests = await Promise.all(shards.map(async (s) => JSON.parse(await readFile(path.join(s.dir, 'pagefind', MANIFEST_FILE), 'utf8')) as SearchManifest));
  const manifest = mergeManifests(manifests);
  const manifestDir = path.join(dirs.work, 'search-manifest');
  await mkdir(manifestDir, { recursive: true });
  await writeFile(path.join(manifestDir, MANIFEST_FILE), `${JSON.stringify(manifest)}\n`);
  const t = performance.now();
  const files = mountedFiles([
    { from: dirs.site, to: '' },
    { from: dirs.data, to: 'data' },
    { from: manifestDir, to: 'pagefind' },
    ...shards.flatMap((s, i) => [
      { from: path.join(s.dir, 'site'), to: '' },
      { from: path.join(s.dir, 'sources'), to: 'sources' },
      ...manifests[i]!.bundles.map((b) => ({ from: path.join(s.dir, 'pagefind', b.id), to: `pagefind/${b.id}` })),
    ]),
  ]);
  const checking = values['no-links'] ? null : checkSiteAside(files, { cacheFile: linksCache(dirs) });
  const r = await assembleFiles(out, files);
  const checked = await checking;
  report({
    name: 'assemble', seconds: (performance.now() - t) / 1000, peakRss: process.memoryUsage().rss,
    summary: `${r.files} files (${r.linked} new or changed, ${r.removed} removed), ${manifest.bundles.length} search bundles${checked ? `; ${linkSummary(checked)}` : ''}`,
  });
  console.error(`assemble: done in ${((performance.now() - started) / 1000).toFixed(1)} s → ${out}/`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(() => process.exit(0), (e) => {
    console.error(`\nassemble failed: ${(e as Error).message}`);
    process.exit(1);
  });
}
