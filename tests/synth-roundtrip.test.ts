import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { flattenCells } from '../src/model/cell-of.ts';
import { runIngest } from '../src/ingest/run.ts';
import type { Report } from '../src/model/report.ts';
import { writeSynthCorpus, type SynthReport } from '../src/synth/corpus.ts';

// Generated reports in every layout family, both formats, with known consistent numbers: the engine must
// read every printed cell back and pass every strict check.

const N = 48;
let truth: SynthReport[] = [];
const byFile = new Map<string, Report>();

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-synth-'));
  truth = await writeSynthCorpus(join(dir, 'corpus'), N, 7);
  const { ledger } = await runIngest({ inputs: [join(dir, 'corpus')], outDir: join(dir, 'out'), cacheDir: null, jobs: 1 });
  for (const e of ledger.entries) {
    if (e.report_id) byFile.set(e.file.split('/').at(-1)!, JSON.parse(readFileSync(join(dir, 'out', 'reports', `${e.report_id}.json`), 'utf8')));
  }
});

describe('synthetic corpus round trip', () => {
  it('covers all layouts and both formats', () => {
    expect(new Set(truth.map((t) => t.layout)).size).toBe(4);
    expect(new Set(truth.map((t) => t.era))).toEqual(new Set(['gov2019', 'gov2021']));
    expect(byFile.size).toBe(N);
  });

  it('reads every printed cell back with its value', () => {
    for (const t of truth) {
      const r = byFile.get(t.file)!;
      expect([t.file, r.meta.era]).toEqual([t.file, t.era]);
      const cells = new Map([...flattenCells(r.active, 'active'), ...flattenCells(r.requests, 'requests'), ...flattenCells(r.appeals, 'appeals')]);
      for (const [key, value] of t.values) expect([t.file, t.layout, key, cells.get(key)?.value]).toEqual([t.file, t.layout, key, value]);
      expect(cells.size).toBe(t.values.size);
    }
  });

  it('passes every strict check and finds the agency and year', () => {
    for (const t of truth) {
      const r = byFile.get(t.file)!;
      const bad = r.checks.filter((c) => c.severity === 'error' && c.status !== 'pass').map((c) => `${c.id}:${c.scope}:${c.status}`);
      expect([t.file, t.layout, bad]).toEqual([t.file, t.layout, []]);
      expect([t.file, r.meta.agency_name, r.meta.year]).toEqual([t.file, t.meta.agency, t.meta.year]);
      expect(r.narrative['requests.new.total']?.value).toBe(t.values.get('requests.new.total'));
    }
  });
});
