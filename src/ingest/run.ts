import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { LedgerSchema, type Ledger, type LedgerEntry } from '../model/ledger.ts';
import { engineDigest } from './engine.ts';
import { linkIngested, type CorpusSummary } from './link.ts';
import { listInputs } from './files.ts';
import { processAll } from './pool.ts';
import { readCachedReport } from './cache-entry.ts';
import { writeReportFile } from './report-file.ts';
import { processFile, rejectedOutcome, storedOutcome, type Outcome, type ProcessOptions, type Task } from './process-file.ts';
import { appendCardStore, readCardStore, writeCardStore } from './card-store.ts';
import { saveState, takeState, type IngestState } from './state.ts';

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
  /**
   * How many files were answered from an earlier run (cache entry, stored card or rejection): no extraction work,
   * and no reading or writing of a report already in place.
   */
  cached: number;
  /** Agencies, timeliness and leads of the whole corpus (also in <outDir>/corpus.json). */
  corpus: CorpusSummary;
}

/** Files at or above which worker threads pay for their start-up. */
const PARALLEL_THRESHOLD = 64;
/** Unchanged files answered on the main thread between two turns of the event loop (the workers' messages). */
const YIELD_EVERY = 256;

function ledgerEntry(o: Outcome, duplicateOf: string | null): LedgerEntry {
  if (o.error || !o.card) {
    return { file: o.file, sha256: o.sha256, bytes: o.bytes, status: 'rejected', reason: o.error?.reason ?? 'unknown', message: o.error?.message ?? null, report_id: null, duplicate_of: null };
  }
  const gaps = Object.entries(o.card.tables).filter(([, t]) => t.status === 'partial' || t.status === 'ambiguous');
  const noId = !o.card.meta.agency_name || o.card.meta.year === null;
  const partial = gaps.length > 0 || noId;
  const reasons = [
    ...gaps.map(([name, t]) => `${name} table ${t.status}${t.notes[0] ? `: ${t.notes[0]}` : ''}`),
    ...(noId ? [`${!o.card.meta.agency_name ? 'agency' : 'year'} not found; add a ${o.file}.meta.json sidecar to supply it`] : []),
  ];
  return {
    file: o.file, sha256: o.sha256, bytes: o.bytes, status: partial ? 'partial' : 'parsed',
    reason: partial ? (gaps.length ? 'tables-incomplete' : 'meta-incomplete') : null,
    message: partial ? reasons.join('; ') : null, report_id: o.card.id, duplicate_of: duplicateOf,
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
  const processOpts: ProcessOptions = { cacheDir, engine: engineDigest() };
  const before = await takeState(opts.outDir);
  const inPlace = new Set((await readdir(reportsDir)).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5)));
  // A report already in place from this very file under the same key needs neither reading nor writing.
  const knownKey = (file: string) => {
    const s = before.files[file];
    return s && inPlace.has(s.id) && before.reports[s.id]?.file === file ? s.key : null;
  };

  const outcomes = new Map<string, Outcome>();
  const writes = new Writes(reportsDir, files);
  let done = 0;
  let cached = 0;
  const onOutcome = (o: Outcome) => {
    outcomes.set(o.file, { ...o, json: null });
    done++;
    if (o.cached) cached++;
    opts.onProgress?.(done, files.length, cached);
    writes.offer(o, before);
  };
  // Files the last run did not see go to the workers at once. Meanwhile the main thread answers the others from
  // the stored cards or the last run's rejections, yielding now and then so the workers are kept fed (their start,
  // ~1 s of module loading, is hidden behind it); those it cannot answer (changed since) follow.
  const seen = (file: string) => knownKey(file) !== null || before.rejected[file] !== undefined;
  const jobsFor = (tasks: readonly Task[]) => opts.jobs ?? (tasks.length >= PARALLEL_THRESHOLD ? availableParallelism() : 1);
  const fresh: Task[] = files.filter((f) => !seen(f)).map((file) => ({ file, known: null }));
  const working = processAll(fresh, jobsFor(fresh), processOpts, onOutcome);
  working.catch(() => {}); // awaited below; not an unhandled rejection while the main thread works
  const store = await readCardStore(opts.outDir);
  const fromStore = new Set<string>();
  const changed: Task[] = [];
  let answered = 0;
  for (const file of files) {
    if (!seen(file)) continue;
    const known = knownKey(file);
    const was = before.rejected[file];
    const o = known ? storedOutcome(file, known, store.get(before.files[file]!.id), processOpts.engine)
      : rejectedOutcome(file, was!, processOpts.engine);
    if (o) {
      fromStore.add(file);
      onOutcome(o);
    } else changed.push({ file, known });
    if (++answered % YIELD_EVERY === 0) await new Promise(setImmediate);
  }
  await working;
  await processAll(changed, jobsFor(changed), processOpts, onOutcome);

  const entries: LedgerEntry[] = [];
  const firstFileOf = new Map<string, string>();
  for (const f of files) {
    const o = outcomes.get(f)!;
    const id = o.card?.id ?? null;
    const dup = id ? firstFileOf.get(id) ?? null : null;
    if (id && !dup) firstFileOf.set(id, f);
    entries.push(ledgerEntry(o, dup));
  }
  // Duplicates arriving out of order can leave a later file's copy in place: the first file's is the report.
  for (const [id, file] of firstFileOf) if (!writes.holds(id, file)) writes.offer(await processFile({ file, known: null }, processOpts), before);
  // The output folder mirrors the inputs: reports of files no longer given are removed.
  for (const id of inPlace) if (!firstFileOf.has(id)) await rm(join(reportsDir, `${id}.json`));
  const count = (s: LedgerEntry['status']) => entries.filter((e) => e.status === s).length;
  const ledger = LedgerSchema.parse({
    schema_version: 1,
    counts: { parsed: count('parsed'), partial: count('partial'), rejected: count('rejected') },
    entries,
  });
  await writeFile(join(opts.outDir, 'ledger.json'), `${JSON.stringify(ledger, null, 2)}\n`);
  const reportIds = [...firstFileOf.keys()].sort();
  const cards = reportIds.map((id) => outcomes.get(firstFileOf.get(id)!)!.card!);
  // A report's text is its cache entry's, with the path it was found under (and its cross-report checks).
  const made = new Map(reportIds.map((id) => { const o = outcomes.get(firstFileOf.get(id)!)!; return [id, `${o.key}\n${o.file}`]; }));
  const linked = await linkIngested(opts.outDir, cards, writes.cross, made);
  // Cards made (or taken from elsewhere, e.g. a file found under a new path) are appended to the store while every
  // card it holds is still some report's; otherwise (or when it held none: missing or damaged) it is written again,
  // holding the reports of this run only.
  const isStored = (id: string) => firstFileOf.has(id) && fromStore.has(firstFileOf.get(id)!);
  const storable = reportIds.map((id, i) => ({ key: outcomes.get(firstFileOf.get(id)!)!.key!, card: cards[i]! }));
  const newCards = storable.filter((s) => !isStored(s.card.id));
  if (store.size === 0 || [...store.keys()].some((id) => !isStored(id))) await writeCardStore(opts.outDir, storable);
  else if (newCards.length) await appendCardStore(opts.outDir, newCards);
  const state: IngestState = { files: {}, reports: {}, rejected: {} };
  for (const o of outcomes.values()) {
    if (o.card && o.key) state.files[o.file] = { key: o.key, id: o.card.id };
    else if (o.error && o.key) state.rejected[o.file] = { key: o.key, ...o.error };
  }
  for (const [id, file] of firstFileOf) state.reports[id] = { file, cross: linked.cross.get(id)! };
  await saveState(opts.outDir, state);
  return { ledger, reportIds, cached, corpus: linked.summary };
}

