// node --cpu-prof --cpu-prof-dir=<dir> scripts/bench/profile-ingest.ts <corpus>: ingest on one core, no cache,
// to find the hot paths (open the .cpuprofile in Chrome DevTools or summarise it with scripts/bench/cpuprofile.ts).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runIngest } from '../../src/ingest/run.ts';

const corpus = process.argv[2];
if (!corpus) { console.error('usage: node scripts/bench/profile-ingest.ts <corpus-folder>'); process.exit(2); }
const out = await mkdtemp(join(tmpdir(), 'nianbao-prof-'));
const t = performance.now();
const r = await runIngest({ inputs: [corpus], outDir: out, jobs: 1, cacheDir: null });
const s = (performance.now() - t) / 1000;
console.log(`${r.reportIds.length} reports in ${s.toFixed(1)} s = ${(r.reportIds.length / s).toFixed(0)}/s`);
await rm(out, { recursive: true, force: true });
