import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assemble } from '../scripts/assemble.ts';
import { entryPeek } from '../scripts/build.ts';
import { diskShortfall, fileCreateCost } from '../scripts/bench/disk.ts';
import { watchRss } from '../scripts/bench/rss.ts';
import { buildSearchIndex, planBundles } from '../scripts/search-index.ts';
import { LEAN_FILE, type LeanLine } from '../src/ingest/link.ts';
import { runIngest } from '../src/ingest/run.ts';
import type { Manifest } from '../src/publish/datasets/index.ts';
import { loadStoredReport, writeReportFile } from '../src/ingest/report-file.ts';
import { writeDatasets } from '../src/publish/datasets/index.ts';
import { csvText } from '../src/publish/datasets/sink.ts';
import { bundlesFor, MANIFEST_FILE, type SearchManifest } from '../src/site/shards.ts';
import { writeSynthCorpus, YEARS, type SynthReport } from '../src/synth/corpus.ts';

// The benchmark's pipeline at small N (npm run bench runs it at 10,000): synthetic corpus → ingest → datasets →
// search bundles, plus the pieces the build is assembled from. Real outputs are checked, never timings.

const N = 40;
let work = '';
let truth: SynthReport[] = [];
let reportIds: string[] = [];

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'nianbao-bench-smoke-'));
  truth = await writeSynthCorpus(path.join(work, 'corpus'), N, 3);
  const r = await runIngest({ inputs: [path.join(work, 'corpus')], outDir: path.join(work, 'ingest'), cacheDir: path.join(work, 'cache'), jobs: 1 });
  reportIds = r.reportIds;
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('synthetic corpus', () => {
  it('covers every layout family, both formats, several years, provinces and agencies', () => {
    expect(new Set(truth.map((t) => t.layout))).toEqual(new Set(['L1', 'L2', 'L3a', 'html']));
    expect(new Set(truth.map((t) => t.file.split('.').at(-1)))).toEqual(new Set(['txt', 'html']));
    expect(new Set(truth.map((t) => t.meta.year))).toEqual(new Set(YEARS));
    expect(new Set(truth.map((t) => t.agency.name)).size).toBe(Math.ceil(N / YEARS.length));
    // Prose differs from report to report (search and near-duplicate detection are not trivial).
    const overviews = new Set(truth.map((t) => t.meta.prose!.overview.join('')));
    expect(overviews.size).toBe(N);
  });

  it('is read back completely: every report parsed, with its agency and year', () => {
    expect(reportIds).toHaveLength(N);
    const reports = reportIds.map((id) => JSON.parse(readFileSync(path.join(work, 'ingest', 'reports', `${id}.json`), 'utf8')));
    const names = new Set(reports.map((r) => `${r.meta.agency_name}|${r.meta.year}`));
    for (const t of truth) expect(names.has(`${t.meta.agency}|${t.meta.year}`), t.file).toBe(true);
  });

  it('re-ingesting the unchanged corpus comes from the cache', async () => {
    const r = await runIngest({ inputs: [path.join(work, 'corpus')], outDir: path.join(work, 'ingest'), cacheDir: path.join(work, 'cache'), jobs: 1 });
    expect(r.cached).toBe(N);
  });
});

