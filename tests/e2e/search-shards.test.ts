// Search over a sharded index in Chromium: the bundled corpus indexed in bundles of at most 5 reports (as a
// large archive is, by year and province), served in place of the site's own index. Results must be the same
// as one index would give — merged across bundles, filters working across them — and a search limited to one
// year must fetch only that year's bundles.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, INGEST, startSite, type Site } from './harness.ts';
import { buildSearchIndex } from '../../scripts/search-index.ts';
import { serve } from '../../scripts/serve.ts';
import type { Report } from '../../src/model/report.ts';
import { toLean } from '../../src/publish/lean.ts';
import { SEP, searchRecord } from '../../src/site/searchdoc.ts';
import { MANIFEST_FILE, type SearchManifest } from '../../src/site/shards.ts';

const MAX = 5;
let site: Site;
let work = '';
let base = '';
let stop: () => Promise<void> = async () => {};
let reports: Report[] = [];
let manifest: SearchManifest;

beforeAll(async () => {
  site = await startSite();
  reports = site.reports;
  work = mkdtempSync(path.join(tmpdir(), 'nianbao-shards-'));
  const root = path.join(work, 'site');
  cpSync(DIST, root, { recursive: true, filter: (src) => !src.startsWith(path.join(DIST, 'pagefind')) && !src.startsWith(path.join(DIST, 'data')) && !src.startsWith(path.join(DIST, 'sources')) });
  await buildSearchIndex({ ingestDir: INGEST, outDir: path.join(root, 'pagefind'), max: MAX });
  manifest = JSON.parse(readFileSync(path.join(root, 'pagefind', MANIFEST_FILE), 'utf8')) as SearchManifest;
  ({ url: base, close: stop } = await serve(root));
}, 300_000);

