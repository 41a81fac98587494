import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { LedgerSchema, type Ledger, type LedgerEntry } from '../model/ledger.ts';
import { engineDigest } from './engine.ts';
import { linkIngested, type CorpusSummary } from './link.ts';
import { listInputs } from './files.ts';
import { processAll } from './pool.ts';
import type { Outcome } from './process-file.ts';

export interface IngestOptions {
  inputs: string[];
  outDir: string;
  /** Worker threads; default: one per core when there are enough files to be worth it. */
  jobs?: number;
  /** Cache folder for extracted reports keyed by content hash (default <outDir>/../ingest-cache); null disables. */
  cacheDir?: string | null;
  onProgress?: (done: number, total: number, cached: number) => void;
}

export interface IngestResult {
  ledger: Ledger;
  reportIds: string[];
  /** How many reports came from the cache (no extraction work). */
  cached: number;
  /** Agencies, timeliness and leads of the whole corpus (also in <outDir>/corpus.json). */
  corpus: CorpusSummary;
}

/** Files at or above which worker threads pay for their start-up. */
const PARALLEL_THRESHOLD = 64;

function ledgerEntry(o: Outcome, duplicateOf: string | null): LedgerEntry {
  if (o.error || !o.report) {
    return { file: o.file, sha256: o.sha256, bytes: o.bytes, status: 'rejected', reason: o.error?.reason ?? 'unknown', message: o.error?.message ?? null, report_id: null, duplicate_of: null };
  }
  const gaps = Object.entries(o.report.tables).filter(([, t]) => t.status === 'partial' || t.status === 'ambiguous');
  const noId = !o.report.meta.agency_name || o.report.meta.year === null;
  const partial = gaps.length > 0 || noId;
  const reasons = [
    ...gaps.map(([name, t]) => `${name} table ${t.status}${t.notes[0] ? `: ${t.notes[0]}` : ''}`),
    ...(noId ? [`${!o.report.meta.agency_name ? 'agency' : 'year'} not found; add a ${o.file}.meta.json sidecar to supply it`] : []),
  ];
  return {
    file: o.file, sha256: o.sha256, bytes: o.bytes, status: partial ? 'partial' : 'parsed',
    reason: partial ? (gaps.length ? 'tables-incomplete' : 'meta-incomplete') : null,
    message: partial ? reasons.join('; ') : null, report_id: o.report.id, duplicate_of: duplicateOf,
  };
}

/**
 * Ingest files and folders: one validated JSON per report in <outDir>/reports (with the cross-report checks
 * of the corpus-level pass), <outDir>/ledger.json listing every input, <outDir>/corpus.json with agencies,
 * timeliness and leads. A bad file becomes a ledger entry; only an unusable command line or output folder
 * throws.
 */
export async function runIngest(opts: IngestOptions): Promise<IngestResult> {
  const files = await listInputs(opts.inputs);
  const reportsDir = join(opts.outDir, 'reports');
  await mkdir(reportsDir, { recursive: true });
  const cacheDir = opts.cacheDir === undefined ? join(opts.outDir, '..', 'ingest-cache') : opts.cacheDir;
  const jobs = opts.jobs ?? (files.length >= PARALLEL_THRESHOLD ? availableParallelism() : 1);
  const engine = engineDigest();

  const outcomes = new Map<string, Outcome>();
  let done = 0;
  let cached = 0;
  await processAll(files, jobs, { cacheDir, engine }, (o) => {
    const { json: _json, ...rest } = o;
    outcomes.set(o.file, rest.report ? { ...rest, json: null } : o);
    done++;
    if (o.cached) cached++;
    opts.onProgress?.(done, files.length, cached);
    if (o.json && o.report) return writeFile(join(reportsDir, `${o.report.id}.json`), o.json);
  });

  const entries: LedgerEntry[] = [];
  const firstFileOf = new Map<string, string>();
  for (const f of files) {
    const o = outcomes.get(f)!;
    const id = o.report?.id ?? null;
    const dup = id ? firstFileOf.get(id) ?? null : null;
    if (id && !dup) firstFileOf.set(id, f);
    entries.push(ledgerEntry(o, dup));
  }
  // The output folder mirrors the inputs: reports of files no longer given are removed.
  for (const name of await readdir(reportsDir)) {
    if (name.endsWith('.json') && !firstFileOf.has(name.slice(0, -5))) await rm(join(reportsDir, name));
  }
  const count = (s: LedgerEntry['status']) => entries.filter((e) => e.status === s).length;
  const ledger = LedgerSchema.parse({
    schema_version: 1,
    counts: { parsed: count('parsed'), partial: count('partial'), rejected: count('rejected') },
    entries,
  });
  await writeFile(join(opts.outDir, 'ledger.json'), `${JSON.stringify(ledger, null, 2)}\n`);
  const reportIds = [...firstFileOf.keys()].sort();
  const corpus = await linkIngested(opts.outDir, reportIds);
  return { ledger, reportIds, cached, corpus };
}
