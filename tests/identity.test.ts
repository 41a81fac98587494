import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractReport } from '../src/ingest/extract-report.ts';
import { runIngest } from '../src/ingest/run.ts';
import type { Report } from '../src/model/report.ts';
import { agencyId, groupAgencies, normaliseAgencyName, type Agency } from '../src/publish/agencies.ts';
import { REAL_DIR, SEEDS_DIR, seedFiles } from './helpers/corpus.ts';

// Agency identity on the real corpus and the seeds: one agency across years and name variants, never a silent
// merge of different organs or places.

let reports: Report[] = [];
let agencies: Agency[] = [];
const file = (r: Report) => basename(r.source.file);
const byFile = (name: string) => reports.find((r) => file(r) === name)!;
const agencyOf = (name: string) => agencies.find((a) => a.report_ids.includes(byFile(name).id))!;
/** A real report under another printed name (name variants the corpus does not happen to contain). */
const renamed = (r: Report, agency_name: string): Report => ({ ...r, id: `${r.id.slice(0, 15)}f`, meta: { ...r.meta, agency_name } });

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'nianbao-identity-'));
  const { reportIds } = await runIngest({ inputs: [SEEDS_DIR, REAL_DIR], outDir: out, cacheDir: null, jobs: 1 });
  reports = reportIds.map((id) => JSON.parse(readFileSync(join(out, 'reports', `${id}.json`), 'utf8')) as Report);
  agencies = groupAgencies(reports);
});

describe('name normalisation (spec §8.2)', () => {
  it('reads short and long forms alike', () => {
    expect(normaliseAgencyName('西岗街道')).toBe('西岗街道办事处');
    expect(normaliseAgencyName('东安区政府办')).toBe('东安区人民政府办公室');
    expect(normaliseAgencyName('上海市政府办公厅')).toBe('上海市人民政府办公厅');
    expect(normaliseAgencyName('平潭综合实验区')).toBe('平潭综合实验区管委会');
    expect(normaliseAgencyName('平潭综合实验区管理委员会')).toBe('平潭综合实验区管委会');
    expect(normaliseAgencyName('上海市科委')).toBe('上海市科学技术委员会');
    expect(normaliseAgencyName('长安镇')).toBe('长安镇人民政府');
  });
});

describe('the real corpus groups correctly', () => {
  it('the 平潭综合实验区 reports 2011–2021 are one agency with all their years', () => {
    const zone = agencyOf('2021_pingtan-zone_txt.txt');
    const files = reports.filter((r) => file(r).includes('pingtan-zone')).map(file);
    expect(files).toHaveLength(8);
    for (const f of files) expect(agencyOf(f).id).toBe(zone.id);
    expect(zone.years).toEqual([2011, 2014, 2015, 2016, 2018, 2019, 2020, 2021]);
    expect(zone.missing_years).toEqual([2012, 2013, 2017]);
    expect(zone.key).toBe('name:平潭综合实验区管委会');
  });

  it('name variants of the zone (平潭综合实验区, …管理委员会) join the same agency', () => {
    const r = byFile('2018_pingtan-zone_txt.txt');
    const zone = agencyOf('2018_pingtan-zone_txt.txt');
    expect(agencyId(renamed(r, '平潭综合实验区'))).toBe(zone.id);
    expect(agencyId(renamed(r, '平潭综合实验区管理委员会'))).toBe(zone.id);
    const merged = groupAgencies([...reports, renamed(r, '平潭综合实验区')]).find((a) => a.id === zone.id)!;
    expect(merged.names.map((n) => n.name)).toEqual(['平潭综合实验区管委会', '平潭综合实验区']);
    expect(merged.reasoning[1]!.en).toContain('(read as 平潭综合实验区管委会)');
  });

  it('the two 上海市人民政府办公厅 reports are one agency', () => {
    const a = agencyOf('2019_shanghai-govoffice_html.html');
    expect(agencyOf('2025_shanghai-govoffice_md.md').id).toBe(a.id);
    expect(a.years).toEqual([2019, 2025]);
    expect(a.key).toBe('310000|人民政府办公厅');
  });

  it('平潭县(人民政府) and 平潭综合实验区 stay two agencies, though both sit on 平潭县\'s territory', () => {
    const county = agencyOf('2011_pingtan-county_txt.txt');
    expect(agencyOf('2012_pingtan-county_txt.txt').id).toBe(county.id);
    expect(county.years).toEqual([2011, 2012]);
    expect(county.key).toBe('350128|人民政府');
    expect(county.full_name).toBe('福建省福州市平潭县人民政府');
    expect(county.id).not.toBe(agencyOf('2011_pingtan-zone_txt.txt').id);
    expect(county.links).toEqual([]);
  });

  it('平潭综合实验区地方税务局 is its own agency', () => {
    const tax = agencyOf('2013_pingtan-localtax_txt.txt');
    expect(tax.report_ids).toHaveLength(1);
    expect(tax.name).toBe('平潭综合实验区地方税务局');
    expect(tax.id).not.toBe(agencyOf('2014_pingtan-zone_txt.txt').id);
  });

  it('every report\'s own id (agencyId(report)) is its agency\'s id', () => {
    for (const r of reports) expect([file(r), agencyId(r)]).toEqual([file(r), agencyOf(file(r)).id]);
    expect(agencies).toHaveLength(14);
  });
});

