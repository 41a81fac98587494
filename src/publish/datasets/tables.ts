import { allFields, type FieldDef, type ModernEra } from '../../forms/index.ts';
import { CellStateSchema } from '../../model/cell.ts';
import { CheckSchema, EraSchema, MetaSchema, TableStatusSchema, type Check, type Report } from '../../model/report.ts';
import { LedgerEntrySchema, type LedgerEntry } from '../../model/ledger.ts';
import type { Agency } from '../agencies.ts';
import type { CellRow } from './cells.ts';
import { printedState, printedValue } from './cells.ts';
import type { CodebookEntry } from './codebook.ts';
import type { Column, Table } from './table.ts';

// The published tables. Column order here is the CSV column order, and it is part of the data contract:
// append new columns at the end of a table and record the change in DATA-CHANGELOG.md.

const FIELDS = allFields();
const STATES = CellStateSchema.options;
/** States a cell can have as printed (report_states.csv): inferred cells report the state they replaced. */
const PRINTED_STATES = STATES.filter((s) => s !== 'inferred');
const REPORT_ID = { pattern: '^[0-9a-f]{16}$' };
/** Several values in one cell (years, ids, keys) are joined with this; none of them can contain it. */
export const LIST_SEP = ';';

export interface ReportRow {
  report: Report;
  agency_id: string;
}

export interface CheckRow {
  report_id: string;
  /** 1-based position in the report's check list: with report_id, the row's key. */
  seq: number;
  check: Check;
}

function enumOf(values: readonly (string | null)[]): string[] {
  return values.filter((v): v is string => v !== null);
}

function fieldColumn<R>(f: FieldDef & { eras: ModernEra[] }, get: (row: R) => string | number | null, states: boolean): Column<R> {
  // Kept short: the codebook has the full labels, and these columns repeat in every year slice's schema.
  return {
    name: f.key,
    type: states ? 'string' : f.kind === 'money' ? 'number' : 'integer',
    description: `${states ? 'State: ' : ''}${f.zh} (${f.unit})`,
    ...(states ? { constraints: { enum: PRINTED_STATES } } : {}),
    get,
  };
}

