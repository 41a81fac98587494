import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allFields } from '../src/forms/index.ts';
import { runIngest } from '../src/ingest/run.ts';
import type { Ledger } from '../src/model/ledger.ts';
import type { Report } from '../src/model/report.ts';
import { agencyId } from '../src/publish/agencies.ts';
import { formCell, printedState, printedValue, reportCells } from '../src/publish/datasets/cells.ts';
import { buildCodebook } from '../src/publish/datasets/codebook.ts';
import { DataPackageSchema, type DataPackage } from '../src/publish/datasets/descriptor.ts';
import { publicPath, readManifest, writeDatasets } from '../src/publish/datasets/index.ts';
import { csvValue } from '../src/publish/datasets/table.ts';
import { checkRows, objects, profileValidators, readCsv } from './datasets-helpers.ts';
import { SEEDS_DIR, expectedFor, seedFiles } from './helpers/corpus.ts';

// End to end on the five seeds: ingest them, publish the datasets, read every file back (CSV with csv-parse)
// and compare it value for value with the report JSON; validate datapackage.json against the official
// Frictionless profiles and the data against its Table Schemas; and publish twice to prove byte identity.

let reports: Report[] = [];
let ledger: Ledger;
let dir = '';
const bySeed = new Map<string, Report>();

beforeAll(async () => {
  const work = await mkdtemp(join(tmpdir(), 'nianbao-datasets-'));
  ({ ledger } = await runIngest({ inputs: [SEEDS_DIR], outDir: join(work, 'ingest'), cacheDir: null }));
  for (const e of ledger.entries) {
    if (!e.report_id || e.duplicate_of) continue;
    const r = JSON.parse(await readFile(join(work, 'ingest', 'reports', `${e.report_id}.json`), 'utf8')) as Report;
    reports.push(r);
    bySeed.set(e.file.split('/').at(-1)!.slice(0, 3), r);
  }
  dir = join(work, 'data');
  await writeDatasets({ reports, ledger, outDir: dir });
});

const csv = (path: string) => readCsv(dir, path);
const FIELDS = allFields();

