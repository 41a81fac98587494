import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ledger } from '../../model/ledger.ts';
import { ReportSchema, type Report } from '../../model/report.ts';
import { agencyId, groupAgencies } from '../agencies.ts';
import { canonical } from './canonical.ts';
import { GROUPS, JSON_FILES, MAIN_TABLES, YEAR_TABLES, type Group } from './catalog.ts';
import { reportCells, type CellRow } from './cells.ts';
import { buildCodebook } from './codebook.ts';
import { buildDescriptor, jsonResource, tabularResource } from './descriptor.ts';
import { MANIFEST, type Manifest } from './manifest.ts';
import { renderReadme, type Summary } from './readme.ts';
import { readRelease, type Release } from './release.ts';
import { Sink, csvText, type CsvAppender, type WrittenFile } from './sink.ts';
import { byCodePoint, record } from './table.ts';
import { agenciesTable, cellsTable, checksTable, codebookTable, ledgerTable, reportsTable, statesTable, type CheckRow, type ReportRow } from './tables.ts';

// Publishes the downloads under outDir (the build copies it to dist/data). One pass over the reports, sorted
// by year: each report's rows are formatted once and appended to the full tables, to its year's slice and to
// its own files, so nothing large is held in memory. Then the agency slices, and last the files that
// describe the others (README, datapackage.json, files.json, SHA256SUMS). Rows and files are in a fixed
// order and nothing reads the clock, so the same reports always give byte-identical files.

export type { Manifest } from './manifest.ts';
export { readManifest } from './manifest.ts';

