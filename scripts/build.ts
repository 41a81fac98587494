// npm run build: corpus → ingest → datasets → Astro site (search index beside them) → sources, assembly into
// dist with its link check.
//
// Every stage runs in its own process (memory is returned between stages, and a stage's peak memory can be
// measured: the whole process tree, Astro's threads and Pagefind's binary included). Each stage keeps its
// output under the work folder (default .cache) and redoes only what changed, so a rebuild after adding a few
// reports is short: ingest reuses cached extractions, the datasets keep unchanged files, Astro skips unchanged
// pages (incremental build with cache keys), the search index rebuilds only bundles whose reports changed,
// sources are copied once. The assembly step (publish) hard-links the stage outputs into dist/ and removes what is
// no longer produced, while a worker thread checks the links of the site it assembles.
//
//   node scripts/build.ts [--work .cache] [--out dist] [--serial] [--split] [--skip-ingest] [--no-links]
//   node scripts/build.ts --shard year=2021[,province=吉林省] --out shards/2021-jilin   (one shard; see assemble.ts)
//   CORPUS_DIR=<folder of collected reports> npm run build
//
// Progress: one line per stage (rewritten in place on a terminal); a failure names the stage, the reason and
// what to do. Figures per stage (wall time, peak memory) go to <work>/build-stats.json.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, symlinkSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readLeanLines } from '../src/ingest/link.ts';
import { loadStoredReport } from '../src/ingest/report-file.ts';
import { ledgerReportIds, type Ledger } from '../src/model/ledger.ts';
import type { Lean } from '../src/publish/lean.ts';
import { gb, watchRss } from './bench/rss.ts';
import type { LinkCheck } from './check-links.ts';
import { progressLine } from './progress.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

export class StageError extends Error {}

/** Where each stage keeps its output inside the work folder. */
export function workDirs(work: string) {
  const w = path.resolve(work);
  return {
    work: w,
    ingest: path.join(w, 'ingest'),
    // Shared by several work folders (e.g. shard jobs restoring one CI cache): NIANBAO_INGEST_CACHE.
    ingestCache: process.env.NIANBAO_INGEST_CACHE ? path.resolve(process.env.NIANBAO_INGEST_CACHE) : path.join(w, 'ingest-cache'),
    data: path.join(w, 'data'),
    astroCache: path.join(w, 'astro'),
    site: path.join(w, 'site'),
    // The second Astro process of a split build (its report pages and the data page; see src/site/store.ts).
    astroCacheB: path.join(w, 'astro-b'),
    siteB: path.join(w, 'site-b'),
    // Whether the pages in site/ and site-b/ come from a split build: the publish stage, also when run by hand, takes
    // site-b/ only then.
    split: path.join(w, 'astro-split.json'),
    search: path.join(w, 'search'),
    sources: path.join(w, 'sources'),
    stats: path.join(w, 'build-stats.json'),
  };
}
export type WorkDirs = ReturnType<typeof workDirs>;

/** A shard of the archive: the reports of one year, optionally of some provinces only (see assemble.ts). */
export interface ShardFilter { year: string; provinces: string[] | null }

export function parseShard(spec: string): ShardFilter {
  const parts = Object.fromEntries(spec.split(',').map((kv) => kv.split('=').map((s) => s.trim()) as [string, string]));
  const year = parts.year;
  if (!year || !/^(\d{4}|unknown)$/.test(year)) throw new StageError(`--shard ${spec}: give year=<YYYY or unknown>[,province=<name>[|<name>…]]`);
  return { year, provinces: parts.province ? parts.province.split('|').filter(Boolean) : null };
}

export interface StageStat { name: string; seconds: number; peakRss: number; summary: string }
export interface BuildStats {
  corpus: string;
  reports: number;
  seconds: number;
  /** Peak memory of the whole build (stages that run side by side add up). */
  peakRss: number;
  stages: StageStat[];
  shard: ShardFilter | null;
}

interface StageMessage { summary: string; reports?: number }

export interface Context {
  dirs: WorkDirs;
  out: string;
  corpus: string;
  shard: ShardFilter | null;
  skipIngest: boolean;
  /** NIANBAO_PAGES for Astro: 'aggregate' leaves out report pages (scripts/assemble.ts). */
  pages?: 'aggregate';
  /** Render the pages in two Astro processes side by side (the orchestrator decides; <work>/astro-split.json). */
  split?: boolean;
  /** The publish stage checks every internal link of the site it publishes (--no-links: not). */
  links?: boolean;
}

