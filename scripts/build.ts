// npm run build: corpus → ingest → datasets → Astro → sources and data → search index → link check.
// One progress line per stage; any failure stops the build with a message saying which stage and why.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, cp, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Ledger } from '../src/model/ledger.ts';
import type { Report } from '../src/model/report.ts';
import { extOf } from '../src/site/lean.ts';
import { sourceName } from '../src/site/paths.ts';
import { checkLinks } from './check-links.ts';
import { progressLine } from './progress.ts';
import { buildSearchIndex, reportLoader, shardIds } from './search-index.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const CACHE = path.join(ROOT, '.cache');
const INGEST_DIR = path.join(CACHE, 'ingest');
const DATA_DIR = path.join(CACHE, 'data');
const DIST = path.join(ROOT, 'dist');

class StageError extends Error {}

async function stage<T>(name: string, fn: (p: ReturnType<typeof progressLine>) => Promise<[T, string]>): Promise<T> {
  const p = progressLine(name);
  const started = performance.now();
  try {
    const [value, summary] = await fn(p);
    p.done(`${summary} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    return value;
  } catch (e) {
    p.done('FAILED');
    throw e instanceof StageError ? e : new StageError(`${name}: ${(e as Error).stack ?? e}`);
  }
}

const loadReport = reportLoader(INGEST_DIR);

function astroBuild(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
      cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NIANBAO_INGEST_DIR: INGEST_DIR, NIANBAO_DATA_DIR: DATA_DIR, NODE_OPTIONS: '--max-old-space-size=8192', ASTRO_TELEMETRY_DISABLED: '1' },
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve('dist/') : reject(new StageError(`astro build exited with code ${code}; see the messages above`))));
  });
}

type SourceRef = { id: string; source: Pick<Report['source'], 'file' | 'sha256'> };

/** Each report's original file as dist/sources/<id>.<ext>, checked against the sha256 the page shows. */
async function copySources(reports: readonly SourceRef[]): Promise<number> {
  const out = path.join(DIST, 'sources');
  await mkdir(out, { recursive: true });
  for (const r of reports) {
    const from = path.resolve(r.source.file);
    const bytes = await readFile(from).catch(() => { throw new StageError(`sources: ${r.source.file} (report ${r.id}) is gone; re-run the build`); });
    if (createHash('sha256').update(bytes).digest('hex') !== r.source.sha256) throw new StageError(`sources: ${r.source.file} changed since it was ingested (sha256 differs); re-run the build`);
    await copyFile(from, path.join(out, sourceName(r.id, extOf(r.source.file))));
  }
  return reports.length;
}

async function main() {
  const { values } = parseArgs({ options: { 'skip-ingest': { type: 'boolean' } } });
  // The corpus path is kept as given (relative by default) so published source paths do not leak this machine's folders.
  const corpus = process.env.CORPUS_DIR ?? (path.relative(process.cwd(), path.join(ROOT, 'content/corpus')) || '.');
  if (!existsSync(corpus)) throw new StageError(`corpus: no such folder ${corpus} (set CORPUS_DIR to a folder of collected reports)`);
  const started = performance.now();

  const { ledger, reportIds } = await stage('1/6 ingest', async (p) => {
    if (values['skip-ingest']) {
      const ledger = JSON.parse(await readFile(path.join(INGEST_DIR, 'ledger.json'), 'utf8')) as Ledger;
      const ids = [...new Set(ledger.entries.map((e) => e.report_id).filter((id): id is string => id !== null))].sort();
      return [{ ledger, reportIds: ids }, `reused ${ids.length} reports in .cache/ingest`];
    }
    const { runIngest } = await import('../src/ingest/run.ts');
    const r = await runIngest({ inputs: [corpus], outDir: INGEST_DIR, onProgress: (d, t) => p.update(`${d}/${t} files`) });
    const { parsed, partial, rejected } = r.ledger.counts;
    return [r, `${corpus}: ${parsed} parsed, ${partial} partial, ${rejected} rejected → ${r.reportIds.length} reports`];
  });
  if (reportIds.length === 0) throw new StageError(`ingest: no report could be read from ${corpus}; see .cache/ingest/ledger.json`);
  // Full reports are held only while the datasets are written; later stages keep ids and re-read per shard.
  const { shards, sources } = await stage('2/6 datasets', async () => {
    await rm(DATA_DIR, { recursive: true, force: true });
    const reports = await Promise.all(reportIds.map(loadReport));
    const { writeDatasets } = await import('../src/publish/datasets/index.ts');
    const { files } = await writeDatasets({ reports, ledger, outDir: DATA_DIR });
    const sources = reports.map((r): SourceRef => ({ id: r.id, source: { file: r.source.file, sha256: r.source.sha256 } }));
    return [{ shards: shardIds(reports), sources }, `${files.length} files in .cache/data`];
  });

  await stage('3/6 astro', async () => [null, await astroBuild()]);

  await stage('4/6 copy', async () => {
    await cp(DATA_DIR, path.join(DIST, 'data'), { recursive: true });
    return [null, `data files and ${await copySources(sources)} source files → dist/data, dist/sources`];
  });

  await stage('5/6 search', async (p) => {
    const stats = await buildSearchIndex(DIST, shards, loadReport, (s) => p.update(`shard ${s.shard}: ${s.pages} reports`));
    return [null, `${stats.length} year shards, ${stats.reduce((a, s) => a + s.pages, 0)} reports indexed`];
  });

  await stage('6/6 links', async () => {
    const { pages, links, broken } = await checkLinks(DIST);
    if (broken.length) {
      const list = broken.slice(0, 50).map((b) => `  ${b.from} → ${b.href} (${b.reason})`).join('\n');
      throw new StageError(`links: ${broken.length} broken internal links:\n${list}${broken.length > 50 ? `\n  … and ${broken.length - 50} more` : ''}`);
    }
    return [null, `${pages} pages, ${links} internal links, none broken`];
  });
  console.error(`build: done in ${((performance.now() - started) / 1000).toFixed(1)} s → dist/`);
}

main().catch((e) => {
  console.error(`\nbuild failed at ${(e as Error).message}`);
  process.exit(1);
});
