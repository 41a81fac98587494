import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Cell } from '../src/model/cell.ts';
import type { Ledger } from '../src/model/ledger.ts';
import type { Report } from '../src/model/report.ts';
import { writeDatasets } from '../src/publish/datasets/index.ts';
import { epochDate, parseChangelog } from '../src/publish/datasets/release.ts';
import { prettyJson } from '../src/publish/datasets/sink.ts';
import { DataPackageSchema } from '../src/publish/datasets/descriptor.ts';
import { checkRows, makeReport, num, objects, profileValidators, readCsv } from './datasets-helpers.ts';

// The published files on hand-made reports: CSV conventions, every value state kept apart, JSON key order,
// and a refusal to empty a folder that is not ours.

const cell = (state: Cell['state'], raw: string, value: number | null = null, extra: Partial<Cell> = {}): Cell => ({ value, raw, state, loc: { line: 7 }, ...extra });

const A = makeReport({
  id: 'aaaaaaaaaaaaaaaa', year: 2022, agency: '甲街道办事处',
  cells: {
    'active.penalty.decisions': num(24),
    'active.admin_fees.amount_wan_yuan': num(1.5, '1.5'),
    'requests.new.natural_person': cell('blank', ''),
    'requests.new.org_commercial': cell('dash', '—'),
    'requests.new.org_research': cell('slash', '/'),
    'requests.new.org_social_welfare': cell('zero_word', '无', 0),
    'requests.new.org_legal_service': cell('text', '见附件, 第"2"页\n续'),
    'requests.new.org_other': cell('inferred', '', 0, { was: 'blank', inferred_from: 'D1' }),
  },
  derived: { 'requests.new.org_all': cell('inferred', '', 0, { inferred_from: 'sum of x + y', loc: null }) },
  checks: [{ id: 'T3-ID', severity: 'error', status: 'fail', scope: 'total', expected: 3, actual: 2, cells: ['requests.new.total', 'requests.carried_over.total'], message: 'new + carried ≠ results, "quoted", comma', message_zh: '不相等' }],
});
// requests.carried_over.total is missing altogether: absent for a 2021 report.
delete (A.requests as { carried_over: Record<string, unknown> }).carried_over.total;
const B = makeReport({ id: 'bbbbbbbbbbbbbbbb', era: 'gov2019', year: 2020, agency: '乙局', legacy: { 'legacy.requests.received': num(5) } });
// A narrative-only report: no table found.
const C: Report = { ...makeReport({ id: 'cccccccccccccccc', year: null, agency: null }), active: {}, requests: {}, appeals: {} };
C.tables = { active: { ...C.tables.active, status: 'absent' }, requests: { ...C.tables.requests, status: 'absent' }, appeals: { ...C.tables.appeals, status: 'absent' } };
const LEDGER: Ledger = {
  schema_version: 1, counts: { parsed: 3, partial: 0, rejected: 1 },
  entries: [
    { file: 'z.txt', sha256: null, bytes: 0, status: 'rejected', reason: 'empty', message: 'The file is empty.', report_id: null, duplicate_of: null },
    { file: 'a.txt', sha256: 'a'.repeat(64), bytes: 1234, status: 'parsed', reason: null, message: null, report_id: A.id, duplicate_of: null },
  ],
};

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-format-'));
  await writeDatasets({ reports: [C, B, A], ledger: LEDGER, outDir: dir });
});

