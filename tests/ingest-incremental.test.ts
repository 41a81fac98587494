import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { readCachedCard, readCachedReport, writeCacheEntry } from '../src/ingest/cache-entry.ts';
import { corpusCard } from '../src/ingest/card.ts';
import { LEAN_FILE, type LeanLine } from '../src/ingest/link.ts';
import { readReportHead } from '../src/ingest/report-head.ts';
import { runIngest, type IngestResult } from '../src/ingest/run.ts';
import { canonical } from '../src/model/canonical.ts';
import { ReportSchema, type Report } from '../src/model/report.ts';
import { toLean } from '../src/publish/lean.ts';
import { REAL_DIR } from './helpers/corpus.ts';

// Incremental ingest on the real 平潭综合实验区 chain: an unchanged report is neither read nor rewritten, a new one
// is written with the reports whose cross-report checks it changes, and the result always equals a fresh run.

const zone = (y: number) => `${y}_pingtan-zone_txt.txt`;
const SHANGHAI = '2019_shanghai-govoffice_html.html';
let dir: string;
let inp: string;
let out: string;
let cacheDir: string;

const run = (): Promise<IngestResult> => runIngest({ inputs: [inp], outDir: out, cacheDir, jobs: 2 });
const stamps = () => Object.fromEntries(readdirSync(join(out, 'reports')).map((f) => [f.slice(0, -5), statSync(join(out, 'reports', f), { bigint: true }).mtimeNs]));
const changedSince = (before: Record<string, bigint>) => Object.entries(stamps()).filter(([id, t]) => before[id] !== t).map(([id]) => id).sort();
const idOf = (r: IngestResult, name: string) => r.ledger.entries.find((e) => e.file.endsWith(name))!.report_id!;
const read = (folder: string, id: string) => JSON.parse(readFileSync(join(folder, 'reports', `${id}.json`), 'utf8')) as Report;

/** Every output file as text, the ingest state left out. */
function outputs(folder: string): Record<string, string> {
  const files = ['ledger.json', 'corpus.json', LEAN_FILE, ...readdirSync(join(folder, 'reports')).map((f) => join('reports', f))];
  return Object.fromEntries(files.sort().map((f) => [f, readFileSync(join(folder, f), 'utf8')]));
}

/** The site's entries by report id. */
const entries = (): Map<string, LeanLine> => new Map(readFileSync(join(out, LEAN_FILE), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as LeanLine).map((l) => [l.entry.id, l]));

/** The same inputs ingested from scratch, without state or cache. */
async function fresh(): Promise<Record<string, string>> {
  const folder = mkdtempSync(join(tmpdir(), 'nianbao-fresh-'));
  await runIngest({ inputs: [inp], outDir: folder, cacheDir: null, jobs: 1 });
  return outputs(folder);
}

/**
 * Only the cards stay in the cache entries (report text, newline, card, newline): a run that needed a cached
 * report would have to extract it again.
 */
function cardsOnlyInCache(): void {
  for (const sub of readdirSync(cacheDir)) {
    for (const f of readdirSync(join(cacheDir, sub))) {
      const entry = readFileSync(join(cacheDir, sub, f), 'utf8');
      expect(JSON.parse(entry.slice(0, entry.indexOf('\n'))).id, f).toMatch(/^[0-9a-f]{16}$/);
      writeFileSync(join(cacheDir, sub, f), entry.slice(entry.indexOf('\n')));
    }
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-incr-'));
  inp = join(dir, 'in');
  out = join(dir, 'out');
  cacheDir = join(dir, 'cache');
  mkdirSync(inp);
  for (const f of [zone(2018), zone(2020), zone(2021), SHANGHAI]) copyFileSync(join(REAL_DIR, f), join(inp, f));
  await run();
});

