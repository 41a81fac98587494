// Browser tests of the issue-7 pages (compare, leads, agency identity) in Debian's Chromium. Like site.test.ts
// they build once (npm run build) unless dist/ is complete and current (NIANBAO_REBUILD=1 forces it), and take
// every expected value from the report JSON and corpus.json the site was built from, never from constants.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, INGEST, serious, startSite, type Site } from './harness.ts';
import type { CorpusSummary } from '../../src/ingest/link.ts';
import type { Report } from '../../src/model/report.ts';
import { compareRecords, MAX_AGENCIES } from '../../src/site/compare.ts';
import { toLean } from '../../src/publish/lean.ts';
import { buildModel } from '../../src/site/model.ts';
import { regionId } from '../../src/site/paths.ts';
import { placePath } from '../../src/site/place.ts';

let site: Site;
let ctx: BrowserContext;
let base = '';
let reports: Report[] = [];
let errors: string[] = [];
let corpus: CorpusSummary;
let model: ReturnType<typeof buildModel>;

const seed = (n: string) => reports.find((r) => path.basename(r.source.file).startsWith(`${n}_`));
const num = new Intl.NumberFormat('zh-CN');
const open = (p: string, c?: BrowserContext): Promise<Page> => site.open(p, c);

/** Follow a link from a page: the target answers 200 and its #fragment, if any, is an element there. */
async function follow(href: string): Promise<Page> {
  const page = await open(href);
  const frag = new URL(href, base).hash.slice(1);
  if (frag) expect(await page.locator(`[id="${frag}"]`).count(), href).toBe(1);
  return page;
}

beforeAll(async () => {
  site = await startSite(['.cache/ingest/corpus.json', 'dist/compare/index.html', 'dist/leads/index.html']);
  ({ ctx, base, reports, errors } = site);
  corpus = JSON.parse(readFileSync(path.join(INGEST, 'corpus.json'), 'utf8')) as CorpusSummary;
  model = buildModel(reports.map(toLean));
});

afterAll(async () => {
  await site?.close();
});

