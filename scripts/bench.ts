// npm run bench [-- --reports N] — generate a synthetic corpus with the project's own generator, then
// measure ingest throughput (one core, all cores, cached re-run) and PDF/DOCX reading, and print the figures.
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runIngest } from '../src/ingest/run.ts';
import { writeSynthCorpus } from '../src/synth/corpus.ts';
import { benchReaders } from '../src/read/bench-readers.ts';
import { progressLine } from './progress.ts';

const { values } = parseArgs({ options: { reports: { type: 'string', default: '2000' }, keep: { type: 'boolean' } } });
const n = Number(values.reports);
if (!Number.isInteger(n) || n < 1) {
  console.error(`bench: --reports must be a positive whole number, got ${values.reports}`);
  process.exit(2);
}

const work = await mkdtemp(join(tmpdir(), 'nianbao-bench-'));
const corpus = join(work, 'corpus');
const print = (k: string, v: string) => console.log(`${k.padEnd(44)} ${v}`);

console.log(`machine: ${cpus()[0]?.model ?? 'unknown'} × ${availableParallelism()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}`);
const gen = progressLine('generate');
let t = performance.now();
await writeSynthCorpus(corpus, n, 1, (d) => gen.update(`${d}/${n}`));
gen.done(`${n} synthetic reports in ${((performance.now() - t) / 1000).toFixed(1)} s`);

async function timed(label: string, jobs: number, cacheDir: string | null) {
  const p = progressLine(label);
  const start = performance.now();
  const rssBefore = process.memoryUsage().rss;
  const r = await runIngest({ inputs: [corpus], outDir: join(work, `out-${label}`), jobs, cacheDir, onProgress: (d, total) => p.update(`${d}/${total}`) });
  const s = (performance.now() - start) / 1000;
  p.done(`${r.ledger.counts.parsed} parsed, ${r.ledger.counts.partial} partial, ${r.ledger.counts.rejected} rejected`);
  return { s, r, rss: Math.max(rssBefore, process.memoryUsage().rss) };
}

const one = await timed('ingest-1core', 1, null);
print('ingest, 1 core (reports/s)', (n / one.s).toFixed(0));
const all = await timed('ingest-all', availableParallelism(), join(work, 'cache'));
print(`ingest, ${availableParallelism()} workers (reports/s)`, (n / all.s).toFixed(0));
const again = await timed('ingest-cached', availableParallelism(), join(work, 'cache'));
print('re-ingest unchanged corpus (reports/s)', `${(n / again.s).toFixed(0)} (${again.r.cached} of ${n} from cache)`);
print('peak RSS of the bench process (MB)', (Math.max(one.rss, all.rss, again.rss) / 2 ** 20).toFixed(0));
const failing = one.r.ledger.entries.filter((e) => e.status !== 'parsed').length;
print('synthetic reports not fully parsed', String(failing));

for (const r of await benchReaders()) print(`read ${r.format.toUpperCase()} (files/s, ${r.files} reads)`, r.perSecond.toFixed(1));

if (!values.keep) await rm(work, { recursive: true, force: true });
else console.log(`kept ${work}`);