describe('seeds: published values equal the report JSON', () => {
  it('ingested all five seeds', () => {
    expect(seedFiles()).toHaveLength(5);
    expect(reports).toHaveLength(5);
  });

  it('reports.json and reports/<id>.json are the reports, with project-relative source paths', async () => {
    const all = JSON.parse(await readFile(join(dir, 'reports.json'), 'utf8')) as Report[];
    expect(new Set(all.map((r) => r.id))).toEqual(new Set(reports.map((r) => r.id)));
    for (const r of reports) {
      expect(r.source.file.startsWith('/')).toBe(true);
      const published = { ...r, source: { ...r.source, file: `content/corpus/seeds/${basename(r.source.file)}` } };
      expect(all.find((x) => x.id === r.id)).toEqual(published);
      expect(JSON.parse(await readFile(join(dir, 'reports', `${r.id}.json`), 'utf8'))).toEqual(published);
    }
    expect(publicPath('/elsewhere/x.txt')).toBe('/elsewhere/x.txt');
    expect(publicPath('relative/x.txt')).toBe('relative/x.txt');
  });

  it('reports.csv and report_states.csv: every field of every report', async () => {
    const wide = objects(await csv('reports.csv'));
    const states = objects(await csv('report_states.csv'));
    expect(wide).toHaveLength(reports.length);
    for (const r of reports) {
      const row = wide.find((w) => w.id === r.id)!;
      const st = states.find((w) => w.id === r.id)!;
      expect([row.agency_name, row.year, row.era, row.agency_id]).toEqual([r.meta.agency_name ?? '', csvValue(r.meta.year), r.meta.era, agencyId(r)]);
      expect(Number(row.checks_fail)).toBe(r.checks.filter((c) => c.status === 'fail').length);
      for (const f of FIELDS) {
        expect([f.key, row[f.key]]).toEqual([f.key, csvValue(printedValue(r, f))]);
        expect([f.key, st[f.key]]).toEqual([f.key, printedState(r, f)]);
        const cell = formCell(r, f);
        if (cell?.state === 'num') expect(Number(row[f.key])).toBe(cell.value);
      }
    }
  });

  it('cells.csv: one row per cell with value, raw text, state and location', async () => {
    const rows = objects(await csv('cells.csv'));
    const expected = reports.flatMap((r) => [...reportCells(r)]);
    expect(rows).toHaveLength(expected.length);
    const index = new Map(rows.map((r) => [`${r.report_id} ${r.field_key}`, r]));
    for (const e of expected) {
      const row = index.get(`${e.report_id} ${e.field_key}`)!;
      expect(row, e.field_key).toBeDefined();
      const loc = e.cell.loc ?? {};
      expect([e.field_key, row.value, row.raw, row.state, row.was, row.inferred_from, row.unit]).toEqual([
        e.field_key, csvValue(e.cell.value), e.cell.raw, e.cell.state, e.cell.was ?? '', e.cell.inferred_from ?? '', e.unit,
      ]);
      expect([row.source_page, row.source_line, row.source_table, row.source_row, row.source_col]).toEqual(
        [loc.page, loc.line, loc.table, loc.row, loc.col].map(csvValue));
    }
    // A derived row names its sum only when the codebook has no formula for its key; either way the value is that sum.
    const formulas = new Map(buildCodebook().fields.map((f) => [f.key, f.formula]));
    const named = { formula: 0, own: 0 };
    for (const r of reports) {
      for (const [k, c] of Object.entries(r.derived)) {
        const row = index.get(`${r.id} ${k}`)!;
        expect([row.origin, row.inferred_from === '']).toEqual(['derived', formulas.get(k) !== null]);
        named[row.inferred_from ? 'own' : 'formula']++;
        const terms = (row.inferred_from!.replace(/^sum of /, '') || formulas.get(k)!).split(' + ').map((t) => Number(index.get(`${r.id} ${t}`)!.value));
        expect(terms.reduce((a, b) => a + b, 0), `${r.id} ${k}`).toBe(c.value);
      }
    }
    expect(named.formula).toBeGreaterThan(100);
    expect(named.own).toBeGreaterThan(0);
  });

  it('reports/<id>.csv, by-year and by-agency slices hold exactly the full tables\' rows', async () => {
    const same = async (whole: string, parts: string[]) => {
      const full = await csv(whole);
      const slices = await Promise.all(parts.map(csv));
      for (const p of slices) expect(p.header).toEqual(full.header);
      expect(slices.flatMap((p) => p.rows.map((r) => r.join('\u0001'))).sort()).toEqual(full.rows.map((r) => r.join('\u0001')).sort());
    };
    const agencies = objects(await csv('agencies.csv')).map((a) => a.agency_id!);
    await same('cells.csv', reports.map((r) => `reports/${r.id}.csv`));
    await same('reports.csv', agencies.map((a) => `by-agency/${a}.csv`));
    await same('report_states.csv', agencies.map((a) => `by-agency/${a}.states.csv`));
    const years = await readdir(join(dir, 'by-year'));
    for (const name of ['reports.csv', 'report_states.csv', 'cells.csv', 'checks.csv']) {
      const whole = await csv(name);
      const slices = await Promise.all(years.map((y) => csv(`by-year/${y}/${name}`)));
      expect(slices.flatMap((s) => s.rows)).toEqual(whole.rows);
    }
  });

  it('checks.csv and agencies.csv match the reports', async () => {
    const checks = objects(await csv('checks.csv'));
    expect(checks).toHaveLength(reports.reduce((n, r) => n + r.checks.length, 0));
    for (const r of reports) {
      for (const [i, c] of r.checks.entries()) {
        const row = checks.find((x) => x.report_id === r.id && x.seq === String(i + 1))!;
        expect([row.check_id, row.status, row.severity, row.scope, row.expected, row.actual, row.message_zh]).toEqual(
          [c.id, c.status, c.severity, c.scope, csvValue(c.expected), csvValue(c.actual), csvValue(c.message_zh)]);
      }
    }
    const agencies = objects(await csv('agencies.csv'));
    for (const r of reports) {
      const a = agencies.find((x) => x.agency_id === agencyId(r))!;
      expect(a.report_ids!.split(';')).toContain(r.id);
      if (r.meta.year !== null) expect(a.years!.split(';')).toContain(String(r.meta.year));
    }
    expect(objects(await csv('ledger.csv')).map((e) => e.file).sort()).toEqual(ledger.entries.map((e) => publicPath(e.file)).sort());
    expect(objects(await csv('reports.csv')).every((r) => r.source_file!.startsWith('content/corpus/seeds/'))).toBe(true);
  });

  it('seed 001: 行政处罚 decisions = 24', async () => {
    const id = bySeed.get('001')!.id;
    expect(objects(await csv('reports.csv')).find((r) => r.id === id)!['active.penalty.decisions']).toBe('24');
    const cell = objects(await csv(`reports/${id}.csv`)).find((r) => r.field_key === 'active.penalty.decisions')!;
    expect(cell).toMatchObject({ value: '24', state: 'num' });
    expect(cell.raw).toContain('24');
  });

  it('seed 004: printed-blank applicant cells stay distinguishable from the printed zeros', async () => {
    const exp = expectedFor(seedFiles().find((f) => f.startsWith('004'))!);
    const id = bySeed.get('004')!.id;
    const wide = objects(await csv('reports.csv')).find((r) => r.id === id)!;
    const states = objects(await csv('report_states.csv')).find((r) => r.id === id)!;
    const cells = objects(await csv(`reports/${id}.csv`));
    expect(exp.cells_blank.length).toBeGreaterThan(0);
    for (const key of exp.cells_blank) {
      expect([key, wide[key], states[key]]).toEqual([key, '', 'blank']);
      const c = cells.find((r) => r.field_key === key)!;
      expect(c.state === 'blank' || (c.state === 'inferred' && c.was === 'blank'), key).toBe(true);
    }
    expect([wide['requests.new.total'], states['requests.new.total']]).toEqual(['0', 'num']);
  });
});