const reportMeta: Column<ReportRow>[] = [
  { name: 'id', type: 'string', description: 'Report id: the first 16 hex digits of the source file\'s SHA-256.', constraints: { required: true, unique: true, ...REPORT_ID }, get: (r) => r.report.id },
  { name: 'agency_id', type: 'string', description: 'Agency id (agencies.csv): hash of the agency identity key (resolved division code + organ, or the normalised name when the region is unresolved).', constraints: { required: true }, get: (r) => r.agency_id },
  { name: 'agency_name', type: 'string', description: 'Reporting agency (机关名称) as found in the report.', get: (r) => r.report.meta.agency_name },
  { name: 'agency_short', type: 'string', description: 'Short name used in the title, if different.', get: (r) => r.report.meta.agency_short },
  { name: 'year', type: 'integer', description: 'Year the report covers (报告年度).', get: (r) => r.report.meta.year },
  { name: 'era', type: 'string', description: 'Report format: gov2021 (国办公开办函〔2021〕30号), gov2019 (〔2019〕60号) or legacy (before 2019).', constraints: { required: true, enum: [...EraSchema.options] }, get: (r) => r.report.meta.era },
  { name: 'agency_kind', type: 'string', description: 'government, government_office, department, township_or_street, dev_zone or other.', constraints: { enum: enumOf(MetaSchema.shape.agency_kind.unwrap().options) }, get: (r) => r.report.meta.agency_kind },
  { name: 'admin_level', type: 'string', description: 'province, prefecture, county or township.', constraints: { enum: enumOf(MetaSchema.shape.admin_level.unwrap().options) }, get: (r) => r.report.meta.admin_level },
  { name: 'region_code_hint', type: 'string', description: 'Administrative division code prefix suggested by the report (e.g. 网站标识码); a hint, not a resolved region.', get: (r) => r.report.meta.region.code_hint },
  { name: 'region_path_hint', type: 'string', description: `Place names from province down, joined with "${LIST_SEP}"; a hint.`, get: (r) => r.report.meta.region.path_hint.join(LIST_SEP) || null },
  { name: 'region_code', type: 'string', description: 'Division code resolved by the gazetteer (6 digits; 9 for a township/street); empty when unresolved or ambiguous.', get: (r) => r.report.meta.region.resolved?.code ?? null },
  { name: 'region_path', type: 'string', description: `Resolved division names from province down, joined with "${LIST_SEP}".`, get: (r) => r.report.meta.region.resolved?.path.map((p) => p.name).join(LIST_SEP) || null },
  { name: 'region_confidence', type: 'string', description: 'high, medium, low or ambiguous (candidates listed in the report JSON).', constraints: { enum: ['high', 'medium', 'low', 'ambiguous'] }, get: (r) => r.report.meta.region.resolved?.confidence ?? null },
  { name: 'published_at', type: 'date', description: 'Publication date (YYYY-MM-DD) when the report or its page states one.', get: (r) => r.report.meta.published_at },
  { name: 'title', type: 'string', description: 'Report title as printed.', get: (r) => r.report.meta.title },
  { name: 'is_aggregate', type: 'boolean', description: 'A region-wide summary compiled from several agencies.', constraints: { required: true }, get: (r) => r.report.meta.is_aggregate },
  { name: 'has_tables', type: 'boolean', description: 'At least one statistics table was found.', constraints: { required: true }, get: (r) => r.report.meta.has_tables },
  ...(['active', 'requests', 'appeals'] as const).map((t): Column<ReportRow> => ({
    name: `${t}_status`, type: 'string', description: `How completely table ${t} was read: complete, partial, ambiguous or absent.`,
    constraints: { required: true, enum: [...TableStatusSchema.shape.status.options] }, get: (r) => r.report.tables[t].status,
  })),
  ...(['fail', 'uncertain'] as const).map((s): Column<ReportRow> => ({
    name: `checks_${s}`, type: 'integer', description: `Number of consistency checks with status ${s} (details in checks.csv).`,
    constraints: { required: true, minimum: 0 }, get: (r) => r.report.checks.filter((c) => c.status === s).length,
  })),
  { name: 'source_file', type: 'string', description: 'Input file name as collected.', constraints: { required: true }, get: (r) => r.report.source.file },
  { name: 'source_format', type: 'string', description: 'Input format.', constraints: { required: true }, get: (r) => r.report.source.format },
  { name: 'source_sha256', type: 'string', description: 'SHA-256 of the input file.', constraints: { required: true, pattern: '^[0-9a-f]{64}$' }, get: (r) => r.report.source.sha256 },
  { name: 'source_bytes', type: 'integer', description: 'Size of the input file in bytes.', constraints: { required: true, minimum: 0 }, get: (r) => r.report.source.bytes },
  { name: 'source_url', type: 'string', description: 'Page the file was collected from, when known.', get: (r) => r.report.meta.source_url },
  { name: 'portal_url', type: 'string', description: 'Where the report says it is published.', get: (r) => r.report.meta.portal_url },
  { name: 'doc_number', type: 'string', description: '文号, if any.', get: (r) => r.report.meta.doc_number },
  { name: 'index_no', type: 'string', description: '索引号, if any.', get: (r) => r.report.meta.index_no },
];

const agencyKey = { fields: ['agency_id'], table: 'agencies', reference: ['agency_id'] };
const reportKey = (field: string) => ({ fields: [field], table: 'reports', reference: ['id'] });

export const reportsTable: Table<ReportRow> = {
  name: 'reports',
  title: 'Reports (wide)',
  description: 'One row per report: metadata, then one column per form field with the value as printed. Blank, dash, slash, text and absent cells are empty here; report_states.csv tells them apart. Values inferred by the checks are in cells.csv.',
  columns: [...reportMeta, ...FIELDS.map((f) => fieldColumn<ReportRow>(f, (r) => printedValue(r.report, f), false))],
  primaryKey: ['id'],
  foreignKeys: [agencyKey],
};

export const statesTable: Table<Report> = {
  name: 'report_states',
  title: 'Printed cell states (wide)',
  description: 'Same rows and field columns as reports.csv; each cell holds the printed state (num, zero_word, blank, dash, slash, text, absent). Empty: the report\'s format has no such field.',
  columns: [
    { name: 'id', type: 'string', description: 'Report id (reports.csv).', constraints: { required: true, unique: true, ...REPORT_ID }, get: (r) => r.id },
    ...FIELDS.map((f) => fieldColumn<Report>(f, (r) => printedState(r, f) || null, true)),
  ],
  primaryKey: ['id'],
  foreignKeys: [reportKey('id')],
};

