import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, readdir, rename, rm, rmdir, truncate, writeFile, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ledger } from '../../model/ledger.ts';
import { ReportSchema, type Report } from '../../model/report.ts';
import type { Lean } from '../lean.ts';
import { agencyId, groupAgencies } from '../agencies.ts';
import { GROUPS, JSON_FILES, MAIN_TABLES, YEAR_TABLES, type Group } from './catalog.ts';
import { reportCells } from './cells.ts';
import { buildCodebook } from './codebook.ts';
import { buildDescriptor, jsonResource, tabularResource } from './descriptor.ts';
import { MANIFEST, type Manifest } from './manifest.ts';
import { renderReadme, type Summary } from './readme.ts';
import { readRelease, type Release } from './release.ts';
import { Sink, csvHead, csvText, type CsvAppender, type WrittenFile } from './sink.ts';
import { byCodePoint, canonical } from '../../model/canonical.ts';
import { record, type Table } from './table.ts';
import { agenciesTable, cellsTable, checksTable, codebookTable, ledgerTable, reportsTable, statesTable, type CheckRow } from './tables.ts';

// Publishes the downloads under outDir (the build copies it to dist/data). One pass over the reports, sorted
// by year: each report's rows are formatted once and appended to the full tables, to its year's slice and to
// its own files, so nothing large is held in memory. Then the agency slices, and last the files that
// describe the others (README, datapackage.json, files.json, SHA256SUMS). Rows and files are in a fixed
// order and nothing reads the clock, so the same reports always give byte-identical files.

export type { Manifest } from './manifest.ts';
export { readManifest } from './manifest.ts';

/**
 * Reports to publish, loaded one at a time: at 100k reports (~75 KB of JSON each) the whole collection does
 * not fit in memory, so the build passes ids and a loader instead of an array.
 */
export interface ReportSource {
  ids: readonly string[];
  load: (id: string) => Promise<Loaded>;
  /**
   * A report's metadata and a digest of it as stored (e.g. a hash of its JSON text), without loading all of it:
   * ordering and grouping need only the metadata, and with cacheDir a report whose digest is unchanged is not
   * formatted again.
   */
  peek?: (id: string) => Promise<{ digest: string; meta: Lean['meta'] }>;
}

/**
 * A loaded report, and its JSON text as stored when that is already canonical (the ingest writes it so:
 * src/model/canonical.ts): then the text is published byte for byte instead of being serialised again.
 */
export interface Loaded {
  report: Report;
  json?: Buffer;
  /** A file holding `json` and a newline (a stored report): published as it is, the download is linked to it. */
  file?: string;
}

export interface DatasetOptions {
  reports: Report[] | ReportSource;
  ledger: Ledger;
  outDir: string;
  /**
   * Incremental build: a folder kept between builds. Files of unchanged reports, years and agencies are kept
   * in outDir instead of being written again (the files are the same bytes either way); without it, outDir
   * is emptied and everything is written.
   */
  cacheDir?: string;
}

export interface DatasetResult {
  files: { path: string; bytes: number; sha256: string }[];
}

const UNKNOWN_YEAR = 'unknown';
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Input paths are recorded as given, which for a build is absolute (/home/…/content/corpus/…). Published,
 * that would leak the build machine's folders and differ between checkouts, so paths inside the project
 * become relative to it (content/corpus/…), with "/" separators.
 */
export function publicPath(file: string): string {
  const rel = relative(ROOT, file);
  return isAbsolute(file) && !rel.startsWith('..') ? rel.split(sep).join('/') : file;
}

/** The report with its paths made public; the report itself when they already are. */
function publicReport(r: Report): Report {
  const file = publicPath(r.source.file);
  const sidecar = r.source.sidecar === null ? null : publicPath(r.source.sidecar);
  return file === r.source.file && sidecar === r.source.sidecar ? r : { ...r, source: { ...r.source, file, sidecar } };
}

const NEWLINE = Buffer.from('\n');

/** Per-report files in flight at once. */
const PARALLEL_WRITES = 16;

/**
 * What ordering and agency grouping need of a report (its id and the metadata its site entry keeps, ~1% of the
 * report); the rest is loaded again when its rows are written.
 */
