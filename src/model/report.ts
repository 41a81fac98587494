import { z } from 'zod';
import { allFields, type FieldDef } from '../forms/index.ts';
import { CellSchema } from './cell.ts';
import { LocSchema } from './location.ts';
import { SourceFormatSchema } from './document.ts';

export const SCHEMA_VERSION = 2;

// z.compile gives the schemas parsed many times per report (cells, checks, figures) and the wide meta object a
// generated validator, same checks and same errors, about twice as fast as the runtime parser. The report as a
// whole is not compiled: one generated function for the table trees is too large for V8 to optimise and ran
// slower than the runtime parser.

export const EraSchema = z.enum(['gov2021', 'gov2019', 'legacy']);

/** Nested zod object for one table, built from the form definitions: table.<row path>.<col> → Cell. */
function tableSchema(fields: FieldDef[]): z.ZodType {
  type Tree = { [k: string]: Tree | true };
  const tree: Tree = {};
  for (const f of fields) {
    const path = [...f.row.split('.'), f.col];
    let node = tree;
    for (const part of path.slice(0, -1)) {
      const next = node[part];
      if (next === true) throw new Error(`form key clash at ${f.key}`);
      node = (node[part] = next ?? {}) as Tree;
    }
    node[path.at(-1)!] = true;
  }
  const build = (node: Tree): z.ZodType =>
    z.strictObject(Object.fromEntries(Object.entries(node).map(([k, v]) => [k, (v === true ? CellSchema : build(v)).optional()])));
  return build(tree);
}

const fields = allFields();
export const ActiveSchema = tableSchema(fields.filter((f) => f.table === 'active'));
export const RequestsSchema = tableSchema(fields.filter((f) => f.table === 'requests'));
export const AppealsSchema = tableSchema(fields.filter((f) => f.table === 'appeals'));

export const RegionCueSchema = z.strictObject({
  /** site_id (网站标识码), police_record (公网安备), icp, postcode, phone_area, name_chain, address, sidecar, url_host */
  kind: z.string(),
  raw: z.string(),
  /** What the cue points to: a division-code prefix, a province abbreviation, a place-name chain. */
  value: z.string(),
});

export const RegionLevelSchema = z.enum(['province', 'prefecture', 'county', 'township']);

/** The region resolved against the division-code table (src/publish/gazetteer), computed at ingest. */
export const ResolvedRegionSchema = z.strictObject({
  /** Code of the deepest division resolved (6 digits; 9 for a township/street); null when unresolved. */
  code: z.string().nullable(),
  /** Province down to that division; for an ambiguous result, the part all candidates share. */
  path: z.array(z.strictObject({ code: z.string(), name: z.string(), level: RegionLevelSchema })),
  confidence: z.enum(['high', 'medium', 'low', 'ambiguous']),
  /** Cue kinds that decided it, strongest first, joined by "+" (e.g. "name_chain+site_id"); "unresolved" if none. */
  method: z.string(),
  /** Every division still possible when the cues do not single one out (never guessed between). */
  candidates: z.array(z.strictObject({ code: z.string(), path: z.array(z.string()) })),
  /** Place names from the agency's name chain that the table does not list (functional zones, misprints). */
  unmatched: z.array(z.string()),
  /** One line per cue: what it said and how it was used. */
  evidence: z.array(z.string()),
  /** Edition of the division-code table. */
  source: z.string(),
});
export type ResolvedRegion = z.infer<typeof ResolvedRegionSchema>;

export const ContactSchema = z.strictObject({
  phone: z.array(z.string()),
  fax: z.string().nullable(),
  postcode: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  office: z.string().nullable(),
});