export interface DatasetOptions {
  reports: Report[];
  ledger: Ledger;
  outDir: string;
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

function publicReport(r: Report): Report {
  const sidecar = r.source.sidecar === null ? null : publicPath(r.source.sidecar);
  return { ...r, source: { ...r.source, file: publicPath(r.source.file), sidecar } };
}
/** Per-report files in flight at once. */
const PARALLEL_WRITES = 16;

/** Year (unknown last), then agency name, then id — code-point order, identical on every machine. */
function sortReports(reports: readonly Report[]): Report[] {
  return [...reports].sort((a, b) =>
    (a.meta.year ?? Infinity) - (b.meta.year ?? Infinity)
    || byCodePoint(a.meta.agency_name ?? '', b.meta.agency_name ?? '')
    || byCodePoint(a.id, b.id));
}

function yearOf(r: Report): string {
  return r.meta.year === null ? UNKNOWN_YEAR : String(r.meta.year);
}

/** Top-level names this module writes; anything else in outDir means it is not ours to wipe. */
const OWN_NAMES = new Set(['reports', 'by-year', 'by-agency', ...MAIN_TABLES.map((t) => `${t.name}.csv`), ...Object.keys(JSON_FILES), 'README.md', MANIFEST, 'SHA256SUMS']);

/** Empties outDir, refusing when it holds anything else (a mistyped --out must not delete someone's work). */
async function prepare(outDir: string): Promise<void> {
  const foreign = ((await readdir(outDir).catch(() => [])) as string[]).filter((n) => !OWN_NAMES.has(n));
  if (foreign.length > 0) throw new Error(`${outDir} holds files the dataset build did not write (${foreign.slice(0, 3).join(', ')}); refusing to empty it`);
  await rm(outDir, { recursive: true, force: true });
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

/** The four tables that have a per-year slice, open for appending. */
interface YearFiles {
  reports: CsvAppender<ReportRow>;
  report_states: CsvAppender<Report>;
  cells: CsvAppender<CellRow>;
  checks: CsvAppender<CheckRow>;
}

async function openTables(sink: Sink, dir: string): Promise<YearFiles> {
  return {
    reports: await sink.openCsv(`${dir}reports.csv`, reportsTable),
    report_states: await sink.openCsv(`${dir}report_states.csv`, statesTable),
    cells: await sink.openCsv(`${dir}cells.csv`, cellsTable),
    checks: await sink.openCsv(`${dir}checks.csv`, checksTable),
  };
}

async function closeTables(files: YearFiles): Promise<Record<keyof YearFiles, WrittenFile>> {
  return {
    reports: await files.reports.close(), report_states: await files.report_states.close(),
    cells: await files.cells.close(), checks: await files.checks.close(),
  };
}

export async function writeDatasets(opts: DatasetOptions): Promise<DatasetResult> {
  return { files: (await publish(opts, await readRelease())).map(({ path, bytes, sha256 }) => ({ path, bytes, sha256 })) };
}

async function publish({ reports: input, ledger, outDir }: DatasetOptions, release: Release): Promise<WrittenFile[]> {
  await prepare(outDir);
  const sink = new Sink(outDir);
  const reports = sortReports(input.map(publicReport));
  // Re-sorted by code point: groupAgencies orders by zh-CN collation, which can change with the ICU version.
  const agencies = groupAgencies(reports).sort((a, b) => byCodePoint(a.name, b.name) || byCodePoint(a.id, b.id));
  const rowOf = new Map(reports.map((report) => [report.id, { report, agency_id: agencyId(report.meta.agency_name) }]));
  const grouped = new Map<Group, WrittenFile[]>(Object.keys(GROUPS).map((g) => [g as Group, []]));
  const track = (group: Group) => (f: WrittenFile) => { grouped.get(group)!.push(f); };
  const inFlight = new InFlight(PARALLEL_WRITES);

  const full = await openTables(sink, '');
  const json = await sink.open('reports.json');
  await json.write('[\n');
  const years: { year: string; reports: number; files: Record<keyof YearFiles, WrittenFile> }[] = [];
  let slice: { year: string; reports: number; files: YearFiles } | null = null;

  for (const [i, r] of reports.entries()) {
    if (slice?.year !== yearOf(r)) {
      if (slice) years.push({ ...slice, files: await closeTables(slice.files) });
      slice = { year: yearOf(r), reports: 0, files: await openTables(sink, `by-year/${yearOf(r)}/`) };
    }
    slice.reports++;
    const text = JSON.stringify(canonical(r, ReportSchema));
    const cells = [...reportCells(r)];
    const cellText = csvText(cells.map((c) => record(cellsTable, c)));
    const checks = r.checks.map((check, n): CheckRow => ({ report_id: r.id, seq: n + 1, check }));
    const row = rowOf.get(r.id)!;
    await json.write(`${i ? ',\n' : ''}${text}`);
    for (const t of [full, slice.files]) {
      await t.reports.write([row]);
      await t.report_states.write([r]);
      await t.cells.writeText(cellText, cells.length);
      await t.checks.write(checks);
    }
    await inFlight.add(sink.text(`reports/${r.id}.json`, `${text}\n`).then(track('report_json')));
    await inFlight.add(sink.csv(`reports/${r.id}.csv`, cellsTable, cells, cellText).then(track('report_csv')));
  }
  if (slice) years.push({ ...slice, files: await closeTables(slice.files) });
  await json.write(`${reports.length ? '\n' : ''}]\n`);

  for (const a of agencies) {
    const rows = a.report_ids.map((id) => rowOf.get(id)!);
    await inFlight.add(sink.csv(`by-agency/${a.id}.csv`, reportsTable, rows).then(track('agency_csv')));
    await inFlight.add(sink.csv(`by-agency/${a.id}.states.csv`, statesTable, rows.map((x) => x.report)).then(track('agency_states')));
  }
  await inFlight.wait();

  const codebook = buildCodebook();
  const main = {
    ...(await closeTables(full)),
    reports_json: await json.close(),
    agencies: await sink.csv('agencies.csv', agenciesTable, agencies),
    codebook: await sink.csv('codebook.csv', codebookTable, codebook.fields),
    ledger: await sink.csv('ledger.csv', ledgerTable, ledger.entries.map((e) => ({ ...e, file: publicPath(e.file) })).sort((a, b) => byCodePoint(a.file, b.file))),
    codebook_json: await sink.json('codebook.json', { version: release.version, date: release.date, ...codebook }),
  };

  const resources = MAIN_TABLES.map((t) => tabularResource(t, main[t.name as keyof typeof main], t.name, t.title, (n) => n));
  for (const y of years) {
    // A year's slice points at the same year's reports; agencies stay the full table.
    const sliced = (n: string) => (YEAR_TABLES.some((t) => t.name === n) ? `${n}-${y.year}` : n);
    for (const t of YEAR_TABLES) resources.push(tabularResource(t, y.files[t.name as keyof YearFiles], `${t.name}-${y.year}`, `${t.title}, ${y.year}`, sliced));
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
      ...years.flatMap((y) => YEAR_TABLES.map((t) => described(y.files[t.name as keyof YearFiles], `${t.name}.csv for ${y.year} only.`))),
    ],
    groups: [...grouped].map(([group, files]) => ({
      group, ...GROUPS[group], count: files.length, bytes: files.reduce((s, f) => s + f.bytes, 0),
    })),
  };
  await sink.json(MANIFEST, manifest);
  await sink.text('SHA256SUMS', sink.list().map((f) => `${f.sha256}  ${f.path}\n`).join(''));
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