interface ReportSummary { id: string; meta: Lean['meta'] }

const summarise = (r: Report): ReportSummary => ({ id: r.id, meta: r.meta });

/** Reports loaded in the given order with a few reads ahead (file reads overlap the formatting). */
async function* inOrder(ids: readonly string[], load: (id: string) => Promise<Loaded>, ahead = 8): AsyncGenerator<Loaded> {
  const pending: Promise<Loaded>[] = [];
  let next = 0;
  const fill = () => { while (pending.length < ahead && next < ids.length) pending.push(load(ids[next++]!)); };
  fill();
  while (pending.length) {
    const r = await pending.shift()!;
    fill();
    yield r;
  }
}

/** Year (unknown last), then agency name, then id — code-point order, identical on every machine. */
function sortReports<T extends ReportSummary>(reports: readonly T[]): T[] {
  return [...reports].sort((a, b) =>
    (a.meta.year ?? Infinity) - (b.meta.year ?? Infinity)
    || byCodePoint(a.meta.agency_name ?? '', b.meta.agency_name ?? '')
    || byCodePoint(a.id, b.id));
}

function yearOf(r: ReportSummary): string {
  return r.meta.year === null ? UNKNOWN_YEAR : String(r.meta.year);
}

/** Top-level names this module writes; anything else in outDir means it is not ours to wipe. */
const OWN_NAMES = new Set(['reports', 'by-year', 'by-agency', ...MAIN_TABLES.map((t) => `${t.name}.csv`), ...Object.keys(JSON_FILES), 'README.md', MANIFEST, 'SHA256SUMS']);

/**
 * Empties outDir (or, for an incremental build, keeps it: stale files are removed at the end), refusing when
 * it holds anything else (a mistyped --out must not delete someone's work).
 */
async function prepare(outDir: string, incremental = false): Promise<void> {
  const foreign = ((await readdir(outDir).catch(() => [])) as string[]).filter((n) => !OWN_NAMES.has(n));
  if (foreign.length > 0) throw new Error(`${outDir} holds files the dataset build did not write (${foreign.slice(0, 3).join(', ')}); refusing to empty it`);
  if (!incremental) await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
}

/** Bounds the number of unfinished writes and rethrows the first failure (caught at once, never unhandled). */
class InFlight {
  private readonly pending = new Set<Promise<void>>();
  private readonly limit: number;
  private failure: { error: unknown } | null = null;

  constructor(limit: number) {
    this.limit = limit;
  }

  async add(p: Promise<unknown>): Promise<void> {
    const tracked: Promise<void> = p.then(() => undefined, (error: unknown) => { this.failure ??= { error }; })
      .finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
    if (this.pending.size >= this.limit) await Promise.race(this.pending);
    this.rethrow();
  }

  async wait(): Promise<void> {
    await Promise.all(this.pending);
    this.rethrow();
  }

  private rethrow(): void {
    if (this.failure) throw this.failure.error;
  }
}

/** The four tables that have a per-year slice. */
type SliceTable = 'reports' | 'report_states' | 'cells' | 'checks';
const SLICES: Record<SliceTable, Table<any>> = { reports: reportsTable, report_states: statesTable, cells: cellsTable, checks: checksTable };
const SLICE_NAMES = Object.keys(SLICES) as SliceTable[];

/**
 * What an incremental run keeps between builds (<cacheDir>/datasets-state.json): each report's digest, where
 * its rows sit in its year's slice files, and the files written. The published files themselves are the cache:
 * an unchanged report's rows are copied from the slice files of the last build instead of being formatted
 * again, an unchanged year's slices and an unchanged agency's files are not rewritten at all.
 */
interface State {
  version: 1;
  code: string;
  reports: Record<string, {
    digest: string;
    year: string;
    /** Byte ranges of the report's rows in its year's slice files, and the number of rows. */
    ranges: Record<SliceTable, [number, number]>;
    rows: Record<SliceTable, number>;
    json: WrittenFile;
    csv: WrittenFile;
  }>;
  years: Record<string, { fingerprint: string; files: Record<SliceTable, WrittenFile> }>;
  /** The full tables, and the years (in order) whose rows they hold. */
  full: { fingerprint: string; files: Record<SliceTable | 'reports_json', WrittenFile>; years: string[] } | null;
  agencies: Record<string, { fingerprint: string; csv: WrittenFile; states: WrittenFile }>;
}
const STATE_FILE = 'datasets-state.json';
const emptyState = (code: string): State => ({ version: 1, code, reports: {}, years: {}, full: null, agencies: {} });

