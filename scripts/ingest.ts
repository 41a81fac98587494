// npm run ingest -- <files or folders…> --out <dir> [--jobs N] [--no-cache]
import { parseArgs } from 'node:util';
import { runIngest } from '../src/ingest/run.ts';
import { progressLine } from './progress.ts';

function usage(msg: string): never {
  console.error(`ingest: ${msg}\nusage: npm run ingest -- <files or folders…> --out <dir> [--jobs N] [--no-cache]`);
  process.exit(2);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: { out: { type: 'string' }, jobs: { type: 'string' }, 'no-cache': { type: 'boolean' } } });
  } catch (e) {
    return usage((e as Error).message);
  }
})();
if (positionals.length === 0) usage('no input files or folders given');
if (!values.out) usage('--out <dir> is required');
const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
if (jobs !== undefined && !(Number.isInteger(jobs) && jobs > 0)) usage(`--jobs must be a positive whole number, got ${values.jobs}`);

const progress = progressLine('ingest');
const started = performance.now();
try {
  const result = await runIngest({
    inputs: positionals, outDir: values.out, jobs, cacheDir: values['no-cache'] ? null : undefined,
    onProgress: (done, total, cached) => progress.update(`${done}/${total} files${cached ? ` (${cached} unchanged)` : ''}`),
  });
  const s = (performance.now() - started) / 1000;
  const { parsed, partial, rejected } = result.ledger.counts;
  progress.done(`${parsed} parsed, ${partial} partial, ${rejected} rejected in ${s.toFixed(1)} s → ${values.out}/reports, ${values.out}/ledger.json`);
  for (const e of result.ledger.entries) if (e.status !== 'parsed') console.error(`  ${e.status}: ${e.message ?? e.reason}`);
} catch (e) {
  const err = e as NodeJS.ErrnoException;
  console.error(`ingest: cannot run: ${err.code === 'ENOENT' ? `no such file or folder: ${err.path}` : err.message}`);
  process.exit(1);
}