export const cellsTable: Table<CellRow> = {
  name: 'cells',
  title: 'Cells (long)',
  description: 'One row per table cell of every report: form fields (absent ones included when their table was found), derived sums, local extra rows and pre-2019 statistics, with the printed text, the state and where it was printed.',
  columns: [
    { name: 'report_id', type: 'string', description: 'Report id (reports.csv).', constraints: { required: true, ...REPORT_ID }, get: (r) => r.report_id },
    { name: 'field_key', type: 'string', description: 'Field key (codebook.csv for form and derived fields).', constraints: { required: true }, get: (r) => r.field_key },
    { name: 'origin', type: 'string', description: 'form: printed on the official form; derived: a sum computed from printed cells; ext: a local extra row; legacy: pre-2019 statistics.', constraints: { required: true, enum: ['form', 'derived', 'ext', 'legacy'] }, get: (r) => r.origin },
    { name: 'table', type: 'string', description: 'Table: active (表2), requests (表3), appeals (表4); for legacy values, the topic.', get: (r) => r.table },
    { name: 'row_key', type: 'string', description: 'Row part of the key.', get: (r) => r.row_key },
    { name: 'col_key', type: 'string', description: 'Column part of the key.', get: (r) => r.col_key },
    { name: 'unit', type: 'string', description: 'Unit of value (件, 项, 万元, 个) from the codebook.', get: (r) => r.unit },
    { name: 'value', type: 'number', description: 'Numeric value: as printed, or inferred (state inferred); empty when unknown.', get: (r) => r.cell.value },
    { name: 'state', type: 'string', description: 'Value state (codebook.json "states").', constraints: { required: true, enum: [...STATES] }, get: (r) => r.cell.state },
    { name: 'raw', type: 'string', description: 'Cell text as printed (after character normalisation).', get: (r) => r.cell.raw },
    { name: 'printed_unit', type: 'string', description: 'Unit printed inside the cell, when there was one (e.g. 251000元); value is converted to unit.', get: (r) => r.cell.unit },
    { name: 'inferred_from', type: 'string', description: 'For inferred values, the rule that filled them (D1 zero-fill, D2 single unknown); for derived rows, the sum only where the codebook gives the key no formula (2021 （六）其他处理 subtotals, which the 2019 form prints), else empty: the rule is the codebook formula.', get: (r) => r.cell.inferred_from },
    { name: 'was', type: 'string', description: 'For inferred values: the state the cell had as printed.', constraints: { enum: [...STATES] }, get: (r) => r.cell.was },
    { name: 'source_page', type: 'integer', description: 'PDF page (1-based).', get: (r) => r.cell.loc?.page },
    { name: 'source_line', type: 'integer', description: 'Line in the text or page (1-based).', get: (r) => r.cell.loc?.line },
    { name: 'source_table', type: 'integer', description: 'Table number in the document (0-based).', get: (r) => r.cell.loc?.table },
    { name: 'source_row', type: 'integer', description: 'Row in that table (0-based).', get: (r) => r.cell.loc?.row },
    { name: 'source_col', type: 'integer', description: 'Printed cell in that row (0-based).', get: (r) => r.cell.loc?.col },
  ],
  primaryKey: ['report_id', 'field_key'],
  foreignKeys: [reportKey('report_id')],
};

export const checksTable: Table<CheckRow> = {
  name: 'checks',
  title: 'Consistency checks',
  description: 'Every consistency (勾稽) check of every report: pass, fail, uncertain (inputs unknown or dash-dependent) or not_assessable (table absent).',
  columns: [
    { name: 'report_id', type: 'string', description: 'Report id (reports.csv).', constraints: { required: true, ...REPORT_ID }, get: (r) => r.report_id },
    { name: 'seq', type: 'integer', description: 'Position of the check in the report (1-based).', constraints: { required: true, minimum: 1 }, get: (r) => r.seq },
    { name: 'check_id', type: 'string', description: 'Rule id (e.g. T3-ID).', constraints: { required: true }, get: (r) => r.check.id },
    { name: 'severity', type: 'string', description: 'error: a strict rule; warning: advisory.', constraints: { required: true, enum: [...CheckSchema.shape.severity.options] }, get: (r) => r.check.severity },
    { name: 'status', type: 'string', description: 'pass, fail, uncertain or not_assessable.', constraints: { required: true, enum: [...CheckSchema.shape.status.options] }, get: (r) => r.check.status },
    { name: 'scope', type: 'string', description: 'What the rule was applied to: a column, row, group or the report.', get: (r) => r.check.scope },
    { name: 'expected', type: 'number', description: 'Value the rule expects.', get: (r) => r.check.expected },
    { name: 'actual', type: 'number', description: 'Value found.', get: (r) => r.check.actual },
    { name: 'cells', type: 'string', description: `Field keys involved, joined with "${LIST_SEP}".`, get: (r) => r.check.cells.join(LIST_SEP) || null },
    { name: 'message', type: 'string', description: 'What failed or could not be checked (English); empty for a pass.', get: (r) => r.check.message },
    { name: 'message_zh', type: 'string', description: 'The same in Chinese; empty for a pass.', get: (r) => r.check.message_zh },
  ],
  primaryKey: ['report_id', 'seq'],
  foreignKeys: [reportKey('report_id')],
};

