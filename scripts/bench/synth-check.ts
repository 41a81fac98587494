// node scripts/bench/synth-check.ts [N] [seed]: generate N synthetic reports, ingest them on one core and list
// every way the engine read them differently from what was written (the generator's own round-trip check).
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runIngest } from '../../src/ingest/run.ts';
import type { Report } from '../../src/model/report.ts';
import { writeSynthCorpus } from '../../src/synth/corpus.ts';

const n = Number(process.argv[2] ?? 500);
const seed = Number(process.argv[3] ?? 1);
const work = await mkdtemp(join(tmpdir(), 'nianbao-synth-check-'));
const truth = await writeSynthCorpus(join(work, 'corpus'), n, seed);
const t = performance.now();
const { ledger } = await runIngest({ inputs: [join(work, 'corpus')], outDir: join(work, 'out'), cacheDir: null, jobs: 1 });
const s = (performance.now() - t) / 1000;
const byFile = new Map(truth.map((x) => [x.file, x]));
const problems = new Map<string, string[]>();
const note = (k: string, v: string) => problems.set(k, [...(problems.get(k) ?? []), v]);
let bytes = 0;
const provinces = new Map<string, number>();
for (const e of ledger.entries) {
  const x = byFile.get(e.file.split('/').at(-1)!)!;
  bytes += e.bytes;
  if (e.status !== 'parsed') { note(`ledger ${e.status}`, `${e.file}: ${e.message}`); continue; }
  const r = JSON.parse(readFileSync(join(work, 'out', 'reports', `${e.report_id}.json`), 'utf8')) as Report;
  if (r.meta.agency_name !== x.meta.agency) note('agency', `${x.meta.agency} → ${r.meta.agency_name}`);
  if (r.meta.year !== x.meta.year) note('year', `${x.file}`);
  const prov = r.meta.region.resolved?.path.find((p) => p.level === 'province')?.name;
  provinces.set(prov ?? '?', (provinces.get(prov ?? '?') ?? 0) + 1);
  if (prov !== x.agency.place.province) note('province', `${x.meta.agency} (${x.agency.place.province}) → ${prov ?? 'unresolved'} ${r.meta.region.resolved?.method ?? ''}`);
  for (const c of r.checks) if (c.status === 'fail') note(`check ${c.id}`, `${x.file} ${x.layout}: ${c.message}`);
}
console.log(`${n} reports, ${(bytes / n / 1024).toFixed(1)} KB each, ingest ${(n / s).toFixed(0)}/s on one core; ${provinces.size} provinces`);
for (const [k, v] of problems) console.log(`${k}: ${v.length}\n  ${v.slice(0, 6).join('\n  ')}`);
await rm(work, { recursive: true, force: true });
