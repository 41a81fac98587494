import { createHash } from 'node:crypto';
import { runChecks } from '../check/index.ts';
import { extractLegacyStats } from '../extract/legacy.ts';
import { extractMeta } from '../extract/meta/index.ts';
import { extractNarrative } from '../extract/narrative.ts';
import { extractSections } from '../extract/sections.ts';
import { extractTables } from '../extract/tables/index.ts';
import { canonicalParsed } from '../model/canonical.ts';
import { ReadError } from '../model/document.ts';
import { ReportSchema, SCHEMA_VERSION, type Report } from '../model/report.ts';
import { resolveRegion } from '../publish/gazetteer/resolve.ts';
import type { Sidecar } from '../model/sidecar.ts';
import { readDocument } from '../read/index.ts';
import { nestCells } from './nest.ts';

export interface ExtractInput {
  bytes: Uint8Array;
  /** The input path as given on the command line (kept verbatim in source.file). */
  file: string;
  sidecar: Sidecar | null;
  sidecarFile: string | null;
  /** The bytes' sha256 when the caller has already computed it (the ingest keys every file by it). */
  sha256?: string;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Stable report id: the first 16 hex digits of the file's sha256 (same bytes, same id, on every machine). */
export function reportId(hash: string): string {
  return hash.slice(0, 16);
}

/** Bytes → validated report. Throws ReadError for unreadable input (the caller records it in the ledger). */
export async function extractReport(input: ExtractInput): Promise<Report> {
  const hash = input.sha256 ?? sha256(input.bytes);
  const doc = await readDocument(input.bytes, input.file);
  const meta = extractMeta(doc, { sidecar: input.sidecar });
  if (meta.title === null && meta.agency_name === null && meta.year === null) {
    throw new ReadError('not-a-report', 'no report title, agency or year found: this does not look like a government information disclosure annual report (add a .meta.json sidecar if it is one)');
  }
  const sections = extractSections(doc);
  const narrative = extractNarrative(doc, sections);
  const tables = extractTables(doc, meta.year);
  const checked = runChecks({
    era: tables.era, cells: tables.cells, tables: tables.tables, singleRowOther: tables.singleRowOther,
    meta, narrative,
  });
  const hasTables = Object.values(tables.tables).some((t) => t.status !== 'absent');
  // Old-style statistics (指标名称 | 计量单位 | 数值) only where the modern forms are not printed.
  const legacy = hasTables ? { cells: {}, notes: [] } : extractLegacyStats(doc);
  const report: Report = {
    schema_version: SCHEMA_VERSION,
    id: reportId(hash),
    source: {
      file: input.file, sha256: hash, bytes: input.bytes.byteLength, format: doc.format, encoding: doc.encoding,
      sidecar: input.sidecarFile, retrieved_at: input.sidecar?.retrieved_at ?? doc.hints.retrieved_at ?? null,
    },
    meta: { ...meta, region: { ...meta.region, resolved: resolveRegion(meta) }, era: tables.era, era_evidence: tables.era_evidence, has_tables: hasTables },
    sections,
    tables: tables.tables,
    ...nestCells(tables.cells),
    derived: checked.derived,
    ext: {},
    legacy: legacy.cells,
    narrative,
    checks: checked.checks,
    notes: [...doc.notes, ...tables.notes, ...legacy.notes, ...checked.notes],
  };
  // In canonical key order, so the JSON text written once is the text every later stage publishes as is.
  return canonicalParsed(ReportSchema.parse(report), ReportSchema) as Report;
}