export const agenciesTable: Table<Agency> = {
  name: 'agencies',
  title: 'Agencies',
  description: 'One row per reporting agency (reports grouped by resolved region + organ, see identity_key), with the years it has reports for.',
  columns: [
    { name: 'agency_id', type: 'string', description: 'Agency id: first 12 hex digits of the SHA-256 of the identity key.', constraints: { required: true, unique: true }, get: (a) => a.id },
    { name: 'identity_key', type: 'string', description: 'What groups its reports: resolved division code + organ ("231002|人民政府办公室"), or "name:" + the normalised name.', constraints: { required: true }, get: (a) => a.key },
    { name: 'name', type: 'string', description: 'Normalised agency name (latest report).', constraints: { required: true }, get: (a) => a.name },
    { name: 'full_name', type: 'string', description: 'Name with its place chain re-attached from the resolved region.', get: (a) => a.full_name },
    { name: 'kind', type: 'string', description: 'Agency kind (as in reports.csv agency_kind).', get: (a) => a.kind },
    { name: 'level', type: 'string', description: 'Administrative level (as in reports.csv admin_level).', get: (a) => a.level },
    { name: 'region_code_hint', type: 'string', description: 'Division code prefix suggested by its reports.', get: (a) => a.region_code_hint },
    { name: 'region_path_hint', type: 'string', description: `Place names from province down, joined with "${LIST_SEP}".`, get: (a) => a.region_path_hint.join(LIST_SEP) || null },
    { name: 'region_code', type: 'string', description: 'Division code resolved by the gazetteer; empty when unresolved or ambiguous.', get: (a) => a.region?.code ?? null },
    { name: 'region_path', type: 'string', description: `Resolved division names from province down, joined with "${LIST_SEP}".`, get: (a) => a.region?.path.map((p) => p.name).join(LIST_SEP) || null },
    { name: 'region_confidence', type: 'string', description: 'high, medium, low or ambiguous.', constraints: { enum: ['high', 'medium', 'low', 'ambiguous'] }, get: (a) => a.region?.confidence ?? null },
    { name: 'region_candidates', type: 'string', description: `For an ambiguous region, the candidate division codes, joined with "${LIST_SEP}".`, get: (a) => (a.region?.confidence === 'ambiguous' ? a.region.candidates.map((c) => c.code).join(LIST_SEP) : null) },
    { name: 'years', type: 'string', description: `Years with a report, ascending, joined with "${LIST_SEP}".`, get: (a) => a.years.join(LIST_SEP) || null },
    { name: 'first_year', type: 'integer', description: 'Earliest year with a report.', get: (a) => a.years[0] ?? null },
    { name: 'last_year', type: 'integer', description: 'Latest year with a report.', get: (a) => a.years.at(-1) ?? null },
    { name: 'report_count', type: 'integer', description: 'Number of reports.', constraints: { required: true, minimum: 1 }, get: (a) => a.report_ids.length },
    { name: 'report_ids', type: 'string', description: `Report ids (reports.csv), by year, joined with "${LIST_SEP}".`, constraints: { required: true }, get: (a) => a.report_ids.join(LIST_SEP) },
  ],
  primaryKey: ['agency_id'],
  foreignKeys: [],
};