/** Record how the pages were rendered, before they are, so no later stage takes an earlier build's site-b/. */
async function recordSplit(dirs: WorkDirs, split: boolean): Promise<void> {
  if (split) await writeFile(dirs.split, `${JSON.stringify({ split })}\n`);
  else await rm(dirs.split, { force: true });
}

async function wasSplit(dirs: WorkDirs): Promise<boolean> {
  return existsSync(dirs.split) && (JSON.parse(await readFile(dirs.split, 'utf8')) as { split: boolean }).split;
}

/** Reports from which the pages are rendered by two Astro processes: below this, one process's fixed cost wins. */
const SPLIT_FROM = 3000;

// ---------------------------------------------------------------------------------------------------------
// Stages (each runs in a child process: node scripts/build.ts --stage <name> …)

async function readLedger(dirs: WorkDirs): Promise<Ledger> {
  const file = path.join(dirs.ingest, 'ledger.json');
  if (!existsSync(file)) throw new StageError(`no ${file}: run the ingest stage first (drop --skip-ingest)`);
  return JSON.parse(await readFile(file, 'utf8')) as Ledger;
}

/**
 * What the datasets need to order and group the reports, and to keep an unchanged report's files: its site
 * entry's digest (which changes with its JSON) and metadata, from <ingest>/lean.jsonl, not from the ~60 KB report.
 */
export async function entryPeek(ingestDir: string): Promise<(id: string) => Promise<{ digest: string; meta: Lean['meta'] }>> {
  const lines = await readLeanLines(ingestDir);
  return async (id) => ({ digest: lines.digest(id), meta: lines.entry(id).meta });
}

/** In a shard build, the ids of the shard's reports (written by the ingest stage). */
export const selectedFile = (dirs: WorkDirs) => path.join(dirs.work, 'shard-ids.json');

async function selectedIds(dirs: WorkDirs, ledger: Ledger): Promise<string[]> {
  const file = selectedFile(dirs);
  return existsSync(file) ? JSON.parse(await readFile(file, 'utf8')) as string[] : ledgerReportIds(ledger);
}

/** The ledger entries of some reports only (rejected files belong to no shard). */
export function onlyIds(ledger: Ledger, ids: readonly string[]): Ledger {
  const keep = new Set(ids);
  if (keep.size === ledgerReportIds(ledger).length) return ledger;
  const entries = ledger.entries.filter((e) => e.report_id !== null && keep.has(e.report_id));
  const count = (st: string) => entries.filter((e) => e.status === st).length;
  return { ...ledger, entries, counts: { parsed: count('parsed'), partial: count('partial'), rejected: 0 } };
}

/** Folder-safe name of a shard: 2021, or 2021-<hash of its provinces>. */
export function shardName(shard: ShardFilter): string {
  if (!shard.provinces) return shard.year;
  return `${shard.year}-${createHash('sha256').update([...shard.provinces].sort().join('|')).digest('hex').slice(0, 8)}`;
}