describe('datasets from a report loader (streamed, as the build writes them)', () => {
  it('writes the same files as from an array of reports (the stored JSON text is the canonical text)', async () => {
    const ledger = JSON.parse(readFileSync(path.join(work, 'ingest', 'ledger.json'), 'utf8'));
    const stored = (id: string) => path.join(work, 'ingest', 'reports', `${id}.json`);
    // Streamed: each report's text as the ingest stored it is published as it is (its file linked). From the
    // array: serialised and written.
    const load = async (id: string) => loadStoredReport(stored(id));
    const streamed = await writeDatasets({ reports: { ids: [...reportIds].reverse(), load }, ledger, outDir: path.join(work, 'data-a') });
    const whole = await writeDatasets({ reports: await Promise.all(reportIds.map(async (id) => (await load(id)).report)), ledger, outDir: path.join(work, 'data-b') });
    expect(streamed.files.length).toBeGreaterThan(2 * N);
    expect(streamed.files).toEqual(whole.files);
    const manifest = JSON.parse(readFileSync(path.join(work, 'data-a', 'files.json'), 'utf8')) as Manifest;
    expect(manifest.summary.reports).toBe(N);
    for (const f of ['reports.csv', 'cells.csv', 'checks.csv', 'reports.json', 'datapackage.json', 'SHA256SUMS']) {
      expect(statSync(path.join(work, 'data-a', f)).size, f).toBeGreaterThan(0);
    }
    expect(readdirSync(path.join(work, 'data-a', 'reports'))).toHaveLength(2 * N);
    // Each report's download is its stored file, linked: no copy written.
    const id = reportIds[0]!;
    const download = path.join(work, 'data-a', 'reports', `${id}.json`);
    expect(statSync(download).ino).toBe(statSync(stored(id)).ino);
    expect(statSync(path.join(work, 'data-b', 'reports', `${id}.json`)).ino).not.toBe(statSync(stored(id)).ino);
    // The ingest replaces a report it changes: the linked download keeps the bytes it was published with.
    const was = readFileSync(download);
    const before = readFileSync(stored(id));
    writeReportFile(stored(id), '{"changed":true}');
    expect(readFileSync(download)).toEqual(was);
    expect(statSync(stored(id)).ino).not.toBe(statSync(download).ino);
    // Linked to nothing now, it is rewritten in place (a new file costs more than the write).
    const ino = statSync(stored(id)).ino;
    writeReportFile(stored(id), before.subarray(0, -1));
    expect(readFileSync(stored(id))).toEqual(before);
    expect(statSync(stored(id)).ino).toBe(ino);
  });

  it('incremental rebuilds after adding and removing reports write the same files as fresh ones', async () => {
    const ingest = path.join(work, 'ingest-more');
    await writeSynthCorpus(path.join(work, 'corpus-more'), 6, 3, undefined, { start: N, year: 2025 });
    const r = await runIngest({ inputs: [path.join(work, 'corpus'), path.join(work, 'corpus-more')], outDir: ingest, cacheDir: path.join(work, 'cache'), jobs: 1 });
    const ledger = JSON.parse(readFileSync(path.join(ingest, 'ledger.json'), 'utf8'));
    const text = (id: string) => readFileSync(path.join(ingest, 'reports', `${id}.json`), 'utf8');
    const peek = await entryPeek(ingest);
    const source = (ids: string[]) => ({ ids, load: async (id: string) => ({ report: JSON.parse(text(id)) }), peek });
    const cacheDir = path.join(work, 'data-cache');
    const out = path.join(work, 'data-inc');
    await writeDatasets({ reports: source(reportIds), ledger, outDir: out, cacheDir });
    const same = async (ids: string[], label: string) => {
      const inc = await writeDatasets({ reports: source(ids), ledger, outDir: out, cacheDir });
      const fresh = await writeDatasets({ reports: source(ids), ledger, outDir: path.join(work, `data-fresh-${label}`) });
      expect(inc.files, label).toEqual(fresh.files);
      expect(readdirSync(path.join(out, 'reports')), label).toHaveLength(2 * ids.length);
      expect(readFileSync(path.join(out, 'reports.json')), label).toEqual(readFileSync(path.join(work, `data-fresh-${label}`, 'reports.json')));
    };
    // Six reports of a new year added (the full tables are extended in place), then three old ones removed.
    await same(r.reportIds, 'added');
    await same(r.reportIds.filter((id) => !reportIds.slice(0, 3).includes(id)), 'removed');
  });

  it('formats CSV exactly as csv-stringify does', () => {
    const records = [['a', 'b,c', 'd"e', 'f\ng', 'h\r', '', '東安区', ' x ', '\r\n', '""'], [], ['1']];
    const opts = { record_delimiter: 'windows', quote_record_delimiter: true } as const;
    expect(csvText(records)).toBe(stringify(records, opts));
    expect(csvText([])).toBe('');
  });
});