describe('compare page', () => {
  /** Agencies by how many of their years state new requests (the most comparable first). */
  const comparable = () => model.agencies
    .map((a) => ({ a, n: model.agencyReports.get(a.id)!.filter((r) => r.f.new !== undefined).length }))
    .sort((x, y) => y.n - x.n || x.a.id.localeCompare(y.a.id)).map((x) => x.a);

  /** The figure a report states, as the page prints it ('—' when the report does not give it). */
  const shown = (id: string, key: string) => {
    const v = toLean(reports.find((r) => r.id === id)!).f[key];
    return v === undefined ? '—' : num.format(v);
  };

  async function expectFigures(page: Page, agencyId: string): Promise<void> {
    for (const r of model.agencyReports.get(agencyId)!) {
      for (const key of ['new', 'review_total', 'suit_total']) {
        const cell = page.locator(`tr[data-agency="${agencyId}"][data-figure="${key}"] td[data-year="${r.meta.year}"]`);
        if (shown(r.id, key) === '—' && (await cell.count()) === 0) continue; // a figure no chosen agency states has no row
        expect(await cell.textContent(), `${agencyId} ${key} ${r.meta.year}`).toBe(shown(r.id, key));
      }
    }
  }

  it('a shared URL restores its selection, with each agency\'s figures from its reports', async () => {
    const [x, y] = comparable();
    expect(model.agencyReports.get(x!.id)!.some((r) => r.f.new !== undefined)).toBe(true);
    for (const a of [x!, y!]) {
      const years = model.agencyReports.get(a.id)!.map((r) => r.meta.year);
      expect(new Set(years).size, `${a.name}: one report per year`).toBe(years.length);
    }
    const page = await open(`/compare/?a=${x!.id}&a=${y!.id}`);
    await page.waitForSelector('#cmp-reports');
    expect(await page.locator('.chosen li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-agency')))).toEqual([x!.id, y!.id]);
    expect(await page.locator('.chosen').textContent()).toContain(x!.name);
    expect(await page.locator('.chosen').textContent()).toContain(y!.name);
    await expectFigures(page, x!.id);
    await expectFigures(page, y!.id);
    // Each year's report is linked, and the charts are drawn with a title and a summary.
    const links = await page.locator('#cmp-reports a[href^="/reports/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const r of [...model.agencyReports.get(x!.id)!, ...model.agencyReports.get(y!.id)!]) expect(links).toContain(`/reports/${r.id}/`);
    expect(await page.locator('figure.chart svg[role=img] title').count()).toBeGreaterThanOrEqual(3);
    await page.reload();
    await page.waitForSelector('#cmp-reports');
    expect(await page.locator('.chosen li').count()).toBe(2);
    expect(await serious(page)).toEqual([]);
  });

  it('adding an agency with the picker puts it in the URL; back restores the previous selection', async () => {
    const [x, y, z] = comparable();
    const province = z!.region?.path[0]?.code ?? 'unknown';
    const page = await open(`/compare/?a=${x!.id}&a=${y!.id}`);
    await page.waitForSelector('#cmp-reports');
    await page.selectOption('#cmp-prov', province);
    await page.fill('#cmp-q', z!.name);
    await page.getByRole('button', { name: `加入对比 Add：${z!.name}`, exact: true }).click();
    await page.waitForFunction((id) => document.querySelectorAll(`tr[data-agency="${id}"]`).length > 0, z!.id);
    expect(new URL(page.url()).searchParams.getAll('a')).toEqual([x!.id, y!.id, z!.id]);
    await expectFigures(page, z!.id);
    expect(await serious(page)).toEqual([]);
    await page.goBack();
    await page.waitForFunction(() => document.querySelectorAll('.chosen li').length === 2);
    expect(new URL(page.url()).searchParams.getAll('a')).toEqual([x!.id, y!.id]);
  });

  it('?peers= shows the agency against the peers the build computed, or says it has none', async () => {
    const records = compareRecords(model.agencies, (id) => model.agencyReports.get(id)!);
    const focus = [...records].sort((a, b) => b.peers.length - a.peers.length || a.id.localeCompare(b.id))[0]!;
    const page = await open(`/compare/?peers=${focus.id}`);
    await page.waitForFunction(() => !document.querySelector('.status')!.textContent!.includes('载入'));
    expect(await page.locator('.chosen li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-agency')))).toEqual([focus.id, ...focus.peers]);
    expect(await page.locator('.status').textContent()).toContain(focus.peer_total ? `${focus.peer_total} 个同级机关` : '没有可比的同级机关');
  });

  it('names ids it cannot find and keeps at most five', async () => {
    const ids = model.agencies.slice(0, MAX_AGENCIES).map((a) => a.id);
    const page = await open(`/compare/?${[...ids, 'ffffffffffff'].map((id) => `a=${id}`).join('&')}`);
    await page.waitForFunction(() => !document.querySelector('.status')!.textContent!.includes('载入'));
    expect(await page.locator('.chosen li').count()).toBe(Math.min(ids.length, MAX_AGENCIES));
    if (ids.length === MAX_AGENCIES) expect(await page.locator('.status').textContent()).toContain('ffffffffffff');
  });

  it('without JavaScript: instructions and a static list of agencies with links', async () => {
    const noJs = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await open('/compare/', noJs);
    expect(await page.locator('#h-how').isVisible()).toBe(true);
    const hrefs = await page.locator('.static-list a[href^="/agencies/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBe(Math.min(model.agencies.length, 200));
    for (const a of model.agencies.slice(0, 5)) expect(hrefs).toContain(`/agencies/${a.id}/`);
    await noJs.close();
  });
});

describe('leads page', () => {
  const leadOf = (kind: string, reportId: string) => corpus.leads.find((l) => l.kind === kind && l.report_ids.includes(reportId));

  async function checkLead(kind: string, seedNo: string, check: string, name: string, year: number): Promise<void> {
    const r = seed(seedNo)!;
    expect(r, `seed ${seedNo} was ingested`).toBeDefined();
    const lead = leadOf(kind, r.id);
    expect(lead, `${kind} lead for seed ${seedNo}`).toBeDefined();
    const page = await open('/leads/');
    const item = page.locator(`section:has(h2#${kind}) li[data-lead="${lead!.id}"]`);
    expect(await item.count()).toBe(1);
    const text = await item.textContent();
    for (const s of [name, String(year), check]) expect(text).toContain(s);
    expect(text).toContain(lead!.en);
    // The report link lands on the failing check's entry on the report page.
    const reportHref = (await item.locator('a[data-role=report]').getAttribute('href'))!;
    expect(reportHref).toMatch(new RegExp(`^/reports/${r.id}/#chk-\\d+$`));
    const target = await follow(reportHref);
    expect(await target.locator(`[id="${reportHref.split('#')[1]}"]`).getAttribute('data-check')).toBe(check);
    const checkHref = (await item.locator('a[data-role=check]').first().getAttribute('href'))!;
    expect(checkHref).toBe(reportHref);
    const agencyHref = (await item.locator('a[data-role=agency]').getAttribute('href'))!;
    expect(agencyHref).toBe(`/agencies/${lead!.agency_ids[0]}/`);
    expect(await (await follow(agencyHref)).locator('h1').textContent()).toContain(name.slice(0, 4));
    for (const href of await item.locator('a[data-role=field]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) await follow(href);
  }

  it('lists every kind with its count', async () => {
    const page = await open('/leads/');
    const rows = await page.locator('#lead-kinds tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')!.textContent));
    const kinds = ['failed_check', 'appeals_without_requests', 'carry_break', 'yoy_swing', 'non_disclosure_share', 'corrected', 'late', 'near_duplicate'];
    expect(rows).toEqual(kinds.map((k) => String(corpus.leads.filter((l) => l.kind === k).length)));
    expect(await serious(page)).toEqual([]);
  });

  it('lists seed 003\'s failed check (T3-RES, 东安区人民政府办公室 2021) with working links', async () => {
    await checkLead('failed_check', '003', 'T3-RES', '东安区人民政府办公室', 2021);
  });

  it('lists seed 001\'s lawsuits-without-requests lead (西岗街道 2022) with working links', async () => {
    await checkLead('appeals_without_requests', '001', 'T4-VS-T3', '西岗街道', 2022);
  });

  it('stays light: under 60 KB of HTML + CSS compressed, and loads no script', () => {
    const html = readFileSync(path.join(DIST, 'leads/index.html'), 'utf8');
    const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => readFileSync(path.join(DIST, m[1]!)));
    expect(gzipSync(html).length + css.reduce((a, c) => a + gzipSync(c).length, 0)).toBeLessThan(60 * 1024);
    expect(html).not.toMatch(/<script/);
  });
});