describe('incremental ingest', () => {
  it('an unchanged corpus: no report read from the cache or rewritten, same outputs', async () => {
    const before = stamps();
    const was = outputs(out);
    cardsOnlyInCache();
    const r = await run();
    expect(r.cached).toBe(4);
    expect(changedSince(before)).toEqual([]);
    expect(outputs(out)).toEqual(was);
  });

  it('an unchanged corpus is answered from the stored cards: no cache entry is needed', async () => {
    const before = stamps();
    const was = outputs(out);
    const store = readFileSync(join(out, 'cards.jsonl'), 'utf8');
    rmSync(cacheDir, { recursive: true });
    const r = await run();
    expect(r.cached).toBe(4);
    expect(changedSince(before)).toEqual([]);
    expect(outputs(out)).toEqual(was);
    // Nothing changed, so the store is left as it was, one card per report under its cache key.
    expect(readFileSync(join(out, 'cards.jsonl'), 'utf8')).toBe(store);
    const state = JSON.parse(readFileSync(join(out, 'ingest-state.json'), 'utf8')) as { files: Record<string, { key: string; id: string }> };
    expect(store.trimEnd().split('\n').map((l) => l.split('\t').slice(0, 2)).sort())
      .toEqual(Object.values(state.files).map((f) => [f.id, f.key]).sort());
  });

  it('a damaged card store is not trusted: the cards are made again, the outputs are a fresh run\'s', async () => {
    writeFileSync(join(out, 'cards.jsonl'), '{"not": "a card store"\n');
    const r = await run();
    expect(r.cached).toBe(0);
    expect(outputs(out)).toEqual(await fresh());
    expect(readFileSync(join(out, 'cards.jsonl'), 'utf8').trimEnd().split('\n')).toHaveLength(4);
  });

  it('a renamed file gets its report under its new path, and the store follows it', async () => {
    const renamed = zone(2021).replace('pingtan-zone', 'pingtan-zone-renamed');
    const id = idOf(await run(), zone(2021));
    copyFileSync(join(inp, zone(2021)), join(inp, renamed));
    rmSync(join(inp, zone(2021)));
    const r = await run();
    expect(idOf(r, renamed)).toBe(id);
    expect(read(out, id).source.file).toBe(join(inp, renamed));
    expect(outputs(out)).toEqual(await fresh());
    // The next unchanged run answers from the store and still agrees with a fresh run.
    expect((await run()).cached).toBe(4);
    expect(outputs(out)).toEqual(await fresh());
    copyFileSync(join(inp, renamed), join(inp, zone(2021)));
    rmSync(join(inp, renamed));
    await run();
  });

  it('writes each report\'s site entry: its lean projection, cross-report checks counted', async () => {
    const lines = entries();
    expect([...lines.keys()]).toEqual(readdirSync(join(out, 'reports')).map((f) => f.slice(0, -5)).sort());
    for (const [id, { entry }] of lines) expect(entry).toEqual(toLean(read(out, id)));
    // 2021 follows 2020 in the same format: its carry-over checks count among its passes.
    const r2021 = read(out, idOf(await run(), zone(2021)));
    expect(r2021.checks.some((c) => c.id === 'X-CARRY' && c.status === 'pass')).toBe(true);
    expect(lines.get(r2021.id)!.entry.checks.pass).toBe(r2021.checks.filter((c) => c.status === 'pass').length);
  });

  it('adding a predecessor writes it and rewrites only the report whose cross-report checks it changes', async () => {
    const before = stamps();
    const was = entries();
    const store = readFileSync(join(out, 'cards.jsonl'), 'utf8');
    copyFileSync(join(REAL_DIR, zone(2019)), join(inp, zone(2019)));
    const r = await run();
    expect(r.cached).toBe(4);
    // The new report's card is appended to the store; the others' lines are left as they were.
    const grown = readFileSync(join(out, 'cards.jsonl'), 'utf8');
    expect(grown.startsWith(store)).toBe(true);
    expect(grown.slice(store.length).split('\t')[0]).toBe(idOf(r, zone(2019)));
    expect(changedSince(before)).toEqual([idOf(r, zone(2019)), idOf(r, zone(2020))].sort());
    // The site re-renders the pages whose entry digest changed: the same two.
    const now = entries();
    expect([...now].filter(([id, l]) => was.get(id)?.digest !== l.digest).map(([id]) => id).sort()).toEqual(changedSince(before));
    // 2020's carry-over now has a 2019 report to compare with: 2019 format to 2019 format, every column agrees.
    const carry = read(out, idOf(r, zone(2020))).checks.filter((c) => c.id === 'X-CARRY');
    expect(carry.map((c) => c.status)).toEqual(Array(7).fill('pass'));
    expect(outputs(out)).toEqual(await fresh());
    // Every report is stored as its canonical JSON text and a newline, cross-report checks spliced in included:
    // the datasets publish the stored file as it is.
    for (const [file, text] of Object.entries(outputs(out))) {
      if (file.startsWith('reports')) expect(`${JSON.stringify(canonical(JSON.parse(text), ReportSchema))}\n`, file).toBe(text);
    }
  });

  it('removing it removes its report and takes the successor back, as a fresh run would', async () => {
    const r0 = await run();
    // The appended store answers every file.
    expect(r0.cached).toBe(5);
    const gone = idOf(r0, zone(2019));
    rmSync(join(inp, zone(2019)));
    const r = await run();
    expect(r.reportIds).not.toContain(gone);
    expect(read(out, idOf(r, zone(2020))).checks.find((c) => c.id === 'X-CARRY')!.status).toBe('not_assessable');
    expect(outputs(out)).toEqual(await fresh());
  });

  it('reads a report\'s head (id, source, meta, sections) from the start of its stored text alone', () => {
    const head = (r: Report) => ({ schema_version: r.schema_version, id: r.id, source: r.source, meta: r.meta, sections: r.sections });
    const ids = readdirSync(join(out, 'reports')).map((f) => f.slice(0, -5));
    for (const id of ids) expect(readReportHead(join(out, 'reports', `${id}.json`))).toEqual(head(read(out, id)));
    // A head longer than the first read (long prose, a quote and the word "tables" in it) is read on.
    const r = read(out, ids[0]!);
    const text = `"tables":{ ${'公开'.repeat(20000)}`;
    const long = { ...r, sections: Object.fromEntries(Object.entries(r.sections).map(([k, s]) => [k, s && { ...s, text }])) } as Report;
    const file = join(dir, 'long.json');
    writeFileSync(file, JSON.stringify(long));
    expect(JSON.stringify(long).indexOf(',"tables":{')).toBeGreaterThan(64 * 1024);
    expect(readReportHead(file)).toEqual(head(long));
    expect(readReportHead(file).sections).toEqual(long.sections);
  });

  it('keeps a report and its card in one cache entry, each read back whole, a card longer than the first read too', () => {
    const r = read(out, readdirSync(join(out, 'reports'))[0]!.slice(0, -5));
    const card = corpusCard(r);
    const many = { ...card, checks: Array(500).fill(r.checks[0]!) };
    expect(JSON.stringify(many).length).toBeGreaterThan(64 * 1024);
    for (const c of [card, many]) {
      const file = join(dir, 'entry', `${c.checks.length}.json`);
      writeCacheEntry(file, JSON.stringify(r), c);
      expect(readCachedCard(file)).toEqual(c);
      expect(readCachedReport(file)!.toString('utf8')).toBe(JSON.stringify(r));
      expect(readReportHead(file).id).toBe(r.id);
    }
    expect(readCachedCard(join(dir, 'entry', 'none.json'))).toBeNull();
    expect(readCachedReport(join(dir, 'entry', 'none.json'))).toBeNull();
  });

  it('a run that lost its state trusts nothing and still gives the same outputs', async () => {
    rmSync(join(out, 'ingest-state.json'));
    cardsOnlyInCache();
    const before = stamps();
    const r = await run();
    // Neither the stored cards nor the cache entries (cards only) are of use: the four are extracted again.
    expect(r.cached).toBe(0);
    expect(changedSince(before)).toHaveLength(4);
    expect(outputs(out)).toEqual(await fresh());
  });

  it('a new output folder over a warm cache takes every report from it without parsing one whole', async () => {
    const other = join(dir, 'out-warm');
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const r = await runIngest({ inputs: [inp], outDir: other, cacheDir, jobs: 1 });
      expect(r.cached).toBe(r.reportIds.length);
      // Cards and report heads are parsed; no report text (tens of KB) is.
      expect(parse.mock.calls.filter(([text]) => typeof text === 'string' && text.includes('"derived":{'))).toEqual([]);
    } finally {
      parse.mockRestore();
    }
    expect(outputs(other)).toEqual(outputs(out));
  });
});

