// Building the archive in shards (one job per year here, as a CI matrix would) and assembling them into one
// site: every shard's reports get their pages, sources and search bundle; the assembled datasets, search
// manifest and aggregate pages cover the union; links resolve.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../scripts/check-links.ts';
import type { Ledger } from '../src/model/ledger.ts';
import type { Report } from '../src/model/report.ts';
import { MANIFEST_FILE, type SearchManifest } from '../src/site/shards.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const YEARS = ['2021', '2024'];
let work = '';
const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CORPUS_DIR: '' } });

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'nianbao-shards-'));
  for (const y of YEARS) node(['scripts/build.ts', '--shard', `year=${y}`, '--out', path.join(work, y), '--work', path.join(work, `work-${y}`)]);
  node(['scripts/assemble.ts', ...YEARS.map((y) => path.join(work, y)), '--out', path.join(work, 'dist'), '--work', path.join(work, 'work-assemble')]);
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The reports a shard was built with, read from its own output. */
function shardReports(year: string): Report[] {
  const ledger = JSON.parse(readFileSync(path.join(work, year, 'ledger.json'), 'utf8')) as Ledger;
  const ids = [...new Set(ledger.entries.map((e) => e.report_id).filter((id): id is string => id !== null))];
  return ids.map((id) => JSON.parse(readFileSync(path.join(work, year, 'reports', `${id}.json`), 'utf8')) as Report);
}

describe('shard builds', () => {
  it('each shard holds exactly the bundled corpus\'s reports of its year', () => {
    for (const y of YEARS) {
      const rs = shardReports(y);
      expect(rs.length, y).toBeGreaterThan(1);
      for (const r of rs) {
        expect(String(r.meta.year)).toBe(y);
        expect(r.source.file.startsWith('content/corpus/'), r.source.file).toBe(true);
        expect(existsSync(path.join(ROOT, r.source.file))).toBe(true);
      }
    }
  });
});

describe('the assembled site', () => {
  const dist = () => path.join(work, 'dist');
  const all = () => YEARS.flatMap(shardReports);

  it('has a page and a source file for every report of every shard', () => {
    for (const r of all()) {
      expect(existsSync(path.join(dist(), 'reports', r.id, 'index.html')), r.id).toBe(true);
      expect(readFileSync(path.join(dist(), 'reports', r.id, 'index.html'), 'utf8')).toContain(r.meta.agency_name!);
    }
  });

  it('joins the shards\' search bundles into one manifest', () => {
    const manifest = JSON.parse(readFileSync(path.join(dist(), 'pagefind', MANIFEST_FILE), 'utf8')) as SearchManifest;
    expect(manifest.bundles.map((b) => b.years).flat().sort()).toEqual(YEARS);
    expect(manifest.bundles.reduce((a, b) => a + b.reports, 0)).toBe(all().length);
    for (const b of manifest.bundles) expect(existsSync(path.join(dist(), 'pagefind', b.id, 'pagefind.js')), b.id).toBe(true);
    expect(manifest.filters['年度']).toEqual(Object.fromEntries(YEARS.map((y) => [y, shardReports(y).length])));
  });

  it('writes the datasets and year pages for the union of the shards', () => {
    const rows = parse(readFileSync(path.join(dist(), 'data', 'reports.csv')), { columns: true, bom: true }) as { id: string }[];
    expect(rows.map((r) => r.id).sort()).toEqual(all().map((r) => r.id).sort());
    for (const y of YEARS) {
      const html = readFileSync(path.join(dist(), 'years', y, 'index.html'), 'utf8');
      for (const r of shardReports(y)) expect(html).toContain(`/reports/${r.id}/`);
    }
  });

  it('has no broken internal links', async () => {
    const result = await checkLinks(dist());
    expect(result.broken).toEqual([]);
  });
});

describe('a work folder built again for other reports', () => {
  it('loses the pages of the reports no longer built, with their folders, and keeps the others', () => {
    const [before, after] = YEARS as [string, string];
    node(['scripts/build.ts', '--shard', `year=${after}`, '--out', path.join(work, 'again'), '--work', path.join(work, `work-${before}`)]);
    const site = path.join(work, `work-${before}`, 'site', 'reports');
    for (const r of shardReports(before)) expect(existsSync(path.join(site, r.id)), r.id).toBe(false);
    for (const r of shardReports(after)) expect(existsSync(path.join(site, r.id, 'index.html')), r.id).toBe(true);
  }, 120_000);
});
