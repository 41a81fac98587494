// A split build (two Astro processes, as every build of 3,000 reports or more runs) of the bundled corpus, forced
// with --split: both halves of the report pages reach dist/, also when the publish stage is run by hand, and a
// later build that is not split publishes no page of the earlier second half.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesByPath, filesUnder } from '../src/fs/walk.ts';
import { ledgerReportIds, type Ledger } from '../src/model/ledger.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
let tmp = '';
let work = '';
let dist = '';

const build = (...args: string[]) => execFileSync(process.execPath, ['scripts/build.ts', '--work', work, '--out', dist, ...args], {
  cwd: ROOT, env: { ...process.env, CORPUS_DIR: '' }, stdio: 'pipe', encoding: 'utf8',
});
const reportIds = () => ledgerReportIds(JSON.parse(readFileSync(path.join(work, 'ingest', 'ledger.json'), 'utf8')) as Ledger);
const pagesIn = (dir: string) => (existsSync(path.join(dir, 'reports')) ? readdirSync(path.join(dir, 'reports')) : []);
const inode = (file: string) => statSync(file).ino;

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'nianbao-split-'));
  work = path.join(tmp, 'work');
  dist = path.join(tmp, 'dist');
  build('--split');
}, 180_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('a split build', () => {
  it('renders the report pages in two processes and publishes both halves', () => {
    const ids = reportIds();
    const a = pagesIn(path.join(work, 'site'));
    const b = pagesIn(path.join(work, 'site-b'));
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    expect([...a, ...b].sort()).toEqual([...ids].sort());
    for (const id of ids) expect(existsSync(path.join(dist, 'reports', id, 'index.html')), id).toBe(true);
    // The data page lists the dataset files: it comes from the second process.
    expect(inode(path.join(dist, 'data', 'index.html'))).toBe(inode(path.join(work, 'site-b', 'data', 'index.html')));
  });

  it('counts, for each process, every page it wrote', () => {
    const stats = JSON.parse(readFileSync(path.join(work, 'build-stats.json'), 'utf8')) as { stages: { name: string; summary: string }[] };
    const copiedAsIs = new Set(readdirSync(path.join(ROOT, 'public')));
    for (const [stage, dir] of [['astro', 'site'], ['astro-b', 'site-b']] as const) {
      const m = /^(\d+) pages rendered, (\d+) unchanged/.exec(stats.stages.find((s) => s.name === stage)!.summary);
      const written = [...filesByPath(path.join(work, dir)).keys()].filter((f) => !f.startsWith('_astro/') && !copiedAsIs.has(f));
      expect(Number(m?.[1]) + Number(m?.[2]), stage).toBe(written.length);
    }
  });

  it('keeps no second copy of the pages in Astro\'s incremental cache', () => {
    for (const cache of ['astro', 'astro-b']) {
      const copies = filesUnder(path.join(work, cache)).filter((f) => f.endsWith('.html'));
      expect(copies, cache).toEqual([]);
    }
  });

  it('publishes the same pages when the publish stage is run by hand', () => {
    rmSync(dist, { recursive: true, force: true });
    build('--stage', 'publish');
    for (const id of reportIds()) expect(existsSync(path.join(dist, 'reports', id, 'index.html')), id).toBe(true);
  });

  it('has its links checked by the publish stage, which fails on a broken one', () => {
    build('--stage', 'publish');
    const page = path.join(work, 'site-b', 'data', 'index.html');
    const html = readFileSync(page, 'utf8');
    try {
      writeFileSync(page, html.replace('</main>', '<a href="/reports/nowhere/">x</a></main>'));
      expect(() => build('--stage', 'publish')).toThrow(/1 broken internal links:\s+\/data\/ → \/reports\/nowhere\/ \(no such file\)/);
      // --no-links publishes without checking.
      expect(() => build('--stage', 'publish', '--no-links')).not.toThrow();
    } finally {
      writeFileSync(page, html);
    }
    build('--stage', 'publish');
  });

  it('is refused with --shard', () => {
    expect(() => build('--split', '--shard', 'year=2021')).toThrow(/--split renders a whole site/);
  });

  it('is not taken for a later build that is not split', () => {
    const second = pagesIn(path.join(work, 'site-b'))[0]!;
    build();
    expect(existsSync(path.join(work, 'astro-split.json'))).toBe(false);
    const page = path.join('reports', second, 'index.html');
    expect(inode(path.join(dist, page))).toBe(inode(path.join(work, 'site', page)));
    for (const id of reportIds()) expect(existsSync(path.join(dist, 'reports', id, 'index.html')), id).toBe(true);
  }, 180_000);
});
