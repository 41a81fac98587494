// node scripts/bench/phases.ts <corpus-folder>: CPU time per extraction phase on one core (where ingest time goes).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runChecks } from '../../src/check/index.ts';
import { extractMeta } from '../../src/extract/meta/index.ts';
import { extractNarrative } from '../../src/extract/narrative.ts';
import { extractSections } from '../../src/extract/sections.ts';
import { extractTables } from '../../src/extract/tables/index.ts';
import { extractReport } from '../../src/ingest/extract-report.ts';
import { ReportSchema } from '../../src/model/report.ts';
import { resolveRegion } from '../../src/publish/gazetteer/resolve.ts';
import { readDocument } from '../../src/read/index.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => { const p = join(dir, n); return statSync(p).isDirectory() ? files(p) : [p]; }).sort();
}
const list = files(process.argv[2]!);
const t: Record<string, number> = {};
const time = async <T>(k: string, fn: () => T | Promise<T>): Promise<T> => { const s = performance.now(); const v = await fn(); t[k] = (t[k] ?? 0) + performance.now() - s; return v; };
for (const f of list.slice(0, 50)) await extractReport({ bytes: new Uint8Array(readFileSync(f)), file: f, sidecar: null, sidecarFile: null }); // warm up
for (const f of list) {
  const bytes = new Uint8Array(readFileSync(f));
  const doc = await time('read', () => readDocument(bytes, f));
  const meta = await time('meta', () => extractMeta(doc, { sidecar: null }));
  const sections = await time('sections', () => extractSections(doc));
  const narrative = await time('narrative', () => extractNarrative(doc, sections));
  const tables = await time('tables', () => extractTables(doc, meta.year));
  await time('checks', () => runChecks({ era: tables.era, cells: tables.cells, tables: tables.tables, singleRowOther: tables.singleRowOther, meta, narrative }));
  await time('region', () => resolveRegion(meta));
  const r = await time('whole extractReport', () => extractReport({ bytes, file: f, sidecar: null, sidecarFile: null }));
  await time('zod parse (again)', () => ReportSchema.parse(r));
  await time('JSON.stringify', () => JSON.stringify(r));
}
for (const [k, v] of Object.entries(t)) console.log(`${k.padEnd(22)} ${(v / list.length).toFixed(3)} ms/report`);
