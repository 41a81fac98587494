// Seeds against their hand-checked answer keys (/work/shared/corpus/seeds/expected).
import { describe, expect, test } from 'vitest';
import { MetaSchema } from '../src/model/report.ts';
import { extractMeta } from '../src/extract/meta/index.ts';
import { expected, seedDoc, SEED_FILES } from './meta-fixtures.ts';

const ExtractedMetaSchema = MetaSchema.omit({ era: true, era_evidence: true, has_tables: true });
const metaOf = async (seed: string) => extractMeta(await seedDoc(seed), { sidecar: null });

describe.each(SEED_FILES)('seed %s', (seed) => {
  test('matches the answer key', async () => {
    const m = await metaOf(seed);
    const key = expected(seed).meta;
    ExtractedMetaSchema.parse(m);
    expect(m.agency_name).toBe(key['agency_name']);
    expect(m.year).toBe(key['year']);
    if ('published_at' in key) expect(m.published_at).toBe(key['published_at']);
    if ('portal_url' in key) expect(m.portal_url).toBe(key['portal_url']);
    if ('region_code_hint' in key) expect(m.region.code_hint).toBe(key['region_code_hint']);
    const contact = key.contact ?? {};
    if (contact['phone']) expect(m.contact.phone).toEqual([contact['phone']]);
    for (const f of ['postcode', 'email', 'address'] as const) if (contact[f]) expect(m.contact[f]).toBe(contact[f]);
  });
});

describe('seed details the keys do not cover', () => {
  test('000: township office under a county; name chain and cues', async () => {
    const m = await metaOf('000_265202b0c314e512');
    expect(m.title).toBe('通化县人民政府东安街道办事处2022年政府信息公开工作年度报告');
    expect(m).toMatchObject({ agency_short: '东安街道', agency_kind: 'township_or_street', admin_level: 'township', year_source: 'title' });
    expect(m.region.path_hint).toEqual(['通化县', '东安街道']);
    expect(m.region.cues).toContainEqual({ kind: 'phone_area', raw: '0435-3858588', value: '0435' });
    expect(m.contact.office).toBe('通化县人民政府东安街道办事处政务公开工作办公室');
    // "所列数据截止日期为2022年12月31日" states the end only: no period invented.
    expect(m.period).toBeNull();
    expect(m.published_at).toBeNull();
  });

  test('001: a bare street name stays as printed and has no region cue but itself', async () => {
    const m = await metaOf('001_c06d29f5e948cb40');
    expect(m).toMatchObject({ agency_short: '西岗街道', agency_kind: 'township_or_street', source_url: null });
    expect(m.region.code_hint).toBeNull();
    expect(m.region.cues.map((c) => c.kind)).toEqual(['name_chain']);
  });

  test('002: date under the spaced title; parents of the street found in the body', async () => {
    const m = await metaOf('002_920a4b5d549ad15c');
    expect(m.title).toBe('兴华街道2020年政府信息公开工作年度报告');
    expect(m).toMatchObject({ published_at_raw: '2021年1月12日', published_at_source: 'title_date' });
    expect(m.region.path_hint).toEqual(['吉林市', '昌邑区', '兴华街道']);
    expect(m.contact.office).toBe('昌邑区兴华街道党办');
  });

  test('003: web date line, footer codes, format notice', async () => {
    const m = await metaOf('003_1547371ff49f8649');
    expect(m).toMatchObject({ agency_kind: 'government_office', admin_level: 'county', agency_short: '东安区政府办' });
    expect(m).toMatchObject({ published_at_source: 'web', format_declared: '国办公开办函〔2021〕30号' });
    expect(m.period).toEqual({ start: '2021-01-01', end: '2021-12-31' });
    expect(m.region.cues).toContainEqual({ kind: 'police_record', raw: '公网安备 23100202000021', value: '231002' });
    expect(m.region.cues).toContainEqual({ kind: 'icp', raw: '黑ICP备', value: '黑龙江省' });
    // The footer's 联系电话:6924198 belongs to the website.
    expect(m.contact.phone).toEqual([]);
  });

  test('004: year before the agency in the title; "于2022年1月31日之前" is no publication date', async () => {
    const m = await metaOf('004_b2a6ebfd1a6d7656');
    expect(m.title).toBe('2021年南关区长通街道办事处政府信息公开工作年度报告');
    expect(m.published_at).toBeNull();
    expect(m.period).toEqual({ start: '2021-01-01', end: '2021-12-31' });
    expect(m.region.path_hint).toEqual(['南关区', '长通街道']);
    expect(m.region.cues).toContainEqual({ kind: 'address', raw: '长春市亚泰大街1055号', value: '长春市' });
  });
});

describe('sidecar', () => {
  test('collection metadata overrides the text', async () => {
    const m = extractMeta(await seedDoc('001_c06d29f5e948cb40'), {
      sidecar: {
        agency_name: '大连市西岗区西岗街道办事处',
        year: 2022,
        published_at: '2023-01-20',
        region_code: '210203',
        region_hint: ['辽宁省', '大连市', '西岗区'],
        source_url: 'https://www.dlxg.gov.cn/example.html',
      },
    });
    expect(m).toMatchObject({
      agency_name: '大连市西岗区西岗街道办事处',
      agency_short: '西岗街道',
      year_source: 'sidecar',
      published_at: '2023-01-20',
      published_at_source: 'sidecar',
      source_url: 'https://www.dlxg.gov.cn/example.html',
    });
    expect(m.region.code_hint).toBe('210203');
    expect(m.region.path_hint).toEqual(['辽宁省', '大连市', '西岗区']);
    expect(m.region.cues[0]).toEqual({ kind: 'sidecar', raw: '210203', value: '210203' });
  });
});
