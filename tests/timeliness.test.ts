import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { timelinessByAgency, timelinessByRegionYear, timelinessOf } from '../src/check/timeliness.ts';
import { extractReport } from '../src/ingest/extract-report.ts';
import type { Report } from '../src/model/report.ts';
import { groupAgencies } from '../src/publish/agencies.ts';
import { REAL_DIR, SEEDS_DIR, seedFiles } from './helpers/corpus.ts';

// Publication date against the statutory deadline for the kind of agency (spec §0, §8.4).

const read = (path: string) => extractReport({ bytes: readFileSync(path), file: path, sidecar: null, sidecarFile: null });
const seedPath = (n: string) => join(SEEDS_DIR, seedFiles().find((f) => f.startsWith(n))!);
const r: Record<string, Report> = {};

beforeAll(async () => {
  for (const [k, p] of Object.entries({
    s001: seedPath('001'), s002: seedPath('002'), s003: seedPath('003'),
    county2011: join(REAL_DIR, '2011_pingtan-county_txt.txt'), county2012: join(REAL_DIR, '2012_pingtan-county_txt.txt'),
    zone2011: join(REAL_DIR, '2011_pingtan-zone_txt.txt'), fgj: join(REAL_DIR, '2023_shuyang-fgj_html.html'),
  })) r[k] = await read(p);
});

const brief = (t: ReturnType<typeof timelinessOf>) => [t.status, t.deadline, t.days_late, t.confidence];

describe('per report', () => {
  it('a government office publishing on 2022-01-29 is on time against the department deadline', () => {
    expect(brief(timelinessOf(r.s003!))).toEqual(['on_time', '2022-01-31', -2, 'medium']);
  });

  it('a county department (沭阳县发改局, 2024-01-17) is on time, high confidence', () => {
    expect(brief(timelinessOf(r.fgj!))).toEqual(['on_time', '2024-01-31', -14, 'high']);
  });

  it('the same department publishing on 20 February is late; a government on that day is not', () => {
    const feb = (kind: Report['meta']['agency_kind']) => ({ ...r.fgj!, meta: { ...r.fgj!.meta, agency_kind: kind, published_at: '2024-02-20' } });
    expect(brief(timelinessOf(feb('department')))).toEqual(['late', '2024-01-31', 20, 'high']);
    expect(brief(timelinessOf(feb('government')))).toEqual(['on_time', '2024-03-31', -40, 'high']);
    // Kind unknown: between the two deadlines nothing can be said.
    expect(timelinessOf(feb(null)).status).toBe('unknown');
  });

  it('a street office (兴华街道, 2021-01-12) is judged against 31 March with low confidence', () => {
    expect(brief(timelinessOf(r.s002!))).toEqual(['on_time', '2021-03-31', -78, 'low']);
  });

  it('2011 reports fall under the 2008 regulations: 平潭县 published 2012-04-18, 18 days late', () => {
    const t = timelinessOf(r.county2011!);
    expect(brief(t)).toEqual(['late', '2012-03-31', 18, 'high']);
    expect(t.reason.en).toBe('2008 regulations: all organs by 31 March');
  });

  it('no publication date → unknown (seed 001)', () => {
    expect(brief(timelinessOf(r.s001!))).toEqual(['unknown', null, null, 'low']);
  });
});

describe('aggregated', () => {
  it('per agency: 平潭县人民政府 late in 2011, on time in 2012', () => {
    const reports = [r.county2011!, r.county2012!, r.zone2011!];
    const items = reports.map(timelinessOf);
    const county = groupAgencies(reports).find((a) => a.name === '平潭县人民政府')!;
    expect(timelinessByAgency(items, [county])).toEqual([{ agency_id: county.id, on_time: 1, late: 1, unknown: 0, late_years: [2011] }]);
  });

  it('per region and year: both 2011 Pingtan reports were late, counted at every level of their region', () => {
    const reports = [r.county2011!, r.county2012!, r.zone2011!, r.s001!];
    const rows = timelinessByRegionYear(reports.map(timelinessOf), reports);
    const at = (code: string | null, year: number) => rows.find((x) => x.region_code === code && x.year === year);
    expect(at('350128', 2011)).toEqual({ region_code: '350128', region_name: '平潭县', level: 'county', year: 2011, on_time: 0, late: 2, unknown: 0 });
    expect(at('350000', 2012)).toMatchObject({ region_name: '福建省', on_time: 1, late: 0 });
    // Seed 001's region is ambiguous and it has no date: it lands in the unplaced row.
    expect(at(null, 2022)).toMatchObject({ unknown: 1 });
  });
});