export const MetaSchema = z.compile(z.strictObject({
  title: z.string().nullable(),
  agency_name: z.string().nullable(),
  agency_short: z.string().nullable(),
  /** government / government_office / department / township_or_street / dev_zone / other (spec §8.2) */
  agency_kind: z.enum(['government', 'government_office', 'department', 'township_or_street', 'dev_zone', 'other']).nullable(),
  admin_level: z.enum(['province', 'prefecture', 'county', 'township']).nullable(),
  year: z.number().int().nullable(),
  /** Where the year came from: title, period, sidecar, body. */
  year_source: z.string().nullable(),
  era: EraSchema,
  era_evidence: z.array(z.string()),
  /** ISO date (YYYY-MM-DD) or null. */
  published_at: z.string().nullable(),
  published_at_raw: z.string().nullable(),
  published_at_source: z.string().nullable(),
  period: z.strictObject({ start: z.string(), end: z.string() }).nullable(),
  contact: ContactSchema,
  portal_url: z.string().nullable(),
  source_url: z.string().nullable(),
  doc_number: z.string().nullable(),
  index_no: z.string().nullable(),
  region: z.strictObject({
    code_hint: z.string().nullable(),
    path_hint: z.array(z.string()),
    cues: z.array(RegionCueSchema),
    resolved: ResolvedRegionSchema.nullable().optional(),
  }),
  is_aggregate: z.boolean(),
  format_declared: z.string().nullable(),
  has_tables: z.boolean(),
}));
export type Meta = z.infer<typeof MetaSchema>;

export const SectionKeySchema = z.enum(['s1_overview', 's2_active', 's3_requests', 's4_appeals', 's5_problems', 's6_other']);
export type SectionKey = z.infer<typeof SectionKeySchema>;

export const SectionSchema = z.strictObject({
  heading: z.string(),
  text: z.string(),
  loc: LocSchema,
});
export type Section = z.infer<typeof SectionSchema>;

/** A number stated in prose (spec §7.6), kept apart from table values. */
export const FigureSchema = z.compile(z.strictObject({
  value: z.number(),
  raw: z.string(),
  /** "about" (约/近) or "at_least" (余/多/超/逾/以上) when the prose qualifies the number. */
  approx: z.enum(['about', 'at_least']).nullable(),
  cumulative: z.boolean(),
  loc: LocSchema,
  /** The clause the figure was read from. */
  context: z.string(),
}));
export type Figure = z.infer<typeof FigureSchema>;

export const CheckSchema = z.compile(z.strictObject({
  id: z.string(),
  severity: z.enum(['error', 'warning']),
  status: z.enum(['pass', 'fail', 'uncertain', 'not_assessable']),
  /** What the rule was applied to: a column key, row key, group, or the report. */
  scope: z.string(),
  expected: z.number().nullable(),
  actual: z.number().nullable(),
  /** Field keys of the cells involved. */
  cells: z.array(z.string()),
  /** What went wrong or could not be checked, in plain words; null for a pass (expected, actual and cells say it). */
  message: z.string().nullable(),
  message_zh: z.string().nullable(),
}));
export type Check = z.infer<typeof CheckSchema>;

export const TableStatusSchema = z.strictObject({
  status: z.enum(['complete', 'partial', 'ambiguous', 'absent']),
  found: z.number().int(),
  expected: z.number().int(),
  notes: z.array(z.string()),
});
export type TableStatus = z.infer<typeof TableStatusSchema>;

export const ReportSchema = z.strictObject({
  schema_version: z.literal(SCHEMA_VERSION),
  id: z.string().regex(/^[0-9a-f]{16}$/),
  source: z.strictObject({
    file: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().nonnegative(),
    format: SourceFormatSchema,
    encoding: z.string(),
    /** Sidecar metadata file applied, if any. */
    sidecar: z.string().nullable(),
    retrieved_at: z.string().nullable(),
  }),
  meta: MetaSchema,
  sections: z.strictObject(Object.fromEntries(SectionKeySchema.options.map((k) => [k, SectionSchema.nullable()]))),
  tables: z.strictObject({ active: TableStatusSchema, requests: TableStatusSchema, appeals: TableStatusSchema }),
  active: ActiveSchema,
  requests: RequestsSchema,
  appeals: AppealsSchema,
  /** Derived values (spec §2.3/§2.4): subtotals, org_all, suit_all — always state "inferred". */
  derived: z.record(z.string(), CellSchema),
  /** Local rows not in the official form (e.g. Hubei 其他主动公开文件), keyed ext.<table>.<label>. */
  ext: z.record(z.string(), CellSchema),
  /** Pre-2019 statistics (spec §4), keyed legacy.*. */
  legacy: z.record(z.string(), CellSchema),
  narrative: z.record(z.string(), FigureSchema),
  checks: z.array(CheckSchema),
  /** Extraction notes: anything inferred, ambiguous or skipped, in plain words. */
  notes: z.array(z.string()),
});
export type Report = z.infer<typeof ReportSchema>;
