// npm run bench [-- --reports N] [--keep] [--work <dir>] [--no-browser] [--no-rebuild]
//
// Generates N synthetic reports with the project's own generator (src/synth: real places, every layout family,
// text and HTML, consistent numbers), then measures and prints:
//   - ingest throughput: one core (a sample of up to 2,000 files, no cache) and all cores (the full build's
//     ingest stage, cold cache);
//   - the full build (scripts/build.ts, each stage its own process): wall time and peak memory per stage and
//     overall;
//   - output size (pages, data files, sources, search index);
//   - bytes a browser fetches for typical queries, cold (Chromium via playwright-core: a common term, a rare
//     term, an agency-name fragment, an absent term), and report page weight (HTML + CSS, gzip);
//   - the rebuild after adding 100 reports (a new year's batch), against the full build;
//   - PDF and DOCX reading throughput.
// Figures go to stdout (and <work>/bench.json); the 1-minute load average is printed beside each, since other
// work on the machine slows every figure.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runIngest } from '../src/ingest/run.ts';
import { benchReaders } from '../src/read/bench-readers.ts';
import { agencyAt, writeSynthCorpus } from '../src/synth/corpus.ts';
import type { BuildStats } from './build.ts';
import { measureQueries, reportPageWeight, type QueryBytes } from './bench/query-bytes.ts';
import { diskShortfall, fileCreateCost } from './bench/disk.ts';
import { gb } from './bench/rss.ts';
import { progressLine } from './progress.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '2000' }, keep: { type: 'boolean' }, work: { type: 'string' }, seed: { type: 'string', default: '1' },
    'no-browser': { type: 'boolean' }, 'no-rebuild': { type: 'boolean' },
  },
});
const n = Number(values.reports);
const seed = Number(values.seed);
if (!Number.isInteger(n) || n < 1) {
  console.error(`bench: --reports must be a positive whole number, got ${values.reports}`);
  process.exit(2);
}

const work = values.work ? path.resolve(values.work) : await mkdtemp(path.join(tmpdir(), 'nianbao-bench-'));
await mkdir(work, { recursive: true });
const short = diskShortfall(n, work);
if (short) {
  console.error(`bench: ${short}`);
  process.exit(2);
}
const corpus = path.join(work, 'corpus');
const buildWork = path.join(work, 'build');
const dist = path.join(work, 'dist');
const load = () => loadavg()[0]!.toFixed(2);
const results: Record<string, unknown> = { reports: n, seed, started: new Date().toISOString() };
const lines: string[] = [];
const print = (k: string, v: string, l = load()) => {
  const line = `${k.padEnd(46)} ${v.padEnd(44)} load ${l}`;
  lines.push(line);
  console.log(line);
};
const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;

function version(pkg: string): string {
  try { return (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version; } catch { return '?'; }
}
function chromiumVersion(): string {
  try { return execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return 'not found'; }
}

const machine = `${cpus()[0]?.model ?? 'unknown CPU'} × ${availableParallelism()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM`;
const versions = `Node ${process.versions.node}, Astro ${version('astro')}, Pagefind ${version('pagefind')}, ${chromiumVersion()}`;
console.log(`machine: ${machine}\nversions: ${versions}\nwork folder: ${work}\n`);
Object.assign(results, { machine, versions });

/**
 * The code as it is now, copied into the work folder (node_modules linked): the builds run from the copy, so
 * edits made to the checkout while the bench runs change neither its figures nor the caches the rebuild relies on.
 */
const project = path.join(work, 'project');
async function snapshot(): Promise<void> {
  await rm(project, { recursive: true, force: true });
  await mkdir(project, { recursive: true });
  for (const name of ['src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'DATA-CHANGELOG.md']) {
    if (existsSync(path.join(ROOT, name))) await cp(path.join(ROOT, name), path.join(project, name), { recursive: true });
  }
  await symlink(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'), 'dir');
}

/** Run scripts/build.ts (of the snapshot) as a child (it measures its own stages) and return its figures. */
function build(label: string): Promise<BuildStats> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(project, 'scripts/build.ts'), '--work', buildWork, '--out', dist], {
      cwd: project, env: { ...process.env, CORPUS_DIR: corpus }, stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`bench: the ${label} build failed (exit ${code}); see its messages above`));
      resolve(JSON.parse(readFileSync(path.join(buildWork, 'build-stats.json'), 'utf8')) as BuildStats);
    });
  });
}

async function size(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  if (!existsSync(dir)) return { bytes, files };
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    bytes += (await stat(path.join(e.parentPath, e.name))).size;
    files++;
  }
  return { bytes, files };
}

