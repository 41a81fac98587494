import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { formFields, type ModernEra } from '../src/forms/index.ts';
import type { Cell } from '../src/model/cell.ts';
import { ReportSchema, SCHEMA_VERSION, type Report } from '../src/model/report.ts';
import { nestCells } from '../src/ingest/nest.ts';

// Helpers for the dataset tests: a hand-made report for unit tests, and a strict CSV reader.

export function num(value: number, raw = String(value)): Cell {
  return { value, raw, state: 'num', loc: { line: 10, table: 1, row: 2, col: 3 } };
}

/** A valid report of `era` whose form cells are all 0 unless `cells` says otherwise. */
export function makeReport(opts: {
  id: string; era?: ModernEra; year?: number | null; agency?: string | null; cells?: Record<string, Cell>;
  derived?: Record<string, Cell>; legacy?: Record<string, Cell>; checks?: Report['checks'];
}): Report {
  const era = opts.era ?? 'gov2021';
  const year = opts.year === undefined ? 2022 : opts.year;
  const agency = opts.agency === undefined ? '测试街道办事处' : opts.agency;
  const cells: Record<string, Cell> = {};
  for (const f of formFields(era)) cells[f.key] = num(0);
  Object.assign(cells, opts.cells);
  const status = { status: 'complete' as const, found: 1, expected: 1, notes: [] };
  return ReportSchema.parse({
    schema_version: SCHEMA_VERSION,
    id: opts.id,
    source: { file: `seeds/${opts.id}.txt`, sha256: opts.id.repeat(4), bytes: 1234, format: 'txt', encoding: 'utf-8', sidecar: null, retrieved_at: null },
    meta: {
      title: `${agency ?? ''}${year ?? ''}年政府信息公开工作年度报告`, agency_name: agency,
      agency_short: null, agency_kind: 'township_or_street', admin_level: 'township', year,
      year_source: 'title', era, era_evidence: [], published_at: '2023-01-15', published_at_raw: '2023年1月15日', published_at_source: 'body',
      period: null, contact: { phone: [], fax: null, postcode: null, email: null, address: null, office: null }, portal_url: null, source_url: null,
      doc_number: null, index_no: null, region: { code_hint: '231002', path_hint: ['黑龙江省', '牡丹江市'], cues: [] }, is_aggregate: false,
      format_declared: null, has_tables: true,
    },
    sections: { s1_overview: null, s2_active: null, s3_requests: null, s4_appeals: null, s5_problems: null, s6_other: null },
    tables: { active: status, requests: status, appeals: status },
    ...nestCells(new Map(Object.entries(cells))),
    derived: opts.derived ?? {}, ext: {}, legacy: opts.legacy ?? {}, narrative: {},
    checks: opts.checks ?? [], notes: [],
  });
}

/** Reads a published CSV strictly: BOM, CRLF records, a header; returns header and rows as string arrays. */
export async function readCsv(dir: string, path: string): Promise<{ text: string; header: string[]; rows: string[][] }> {
  const text = await readFile(join(dir, path), 'utf8');
  const records = parse(text, { bom: true, record_delimiter: '\r\n', relax_column_count: false }) as string[][];
  return { text, header: records[0] ?? [], rows: records.slice(1) };
}

/** Rows as objects keyed by header. */
export function objects(csv: { header: string[]; rows: string[][] }): Record<string, string>[] {
  return csv.rows.map((r) => Object.fromEntries(csv.header.map((h, i) => [h, r[i]!])));
}

// --- Frictionless validation -------------------------------------------------------------------------------

const PROFILES = join(import.meta.dirname, '..', 'node_modules', 'datapackage', 'lib', 'profiles');
const TABLE_SCHEMA_PROFILE = join(import.meta.dirname, '..', 'node_modules', 'tableschema', 'lib', 'profiles', 'table-schema.json');

/**
 * The official Data Package v1 JSON Schemas, as shipped by the frictionlessdata npm packages (datapackage@1.1.10,
 * tableschema@1.12.6), compiled with ajv's draft-04 build; every ajv error is returned as text.
 */
export async function profileValidators(): Promise<Record<'package' | 'resource' | 'tabular' | 'tableSchema', (v: unknown) => string[]>> {
  // Both packages are CommonJS; under NodeNext their classes sit on `.default`.
  const ajv = new Ajv.default({ allErrors: true, strict: false });
  addFormats.default(ajv);
  ajv.addFormat('textarea', true);
  const load = async (path: string) => {
    const validate = ajv.compile(JSON.parse(await readFile(path, 'utf8')) as object);
    return (v: unknown) => (validate(v) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
  };
  return {
    package: await load(join(PROFILES, 'data-package.json')),
    resource: await load(join(PROFILES, 'data-resource.json')),
    tabular: await load(join(PROFILES, 'tabular-data-resource.json')),
    tableSchema: await load(TABLE_SCHEMA_PROFILE),
  };
}

interface SchemaField {
  name: string;
  type: string;
  constraints?: { required?: boolean; unique?: boolean; enum?: string[]; minimum?: number; pattern?: string };
}

const TYPES: Record<string, (s: string) => boolean> = {
  string: () => true,
  integer: (s) => /^-?\d+$/.test(s),
  number: (s) => /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(s),
  boolean: (s) => s === 'true' || s === 'false',
  date: (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)),
};

/**
 * Table Schema semantics on the data (Table Schema §Field Types, §Constraints, §Primary Key): every value
 * casts to its type, constraints hold, and the primary key is unique. Returns the problems found.
 */
export function checkRows(schema: { fields: SchemaField[]; primaryKey: string[]; missingValues: string[] }, csv: { header: string[]; rows: string[][] }): string[] {
  const problems: string[] = [];
  const seen = schema.fields.map(() => new Set<string>());
  const keyIdx = schema.primaryKey.map((k) => csv.header.indexOf(k));
  const keys = new Set<string>();
  for (const [n, row] of csv.rows.entries()) {
    if (row.length !== schema.fields.length) problems.push(`row ${n + 1}: ${row.length} values for ${schema.fields.length} fields`);
    for (const [i, f] of schema.fields.entries()) {
      const v = row[i] ?? '';
      const c = f.constraints ?? {};
      if (schema.missingValues.includes(v)) {
        if (c.required) problems.push(`row ${n + 1} ${f.name}: required but missing`);
        continue;
      }
      if (!TYPES[f.type]!(v)) problems.push(`row ${n + 1} ${f.name}: "${v}" is not ${f.type}`);
      if (c.enum && !c.enum.includes(v)) problems.push(`row ${n + 1} ${f.name}: "${v}" not in enum`);
      if (c.pattern && !new RegExp(`^(?:${c.pattern})$`).test(v)) problems.push(`row ${n + 1} ${f.name}: "${v}" fails pattern`);
      if (c.minimum !== undefined && Number(v) < c.minimum) problems.push(`row ${n + 1} ${f.name}: ${v} < ${c.minimum}`);
      if (c.unique) {
        if (seen[i]!.has(v)) problems.push(`row ${n + 1} ${f.name}: "${v}" not unique`);
        seen[i]!.add(v);
      }
    }
    const key = JSON.stringify(keyIdx.map((i) => row[i]));
    if (keys.has(key)) problems.push(`row ${n + 1}: primary key ${key} repeated`);
    keys.add(key);
  }
  return problems;
}