export const codebookTable: Table<CodebookEntry> = {
  name: 'codebook',
  title: 'Codebook',
  description: 'Every field key of the 2019 and 2021 forms and every derived sum: labels as printed on the form, English labels, unit, formats, and how the field maps between the 2019 and 2021 formats.',
  columns: [
    { name: 'position', type: 'integer', description: 'Order of the field (form order; derived fields last).', constraints: { required: true, unique: true }, get: (e) => e.position },
    { name: 'key', type: 'string', description: 'Field key: column name in reports.csv, field_key in cells.csv.', constraints: { required: true, unique: true }, get: (e) => e.key },
    { name: 'origin', type: 'string', description: 'form or derived.', constraints: { required: true, enum: ['form', 'derived'] }, get: (e) => e.origin },
    { name: 'formula', type: 'string', description: 'For derived fields: the sum that defines them.', get: (e) => e.formula },
    { name: 'table', type: 'string', description: 'active (表2 主动公开), requests (表3 依申请), appeals (表4 复议诉讼).', constraints: { required: true, enum: ['active', 'requests', 'appeals'] }, get: (e) => e.table },
    { name: 'row', type: 'string', description: 'Row key.', constraints: { required: true }, get: (e) => e.row },
    { name: 'col', type: 'string', description: 'Column key.', constraints: { required: true }, get: (e) => e.col },
    { name: 'anchor', type: 'string', description: 'Table 2 block (第二十条第（X）项).', get: (e) => e.anchor },
    { name: 'label_zh', type: 'string', description: 'Chinese label: row › column, as printed on the form (the 2021 form for fields both have).', constraints: { required: true }, get: (e) => e.label_zh },
    { name: 'label_en', type: 'string', description: 'English label.', constraints: { required: true }, get: (e) => e.label_en },
    { name: 'label_zh_gov2019', type: 'string', description: 'Chinese label as printed on the 2019 form, when it has the field (a few shared fields are worded differently).', get: (e) => e.label_zh_gov2019 },
    { name: 'row_zh', type: 'string', description: 'Row label as printed.', get: (e) => e.row_zh },
    { name: 'col_zh', type: 'string', description: 'Column label as printed.', get: (e) => e.col_zh },
    { name: 'row_en', type: 'string', description: 'Row label, English.', get: (e) => e.row_en },
    { name: 'col_en', type: 'string', description: 'Column label, English.', get: (e) => e.col_en },
    { name: 'unit', type: 'string', description: '件 (cases, documents), 项 (items), 万元 (10,000 CNY), 个.', constraints: { required: true }, get: (e) => e.unit },
    { name: 'kind', type: 'string', description: 'count, signed_count (may be negative) or money.', constraints: { required: true, enum: ['count', 'signed_count', 'money'] }, get: (e) => e.kind },
    { name: 'eras', type: 'string', description: `Formats that have the field, joined with "${LIST_SEP}".`, constraints: { required: true }, get: (e) => e.eras.join(LIST_SEP) },
    { name: 'gov2019_key', type: 'string', description: 'The field in the 2019 format (itself, or its counterpart).', get: (e) => e.gov2019_key },
    { name: 'gov2021_key', type: 'string', description: 'The field in the 2021 format (itself, or its counterpart).', get: (e) => e.gov2021_key },
    { name: 'comparability', type: 'string', description: 'same, derived, approximate, not_comparable or none (spec §3.4).', constraints: { required: true, enum: ['same', 'derived', 'approximate', 'not_comparable', 'none'] }, get: (e) => e.comparability },
    { name: 'mapping_note_en', type: 'string', description: 'Why the formats differ for this field.', get: (e) => e.mapping_note_en },
    { name: 'mapping_note_zh', type: 'string', description: '两种格式差异说明.', get: (e) => e.mapping_note_zh },
  ],
  primaryKey: ['key'],
  foreignKeys: [],
};

export const ledgerTable: Table<LedgerEntry> = {
  name: 'ledger',
  title: 'Input ledger',
  description: 'Every collected input file and what became of it: parsed, partial (published with gaps) or rejected, with the reason. Use it to judge coverage.',
  columns: [
    { name: 'file', type: 'string', description: 'Input file as collected.', constraints: { required: true, unique: true }, get: (e) => e.file },
    { name: 'sha256', type: 'string', description: 'SHA-256 of the file, when it could be read.', get: (e) => e.sha256 },
    { name: 'bytes', type: 'integer', description: 'Size in bytes.', constraints: { required: true, minimum: 0 }, get: (e) => e.bytes },
    { name: 'status', type: 'string', description: 'parsed, partial or rejected.', constraints: { required: true, enum: [...LedgerEntrySchema.shape.status.options] }, get: (e) => e.status },
    { name: 'reason', type: 'string', description: 'Short reason code for partial or rejected files.', get: (e) => e.reason },
    { name: 'message', type: 'string', description: 'What failed, in plain words.', get: (e) => e.message },
    { name: 'report_id', type: 'string', description: 'Report produced from the file (reports.csv), if any.', get: (e) => e.report_id },
    { name: 'duplicate_of', type: 'string', description: 'Another input with identical bytes that produced the same report.', get: (e) => e.duplicate_of },
  ],
  primaryKey: ['file'],
  foreignKeys: [],
};