const STAGES: Record<string, (ctx: Context) => Promise<StageMessage>> = {
  async ingest({ dirs, corpus, shard }) {
    const p = progressLine('  ingest');
    const { runIngest } = await import('../src/ingest/run.ts');
    const r = await runIngest({
      inputs: [corpus], outDir: dirs.ingest, cacheDir: dirs.ingestCache,
      onProgress: (d, t, cached) => p.update(`${d}/${t} files${cached ? ` (${cached} unchanged)` : ''}`),
    });
    const { parsed, partial, rejected } = r.ledger.counts;
    let ids = r.reportIds;
    if (shard) {
      const { selectShard } = await import('./assemble.ts');
      ids = await selectShard(dirs, r.ledger, shard);
    } else await rm(selectedFile(dirs), { force: true });
    p.done(`${r.reportIds.length} reports`);
    if (ids.length === 0) throw new StageError(`ingest: no report could be read from ${corpus}${shard ? ` for shard ${JSON.stringify(shard)}` : ''}; see ${dirs.ingest}/ledger.json`);
    return { summary: `${corpus}: ${parsed} parsed, ${partial} partial, ${rejected} rejected → ${ids.length} reports (${r.cached} files unchanged, not extracted again)`, reports: ids.length };
  },

  async datasets({ dirs }) {
    const ledger = await readLedger(dirs);
    const ids = await selectedIds(dirs, ledger);
    const { writeDatasets } = await import('../src/publish/datasets/index.ts');
    const p = progressLine('  datasets');
    let n = 0;
    // Reports are read synchronously: they are read one at a time, and a synchronous read of a report file
    // took half the CPU time of an asynchronous one (measured). The ingest writes them in canonical key order,
    // so each is published as it is, its file hard-linked (src/ingest/report-file.ts).
    const file = (id: string) => path.join(dirs.ingest, 'reports', `${id}.json`);
    const peek = await entryPeek(dirs.ingest);
    const load = async (id: string) => {
      if (++n % 500 === 0) p.update(`${n} reports formatted`);
      return loadStoredReport(file(id));
    };
    const { files } = await writeDatasets({
      reports: { ids, peek, load },
      ledger: onlyIds(ledger, ids), outDir: dirs.data, cacheDir: path.join(dirs.work, 'data-cache'),
    });
    p.done(`${files.length} files`);
    const bytes = files.reduce((a, f) => a + f.bytes, 0);
    return { summary: `${files.length} files, ${(bytes / 2 ** 20).toFixed(0)} MB`, reports: ids.length };
  },

  async search({ dirs, shard }) {
    const { buildSearchIndex } = await import('./search-index.ts');
    const p = progressLine('  search');
    const ids = await selectedIds(dirs, await readLedger(dirs));
    const r = await buildSearchIndex({ ingestDir: dirs.ingest, outDir: dirs.search, ids, bundle: shard ? shardName(shard) : undefined, onProgress: (t) => p.update(t) });
    p.done(`${r.shards.length} bundles`);
    return { summary: `${r.shards.length} bundles (${r.rebuilt.length} indexed, ${r.shards.length - r.rebuilt.length} unchanged), ${r.reports} reports, ${(r.bytes / 2 ** 20).toFixed(1)} MB`, reports: r.reports };
  },

  async publish({ dirs, out, shard, split, links }) {
    const { copySources, assembleFiles, mountedFiles, publishShard } = await import('./assemble.ts');
    const ledger = await readLedger(dirs);
    const p = progressLine('  publish');
    const ids = await selectedIds(dirs, ledger);
    const copied = await copySources(ledger, dirs.sources, (t) => p.update(t), new Set(ids));
    if (shard) {
      const n = await publishShard(dirs, out, shard, shardName(shard), ids, onlyIds(ledger, ids));
      p.done('done');
      return { summary: `shard ${shardName(shard)}: ${ids.length} reports, ${n} files → ${out}` };
    }
    const files = mountedFiles([
      { from: dirs.site, to: '' }, { from: dirs.data, to: 'data' }, { from: dirs.sources, to: 'sources' }, { from: dirs.search, to: 'pagefind' },
      // A split build's second Astro process contributes its report pages and the data page only.
      ...(split ? [{ from: path.join(dirs.siteB, 'reports'), to: 'reports' }, { from: path.join(dirs.siteB, 'data'), to: 'data' }] : []),
    ]);
    // The links are checked on dist/ as planned, in a worker thread while the main thread links it: the pages are
    // the same files, hard-linked.
    const { checkSiteAside } = await import('./check-links.ts');
    const checking = links ? checkSiteAside(files, { cacheFile: linksCache(dirs) }) : null;
    const synced = await assembleFiles(out, files, (t) => p.update(t));
    const checked = await checking;
    p.done('done');
    return { summary: `sources: ${copied.copied} copied, ${copied.kept} kept; ${out}: ${synced.files} files (${synced.linked} new or changed, ${synced.removed} removed)${checked ? `; ${linkSummary(checked)}` : ''}` };
  },
};

/** Where a build keeps each page's links between checks (scripts/check-links.ts). */
export const linksCache = (dirs: WorkDirs) => path.join(dirs.work, 'links-cache.json');

/** A link check's figures, or a StageError listing the broken links. */
export function linkSummary({ pages, links, broken, scanned }: LinkCheck): string {
  if (broken.length) {
    const list = broken.slice(0, 50).map((b) => `  ${b.from} → ${b.href} (${b.reason})`).join('\n');
    throw new StageError(`links: ${broken.length} broken internal links:\n${list}${broken.length > 50 ? `\n  … and ${broken.length - 50} more` : ''}`);
  }
  return `links: ${pages} pages (${scanned} read, ${pages - scanned} unchanged), ${links} internal links, none broken`;
}

// ---------------------------------------------------------------------------------------------------------
// Orchestration

function childEnv(ctx: Context): NodeJS.ProcessEnv {
  return {
    ...process.env,
    CORPUS_DIR: ctx.corpus,
    NIANBAO_INGEST_DIR: ctx.dirs.ingest,
    NIANBAO_DATA_DIR: ctx.dirs.data,
    NIANBAO_SITE_DIR: ctx.dirs.site,
    NIANBAO_ASTRO_CACHE: ctx.dirs.astroCache,
    NIANBAO_SHARD: ctx.shard ? JSON.stringify(ctx.shard) : '',
    NIANBAO_REPORT_IDS: ctx.shard ? selectedFile(ctx.dirs) : '',
    NIANBAO_PAGES: ctx.pages ?? '',
    ASTRO_TELEMETRY_DISABLED: '1',
  };
}

