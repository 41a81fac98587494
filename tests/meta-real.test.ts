// Real reports (content/corpus/real): values checked against what each file prints; agency and year as in
// MANIFEST.md, except where the file itself names the agency differently (noted).
import { describe, expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import { MetaSchema } from '../src/model/report.ts';
import { extractMeta } from '../src/extract/meta/index.ts';
import { REAL, realDoc } from './meta-fixtures.ts';

const metaOf = async (file: string) => extractMeta(await realDoc(file), { sidecar: null });
const ExtractedMetaSchema = MetaSchema.omit({ era: true, era_evidence: true, has_tables: true });

// [file, agency_name, year, published_at]
const TABLE: [string, string, number, string | null][] = [
  ['2011_pingtan-county_txt.txt', '平潭县人民政府', 2011, '2012-04-18'],
  ['2011_pingtan-zone_txt.txt', '平潭综合实验区管委会', 2011, '2012-04-11'],
  ['2012_pingtan-county_txt.txt', '平潭县人民政府', 2012, '2013-01-17'],
  ['2013_pingtan-localtax_txt.txt', '平潭综合实验区地方税务局', 2013, '2014-02-25'],
  ['2014_pingtan-zone_txt.txt', '平潭综合实验区管委会', 2014, '2015-01-02'],
  ['2015_pingtan-zone_txt.txt', '平潭综合实验区管委会', 2015, '2016-01-12'],
  ['2016_pingtan-zone_txt.txt', '平潭综合实验区管委会', 2016, '2017-01-18'],
  ['2018_pingtan-zone_txt.txt', '平潭综合实验区管委会', 2018, '2019-01-10'],
  ['2019_pingtan-zone_txt.txt', '平潭综合实验区管委会', 2019, '2020-01-20'],
  ['2020_pingtan-zone_txt.txt', '平潭综合实验区管委会', 2020, '2021-03-05'],
  ['2021_pingtan-zone_txt.txt', '平潭综合实验区管委会', 2021, '2022-02-08'],
  ['2019_shanghai-govoffice_html.html', '上海市人民政府办公厅', 2019, '2020-01-31'],
  ['2023_shuyang-fgj_html.html', '沭阳县发展和改革局', 2023, '2024-01-17'],
  // The OCR'd copy consistently prints 沐阳 for 沭阳 (MANIFEST); the name is kept as printed.
  ['2025_shuyang-county_txt.txt', '沐阳县人民政府', 2025, '2026-01-23'],
  // The title says 上海市科委; the full name 上海市科学技术委员会 is printed nowhere in the file.
  ['2024_shanghai-stcsm_md.md', '上海市科委', 2024, null],
  ['2025_shanghai-govoffice_md.md', '上海市人民政府办公厅', 2025, null],
  // The title says 洪泽区人民政府; 淮安市 comes through the region chain.
  ['2023_huaian-hongze-district_pdf.pdf', '洪泽区人民政府', 2023, null],
  ['2024_huaian-city_pdf.pdf', '淮安市人民政府', 2024, null],
];

test('the table covers every real file', () => {
  const files = readdirSync(REAL).filter((f) => f !== 'MANIFEST.md');
  expect(TABLE.map((r) => r[0]).sort()).toEqual(files.sort());
});

describe.each(TABLE)('%s', (file, agency, year, published) => {
  test(`agency ${agency}, year ${year}, published ${published}`, async () => {
    const m = await metaOf(file);
    ExtractedMetaSchema.parse(m);
    expect(m.agency_name).toBe(agency);
    expect(m.year).toBe(year);
    expect(m.published_at).toBe(published);
  });
});

describe('details', () => {
  test('pingtan county 2011: archive header, contacts in the one-line preamble, aggregate report', async () => {
    const m = await metaOf('2011_pingtan-county_txt.txt');
    expect(m).toMatchObject({ agency_kind: 'government', admin_level: 'county', published_at_source: 'web', is_aggregate: true });
    expect(m.source_url).toBe('https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/201204/t20120418_80716.htm');
    expect(m.period).toEqual({ start: '2011-01-01', end: '2011-12-31' });
    expect(m.contact).toEqual({
      phone: ['24336240'],
      fax: '24336410',
      postcode: '350400',
      email: '24336240@163.com',
      address: '平潭县翠园南路10号',
      office: '平潭县人民政府办公室',
    });
    expect(m.portal_url).toBe('www.pingtan.gov.cn');
  });

  test('pingtan zone: a bare zone name gets its 管委会; kind dev_zone', async () => {
    const m = await metaOf('2014_pingtan-zone_txt.txt');
    expect(m.title).toBe('平潭综合实验区2014年度政府信息公开工作年度报告');
    expect(m).toMatchObject({ agency_kind: 'dev_zone', agency_short: '平潭综合实验区' });
    expect(m.contact).toMatchObject({ phone: ['23158786'], fax: '23158138', email: 'pzxxgkb@163.com' });
  });

  test('pingtan 2012: the preamble contacts, not the signature', async () => {
    const m = await metaOf('2012_pingtan-county_txt.txt');
    expect(m.contact).toMatchObject({ phone: ['24336243'], fax: '23131679', email: '24336240@163.com' });
  });

  test('pingtan 2018: full-width ＠ in the e-mail, spaced 电 话 / 邮 编 keys', async () => {
    const m = await metaOf('2018_pingtan-zone_txt.txt');
    expect(m.contact).toMatchObject({ phone: ['0591-23165255'], fax: '0591-23165255', postcode: '350400', email: 'pzxxgkb@163.com' });
    expect(m.contact.address).toBe('平潭综合实验区北厝镇金井湾片区管委会大楼主楼14层');
  });

  test('pingtan 2020: the 2019 notice is cited (informational)', async () => {
    const m = await metaOf('2020_pingtan-zone_txt.txt');
    expect(m.format_declared).toBe('国办公开办函〔2019〕60号');
    expect(m.is_aggregate).toBe(true);
  });

  test('pingtan 2013 local tax: a department of the zone; title without 政府…工作', async () => {
    const m = await metaOf('2013_pingtan-localtax_txt.txt');
    expect(m.title).toBe('平潭综合实验区地方税务局2013年信息公开年度报告');
    expect(m).toMatchObject({ agency_kind: 'department', agency_short: '区地方税务局' });
    expect(m.contact.phone).toEqual([]);
  });

  test('shanghai 2019 (HTML): provincial general office, date line under the title', async () => {
    const m = await metaOf('2019_shanghai-govoffice_html.html');
    expect(m).toMatchObject({ agency_kind: 'government_office', admin_level: 'province', published_at_source: 'web' });
    expect(m.period).toEqual({ start: '2019-01-01', end: '2019-12-31' });
    expect(m.portal_url).toBe('www.shanghai.gov.cn');
  });

  test('shuyang fgj 2023 (HTML): catalogue table, crawler block, SiteIDCode; the crawl date is ignored', async () => {
    const m = await metaOf('2023_shuyang-fgj_html.html');
    expect(m.title).toBe('沭阳县发展和改革局2023年政府信息公开年度报告');
    expect(m).toMatchObject({ agency_kind: 'department', admin_level: 'county', agency_short: '县发展和改革局' });
    expect(m.index_no).toBe('014314799/2024-00002');
    expect(m.source_url).toBe('http://www.shuyang.gov.cn/sygfj/gknb/202401/2ecfb31a335f4d689220a3a23e24a986.shtml');
    expect(m.portal_url).toBe('http://www.shuyang.gov.cn/');
    expect(m.region.code_hint).toBe('321322');
    expect(m.contact).toMatchObject({ phone: ['0527-83593059'], postcode: '223600', address: '沭阳县沭城街道苏州东路42号' });
    expect(m.region.cues).toContainEqual({ kind: 'address', raw: '沭阳县沭城街道苏州东路42号', value: '沭阳县›沭城街道' });
  });

  test('shuyang county 2025: date under the title, 2021 notice cited', async () => {
    const m = await metaOf('2025_shuyang-county_txt.txt');
    expect(m).toMatchObject({ published_at_raw: '2026年1月23日', published_at_source: 'title_date', format_declared: '国办公开办函〔2021〕30号' });
  });

  test('stcsm 2024: department of a municipality (province level)', async () => {
    const m = await metaOf('2024_shanghai-stcsm_md.md');
    expect(m).toMatchObject({ agency_kind: 'department', admin_level: 'province', agency_short: '市科委', portal_url: 'https://stcsm.sh.gov.cn' });
  });

  test('hongze 2023 (PDF): title over two lines, parent city from the preamble', async () => {
    const m = await metaOf('2023_huaian-hongze-district_pdf.pdf');
    expect(m.title).toBe('洪泽区人民政府2023年政府信息公开工作年度报告');
    expect(m.region.path_hint).toEqual(['淮安市', '洪泽区']);
    expect(m.contact).toMatchObject({ phone: ['0517-87222589'], postcode: '223100', email: 'hzzwgk@126.com', address: '淮安市洪泽区洪泽湖大道90号' });
    expect(m.is_aggregate).toBe(false);
  });

  test('huaian 2024 (PDF): city government, region-wide totals', async () => {
    const m = await metaOf('2024_huaian-city_pdf.pdf');
    expect(m).toMatchObject({ agency_kind: 'government', admin_level: 'prefecture', is_aggregate: true });
    expect(m.contact).toMatchObject({ phone: ['0517-83605210'], postcode: '223001', email: 'hazwgkc@163.com', address: '淮安市翔宇南道1号' });
  });
});