describe('search bundles', () => {
  let manifest: SearchManifest;
  beforeAll(async () => {
    await buildSearchIndex({ ingestDir: path.join(work, 'ingest'), outDir: path.join(work, 'search'), max: 15 });
    manifest = JSON.parse(readFileSync(path.join(work, 'search', MANIFEST_FILE), 'utf8')) as SearchManifest;
  });

  it('indexes every report once, in bundles of at most the given size, with a manifest', () => {
    expect(manifest.bundles.reduce((a, b) => a + b.reports, 0)).toBe(N);
    expect(manifest.bundles.length).toBeGreaterThan(1);
    for (const b of manifest.bundles) {
      expect(b.reports).toBeLessThanOrEqual(15);
      const dir = path.join(work, 'search', b.id);
      expect(existsSync(path.join(dir, 'pagefind.js')), b.id).toBe(true);
      expect(readdirSync(path.join(dir, 'fragment'))).toHaveLength(b.reports);
      expect(readdirSync(path.join(dir, 'index')).length).toBeGreaterThan(0);
      // The UI bundles Pagefind writes are not used by the search page.
      expect(existsSync(path.join(dir, 'pagefind-ui.js'))).toBe(false);
    }
    expect(Object.values(manifest.filters['年度']!).reduce((a, b) => a + b, 0)).toBe(N);
  });

  it('rebuilds only bundles whose reports changed', async () => {
    const again = await buildSearchIndex({ ingestDir: path.join(work, 'ingest'), outDir: path.join(work, 'search'), max: 15 });
    expect(again.rebuilt).toEqual([]);
    expect(again.shards).toEqual(manifest.bundles);
  });

  it('re-indexes only the bundle of a report whose site entry changed', async () => {
    const file = path.join(work, 'ingest', LEAN_FILE);
    const text = readFileSync(file, 'utf8');
    const opts = { ingestDir: path.join(work, 'ingest'), outDir: path.join(work, 'search'), max: 15 };
    try {
      // The first report's entry as the ingest writes it when the report changes: a new digest, and here a new
      // agency name (which its search record shows).
      const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l) as LeanLine);
      lines[0] = { digest: '0'.repeat(24), entry: { ...lines[0]!.entry, meta: { ...lines[0]!.entry.meta, agency_name: '某某测试局' } } };
      writeFileSync(file, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
      const changed = await buildSearchIndex(opts);
      expect(changed.rebuilt).toHaveLength(1);
      expect(changed.shards).toEqual(manifest.bundles);
      // The same change to another entry whose digest stays goes unnoticed: the digest is what says a report
      // changed, and an unchanged report is not read again.
      writeFileSync(file, lines.map((l, i) => `${JSON.stringify(i === 1 ? { ...l, entry: { ...l.entry, meta: { ...l.entry.meta, agency_name: '某某测试局' } } } : l)}\n`).join(''));
      expect((await buildSearchIndex(opts)).rebuilt).toEqual([]);
    } finally {
      writeFileSync(file, text);
      await buildSearchIndex(opts);
    }
  });
});