describe('place prefixes and reasoning', () => {
  it('a title that omits its place (区政府办) is re-attached to the resolved region', () => {
    const r = byFile(seedFiles().find((f) => f.startsWith('003'))!);
    expect(agencyId(renamed(r, '区政府办'))).toBe(agencyId(r));
    const a = groupAgencies([r, renamed(r, '区政府办')]);
    expect(a).toHaveLength(1);
    expect(a[0]!.full_name).toBe('黑龙江省牡丹江市东安区人民政府办公室');
    expect(a[0]!.reasoning[1]!.zh).toContain('按东安区（231002）补全');
  });

  it('seed 001 (ambiguous region) is keyed by name alone and says so; a resolved 西岗街道 is linked, not merged', async () => {
    const path = join(SEEDS_DIR, seedFiles().find((f) => f.startsWith('001'))!);
    const bare = byFile(basename(path));
    const placed = await extractReport({ bytes: readFileSync(path), file: path, sidecar: { region_code: '320113', year: 2021 }, sidecarFile: `${path}.meta.json` });
    const [a, b] = [agencyId(bare), agencyId(placed)];
    expect(a).not.toBe(b);
    const grouped = groupAgencies([bare, placed]);
    const amb = grouped.find((x) => x.id === a)!;
    expect(amb.reasoning[0]!.en).toBe('“西岗街道” (read as 西岗街道办事处): region ambiguous (3 candidates); identified by its name alone');
    expect(amb.links).toEqual([expect.objectContaining({ kind: 'possibly_same', agency_id: b })]);
    expect(amb.links[0]!.reason.en).toContain('is one of its candidates');
  });

  it('a similar organ at the same place that ends as another begins is a possible rename, recorded both ways', () => {
    const tax = byFile('2013_pingtan-localtax_txt.txt');
    const next = { ...renamed(tax, '平潭综合实验区税务局'), meta: { ...tax.meta, agency_name: '平潭综合实验区税务局', year: 2014 } };
    const grouped = groupAgencies([tax, next]);
    expect(grouped).toHaveLength(2);
    const old = grouped.find((g) => g.name === '平潭综合实验区地方税务局')!;
    expect(old.links.map((l) => [l.kind, l.name])).toEqual([['possible_rename', '平潭综合实验区税务局']]);
    expect(grouped.find((g) => g !== old)!.links.map((l) => l.agency_id)).toEqual([old.id]);
  });
});
