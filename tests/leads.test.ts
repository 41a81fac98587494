import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../src/ingest/run.ts';
import { ReportSchema, type Report } from '../src/model/report.ts';
import { corpusCard, withCrossChecks } from '../src/ingest/card.ts';
import { linkCorpus, type LinkedCorpus } from '../src/publish/corpus.ts';
import { REAL_DIR, SEEDS_DIR } from './helpers/corpus.ts';

// The corpus-level step on the seeds and the real corpus: cross-report checks appended, leads with their evidence.

let input: Report[] = [];
let linked: LinkedCorpus;
let relinked: Report[] = [];
let inputBefore = '';
const idOf = (name: string) => input.find((r) => basename(r.source.file).startsWith(name))!.id;

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'nianbao-leads-'));
  const { reportIds } = await runIngest({ inputs: [SEEDS_DIR, REAL_DIR], outDir: out, cacheDir: null, jobs: 1 });
  input = reportIds.map((id) => JSON.parse(readFileSync(join(out, 'reports', `${id}.json`), 'utf8')) as Report);
  inputBefore = JSON.stringify(input);
  linked = linkCorpus(input.map(corpusCard));
  relinked = input.map((r) => withCrossChecks(r, linked.cross.get(r.id)!));
});

const leadsOf = (kind: string) => linked.leads.filter((l) => l.kind === kind);

describe('leads', () => {
  it('list seed 003\'s failed T3-RES check with the cells involved', () => {
    const l = leadsOf('failed_check').find((x) => x.report_ids[0] === idOf('003_'))!;
    expect(l.checks).toEqual(['T3-RES']);
    expect(l.fields).toContain('requests.result.total.natural_person');
    expect(l.zh).toContain('东安区人民政府办公室 2021');
    expect(l.en).toContain('T3-RES');
  });

  it('list seed 001\'s lawsuits without requests (T4-VS-T3), 15 in table 4', () => {
    const l = leadsOf('appeals_without_requests');
    expect(l.map((x) => x.report_ids)).toEqual([[idOf('001_')]]);
    expect([l[0]!.checks, l[0]!.score]).toEqual([['T4-VS-T3'], 15]);
    expect(l[0]!.fields).toContain('appeals.suit_direct.total');
  });

  it('find the near-identical 2011 reports of 平潭县 and 平潭综合实验区 (different agencies)', () => {
    const pair = [idOf('2011_pingtan-county'), idOf('2011_pingtan-zone')].sort();
    const l = leadsOf('near_duplicate').find((x) => [...x.report_ids].sort().join() === pair.join())!;
    expect(l.score).toBeGreaterThan(0.9);
    expect(l.en).toContain('different agencies');
    expect(l.agency_ids).toHaveLength(2);
  });

  it('rank year-on-year swings, late publication, corrected decisions and non-disclosure shares', () => {
    expect(leadsOf('yoy_swing').map((l) => l.report_ids)).toContainEqual([idOf('2011_pingtan-county'), idOf('2012_pingtan-county')]);
    expect(leadsOf('late').map((l) => [l.report_ids[0], l.score])).toEqual([[idOf('2011_pingtan-county'), 18], [idOf('2011_pingtan-zone'), 11]]);
    const corrected = leadsOf('corrected')[0]!;
    expect([corrected.report_ids, corrected.score]).toEqual([[idOf('2024_huaian-city')], 69]);
    const share = leadsOf('non_disclosure_share');
    expect(share.map((l) => l.score)).toEqual([...share.map((l) => l.score)].sort((a, b) => b - a));
    expect(share.find((l) => l.report_ids[0] === idOf('2019_shanghai-govoffice'))!.zh).toBe('上海市人民政府办公厅 2019：办理结果中不予公开35件，占805件的4%');
  });

  it('every lead points at reports and agencies of the corpus and explains itself in both languages', () => {
    const reports = new Set(input.map((r) => r.id));
    const agencies = new Set(linked.agencies.map((a) => a.id));
    for (const l of linked.leads) {
      expect(l.report_ids.every((id) => reports.has(id)) && l.agency_ids.every((id) => agencies.has(id))).toBe(true);
      expect(l.zh.length > 0 && l.en.length > 0).toBe(true);
    }
    expect(new Set(linked.leads.map((l) => l.id)).size).toBe(linked.leads.length);
  });
});

describe('linkCorpus', () => {
  it('gives each report its cross-report checks, which replace the ones it carries and still validate', () => {
    const zone2021 = relinked.find((r) => r.id === idOf('2021_pingtan-zone'))!;
    expect(zone2021.checks.filter((c) => c.id === 'X-CARRY').map((c) => c.status)).toEqual(Array(7).fill('pass'));
    for (const r of relinked) ReportSchema.parse(r);
    // Pure: the reports passed in are not modified (ingest already ran this pass; linking again replaces, never adds).
    expect(JSON.stringify(input)).toBe(inputBefore);
    expect(JSON.stringify(relinked)).toBe(inputBefore);
  });

  it('gives the same result when run again on its own output', () => {
    const again = linkCorpus(relinked.map(corpusCard));
    expect([...again.cross]).toEqual([...linked.cross]);
    expect(again.leads.map((l) => l.id)).toEqual(linked.leads.map((l) => l.id));
  });

  it('resolves regions of reports cached before the gazetteer existed', () => {
    const old = input.map((r) => ({ ...r, meta: { ...r.meta, region: { code_hint: r.meta.region.code_hint, path_hint: r.meta.region.path_hint, cues: r.meta.region.cues } } }));
    const cards = old.map(corpusCard);
    expect(linkCorpus(cards).agencies.map((a) => a.id)).toEqual(linked.agencies.map((a) => a.id));
    expect(cards.find((r) => r.id === idOf('004_'))!.meta.region.resolved!.code).toBe('220102005');
  });

  it('summarises timeliness per report, agency and region-year', () => {
    expect(linked.timeliness.reports).toHaveLength(input.length);
    const county = linked.agencies.find((a) => a.name === '平潭县人民政府')!;
    expect(linked.timeliness.by_agency.find((a) => a.agency_id === county.id)).toMatchObject({ late: 1, on_time: 1, late_years: [2011] });
    expect(linked.timeliness.by_region_year.find((x) => x.region_code === '310000' && x.year === 2019)).toMatchObject({ on_time: 1 });
  });
});
