// End-to-end tests of the built site in Debian's Chromium. They build once (npm run build) unless dist/ and
// .cache/ingest are already there (set NIANBAO_REBUILD=1 to force), then read the same report JSON the site
// was built from: expected values come from the data, never from constants.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, serious, startSite, type Site } from './harness.ts';
import { checkLinks } from '../../scripts/check-links.ts';
import type { Report } from '../../src/model/report.ts';
import { groupAgencies } from '../../src/publish/agencies.ts';
import { toLean } from '../../src/publish/lean.ts';
import { regionId } from '../../src/site/paths.ts';
import { SEP, searchRecord } from '../../src/site/searchdoc.ts';
import { placePath } from '../../src/site/place.ts';


let site: Site;
let ctx: BrowserContext;
let base = '';
let reports: Report[] = [];
let errors: string[] = [];

const byId = (id: string) => reports.find((r) => r.id === id)!;
const seed = (n: string) => reports.find((r) => path.basename(r.source.file).startsWith(`${n}_`));
const idOf = (url: string) => /\/reports\/([0-9a-f]{16})\//.exec(url)?.[1] ?? url;
const open = (p: string, c?: BrowserContext): Promise<Page> => site.open(p, c);

beforeAll(async () => {
  site = await startSite();
  ({ ctx, base, reports, errors } = site);
});

afterAll(async () => {
  await site?.close();
});