describe('agency identity', () => {
  it('平潭综合实验区: every year of its reports on one agency page, with the identity reasoning', async () => {
    const zone = reports.filter((r) => path.basename(r.source.file).includes('pingtan-zone'));
    expect(zone.length).toBeGreaterThan(5);
    const ids = new Set(zone.map((r) => toLean(r).agency_id));
    expect(ids.size, 'one agency').toBe(1);
    const agency = model.agencyById.get([...ids][0]!)!;
    const page = await open(`/agencies/${agency.id}/`);
    const years = zone.map((r) => String(r.meta.year)).sort();
    const listed = await page.locator('#names td a').evaluateAll((as) => as.map((a) => a.textContent!));
    expect(listed.sort()).toEqual(years);
    const timeliness = await page.locator('#timeliness tbody th a').evaluateAll((as) => as.map((a) => a.textContent!));
    expect(timeliness.sort()).toEqual(years);
    const reasoning = await page.locator('#identity-reasoning li').evaluateAll((lis) => lis.map((li) => li.textContent!));
    expect(reasoning).toHaveLength(agency.reasoning.length);
    agency.reasoning.forEach((r, i) => { expect(reasoning[i]).toContain(r.zh); expect(reasoning[i]).toContain(r.en); });
    // 平潭县 is another agency, never merged into this one.
    const county = reports.find((r) => path.basename(r.source.file).includes('pingtan-county'))!;
    expect(toLean(county).agency_id).not.toBe(agency.id);
    expect(await serious(page)).toEqual([]);
  });

  it('shows the resolved region with its confidence, candidates when ambiguous, and timeliness against the deadline', async () => {
    const r = seed('001')!;
    const a = model.agencyById.get(toLean(r).agency_id)!;
    const page = await open(`/agencies/${a.id}/`);
    const place = await page.locator('section:has(#h-place)').textContent();
    expect(place).toContain(a.region!.method);
    for (const c of a.region!.candidates) expect(await page.locator('#region-candidates').textContent()).toContain(c.code);
    const t = corpus.timeliness.reports.find((x) => x.report_id === r.id)!;
    const row = page.locator('#timeliness tbody tr').first();
    expect(await row.getAttribute('data-status')).toBe(t.status);
    if (t.deadline) expect(await row.textContent()).toContain(t.deadline);
    expect(await serious(page)).toEqual([]);
  });

  it('region pages count reports on time, late and unknown per year', async () => {
    const province = placePath(seed('003')!.meta.region).slice(0, 1);
    const page = await open(`/regions/${regionId(province)}/`);
    const status = new Map(corpus.timeliness.reports.map((t) => [t.report_id, t.status]));
    const inRegion = reports.filter((r) => placePath(r.meta.region)[0] === province[0]);
    const rows = await page.locator('#region-timeliness tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent!.trim())));
    const years = [...new Set(inRegion.map((r) => r.meta.year))];
    expect(rows).toHaveLength(years.length);
    for (const y of years) {
      const mine = inRegion.filter((r) => r.meta.year === y).map((r) => status.get(r.id));
      const row = rows.find((cells) => cells[0] === String(y ?? '年度未知'))!;
      expect(row.slice(1, 4)).toEqual(['on_time', 'late', 'unknown'].map((k) => String(mine.filter((s) => s === k).length)));
    }
    expect(await serious(page)).toEqual([]);
  });

  it('logged no console errors on any page visited', () => {
    expect(errors).toEqual([]);
  });
});