describe('seeds: datapackage.json', () => {
  let pkg: DataPackage;
  beforeAll(async () => {
    pkg = JSON.parse(await readFile(join(dir, 'datapackage.json'), 'utf8')) as DataPackage;
  });

  it('is valid against the official Data Package, Data Resource, Tabular Data Resource and Table Schema profiles', async () => {
    const v = await profileValidators();
    expect(v.package(pkg)).toEqual([]);
    for (const r of pkg.resources) {
      if (r.profile === 'tabular-data-resource') {
        expect([r.name, v.tabular(r)]).toEqual([r.name, []]);
        expect([r.name, v.tableSchema(r.schema)]).toEqual([r.name, []]);
      } else {
        expect([r.name, v.resource(r)]).toEqual([r.name, []]);
      }
    }
    expect(() => DataPackageSchema.parse(pkg)).not.toThrow();
  });

  it('describes every CSV: headers equal the schema, bytes and hash match, data obeys the schema', async () => {
    const csvs = (await readdir(dir, { recursive: true })).filter((p) => p.endsWith('.csv') && !/^(reports|by-agency)\//.test(p));
    const described = pkg.resources.filter((r) => r.profile === 'tabular-data-resource');
    expect(described.map((r) => r.path).sort()).toEqual(csvs.sort());
    for (const r of described) {
      const bytes = await readFile(join(dir, r.path));
      expect([r.path, r.bytes, r.hash]).toEqual([r.path, bytes.byteLength, `sha256:${createHash('sha256').update(bytes).digest('hex')}`]);
      const data = await csv(r.path);
      expect(data.header).toEqual(r.schema.fields.map((f) => f.name));
      expect([r.path, checkRows(r.schema, data).slice(0, 5)]).toEqual([r.path, []]);
    }
  });

  it('foreign keys resolve', async () => {
    const byName = new Map(pkg.resources.map((r) => [r.name, r]));
    for (const r of pkg.resources) {
      if (r.profile !== 'tabular-data-resource') continue;
      const data = await csv(r.path);
      for (const fk of r.schema.foreignKeys ?? []) {
        const target = byName.get(fk.reference.resource)!;
        const t = await csv(target.path);
        const have = new Set(t.rows.map((row) => fk.reference.fields.map((f) => row[t.header.indexOf(f)]).join('\u0001')));
        for (const row of data.rows) {
          const key = fk.fields.map((f) => row[data.header.indexOf(f)]);
          if (key.every((k) => k === '')) continue;
          expect(have.has(key.join('\u0001')), `${r.name} → ${target.name}: ${key}`).toBe(true);
        }
      }
    }
  });
});

describe('seeds: checksums, manifest, determinism', () => {
  it('SHA256SUMS covers every other file with its true hash', async () => {
    const sums = (await readFile(join(dir, 'SHA256SUMS'), 'utf8')).trim().split('\n').map((l) => l.split('  ') as [string, string]);
    const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name).slice(dir.length + 1)).filter((p) => p !== 'SHA256SUMS');
    expect(sums.map(([, p]) => p).sort()).toEqual(files.sort());
    for (const [hash, p] of sums) expect([p, createHash('sha256').update(await readFile(join(dir, p))).digest('hex')]).toEqual([p, hash]);
  });

  it('files.json lists the main files with their rows and columns', async () => {
    const m = await readManifest(dir);
    expect(m.summary.reports).toBe(reports.length);
    const cells = m.files.find((f) => f.path === 'cells.csv')!;
    expect(cells.rows).toBe((await csv('cells.csv')).rows.length);
    expect(m.groups.find((g) => g.group === 'report_json')!.count).toBe(reports.length);
  });

  it('two writes of the same reports, in another order, are byte-identical', async () => {
    const again = await mkdtemp(join(tmpdir(), 'nianbao-datasets-again-'));
    const result = await writeDatasets({ reports: [...reports].reverse(), ledger, outDir: again });
    expect(result.files.length).toBeGreaterThan(20);
    for (const f of result.files) {
      const [a, b] = await Promise.all([readFile(join(dir, f.path)), readFile(join(again, f.path))]);
      expect([f.path, a.equals(b)]).toEqual([f.path, true]);
    }
    expect(await readFile(join(again, 'SHA256SUMS'), 'utf8')).toBe(await readFile(join(dir, 'SHA256SUMS'), 'utf8'));
  });
});