describe('CSV conventions', () => {
  it('every CSV starts with a UTF-8 BOM, ends records with CRLF and quotes per RFC 4180', async () => {
    const csvs = (await readdir(dir, { recursive: true })).filter((p) => p.endsWith('.csv'));
    expect(csvs.length).toBeGreaterThan(10);
    for (const p of csvs) {
      const bytes = await readFile(join(dir, p));
      expect([...bytes.subarray(0, 3)], p).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.subarray(-2).toString(), p).toBe('\r\n');
      await readCsv(dir, p); // throws on any malformed quoting or ragged row
    }
    const cells = objects(await readCsv(dir, 'cells.csv'));
    expect(cells.find((r) => r.report_id === A.id && r.field_key === 'requests.new.org_legal_service')!.raw).toBe('见附件, 第"2"页\n续');
    const checks = objects(await readCsv(dir, 'checks.csv'));
    expect(checks[0]).toMatchObject({ report_id: A.id, seq: '1', check_id: 'T3-ID', status: 'fail', expected: '3', actual: '2', cells: 'requests.new.total;requests.carried_over.total', message: 'new + carried ≠ results, "quoted", comma' });
  });

  it('orders reports by year (unknown last), then agency, then id', async () => {
    expect(objects(await readCsv(dir, 'reports.csv')).map((r) => r.id)).toEqual([B.id, A.id, C.id]);
    expect((await readdir(join(dir, 'by-year'))).sort()).toEqual(['2020', '2022', 'unknown']);
  });
});

describe('value states stay distinct', () => {
  const wide = async (file: string, id: string) => objects(await readCsv(dir, file)).find((r) => r.id === id)!;

  it('reports.csv holds printed numbers only; report_states.csv says what each empty cell was', async () => {
    const values = await wide('reports.csv', A.id);
    const states = await wide('report_states.csv', A.id);
    const expected: [string, string, string][] = [
      ['active.penalty.decisions', '24', 'num'],
      ['active.admin_fees.amount_wan_yuan', '1.5', 'num'],
      ['requests.new.total', '0', 'num'],
      ['requests.new.natural_person', '', 'blank'],
      ['requests.new.org_commercial', '', 'dash'],
      ['requests.new.org_research', '', 'slash'],
      ['requests.new.org_social_welfare', '0', 'zero_word'],
      ['requests.new.org_legal_service', '', 'text'],
      ['requests.new.org_other', '', 'blank'],
      ['requests.carried_over.total', '', 'absent'],
      ['active.rules.made_new', '', ''],
    ];
    for (const [key, value, state] of expected) expect([key, values[key], states[key]]).toEqual([key, value, state]);
    expect((await wide('report_states.csv', B.id))['active.rules.issued']).toBe('');
    expect((await wide('report_states.csv', B.id))['active.rules.made_new']).toBe('num');
    expect((await wide('report_states.csv', C.id))['requests.new.total']).toBe('absent');
    expect((await wide('reports.csv', C.id)).requests_status).toBe('absent');
  });

  it('cells.csv keeps the inferred value with its rule and the printed state', async () => {
    const rows = objects(await readCsv(dir, 'cells.csv'));
    const of = (id: string, key: string) => rows.find((r) => r.report_id === id && r.field_key === key);
    expect(of(A.id, 'requests.new.org_other')).toMatchObject({ value: '0', state: 'inferred', was: 'blank', inferred_from: 'D1', raw: '' });
    expect(of(A.id, 'requests.new.natural_person')).toMatchObject({ value: '', state: 'blank', source_line: '7', source_page: '' });
    expect(of(A.id, 'requests.carried_over.total')).toMatchObject({ value: '', state: 'absent', origin: 'form' });
    expect(of(A.id, 'requests.new.org_all')).toMatchObject({ origin: 'derived', table: 'requests', row_key: 'new', col_key: 'org_all', unit: '件', value: '0', inferred_from: 'sum of x + y' });
    expect(of(B.id, 'legacy.requests.received')).toMatchObject({ origin: 'legacy', table: 'requests', row_key: 'received', value: '5' });
    expect(of(B.id, 'active.rules.issued')).toBeUndefined();
    expect(rows.filter((r) => r.report_id === C.id)).toEqual([]);
    expect(of(A.id, 'active.penalty.decisions')).toMatchObject({ value: '24', raw: '24', unit: '件', source_line: '10', source_table: '1', source_row: '2', source_col: '3' });
  });
});