try {
  // 1. Corpus
  const gen = progressLine('generate');
  let t = performance.now();
  await writeSynthCorpus(corpus, n, seed, (d) => gen.update(`${d}/${n}`));
  gen.done(`${n} synthetic reports in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const corpusSize = await size(corpus);
  print('corpus', `${n} reports, ${mb(corpusSize.bytes)} (${(corpusSize.bytes / n / 1024).toFixed(1)} KB each)`);
  const create = fileCreateCost(work);
  print('disk: creating a file (wall / kernel CPU)', `${create.wallMs.toFixed(3)} / ${create.kernelMs.toFixed(3)} ms`);

  // 2. Ingest on one core: a sample, no cache (the per-report cost does not depend on N).
  const sample = Math.min(n, 2000);
  const sampleDirs = (await readdir(corpus)).sort().slice(0, Math.ceil(sample / 1000)).map((d) => path.join(corpus, d));
  const p1 = progressLine('ingest, 1 core');
  const cpu0 = process.cpuUsage();
  t = performance.now();
  const one = await runIngest({ inputs: sampleDirs, outDir: path.join(work, 'ingest-1core'), jobs: 1, cacheDir: null, onProgress: (d, total) => p1.update(`${d}/${total}`) });
  const s1 = (performance.now() - t) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const count1 = one.ledger.entries.length;
  p1.done(`${one.ledger.counts.parsed} parsed, ${one.ledger.counts.partial} partial, ${one.ledger.counts.rejected} rejected`);
  print('ingest, 1 core (reports/s, wall)', `${(count1 / s1).toFixed(0)} (${count1} files in ${s1.toFixed(1)} s)`);
  print('ingest, 1 core (reports per CPU-second)', `${(count1 / ((cpu.user + cpu.system) / 1e6)).toFixed(0)}`);
  Object.assign(results, { ingest1: { files: count1, seconds: s1, perSecond: count1 / s1, perCpuSecond: count1 / ((cpu.user + cpu.system) / 1e6) } });
  const notParsed = one.ledger.entries.filter((e) => e.status !== 'parsed').length;
  if (notParsed) print('synthetic reports not fully parsed (sample)', String(notParsed));
  await rm(path.join(work, 'ingest-1core'), { recursive: true, force: true });

  // 3. The full build, cold.
  await snapshot();
  console.log(`\nfull build (code copied to ${project}):`);
  const full = await build('full');
  const ingestStage = full.stages.find((s) => s.name === 'ingest');
  if (ingestStage) print(`ingest, ${availableParallelism()} cores (reports/s, incl. corpus pass)`, `${(n / ingestStage.seconds).toFixed(0)}`);
  for (const s of full.stages) print(`  stage ${s.name}`, `${s.seconds.toFixed(1)} s, peak ${gb(s.peakRss)}`);
  print('full build: wall time', `${full.seconds.toFixed(1)} s (${(full.seconds / 60).toFixed(1)} min)`);
  print('full build: peak memory (whole process tree)', gb(full.peakRss));
  results.full = full;

  // 4. Output size
  const parts = {
    total: await size(dist), data: await size(path.join(dist, 'data')), sources: await size(path.join(dist, 'sources')),
    search: await size(path.join(dist, 'pagefind')), pages: { bytes: 0, files: 0 },
  };
  // Pages: whatever is not data, sources or search (Astro's output, from one or two processes).
  parts.pages = {
    bytes: parts.total.bytes - parts.data.bytes - parts.sources.bytes - parts.search.bytes,
    files: parts.total.files - parts.data.files - parts.sources.files - parts.search.files,
  };
  print('output size', `${mb(parts.total.bytes)} in ${parts.total.files} files`);
  print('  pages (HTML, CSS, JS)', `${mb(parts.pages.bytes)} in ${parts.pages.files} files`);
  print('  data files', `${mb(parts.data.bytes)} in ${parts.data.files} files`);
  print('  source files', `${mb(parts.sources.bytes)} in ${parts.sources.files} files`);
  print('search index size', `${mb(parts.search.bytes)} in ${parts.search.files} files`);
  const manifest = JSON.parse(readFileSync(path.join(dist, 'pagefind', 'shards.json'), 'utf8')) as { bundles: { id: string; reports: number }[] };
  print('  search bundles', `${manifest.bundles.length} (largest ${Math.max(...manifest.bundles.map((b) => b.reports))} reports)`);
  results.size = parts;

  // 5. Browser: cold bytes per query, report page weight.
  if (!values['no-browser']) {
    const a = agencyAt(0, seed);
    const stem = a.place.county.replace(/(?:自治县|自治旗|县|区|市|旗)$/, '');
    const queries = [
      { label: 'common term', query: '政务公开' },
      { label: 'rare term', query: a.name },
      { label: 'agency fragment', query: stem.length >= 2 ? stem : a.place.county },
      { label: 'absent term', query: '量子纠缠' },
    ];
    console.log('\nqueries (cold cache, Chromium):');
    const q: QueryBytes[] = await measureQueries(dist, queries);
    for (const r of q) print(`  ${r.label} “${r.query}”`, `${kb(r.gzipBytes)} in ${r.requests} requests (index ${kb(r.indexBytes)}), ${r.ms.toFixed(0)} ms`);
    for (const r of q) console.log(`    → ${r.summary}`);
    results.queries = q;
    const w = reportPageWeight(dist);
    print('report page weight (HTML + CSS, gzip)', `max ${(w.max / 1024).toFixed(1)} KB, median ${(w.median / 1024).toFixed(1)} KB (${w.pages} sampled)`);
    results.pageWeight = w;
  }

  // 6. Rebuild after adding 100 reports: a new year's batch from the first 100 agencies.
  if (!values['no-rebuild']) {
    await writeSynthCorpus(corpus, 100, seed, undefined, { start: n, year: 2025 });
    console.log('\nrebuild after adding 100 reports (year 2025):');
    const re = await build('rebuild');
    for (const s of re.stages) print(`  stage ${s.name}`, `${s.seconds.toFixed(1)} s, peak ${gb(s.peakRss)}`);
    print('rebuild: wall time', `${re.seconds.toFixed(1)} s = ${((100 * re.seconds) / full.seconds).toFixed(1)}% of the full build`);
    results.rebuild = re;
  }

  // 7. Readers
  for (const r of await benchReaders()) print(`read ${r.format.toUpperCase()} (files/s, ${r.files} reads)`, r.perSecond.toFixed(1));

  await writeFile(path.join(work, 'bench.json'), `${JSON.stringify({ ...results, lines }, null, 2)}\n`);
  console.log(`\nfigures: ${path.join(work, 'bench.json')}`);
} catch (e) {
  console.error(`bench: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  if (!values.keep && !values.work) await rm(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}