const hashOf = (...parts: unknown[]) => createHash('sha256').update(JSON.stringify(parts)).digest('hex');
/** A per-report or per-agency file as the state keeps it (its columns are the table's; only whole tables need them). */
const slim = (f: WrittenFile): WrittenFile => ({ path: f.path, bytes: f.bytes, sha256: f.sha256, ...(f.rows === undefined ? {} : { rows: f.rows }) });

/** Digest of the code that decides what the files contain: a change rewrites everything. */
function codeDigest(): string {
  const h = createHash('sha256').update(ROOT);
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((x, y) => byCodePoint(x.name, y.name))) {
      const f = join(dir, e.name);
      if (e.isDirectory()) walk(f);
      else if (e.name.endsWith('.ts')) h.update(f).update(readFileSync(f));
    }
  };
  for (const d of ['publish', 'forms', 'model', 'check']) walk(join(ROOT, 'src', d));
  return h.digest('hex');
}

/**
 * Is this file in place with the size it was written with? Synchronous: tens of thousands of these are asked one
 * after another, and a trip through the thread pool each cost more than the stat itself.
 */
function intact(outDir: string, f: WrittenFile | undefined): boolean {
  return !!f && statSync(join(outDir, f.path), { throwIfNoEntry: false })?.size === f.bytes;
}

async function readRange(fh: FileHandle, [start, end]: [number, number]): Promise<Buffer> {
  const buf = Buffer.allocUnsafe(end - start);
  const { bytesRead } = await fh.read(buf, 0, buf.length, start);
  if (bytesRead !== buf.length) throw new Error('dataset slice file shorter than recorded');
  return buf;
}

/**
 * Append a file's bytes from `from` onwards (a slice's rows after its header) to an appender. Each block is read
 * into a buffer of its own (not zero-filled) that the appender may keep: copying every block out of one reused
 * buffer was most of the time the datasets spent re-hashing and re-assembling the full tables.
 */
async function appendFile(write: (chunk: Uint8Array) => Promise<void>, file: string, from: number): Promise<void> {
  const fh = await open(file, 'r');
  try {
    for (let pos = from; ;) {
      const buf = Buffer.allocUnsafe(4 * 2 ** 20);
      const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
      if (!bytesRead) break;
      await write(buf.subarray(0, bytesRead));
      pos += bytesRead;
    }
  } finally {
    await fh.close();
  }
}

/**
 * Size and SHA-256 of a file, read in large blocks into one buffer, synchronously: hashing the full tables again
 * after new reports were appended took 2.5 times as long with reads through the thread pool.
 */
function hashFile(file: string): { bytes: number; sha256: string } {
  const h = createHash('sha256');
  const buf = Buffer.allocUnsafe(4 * 2 ** 20);
  const fd = openSync(file, 'r');
  let bytes = 0;
  try {
    for (let n; (n = readSync(fd, buf, 0, buf.length, bytes)) > 0;) {
      h.update(buf.subarray(0, n));
      bytes += n;
    }
  } finally {
    closeSync(fd);
  }
  return { bytes, sha256: h.digest('hex') };
}

/** Files under outDir that this run did not write or keep (reports, years or agencies no longer there). */
async function removeStale(outDir: string, keep: Set<string>): Promise<void> {
  const entries = await readdir(outDir, { withFileTypes: true, recursive: true });
  for (const e of entries) {
    const rel = relative(outDir, join(e.parentPath, e.name)).split(sep).join('/');
    if (e.isFile() && !keep.has(rel)) await rm(join(outDir, rel));
  }
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => join(e.parentPath, e.name)).sort((x, y) => y.length - x.length);
  for (const d of dirs) await rmdir(d).catch(() => {});
}