describe('JSON', () => {
  it('per-report JSON equals the report and does not depend on key order', async () => {
    const shuffled = JSON.parse(JSON.stringify(A, (_k, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v)) as Report;
    expect(Object.keys(shuffled)[0]).not.toBe('schema_version');
    const other = await mkdtemp(join(tmpdir(), 'nianbao-format-'));
    await writeDatasets({ reports: [B, shuffled, C], ledger: LEDGER, outDir: other });
    const a = await readFile(join(dir, 'reports', `${A.id}.json`), 'utf8');
    expect(await readFile(join(other, 'reports', `${A.id}.json`), 'utf8')).toBe(a);
    expect(await readFile(join(other, 'reports.json'), 'utf8')).toBe(await readFile(join(dir, 'reports.json'), 'utf8'));
    expect(JSON.parse(a)).toEqual(A);
    expect(Object.keys(JSON.parse(a) as object).slice(0, 3)).toEqual(['schema_version', 'id', 'source']);
  });

  it('prettyJson keeps small values on one line and stays valid JSON', () => {
    const v = { a: [1, 2], b: { c: 'x'.repeat(300), d: null }, e: [] };
    expect(JSON.parse(prettyJson(v))).toEqual(v);
    expect(prettyJson(v)).toContain('"a": [1,2]');
  });
});

describe('release and output folder', () => {
  it('takes version and date from the changelog, or SOURCE_DATE_EPOCH', () => {
    expect(parseChangelog('# Data changelog\n\nintro\n\n## 1.2.0 — 2027-02-03\n\n- x\n\n## 1.1.0 — 2026-01-01\n')).toMatchObject({ version: '1.2.0', date: '2027-02-03' });
    expect(() => parseChangelog('# nothing')).toThrow(/no entry/);
    expect(epochDate('1700000000')).toBe('2023-11-14');
  });

  it('refuses to empty a folder holding files it did not write', async () => {
    const foreign = await mkdtemp(join(tmpdir(), 'nianbao-format-'));
    await mkdir(join(foreign, 'src'));
    await writeFile(join(foreign, 'notes.txt'), 'keep me');
    await expect(writeDatasets({ reports: [A], ledger: LEDGER, outDir: foreign })).rejects.toThrow(/refusing/);
    expect(await readFile(join(foreign, 'notes.txt'), 'utf8')).toBe('keep me');
  });
});

describe('datapackage.json validation is not vacuous', () => {
  it('accepts ours and rejects broken descriptors', async () => {
    const v = await profileValidators();
    const pkg = JSON.parse(await readFile(join(dir, 'datapackage.json'), 'utf8')) as { resources: Record<string, unknown>[] };
    expect(v.package(pkg)).toEqual([]);
    const cells = pkg.resources.find((r) => r.name === 'cells')!;
    expect(v.tabular(cells)).toEqual([]);
    const schema = cells.schema as { fields: { name: string; type: string }[]; primaryKey: string[]; missingValues: string[] };
    expect(checkRows(schema, await readCsv(dir, 'cells.csv'))).toEqual([]);

    const badType = structuredClone(cells);
    (badType.schema as typeof schema).fields[0]!.type = 'int';
    expect(v.tabular(badType).length).toBeGreaterThan(0);
    expect(v.tabular({ ...cells, hash: 'sha256:xyz' }).length).toBeGreaterThan(0);
    expect(v.package({ ...pkg, resources: [] }).length).toBeGreaterThan(0);
    expect(() => DataPackageSchema.parse({ ...pkg, resources: [...pkg.resources, cells] })).toThrow(/unique/);
    const badKey = structuredClone(cells);
    (badKey.schema as typeof schema).primaryKey = ['no_such_field'];
    expect(() => DataPackageSchema.parse({ ...pkg, resources: [badKey] })).toThrow(/not a field/);
    const data = await readCsv(dir, 'cells.csv');
    const row = [...data.rows[0]!];
    row[data.header.indexOf('state')] = 'bogus';
    row[data.header.indexOf('value')] = '1,5';
    const problems = checkRows(schema, { header: data.header, rows: [data.rows[0]!, row] }).join('\n');
    expect(problems).toMatch(/not in enum/);
    expect(problems).toMatch(/is not number/);
    expect(problems).toMatch(/primary key .* repeated/);
  });
});