/**
 * The report files this run writes: the earliest input file of a report wins over its later duplicates, and each
 * report's cross-check digest follows what its file holds. A new report is written as it arrives, from the JSON
 * text a worker sent or from its cache entry, while the workers go on extracting; the corpus pass then only
 * appends its cross-report checks. Writes are synchronous, as in the workers: one report at a time either way,
 * so later writes of one report cannot overtake earlier ones.
 */
class Writes {
  readonly cross = new Map<string, string>();
  private readonly dir: string;
  private readonly index: Map<string, number>;
  private readonly holder = new Map<string, string>();

  constructor(dir: string, files: readonly string[]) {
    this.dir = dir;
    this.index = new Map(files.map((f, i) => [f, i]));
  }

  offer(o: Outcome, before: IngestState): void {
    const id = o.card?.id;
    if (!id) return;
    const held = this.holder.get(id);
    if (held && this.index.get(held)! < this.index.get(o.file)!) return;
    if (o.json === null && o.text_at === null) {
      // Already in place: nothing to write, and its checks are those the last run left.
      if (held) return;
      this.holder.set(id, o.file);
      this.cross.set(id, before.reports[id]!.cross);
      return;
    }
    writeReportFile(join(this.dir, `${id}.json`), o.json ?? cachedText(o.text_at!));
    this.holder.set(id, o.file);
    this.cross.set(id, o.cross!);
  }

  holds(id: string, file: string): boolean {
    return this.holder.get(id) === file;
  }
}

function cachedText(entry: string): Buffer {
  const text = readCachedReport(entry);
  if (!text) throw new Error(`${entry}: this ingest cache entry holds no report; delete the cache folder and build again`);
  return text;
}