export async function writeDatasets(opts: DatasetOptions): Promise<DatasetResult> {
  return { files: (await publish(opts, await readRelease())).map(({ path, bytes, sha256 }) => ({ path, bytes, sha256 })) };
}

async function publish({ reports: input, ledger, outDir, cacheDir }: DatasetOptions, release: Release): Promise<WrittenFile[]> {
  const code = cacheDir ? codeDigest() : '';
  const statePath = cacheDir ? join(cacheDir, STATE_FILE) : null;
  let prev = emptyState(code);
  if (statePath && existsSync(statePath)) {
    const read = JSON.parse(await readFile(statePath, 'utf8')) as State;
    if (read.version === 1 && read.code === code) prev = read;
    // Until this run finishes, the files no longer match any state: a run that fails half way starts afresh.
    await rm(statePath);
  }
  await prepare(outDir, !!cacheDir);
  const sink = new Sink(outDir);
  const next = emptyState(code);
  const source: ReportSource = Array.isArray(input)
    ? { ids: input.map((r) => r.id), load: ((byId) => async (id: string) => ({ report: byId.get(id)! }))(new Map(input.map((r) => [r.id, r]))) }
    : input;
  // First pass: only what ordering and grouping need (metadata), and a digest per report when the source can
  // give one cheaply (null means "always redo").
  const digests = new Map<string, string | null>();
  const summaries: ReportSummary[] = [];
  if (Array.isArray(input)) for (const r of input) { summaries.push(summarise(r)); digests.set(r.id, null); }
  else if (source.peek) {
    for (const id of source.ids) {
      const { digest, meta } = await source.peek(id);
      summaries.push({ id, meta });
      digests.set(id, cacheDir ? digest : null);
    }
  } else for await (const { report: r } of inOrder(source.ids, source.load)) { summaries.push(summarise(r)); digests.set(r.id, null); }
  const reports = sortReports(summaries);
  // Re-sorted by code point: groupAgencies orders by zh-CN collation, which can change with the ICU version.
  const agencies = groupAgencies(reports).sort((a, b) => byCodePoint(a.name, b.name) || byCodePoint(a.id, b.id));
  const grouped = new Map<Group, WrittenFile[]>(Object.keys(GROUPS).map((g) => [g as Group, []]));
  const track = (group: Group) => (f: WrittenFile) => { grouped.get(group)!.push(f); };
  const inFlight = new InFlight(PARALLEL_WRITES);

  // The year slices, oldest first: kept when nothing in the year changed, else written from each report's rows
  // (copied from the last build's slice for an unchanged report, formatted anew otherwise).
  const byYear = new Map<string, ReportSummary[]>();
  for (const r of reports) {
    const list = byYear.get(yearOf(r));
    if (list) list.push(r);
    else byYear.set(yearOf(r), [r]);
  }
  const years: { year: string; reports: number; files: Record<SliceTable, WrittenFile> }[] = [];
  /** Where every report's rows are in the slices written or kept by this run (for the agency files). */
  const located = new Map<string, { year: string; ranges: Record<SliceTable, [number, number]> }>();
  /** Per-report files written in the background: their sizes and hashes, once written. */
  const pendingFiles: { id: string; wrote: { json: WrittenFile | null; csv: WrittenFile | null } }[] = [];
  // Which years are unchanged (same reports, same digests, files in place).
  const fingerprints = new Map<string, string>();
  const keptYears = new Set<string>();
  for (const [year, list] of byYear) {
    const ds = list.map((r) => digests.get(r.id) ?? null);
    const fingerprint = ds.every(Boolean) ? hashOf(list.map((r) => r.id), ds) : '';
    fingerprints.set(year, fingerprint);
    const before = prev.years[year];
    if (!fingerprint || before?.fingerprint !== fingerprint) continue;
    if (!SLICE_NAMES.every((t) => intact(outDir, before.files[t]))) continue;
    let ok = true;
    for (const r of list) if (!intact(outDir, prev.reports[r.id]?.json) || !intact(outDir, prev.reports[r.id]?.csv)) { ok = false; break; }
    if (ok) keptYears.add(year);
  }
  // When no year is kept (a first build), the full tables are written in the same pass as the slices;
  // otherwise they are put together from the slices afterwards.
  const streamed = keptYears.size === 0
    ? { ...Object.fromEntries(await Promise.all(SLICE_NAMES.map(async (t) => [t, await sink.openCsv(`${t}.csv`, SLICES[t])]))) as Record<SliceTable, CsvAppender<any>>, json: await sink.open('reports.json') }
    : null;
  await streamed?.json.write('[\n');
  let jsonCount = 0;
  for (const [year, list] of byYear) {
    const dir = `by-year/${year}/`;
    const fingerprint = fingerprints.get(year)!;
    const before = prev.years[year];
    if (keptYears.has(year)) {
      const before = prev.years[year]!;
      for (const t of SLICE_NAMES) sink.keep(before.files[t]);
      for (const r of list) {
        const st = prev.reports[r.id]!;
        next.reports[r.id] = st;
        located.set(r.id, st);
        track('report_json')(sink.keep(st.json));
        track('report_csv')(sink.keep(st.csv));
      }
      next.years[year] = before;
      years.push({ year, reports: list.length, files: before.files });
      continue;
    }
    // The last build's slice files, moved aside: unchanged reports' rows are read from them.
    const old = new Map<SliceTable, FileHandle>();
    if (before) {
      for (const t of SLICE_NAMES) {
        if (!intact(outDir, before.files[t])) { for (const fh of old.values()) await fh.close(); old.clear(); break; }
        await rename(join(outDir, `${dir}${t}.csv`), join(outDir, `${dir}${t}.csv.prev`));
        old.set(t, await open(join(outDir, `${dir}${t}.csv.prev`), 'r'));
      }
    }
    const files = {} as Record<SliceTable, CsvAppender<any>>;
    for (const t of SLICE_NAMES) files[t] = await sink.openCsv(`${dir}${t}.csv`, SLICES[t]);
    const reusable = (id: string) => {
      const st = prev.reports[id];
      return !!st && old.size === SLICE_NAMES.length && st.digest === digests.get(id) && st.year === year && intact(outDir, st.json) && intact(outDir, st.csv);
    };
    const todo: string[] = [];
    for (const r of list) if (!reusable(r.id)) todo.push(r.id);
    const loads = inOrder([...todo], source.load);
    for (const r of list) {
      // Every chunk is encoded to UTF-8 once, then written to the slice, the full table and the report's files.
      let chunks: Record<SliceTable, Buffer>;
      let rows: Record<SliceTable, number>;
      let json: WrittenFile;
      let csv: WrittenFile;
      let text: Buffer;
      if (todo[0] === r.id) {
        todo.shift();
        const { report, json: stored, file: storedFile } = (await loads.next()).value as Loaded;
        const full = publicReport(report);
        const asStored = stored !== undefined && full === report;
        // The newline is added to the bytes: encoding JSON text with "\n" appended (a string that must be
        // flattened first) took more than twice as long.
        text = asStored ? stored : Buffer.from(JSON.stringify(canonical(full, ReportSchema)));
        const cells = [...reportCells(full)];
        const checks = full.checks.map((check, n): CheckRow => ({ report_id: full.id, seq: n + 1, check }));
        chunks = {
          reports: Buffer.from(csvText([record(reportsTable, { report: full, agency_id: agencyId(full) })])),
          report_states: Buffer.from(csvText([record(statesTable, full)])),
          cells: Buffer.from(csvText(cells.map((c) => record(cellsTable, c)))),
          checks: Buffer.from(csvText(checks.map((c) => record(checksTable, c)))),
        };
        rows = { reports: 1, report_states: 1, cells: cells.length, checks: checks.length };
        // Per-report files: written in the background, a few at a time.
        const wrote = { json: null as WrittenFile | null, csv: null as WrittenFile | null };
        const jsonPath = `reports/${full.id}.json`;
        const jsonFile = asStored && storedFile ? sink.link(jsonPath, storedFile, [text, NEWLINE]) : sink.text(jsonPath, Buffer.concat([text, NEWLINE]));
        await inFlight.add(jsonFile.then((f) => { wrote.json = f; track('report_json')(f); }));
        await inFlight.add(sink.csvRows(`reports/${full.id}.csv`, cellsTable, cells.length, chunks.cells).then((f) => { wrote.csv = f; track('report_csv')(f); }));
        json = { path: jsonPath, bytes: 0, sha256: '' };
        csv = { path: `reports/${full.id}.csv`, bytes: 0, sha256: '' };
        pendingFiles.push({ id: full.id, wrote });
      } else {
        const st = prev.reports[r.id]!;
        chunks = {} as Record<SliceTable, Buffer>;
        for (const t of SLICE_NAMES) chunks[t] = await readRange(old.get(t)!, st.ranges[t]);
        rows = st.rows;
        json = sink.keep(st.json);
        csv = sink.keep(st.csv);
        track('report_json')(json);
        track('report_csv')(csv);
        text = streamed ? (await readFile(join(outDir, st.json.path))).subarray(0, st.json.bytes - 1) : Buffer.alloc(0);
      }
      const ranges = {} as Record<SliceTable, [number, number]>;
      for (const t of SLICE_NAMES) {
        const start = files[t].size;
        await files[t].writeText(chunks[t], rows[t]);
        ranges[t] = [start, files[t].size];
        await streamed?.[t].writeText(chunks[t], rows[t]);
      }
      if (streamed) {
        if (jsonCount++) await streamed.json.write(',\n');
        await streamed.json.write(text);
      }
      located.set(r.id, { year, ranges });
      const d = digests.get(r.id);
      if (d) next.reports[r.id] = { digest: d, year, ranges, rows, json, csv };
    }
    for (const fh of old.values()) await fh.close();
    for (const t of SLICE_NAMES) await rm(join(outDir, `${dir}${t}.csv.prev`), { force: true });
    const written = {} as Record<SliceTable, WrittenFile>;
    for (const t of SLICE_NAMES) written[t] = await files[t].close();
    if (fingerprint) next.years[year] = { fingerprint, files: written };
    years.push({ year, reports: list.length, files: written });
  }
  await inFlight.wait();
  // Per-report files written in the background: their sizes and hashes are known now.
  for (const p of pendingFiles.splice(0)) {
    const st = next.reports[p.id];
    if (st) { st.json = slim(p.wrote.json!); st.csv = slim(p.wrote.csv!); }
  }

  // When only the last years changed (a new year's reports), the full tables keep their beginning: they are
  // cut where the first changed year starts and the changed years' rows appended, then hashed again.
  const firstChanged = years.findIndex((y) => !keptYears.has(y.year));
  const appendable = () => {
    const before = prev.full;
    if (!before?.years || firstChanged < 0) return false;
    if (!years.slice(0, firstChanged).every((y, i) => before.years[i] === y.year)) return false;
    return Object.values(before.files).every((f) => intact(outDir, f));
  };
  const appendChanged = async (): Promise<Record<SliceTable | 'reports_json', WrittenFile>> => {
    const before = prev.full!;
    const out = {} as Record<SliceTable | 'reports_json', WrittenFile>;
    const keptPart = years.slice(0, firstChanged);
    const changedPart = years.slice(firstChanged);
    for (const t of SLICE_NAMES) {
      const head = Buffer.byteLength(csvHead(SLICES[t]));
      const cut = head + keptPart.reduce((a, y) => a + y.files[t].bytes - head, 0);
      const file = join(outDir, before.files[t].path);
      await truncate(file, cut);
      const fh = await open(file, 'a');
      try {
        for (const y of changedPart) await appendFile(async (chunk) => { await fh.write(chunk); }, join(outDir, y.files[t].path), head);
      } finally {
        await fh.close();
      }
      out[t] = sink.keep({ ...before.files[t], ...hashFile(file), rows: years.reduce((a, y) => a + (y.files[t].rows ?? 0), 0) });
    }
    // reports.json: "[\n" + the reports' texts joined by ",\n" + "\n]\n"; cut after the last kept report.
    const keptReports = keptPart.flatMap((y) => byYear.get(y.year)!);
    const cut = 2 + keptReports.reduce((a, r) => a + next.reports[r.id]!.json.bytes - 1, 0) + 2 * Math.max(0, keptReports.length - 1);
    const file = join(outDir, before.files.reports_json.path);
    await truncate(file, cut);
    const fh = await open(file, 'a');
    try {
      let i = keptReports.length;
      for (const y of changedPart) {
        for (const r of byYear.get(y.year)!) {
          const text = await readFile(join(outDir, 'reports', `${r.id}.json`));
          await fh.write(Buffer.concat([Buffer.from(i++ ? ',\n' : ''), text.subarray(0, text.length - 1)]));
        }
      }
      await fh.write(`${reports.length ? '\n' : ''}]\n`);
    } finally {
      await fh.close();
    }
    out.reports_json = sink.keep({ ...before.files.reports_json, ...hashFile(file) });
    return out;
  };

  // The full tables: the year slices' rows one after the other (the slices are in the same order), and
  // reports.json from the per-report files.
  const fullFingerprint = years.every((y) => next.years[y.year]) ? hashOf(years.map((y) => next.years[y.year]!.fingerprint)) : '';
  let full: Record<SliceTable | 'reports_json', WrittenFile>;
  if (streamed) {
    await streamed.json.write(`${reports.length ? '\n' : ''}]\n`);
    full = {} as typeof full;
    for (const t of SLICE_NAMES) full[t] = await streamed[t].close();
    full.reports_json = await streamed.json.close();
  } else if (fullFingerprint && prev.full?.fingerprint === fullFingerprint
    && Object.values(prev.full.files).every((f) => intact(outDir, f))) {
    full = prev.full.files;
    for (const f of Object.values(full)) sink.keep(f);
  } else if (appendable()) {
    full = await appendChanged();
  } else {
    full = {} as typeof full;
    for (const t of SLICE_NAMES) {
      const csv = await sink.openCsv(`${t}.csv`, SLICES[t]);
      const head = Buffer.byteLength(csvHead(SLICES[t]));
      for (const y of years) {
        await csv.writeText('', y.files[t].rows ?? 0);
        await appendFile((chunk) => csv.writeText(chunk, 0), join(outDir, y.files[t].path), head);
      }
      full[t] = await csv.close();
    }
    const json = await sink.open('reports.json');
    await json.write('[\n');
    let i = 0;
    for (const r of reports) {
      const text = await readFile(join(outDir, 'reports', `${r.id}.json`));
      if (i++) await json.write(',\n');
      await json.write(text.subarray(0, text.length - 1));
    }
    await json.write(`${reports.length ? '\n' : ''}]\n`);
    full.reports_json = await json.close();
  }
  if (fullFingerprint) next.full = { fingerprint: fullFingerprint, files: full, years: years.map((y) => y.year) };

  // Agency files: kept when the agency and its reports are unchanged, else assembled from the slices' rows.
  const handles = new Map<string, FileHandle>();
  const handle = async (file: string) => { let fh = handles.get(file); if (!fh) handles.set(file, (fh = await open(join(outDir, file), 'r'))); return fh; };
  for (const a of agencies) {
    const ds = a.report_ids.map((id) => digests.get(id) ?? null);
    const fingerprint = ds.every(Boolean) ? hashOf(a, ds) : '';
    const before = prev.agencies[a.id];
    if (fingerprint && before?.fingerprint === fingerprint && intact(outDir, before.csv) && intact(outDir, before.states)) {
      track('agency_csv')(sink.keep(before.csv));
      track('agency_states')(sink.keep(before.states));
      next.agencies[a.id] = before;
      continue;
    }
    const rowsOf = async (t: SliceTable) => {
      const parts: Buffer[] = [];
      for (const id of a.report_ids) {
        const st = located.get(id)!;
        parts.push(await readRange(await handle(years.find((y) => y.year === st.year)!.files[t].path), st.ranges[t]));
      }
      return Buffer.concat(parts).toString('utf8');
    };
    const csv = await sink.csvRows(`by-agency/${a.id}.csv`, reportsTable, a.report_ids.length, await rowsOf('reports'));
    const states = await sink.csvRows(`by-agency/${a.id}.states.csv`, statesTable, a.report_ids.length, await rowsOf('report_states'));
    track('agency_csv')(csv);
    track('agency_states')(states);
    if (fingerprint) next.agencies[a.id] = { fingerprint, csv: slim(csv), states: slim(states) };
  }
  for (const fh of handles.values()) await fh.close();

  const codebook = buildCodebook();
  const main = {
    reports: full.reports, report_states: full.report_states, cells: full.cells, checks: full.checks,
    reports_json: full.reports_json,
    agencies: await sink.csv('agencies.csv', agenciesTable, agencies),
    codebook: await sink.csv('codebook.csv', codebookTable, codebook.fields),
    ledger: await sink.csv('ledger.csv', ledgerTable, ledger.entries.map((e) => ({ ...e, file: publicPath(e.file) })).sort((a, b) => byCodePoint(a.file, b.file))),
    codebook_json: await sink.json('codebook.json', { version: release.version, date: release.date, ...codebook }),
  };

  const resources = MAIN_TABLES.map((t) => tabularResource(t, main[t.name as keyof typeof main], t.name, t.title, (n) => n));
  for (const y of years) {
    // A year's slice points at the same year's reports; agencies stay the full table.
    const sliced = (n: string) => (YEAR_TABLES.some((t) => t.name === n) ? `${n}-${y.year}` : n);
    for (const t of YEAR_TABLES) resources.push(tabularResource(t, y.files[t.name as SliceTable], `${t.name}-${y.year}`, `${t.title}, ${y.year}`, sliced));
  }
  resources.push(
    jsonResource(main.reports_json, 'reports-json', 'Reports (JSON)', JSON_FILES['reports.json']),
    jsonResource(main.codebook_json, 'codebook-json', 'Codebook (JSON)', JSON_FILES['codebook.json']),
  );

  const summary: Summary = {
    reports: reports.length,
    agencies: agencies.length,
    years: years.map((y) => ({ year: y.year, reports: y.reports })),
    ledger: ledger.counts,
  };
  const listed = [...MAIN_TABLES.map((t) => main[t.name as keyof typeof main]), main.reports_json, main.codebook_json];
  const readme = await sink.text('README.md', renderReadme(release, summary, listed));
  const descriptor = await sink.json('datapackage.json', buildDescriptor(release, resources));

  const described = (f: WrittenFile, description: string) => ({ ...f, description });
  const manifest: Manifest = {
    version: release.version,
    date: release.date,
    changelog: release.changelog,
    summary,
    files: [
      ...MAIN_TABLES.map((t) => described(main[t.name as keyof typeof main], t.description)),
      described(main.reports_json, JSON_FILES['reports.json']),
      described(main.codebook_json, JSON_FILES['codebook.json']),
      described(descriptor, JSON_FILES['datapackage.json']),
      described(readme, 'This dataset\'s README: licence, citation, caveats, changelog.'),
      ...years.flatMap((y) => YEAR_TABLES.map((t) => described(y.files[t.name as SliceTable], `${t.name}.csv for ${y.year} only.`))),
    ],
    groups: [...grouped].map(([group, files]) => ({
      group, ...GROUPS[group], count: files.length, bytes: files.reduce((s, f) => s + f.bytes, 0),
    })),
  };
  await sink.json(MANIFEST, manifest);
  await sink.text('SHA256SUMS', sink.list().map((f) => `${f.sha256}  ${f.path}\n`).join(''));
  if (cacheDir) {
    await removeStale(outDir, new Set(sink.list().map((f) => f.path)));
    await mkdir(cacheDir, { recursive: true });
    await writeFile(statePath!, JSON.stringify(next));
  }
  return sink.list();
}

/** Writes every dataset file for `reports` into a temporary folder and times it (npm run bench). */
export async function benchDatasets(reports: Report[]): Promise<{ files: number; bytes: number; ms: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-bench-datasets-'));
  try {
    const ledger: Ledger = { schema_version: 1, counts: { parsed: reports.length, partial: 0, rejected: 0 }, entries: [] };
    const release = await readRelease();
    const start = performance.now();
    const files = await publish({ reports, ledger, outDir: join(dir, 'data') }, release);
    return { files: files.length, bytes: files.reduce((s, f) => s + f.bytes, 0), ms: Math.round(performance.now() - start) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