describe('incremental ingest beside the workers', () => {
  it('new files go to the workers while the main thread answers the unchanged ones; the result is a fresh run\'s', async () => {
    const root = mkdtempSync(join(tmpdir(), 'nianbao-beside-'));
    const input = join(root, 'in');
    mkdirSync(input);
    const add = (...names: string[]) => { for (const f of names) copyFileSync(join(REAL_DIR, f), join(input, f)); };
    const ingest = (outDir: string, cache: string | null) => runIngest({ inputs: [input], outDir, cacheDir: cache, jobs: 2 });
    add(zone(2018), zone(2020));
    await ingest(join(root, 'out'), join(root, 'cache'));
    add(zone(2021), SHANGHAI);
    const r = await ingest(join(root, 'out'), join(root, 'cache'));
    expect(r.cached).toBe(2);
    expect(r.reportIds).toHaveLength(4);
    await ingest(join(root, 'fresh'), null);
    expect(outputs(join(root, 'out'))).toEqual(outputs(join(root, 'fresh')));
  });
});

describe('incremental ingest of rejected files', () => {
  it('an unchanged rejected file is rejected again without being read; a changed one is read again', async () => {
    const root = mkdtempSync(join(tmpdir(), 'nianbao-rej-'));
    const input = join(root, 'in');
    const output = join(root, 'out');
    mkdirSync(input);
    copyFileSync(join(REAL_DIR, zone(2018)), join(input, zone(2018)));
    copyFileSync(join(import.meta.dirname, 'fixtures', 'scanned.pdf'), join(input, 'scan.pdf'));
    const again = () => runIngest({ inputs: [input], outDir: output, cacheDir: join(root, 'cache'), jobs: 1 });
    const scan = (r: IngestResult) => r.ledger.entries.find((e) => e.file.endsWith('scan.pdf'))!;

    const first = await again();
    expect(first.cached).toBe(0);
    expect(scan(first)).toMatchObject({ status: 'rejected', reason: 'no-text-layer' });
    const ledger = readFileSync(join(output, 'ledger.json'), 'utf8');

    const second = await again();
    // Both answered from the last run: the report from its stored card, the scan from its recorded rejection.
    expect(second.cached).toBe(2);
    expect(readFileSync(join(output, 'ledger.json'), 'utf8')).toBe(ledger);

    writeFileSync(join(input, 'scan.pdf'), '');
    const third = await again();
    expect(third.cached).toBe(1);
    expect(scan(third)).toMatchObject({ status: 'rejected', reason: 'empty', bytes: 0 });
  });
});