afterAll(async () => {
  await stop();
  await site?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const idOf = (url: string) => /\/reports\/([0-9a-f]{16})\//.exec(url)?.[1] ?? url;
const yearOf = (id: string) => String(reports.find((r) => r.id === id)!.meta.year ?? '未知');
const containing = (q: string) =>
  reports.filter((r) => { const rec = searchRecord(r, toLean(r)); return `${rec.meta.title} ${rec.content}`.replaceAll(SEP, '').includes(q); }).map((r) => r.id).sort();

async function open(at = base): Promise<{ page: Page; fetched: string[] }> {
  const page = await site.ctx.newPage();
  const fetched: string[] = [];
  page.on('request', (req) => fetched.push(new URL(req.url()).pathname));
  await page.goto(`${at}/search/`);
  await page.waitForSelector('.filters fieldset');
  return { page, fetched };
}

async function listed(page: Page): Promise<string[]> {
  await page.waitForFunction(() => { const t = document.querySelector('.summary')?.textContent ?? ''; return t !== '' && !t.includes('正在'); });
  while (await page.locator('.more').isVisible()) {
    const n = await page.locator('.results li').count();
    await page.click('.more');
    await page.waitForFunction((k) => document.querySelectorAll('.results li').length > k || document.querySelector<HTMLElement>('.more')!.hidden, n);
  }
  return (await page.locator('.results li > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))).map(idOf);
}

async function search(page: Page, q: string): Promise<string[]> {
  await page.fill('#q', q);
  await page.press('#q', 'Enter');
  return listed(page);
}

describe('search over a sharded index', () => {
  it('the index is split into several bundles, by year', () => {
    expect(manifest.bundles.length).toBeGreaterThan(2);
    for (const b of manifest.bundles) expect(b.reports).toBeLessThanOrEqual(MAX);
    expect(manifest.bundles.reduce((a, b) => a + b.reports, 0)).toBe(reports.length);
  });

  it.each(['复议', '信息公开', '东安区'])('“%s” lists exactly the reports that contain it, from every bundle', async (q) => {
    const expected = containing(q);
    const years = new Set(expected.map(yearOf));
    const bundles = manifest.bundles.filter((b) => b.years.some((y) => years.has(y === 'unknown' ? '未知' : y)));
    expect(expected.length).toBeGreaterThan(0);
    const { page } = await open();
    const found = await search(page, q);
    expect([...found].sort()).toEqual(expected);
    expect(new Set(found).size).toBe(found.length);
    if (q === '信息公开') expect(bundles.length).toBeGreaterThan(1);
    await page.close();
  });

  it('a quoted phrase is matched as written', async () => {
    const { page } = await open();
    expect((await search(page, '"行政复议"')).sort()).toEqual(containing('行政复议'));
    await page.close();
  });

  it('says so when nothing contains the query, instead of listing single-character matches', async () => {
    const { page } = await open();
    expect(await search(page, '量子纠缠')).toEqual([]);
    expect(await page.locator('.summary').textContent()).toContain('没有报告包含');
    await page.close();
  });

  it('a year filter narrows across bundles and fetches only that year\'s bundle', async () => {
    const q = '信息公开';
    const all = containing(q);
    const year = all.map(yearOf).find((y) => y !== '未知')!;
    const { page, fetched } = await open();
    await page.locator('fieldset', { hasText: '年度' }).locator(`input[value="${year}"]`).check();
    const found = await search(page, q);
    expect(found.sort()).toEqual(all.filter((id) => yearOf(id) === year));
    const mine = manifest.bundles.filter((b) => b.years.includes(year)).map((b) => b.id);
    const loaded = new Set(fetched.filter((p) => p.startsWith('/pagefind/') && p.split('/').length > 3).map((p) => p.split('/')[2]!));
    expect([...loaded].sort()).toEqual(mine.sort());
    await page.close();
  });
});

describe('a year whose reports are split into several bundles', () => {
  let at = '';
  let close: () => Promise<void> = async () => {};
  let year = '';

  beforeAll(async () => {
    const root = path.join(work, 'site-split');
    cpSync(path.join(work, 'site'), root, { recursive: true, filter: (src) => !src.startsWith(path.join(work, 'site', 'pagefind')) });
    await buildSearchIndex({ ingestDir: INGEST, outDir: path.join(root, 'pagefind'), max: 2 });
    const file = path.join(root, 'pagefind', MANIFEST_FILE);
    const m = JSON.parse(readFileSync(file, 'utf8')) as SearchManifest;
    // As in a large archive, where each bundle is a step of its own (the page loads up to 5,000 reports at a time).
    for (const b of m.bundles) b.reports = 5000;
    writeFileSync(file, JSON.stringify(m));
    const split = m.bundles.filter((b) => b.years.length === 1 && m.bundles.filter((o) => o.years.includes(b.years[0]!)).length > 1);
    year = split.map((b) => b.years[0]!).sort().at(-1)!;
    ({ url: at, close } = await serve(root));
  }, 120_000);

  afterAll(async () => { await close(); });

  it('offers the rest of that year before older years, one bundle at a time', async () => {
    const { page } = await open(at);
    await page.fill('#q', '量子纠缠');
    await page.press('#q', 'Enter');
    await page.waitForFunction(() => { const t = document.querySelector('.summary')?.textContent ?? ''; return t !== '' && !t.includes('正在'); });
    const summaries: string[] = [];
    for (;;) {
      summaries.push((await page.locator('.summary').textContent())!);
      if (!(await page.locator('.more').isVisible())) break;
      const before = summaries.at(-1);
      await page.click('.more');
      await page.waitForFunction((t) => { const s = document.querySelector('.summary')?.textContent ?? ''; return s !== t && !s.includes('正在'); }, before);
    }
    expect(summaries.some((t) => t.includes(`可继续搜索${year} 年度的其余报告`))).toBe(true);
    expect(summaries.filter((t) => t.includes('可继续搜索')).every((t) => t.includes('其余报告') || t.includes('更早年度'))).toBe(true);
    expect(summaries.at(-1)).toBe('没有报告包含“量子纠缠”。');
    await page.close();
  });
});