/**
 * Astro logs one line per page; instead of 100,000 lines, a progress line (pages rendered, and skipped by the
 * incremental build), with warnings and errors passed through.
 */
function astroProgress(child: ChildProcess, name: string): { rendered: number; cached: number } {
  const counts = { rendered: 0, cached: 0 };
  const p = progressLine(`  ${name}`);
  let phase = 'starting';
  createInterface({ input: child.stdout! }).on('line', (raw) => {
    const line = raw.replace(/\x1b\[[0-9;]*m/g, '');
    if (/[├└]─/.test(line)) {
      if (/\((?:cached|restored)\)/.test(line)) counts.cached++;
      else counts.rendered++;
      p.update(`${phase}: ${counts.rendered} pages rendered, ${counts.cached} unchanged`);
    } else if (/\b(?:error|warn(?:ing)?)\b/i.test(line)) process.stderr.write(`${line}\n`);
    else if (/\[(?:content|build|vite)\]|generating static routes|Completed in/.test(line)) {
      phase = line.replace(/^\S*\s*/, '').trim().slice(0, 60) || phase;
      p.update(phase);
    }
  });
  return counts;
}

/** Stage processes still running (stopped when another stage fails). */
const running = new Set<ChildProcess>();

/** Run one stage as a child process, measuring its wall time and the peak memory of its process tree. */
export function runStage(name: string, ctx: Context): Promise<StageStat> {
  const args = ['--work', ctx.dirs.work, '--out', ctx.out, ...(ctx.links === false ? ['--no-links'] : [])];
  const started = performance.now();
  const isAstro = name === 'astro' || name === 'astro-b';
  // Astro bundles the pages into <outDir>/.prerender only when outDir is inside its working folder, and into
  // <project>/.astro otherwise — shared by every build of the checkout. Run it from the work folder (with
  // --root) so that builds in different work folders never overwrite each other's bundles.
  const argv = isAstro
    ? [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', ROOT]
    : [fileURLToPath(import.meta.url), '--stage', name, ...args];
  const env = childEnv(ctx);
  if (isAstro && ctx.split) env.NIANBAO_ASTRO_PART = name === 'astro-b' ? 'b' : 'a';
  if (name === 'astro-b') Object.assign(env, { NIANBAO_SITE_DIR: ctx.dirs.siteB, NIANBAO_ASTRO_CACHE: ctx.dirs.astroCacheB });
  // Astro 7.2+ can exceed the default heap on large sites (STACK-NOTES §1); the search stage holds records,
  // ingest's corpus pass one card per report (a few KB each).
  const heap = isAstro ? 12288 : 6144;
  env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${heap}`.trim();
  // The bundle imports packages: from a work folder outside the project they resolve through this link.
  if (isAstro && !existsSync(path.join(ctx.dirs.work, 'node_modules'))) symlinkSync(path.join(ROOT, 'node_modules'), path.join(ctx.dirs.work, 'node_modules'), 'dir');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { cwd: isAstro ? ctx.dirs.work : process.cwd(), env, stdio: ['ignore', isAstro ? 'pipe' : 'inherit', 'inherit', 'ipc'] });
    const pages = isAstro ? astroProgress(child, name) : null;
    running.add(child);
    child.on('exit', () => running.delete(child));
    const rss = watchRss(child.pid!);
    let message: StageMessage | null = null;
    child.on('message', (m: StageMessage) => { message = m; });
    child.on('error', (e) => { rss.stop(); reject(new StageError(`${name}: could not start (${e.message})`)); });
    // 'close', not 'exit': the process may exit before its piped log is read to the end, and the page counts
    // come from that log.
    child.on('close', (code, signal) => {
      const peakRss = rss.stop();
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) {
        const why = signal ? `was killed by ${signal}${signal === 'SIGKILL' ? ' (out of memory?)' : ''}` : `exited with code ${code}`;
        return reject(new StageError(`${name}: ${why} after ${seconds.toFixed(0)} s; see the messages above`));
      }
      const summary = pages ? `${pages.rendered} pages rendered, ${pages.cached} unchanged → ${name === 'astro-b' ? ctx.dirs.siteB : ctx.dirs.site}/` : (message as StageMessage | null)?.summary ?? '';
      resolve({ name, seconds, peakRss, summary });
    });
  });
}

export function report(stat: StageStat): void {
  console.error(`${stat.name.padEnd(9)} ${stat.seconds.toFixed(1).padStart(6)} s  ${gb(stat.peakRss).padStart(8)}  ${stat.summary}`);
}

async function orchestrate(ctx: Context, opts: { serial: boolean; split: boolean }): Promise<BuildStats> {
  const started = performance.now();
  await mkdir(ctx.dirs.work, { recursive: true });
  const overall = watchRss(process.pid);
  const stages: StageStat[] = [];
  const run = async (name: string) => {
    const s = await runStage(name, ctx);
    report(s);
    stages.push(s);
    return s;
  };
  console.error(`build: corpus ${ctx.corpus}, work ${ctx.dirs.work}, output ${ctx.out}${ctx.shard ? `, shard ${JSON.stringify(ctx.shard)}` : ''}`);
  if (!ctx.skipIngest) await run('ingest');
  if (opts.serial) {
    ctx.split = false;
    await recordSplit(ctx.dirs, false);
    for (const name of ['datasets', 'astro', 'search']) await run(name);
  } else {
    // The search index and the datasets need only the ingested reports: they run side by side, one per core.
    const search = run('search');
    const datasets = run('datasets');
    const reports = (await selectedIds(ctx.dirs, await readLedger(ctx.dirs))).length;
    // Pages of a large archive are rendered by two Astro processes, one per core (src/site/store.ts). The list
    // pages and some report pages need only the ingest: their process takes the core the search index frees.
    // The other report pages and the data page (it lists the dataset files) take the core the datasets free.
    ctx.split = opts.split || (!ctx.shard && !ctx.pages && reports >= SPLIT_FROM);
    await recordSplit(ctx.dirs, ctx.split);
    if (ctx.split) await Promise.all([search.then(() => run('astro')), datasets.then(() => run('astro-b'))]);
    else await Promise.all([search, datasets.then(() => run('astro'))]);
  }
  await run('publish');
  const ledger = await readLedger(ctx.dirs);
  const stats: BuildStats = {
    corpus: ctx.corpus, reports: (await selectedIds(ctx.dirs, ledger)).length, seconds: (performance.now() - started) / 1000,
    peakRss: overall.stop(), stages, shard: ctx.shard,
  };
  await writeFile(ctx.dirs.stats, `${JSON.stringify(stats, null, 2)}\n`);
  console.error(`build: done in ${stats.seconds.toFixed(1)} s, peak ${gb(stats.peakRss)} → ${ctx.out}/ (figures in ${path.relative(process.cwd(), ctx.dirs.stats)})`);
  return stats;
}

async function main() {
  const { values } = parseArgs({
    options: {
      work: { type: 'string' }, out: { type: 'string' }, stage: { type: 'string' }, shard: { type: 'string' },
      serial: { type: 'boolean' }, split: { type: 'boolean' }, 'skip-ingest': { type: 'boolean' }, 'no-links': { type: 'boolean' },
    },
  });
  // The corpus path is kept as given (relative by default) so published source paths do not leak this machine's folders.
  const corpus = process.env.CORPUS_DIR || (path.relative(process.cwd(), path.join(ROOT, 'content/corpus')) || '.');
  const shard = values.shard ? parseShard(values.shard) : process.env.NIANBAO_SHARD ? JSON.parse(process.env.NIANBAO_SHARD) as ShardFilter : null;
  const work = values.work ?? (shard ? path.join(values.out ?? 'shards', '.work') : '.cache');
  const ctx: Context = { dirs: workDirs(work), out: path.resolve(values.out ?? 'dist'), corpus, shard, skipIngest: !!values['skip-ingest'], links: !values['no-links'] };

  if (values.stage) {
    const fn = STAGES[values.stage];
    if (!fn) throw new StageError(`unknown stage ${values.stage} (one of ${Object.keys(STAGES).join(', ')})`);
    const result = await fn({ ...ctx, split: await wasSplit(ctx.dirs) });
    process.send?.(result);
    return;
  }
  if (!existsSync(corpus)) throw new StageError(`corpus: no such folder ${corpus} (set CORPUS_DIR to a folder of collected reports)`);
  if (values.split && (shard || values.serial)) throw new StageError('--split renders a whole site in two Astro processes: not with --shard or --serial');
  await orchestrate(ctx, { serial: !!values.serial, split: !!values.split });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().then(() => process.exit(0), (e) => {
    for (const child of running) child.kill();
    const err = e as Error;
    console.error(`\nbuild failed: ${e instanceof StageError ? err.message : err.stack ?? err}`);
    process.exit(1);
  });
}