describe('home', () => {
  it('shows holdings, headline figures, recent reports and the reports that do not add up', async () => {
    const page = await open('/');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    for (const id of ['by-year', 'by-level', 'by-province', 'home-mix']) {
      expect(await page.locator(`#${id}-t`).count(), id).toBe(1);
    }
    expect(await page.locator('svg[role=img] title').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('.stats li').first().textContent()).toContain(String(reports.length));
    const failing = reports.filter((r) => r.checks.some((c) => c.status === 'fail' && c.severity === 'error'));
    const links = await page.locator('main a[href^="/reports/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    for (const r of failing.slice(0, 10)) expect(links).toContain(`/reports/${r.id}/`);
    expect(await serious(page)).toEqual([]);
  });
});

describe('report pages', () => {
  it('every report has a page, each under 60 KB of HTML + CSS compressed', () => {
    for (const r of reports) {
      const file = path.join(DIST, 'reports', r.id, 'index.html');
      const html = readFileSync(file, 'utf8');
      const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => readFileSync(path.join(DIST, m[1]!)));
      const bytes = gzipSync(html).length + css.reduce((a, c) => a + gzipSync(c).length, 0);
      expect(bytes, r.id).toBeLessThan(60 * 1024);
    }
  });

  it('seed 003 (东安区人民政府办公室 2021) shows its T3-RES failure on the cells involved', async () => {
    const r = seed('003');
    expect(r, 'seed 003 was ingested').toBeDefined();
    const failed = r!.checks.filter((c) => c.id === 'T3-RES' && c.status === 'fail');
    expect(failed.map((c) => c.scope).sort()).toEqual(['natural_person', 'total']);
    const page = await open(`/reports/${r!.id}/`);
    expect(await page.locator('h1').textContent()).toContain('东安区人民政府办公室');
    const failing = await page.locator('#table-requests td.chk-fail').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-key')!));
    const involved = new Set(failed.flatMap((c) => c.cells));
    expect(new Set(failing)).toEqual(involved);
    for (const col of ['natural_person', 'total']) {
      expect(failing).toContain(`requests.result.total.${col}`);
      expect(failing).toContain(`requests.result.granted.${col}`);
    }
    expect(failing.some((k) => k.includes('.org_'))).toBe(false);
    // The check list gives the arithmetic, and each marked cell links to it.
    for (const c of failed) {
      const item = page.locator(`li[data-check="T3-RES"][data-scope="${c.scope}"]`);
      expect(await item.textContent()).toContain(`期望 expected = ${c.expected}；实际 actual = ${c.actual}`);
      const n = await item.getAttribute('id');
      expect(await page.locator(`td[data-key="requests.result.total.${c.scope}"] a[href="#${n}"]`).count()).toBe(1);
    }
    expect(await serious(page)).toEqual([]);
  });

  it('shows every cell of the three tables with its state', async () => {
    const r = seed('003')!;
    const page = await open(`/reports/${r.id}/`);
    const states = await page.locator('td[data-key]').evaluateAll((tds) => tds.map((td) => td.className.split(' ')[0]));
    expect(states.length).toBeGreaterThan(150);
    expect(states.every((s) => /^s-(num|zero_word|blank|dash|slash|text|absent|inferred)$/.test(s!))).toBe(true);
  });

  it('is readable without JavaScript, loads no script, and prints without site chrome', async () => {
    const r = seed('003')!;
    const noJs = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await open(`/reports/${r.id}/`, noJs);
    expect(await page.locator('script').count()).toBe(0);
    await expect.poll(() => page.locator('#table-requests').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.site').isVisible()).toBe(false);
    expect(await page.locator('#table-appeals').isVisible()).toBe(true);
    await noJs.close();
  });

  it('offers the source file with the sha256 it shows, and the JSON and CSV downloads', async () => {
    const r = seed('003')!;
    const page = await open(`/reports/${r.id}/`);
    expect(await page.locator('[data-sha256]').textContent()).toBe(r.source.sha256);
    const href = await page.locator('a[download]').getAttribute('href');
    const body = await (await page.request.get(base + href)).body();
    expect(createHash('sha256').update(body).digest('hex')).toBe(r.source.sha256);
    for (const ext of ['json', 'csv']) {
      expect((await page.request.get(`${base}/data/reports/${r.id}.${ext}`)).status(), ext).toBe(200);
    }
  });
});

describe('agency, year and region pages', () => {
  it('agency page: years side by side, trend charts and carry-over continuity', async () => {
    // The agency with the most years that state their requests (a trend needs figures).
    const withFigures = (x: ReturnType<typeof groupAgencies>[number]) => x.report_ids.filter((id) => toLean(byId(id)).f.new !== undefined).length;
    const a = groupAgencies(reports).reduce((x, y) => (withFigures(y) > withFigures(x) ? y : x));
    expect(withFigures(a)).toBeGreaterThan(1);
    const page = await open(`/agencies/${a.id}/`);
    expect(await page.locator('h1').textContent()).toBe(a.name);
    const cols = await page.locator('#years thead a').evaluateAll((as) => as.map((x) => x.getAttribute('href')));
    expect(cols).toEqual(a.report_ids.map((id) => `/reports/${id}/`));
    expect(await page.locator('#trend-requests-t').count()).toBe(1);
    const years = a.report_ids.map((id) => byId(id).meta.year).filter((y): y is number => y !== null);
    const pairs = years.slice(1).filter((y, i) => y !== years[i]).length;
    expect(await page.locator('#carry tbody tr').count()).toBe(pairs);
    expect(await serious(page)).toEqual([]);
  });

  it('year page lists every report of that year', async () => {
    const year = reports.find((r) => r.meta.year !== null)!.meta.year!;
    const page = await open(`/years/${year}/`);
    const expected = reports.filter((r) => r.meta.year === year).map((r) => `/reports/${r.id}/`).sort();
    const listed = await page.locator('main table.list a[href^="/reports/"]').evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')!))]);
    expect(listed.filter((h) => expected.includes(h)).sort()).toEqual(expected);
  });

  it('region page: reached from the region index, lists its reports and agencies', async () => {
    const r = seed('003')!;
    const regionPath = placePath(r.meta.region);
    expect(regionPath.length).toBeGreaterThan(0);
    const index = await open('/regions/');
    await index.locator(`a[href="/regions/${regionId(regionPath.slice(0, 1))}/"]`).first().click();
    await index.waitForURL(/\/regions\/[0-9a-f]+\/$/);
    expect(await index.locator('h1').textContent()).toContain(regionPath[0]);
    const page = await open(`/regions/${regionId(regionPath)}/`);
    const inRegion = reports.filter((x) => regionPath.every((p, i) => placePath(x.meta.region)[i] === p));
    const links = await page.locator('main a[href^="/reports/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const x of inRegion) expect(links).toContain(`/reports/${x.id}/`);
    expect(await page.locator('#coverage tbody tr').count()).toBe(new Set(inRegion.map((x) => x.meta.agency_name)).size);
    expect(await serious(page)).toEqual([]);
  });
});

describe('search', () => {
  /** Reports whose indexed text contains the query: what a correct search must list. */
  const containing = (q: string) =>
    reports.filter((r) => { const rec = searchRecord(r, toLean(r)); return `${rec.meta.title} ${rec.content}`.replaceAll(SEP, '').includes(q); }).map((r) => r.id).sort();

  async function search(page: Page, q: string): Promise<string[]> {
    await page.fill('#q', q);
    await page.press('#q', 'Enter');
    await page.waitForFunction(() => { const t = document.querySelector('.summary')?.textContent ?? ''; return t !== '' && !t.includes('正在'); });
    while (await page.locator('.more').isVisible()) {
      const n = await page.locator('.results li').count();
      await page.click('.more');
      await page.waitForFunction((k) => document.querySelectorAll('.results li').length > k || document.querySelector<HTMLElement>('.more')!.hidden, n);
    }
    return (await page.locator('.results li > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))).map(idOf).sort();
  }

  it.each(['复议', '长通', '东安区'])('“%s” returns exactly the reports that contain it', async (q) => {
    const page = await open('/search/');
    await page.waitForSelector('.filters fieldset');
    const expected = containing(q);
    expect(expected.length).toBeGreaterThan(0);
    expect(await search(page, q)).toEqual(expected);
  });

  it('finds seed reports by agency-name fragments', async () => {
    const page = await open('/search/');
    expect(await search(page, '长通')).toContain(seed('004')!.id);
    expect(await search(page, '东安区')).toContain(seed('003')!.id);
  });

  it('finds a report by a key figure', async () => {
    const top = reports.reduce((a, b) => ((toLean(b).f.new ?? -1) > (toLean(a).f.new ?? -1) ? b : a));
    const q = String(toLean(top).f.new);
    const page = await open('/search/');
    const found = await search(page, q);
    expect(found).toContain(top.id);
    expect(found).toEqual(containing(q));
  });

  it('says so when no report contains the query', async () => {
    const page = await open('/search/');
    expect(await search(page, '不存在的词语组合')).toEqual([]);
    expect(await page.locator('.summary').textContent()).toContain('没有报告包含');
  });

  it('filters narrow the results', async () => {
    const q = '复议';
    const all = containing(q);
    const years = [...new Set(all.map((id) => byId(id).meta.year))];
    expect(years.length).toBeGreaterThan(1);
    const year = years[0]!;
    const page = await open('/search/');
    await page.waitForSelector('.filters fieldset');
    expect(await search(page, q)).toEqual(all);
    await page.locator('fieldset', { hasText: '年度' }).locator(`input[value="${year ?? '未知'}"]`).check();
    await page.waitForFunction((n) => document.querySelectorAll('.results li').length < n && !document.querySelector('.summary')!.textContent!.includes('正在'), all.length);
    const narrowed = (await page.locator('.results li > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))).map(idOf).sort();
    expect(narrowed).toEqual(all.filter((id) => byId(id).meta.year === year));
    expect(page.url()).toContain(encodeURIComponent('f.年度'));
    expect(await serious(page)).toEqual([]);
  });

  it('only the search page loads search code', async () => {
    for (const p of ['/', `/reports/${reports[0]!.id}/`, '/methodology/']) {
      const html = readFileSync(path.join(DIST, p, 'index.html'), 'utf8');
      expect(html, p).not.toMatch(/<script|pagefind/);
    }
    expect(readFileSync(path.join(DIST, 'search/index.html'), 'utf8')).toMatch(/<script type="module"/);
  });
});

describe('data downloads', () => {
  it('data page: every download link works and its bytes match SHA256SUMS', async () => {
    const page = await open('/data/');
    const sums = new Map(readFileSync(path.join(DIST, 'data/SHA256SUMS'), 'utf8').trim().split('\n').map((l) => {
      const [hash, file] = l.split(/\s+\*?/);
      return [`/data/${file}`, hash];
    }));
    const hrefs = [...new Set(await page.locator('main a[href^="/data/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.split('#')[0]!)))]
      .filter((h) => !h.endsWith('/'));
    expect(hrefs).toEqual(expect.arrayContaining(['/data/reports.csv', '/data/cells.csv', '/data/checks.csv', '/data/codebook.csv', '/data/datapackage.json']));
    for (const href of hrefs) {
      const res = await page.request.get(base + href);
      expect(res.status(), href).toBe(200);
      const expected = sums.get(href);
      if (expected) expect(createHash('sha256').update(await res.body()).digest('hex'), href).toBe(expected);
    }
    expect(await serious(page)).toEqual([]);
  });

  it('codebook page lists every field key of the codebook file', async () => {
    const page = await open('/codebook/');
    const codebook = JSON.parse(readFileSync(path.join(DIST, 'data/codebook.json'), 'utf8')) as { fields: { key: string }[] };
    const text = await page.locator('main').textContent();
    for (const f of codebook.fields) expect(text, f.key).toContain(f.key);
  });
});

describe('site-wide', () => {
  it('methodology explains every check that fails somewhere', async () => {
    const page = await open('/methodology/');
    const ids = new Set(reports.flatMap((r) => r.checks.filter((c) => c.status === 'fail').map((c) => c.id)));
    const text = await page.locator('main').textContent();
    for (const id of ids) expect(text).toContain(id);
    expect(await serious(page)).toEqual([]);
  });

  it('has no broken internal links', async () => {
    const { broken } = await checkLinks(DIST);
    expect(broken).toEqual([]);
  });

  it('logged no console errors on any page visited', () => {
    expect(errors).toEqual([]);
  });
});