describe('bundle planning', () => {
  const items = (year: string, province: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${year}-${province}-${String(i).padStart(4, '0')}`, year, province }));

  it('packs consecutive years together, oldest first, and keeps unknown years apart', () => {
    const plan = planBundles([...items('2019', '甲', 3), ...items('2020', '乙', 3), ...items('2021', '甲', 3), ...items('2022', '甲', 2), ...items('unknown', '甲', 1)], 6);
    expect(plan.map((b) => [b.id, b.years, b.reports])).toEqual([['2019-2020', ['2019', '2020'], 6], ['2021-2022', ['2021', '2022'], 5], ['unknown', ['unknown'], 1]]);
  });

  it('keeps a newest year that is still arriving on its own, so its new reports re-index nothing older', () => {
    const years = [...items('2022', '甲', 8), ...items('2023', '甲', 8), ...items('2024', '乙', 12)];
    expect(planBundles(years, 40).map((b) => [b.id, b.reports])).toEqual([['2022-2024', 28]]);
    // Under a quarter of the year before: a bundle of its own.
    const arriving = planBundles([...years, ...items('2025', '甲', 2)], 40);
    expect(arriving.map((b) => [b.id, b.reports])).toEqual([['2022-2024', 28], ['2025', 2]]);
    // Grown to a quarter of the year before, it joins the packs.
    expect(planBundles([...years, ...items('2025', '甲', 6)], 40).map((b) => [b.id, b.reports])).toEqual([['2022-2025', 34]]);
    // A single year, or a corpus whose years are all small, is packed as before.
    expect(planBundles(items('2025', '甲', 2), 40).map((b) => b.id)).toEqual(['2025']);
  });

  it('splits a large year into groups of whole provinces, and a huge province into parts', () => {
    const plan = planBundles([...items('2024', '甲', 9), ...items('2024', '乙', 4), ...items('2024', '丙', 3), ...items('2024', '丁', 25)], 10);
    expect(plan.every((b) => b.reports <= 10)).toBe(true);
    expect(plan.reduce((a, b) => a + b.reports, 0)).toBe(41);
    const byProvince = new Map<string, number>();
    for (const b of plan) for (const p of b.provinces!) byProvince.set(p, (byProvince.get(p) ?? 0) + 1);
    expect(byProvince.get('丁')).toBe(3);
    expect(byProvince.get('甲')).toBe(1);
    // A province filter loads only the bundles that hold it; a year filter all of that year's.
    expect(bundlesFor(plan, [], ['乙']).length).toBe(1);
    expect(bundlesFor(plan, ['2024'], []).length).toBe(plan.length);
    expect(bundlesFor(plan, ['2023'], [])).toEqual([]);
    // The year filter's 未知 is the bundles' unknown.
    const withUnknown = planBundles([...items('2020', '甲', 2), ...items('unknown', '甲', 2)], 10);
    expect(bundlesFor(withUnknown, ['未知'], []).map((b) => b.id)).toEqual(['unknown']);
  });
});

describe('assembling outputs', () => {
  it('links the mounted folders into the output, leaves unchanged files alone and removes stale ones', async () => {
    const a = path.join(work, 'mount-a');
    const b = path.join(work, 'mount-b');
    const out = path.join(work, 'assembled');
    await mkdir(path.join(a, 'x'), { recursive: true });
    await mkdir(b, { recursive: true });
    await writeFile(path.join(a, 'x', 'one.html'), '1');
    await writeFile(path.join(b, 'two.json'), '2');
    await mkdir(path.join(out, 'old'), { recursive: true });
    await writeFile(path.join(out, 'old', 'stale.html'), 'stale');
    const first = await assemble(out, [{ from: a, to: '' }, { from: b, to: 'data' }]);
    expect(first).toEqual({ files: 2, linked: 2, removed: 1 });
    expect(readFileSync(path.join(out, 'data', 'two.json'), 'utf8')).toBe('2');
    expect(existsSync(path.join(out, 'old'))).toBe(false);
    const second = await assemble(out, [{ from: a, to: '' }, { from: b, to: 'data' }]);
    expect(second).toEqual({ files: 2, linked: 0, removed: 0 });
    await expect(assemble(out, [{ from: b, to: '' }, { from: b, to: '' }])).rejects.toThrow(/comes from both/);
  });
});

describe('memory measurement', () => {
  it('reads the peak resident memory of a child process tree', async () => {
    const child = spawn(process.execPath, ['-e', 'const a = Buffer.alloc(64 * 2 ** 20, 1); setTimeout(() => a.length, 400)']);
    const rss = watchRss(child.pid!, 50);
    await new Promise((r) => child.on('exit', r));
    expect(rss.stop()).toBeGreaterThan(64 * 2 ** 20);
  });
});

describe('disk check', () => {
  it('refuses a run the disk cannot hold, naming the need and what is free', () => {
    expect(diskShortfall(100_000, '/work', 8.1 * 2 ** 30)).toMatch(/100000 reports need about 52\.5 GB of disk in \/work, and 8\.1 GB is free/);
    expect(diskShortfall(1000, '/work', 8.1 * 2 ** 30)).toBeNull();
    // Without a figure, the free space of the folder's own disk.
    expect(diskShortfall(1, tmpdir())).toBeNull();
  });

  it('measures what creating a file costs, and leaves nothing behind', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-create-'));
    try {
      const cost = fileCreateCost(dir, 50);
      expect(cost.wallMs).toBeGreaterThan(0);
      expect(cost.kernelMs).toBeGreaterThanOrEqual(0);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
