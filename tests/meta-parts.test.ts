// The pieces of extractMeta on the shapes spec §7.10 and §8 list (quoted from real reports).
import { describe, expect, test } from 'vitest';
import { completeAgencyName, describeAgency, placeChain } from '../src/extract/meta/agency.ts';
import { readCatalogue, webDate } from '../src/extract/meta/catalogue.ts';
import { extractContact } from '../src/extract/meta/contact.ts';
import { findPeriod, parseDate, urlDate } from '../src/extract/meta/dates.ts';
import { extractMeta } from '../src/extract/meta/index.ts';
import { formatDeclared, isAggregate, portalUrl } from '../src/extract/meta/statements.ts';
import { joinProse } from '../src/extract/meta/text.ts';
import { findTitle, matchTitle } from '../src/extract/meta/title.ts';
import { normaliseText } from '../src/text/normalise.ts';
import { realDoc, textDoc } from './meta-fixtures.ts';

const lines = (...t: string[]) => t.map((text, i) => ({ text: normaliseText(text), loc: { line: i + 1 } }));

describe('title shapes (spec §7.10)', () => {
  test.each([
    [['西岗街道2022年政府信息公开工作年度报告'], '西岗街道', 2022],
    [['通化县人民政府东安街道办事处2022年', '政府信息公开工作年度报告'], '通化县人民政府东安街道办事处', 2022],
    [['孝感市人民政府办公室', '2020年政府信息公开工作年度报告'], '孝感市人民政府办公室', 2020],
    [['2021年南关区长通街道办事处', '政府信息公开工作年度报告'], '南关区长通街道办事处', 2021],
    [['兴华街道2020年政府信息公开工作', '年 度 报 告', '（2021年1月12日）'], '兴华街道', 2020],
    [['市政府研究室2019年政府信息公开', '工作年度报告'], '市政府研究室', 2019],
    [['舒兰市2016年政务信息公开年度报告'], '舒兰市', 2016],
    [['道县文广新局2013年度信息公开工作', '年度报告'], '道县文广新局', 2013],
    [['宿州市人民政府2016年', '政府信息公开工作年度报告', '宿州市人民政府办公室', '2017年3月'], '宿州市人民政府', 2016],
    // Duplicated (page header + body): the first copy.
    [['天津市西青区科学技术局2023年政府信息公开工作年度报告天津市西青区科学技术局2023年政府信息公开工作年度报告'], '天津市西青区科学技术局', 2023],
  ])('%j', (text, agency, year) => {
    expect(findTitle(lines(...text), null, undefined)).toMatchObject({ agency, year, source: 'body' });
  });

  test('"2022年上海市政府信息公开…" names a bare place: 人民政府 is re-attached', () => {
    const t = matchTitle('2022年上海市政府信息公开工作年度报告');
    expect(t?.agency).toBe('上海市');
    expect(completeAgencyName(t!.agency)).toBe('上海市人民政府');
  });

  test('a preamble sentence is not a title; the container title is the fallback', () => {
    const body = lines('本报告主要根据《中华人民共和国政府信息公开条例》编制,现公布2011年度政府信息公开年度报告。');
    expect(findTitle(body, null, undefined)).toBeNull();
    expect(findTitle(body, null, '平潭综合实验区2011年政府信息公开工作年度报告')).toMatchObject({ agency: '平潭综合实验区', source: 'hints' });
  });

  test('a title naming no agency falls back to the preamble', () => {
    const m = extractMeta(textDoc(['2019年度政府信息公开工作年度报告', '本报告由淮安市洪泽区人民政府办公室根据《条例》要求编制。', '一、总体情况', '正文。']), { sidecar: null });
    expect(m).toMatchObject({ agency_name: '淮安市洪泽区人民政府办公室', year: 2019, agency_kind: 'government_office' });
  });
});

describe('agency names (spec §8.2)', () => {
  test.each([
    ['通化县人民政府东安街道办事处', 'township_or_street', 'township', '东安街道', ['通化县', '东安街道']],
    ['东安区人民政府办公室', 'government_office', 'county', '东安区政府办', ['东安区']],
    ['天津市西青区科学技术局', 'department', 'county', '区科学技术局', ['天津市', '西青区']],
    ['湛江市徐闻县司法局', 'department', 'county', '县司法局', ['湛江市', '徐闻县']],
    ['山西省人民政府外事办公室', 'department', 'province', '省外事办公室', ['山西省']],
    ['五常市民意乡', 'township_or_street', 'township', '民意乡', ['五常市', '民意乡']],
    ['淮安市人民政府', 'government', 'prefecture', '淮安市', ['淮安市']],
    ['哈尔滨市五常市人民政府', 'government', 'county', '五常市', ['哈尔滨市', '五常市']],
    ['高新区社会发展局', 'department', null, '区社会发展局', ['高新区']],
    ['沭阳县住房和城乡建设局', 'department', 'county', '县住房和城乡建设局', ['沭阳县']],
  ] as const)('%s', (name, kind, level, short, places) => {
    expect(describeAgency(name)).toEqual({ name, kind, level, short, places: [...places] });
  });

  test('organ words are skipped only between places', () => {
    expect(placeChain('平潭县人民政府')).toEqual({ places: ['平潭县'], rest: '人民政府' });
    expect(completeAgencyName('平潭县人民政府')).toBe('平潭县人民政府');
    expect(completeAgencyName('平潭综合实验区')).toBe('平潭综合实验区管委会');
    expect(completeAgencyName('西岗街道')).toBe('西岗街道');
  });
});

describe('dates (spec §7.1, §8.4)', () => {
  test.each([
    ['2022/1/29 14:59:38', '2022-01-29'],
    ['（2021年1月12日）', '2021-01-12'],
    ['2018-02-28', '2018-02-28'],
    ['二○一二年二月二十日', '2012-02-20'],
    ['二〇二一年十二月三十一日', '2021-12-31'],
  ])('%s → %s', (raw, iso) => {
    expect(parseDate(raw)).toMatchObject({ iso, confident: true });
  });

  test.each(['2021926', '2017210日)', '2017年3月'])('%s is kept raw, low confidence', (raw) => {
    expect(parseDate(raw)).toMatchObject({ iso: null, confident: false });
  });

  test('impossible dates are not confident', () => {
    expect(parseDate('2021年2月30日')).toMatchObject({ iso: null, confident: false });
  });

  test('URL dates', () => {
    expect(urlDate('https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/201204/t20120418_80716.htm')?.iso).toBe('2012-04-18');
    expect(urlDate('http://x.gov.cn/art/2018/2/28/art_1.html')?.iso).toBe('2018-02-28');
    expect(urlDate('http://www.shuyang.gov.cn/sygfj/gknb/202401/2ecf.shtml')).toMatchObject({ iso: null, raw: '/202401/' });
  });

  test('web date lines, not crawl times or site clocks', () => {
    expect(webDate('2022/1/29 14:59:38 来源:区政府办')).toBe('2022/1/29');
    expect(webDate('发布日期:2017-02-23 点击数:')).toBe('2017-02-23');
    expect(webDate('日期:2019年03月04日 信息来源:市政府办公厅')).toBe('2019年03月04日');
    expect(webDate('采集时间:2025-12-30T21:37:37+08:00')).toBeNull();
    expect(webDate('2025年12月30日 星期二')).toBeNull();
  });

  test('statistics period', () => {
    expect(findPeriod('本报告所列数据的统计期限自2011年1月1日起至2011年12月31日。')).toMatchObject({ start: '2011-01-01', end: '2011-12-31' });
    expect(findPeriod('本年度报告中所列数据统计期限从2019年1月1日到12月31日止。')).toMatchObject({ start: '2019-01-01', end: '2019-12-31' });
    expect(findPeriod(joinProse(lines('本年度报告中所列数据的统计周期', '为 2024 年 1 月 1 日至 12 月 31 日。')).text)).toMatchObject({ year: 2024 });
  });

  test('the signature date at the end of the last section', () => {
    const m = extractMeta(textDoc(['某街道2020年政府信息公开工作年度报告', '一、总体情况', '正文。', '六、其他需要报告的事项', '无。', '某街道办事处', '二〇二一年一月十二日']), {
      sidecar: null,
    });
    expect(m).toMatchObject({ published_at: '2021-01-12', published_at_source: 'signature' });
  });
});

describe('contact (spec §8.1)', () => {
  test('phone list, fax, postcode, full-width ＠, address up to the next clause', () => {
    const c = extractContact(normaliseText('联系地址：某市某路1号；邮 编：350400；电话：0563—5826518、0564--3374099；传真：0591-23165255；电子邮箱：abc＠163.com。'));
    expect(c).toEqual({
      phone: ['0563-5826518', '0564-3374099'],
      fax: '0591-23165255',
      postcode: '350400',
      email: 'abc@163.com',
      address: '某市某路1号',
      office: null,
    });
  });

  test('电话/传真 gives both; footer phones are not the report\'s', () => {
    const c = extractContact(normaliseText('电话/传真：0591-23165370。\n主办单位:东安区政府 联系电话:6924198'));
    expect(c).toMatchObject({ phone: ['0591-23165370'], fax: '0591-23165370' });
  });
});

describe('catalogue and statements', () => {
  test('catalogue rows in pipe, bullet and label-line forms', () => {
    const entries = readCatalogue(
      lines(
        '索引号 | 014416330/2018-04736 | 分类 | 年报 | 发布机构 | 市政府办 | 发文日期 | 2018-02-28 | 文号 | | 有效性 |',
        '• 索 引 号:XM02100-0101-2019-00001 • 备注/文号:厦湖府〔2019〕1号 • 发布机构:湖里区人民政府办公室 • 公文生成日期:2019-01-04',
        '发布机构',
        '沭阳县发展和改革局',
        '文号',
        '关键词',
      ),
    );
    expect(entries.map((e) => [e.field, e.value])).toEqual([
      ['index_no', '014416330/2018-04736'],
      ['publisher', '市政府办'],
      ['date', '2018-02-28'],
      ['index_no', 'XM02100-0101-2019-00001'],
      ['doc_number', '厦湖府〔2019〕1号'],
      ['publisher', '湖里区人民政府办公室'],
      ['date', '2019-01-04'],
      ['publisher', '沭阳县发展和改革局'],
    ]);
  });

  test('portal URL, format notice, aggregate cues', () => {
    expect(portalUrl('本年报通过昌邑区人民政府信息公开网(http://xxgk.jlscy.gov.cn/qtdw/xhj/gkml/)向社会公开,欢迎监督。')).toBe('http://xxgk.jlscy.gov.cn/qtdw/xhj/gkml/');
    expect(formatDeclared('(国办公开办函〔2021〕30 号)')).toBe('国办公开办函〔2021〕30号');
    expect(isAggregate('本报告综合各县(市、区)政府和市政府各部门的年度报告编制而成。')).toBe(true);
    expect(isAggregate('2020年全区各级行政机关共受理政府信息公开申请21件')).toBe(true);
    expect(isAggregate('2023年全区受理政府信息公开申请21件')).toBe(false);
  });
});

describe('publication date fallbacks', () => {
  test('a Chinese-numeral signature date inside a one-line body', async () => {
    const doc = await realDoc('2011_pingtan-zone_txt.txt');
    // Without the archive header's 发布时间, the date printed after the last section is used.
    const m = extractMeta({ ...doc, hints: { chrome: [] } }, { sidecar: null });
    expect(m).toMatchObject({ published_at: '2012-02-20', published_at_raw: '二○一二年二月二十日', published_at_source: 'signature' });
  });

  test('the source URL date is the last resort', () => {
    const doc = textDoc(['某县2017年政府信息公开工作年度报告', '一、总体情况', '正文。']);
    doc.hints.source_url = 'http://www.x.gov.cn/art/2018/2/28/art_1.html';
    expect(extractMeta(doc, { sidecar: null })).toMatchObject({ published_at: '2018-02-28', published_at_source: 'url' });
  });

  test('an empty document gives empty metadata', () => {
    const m = extractMeta({ format: 'txt', encoding: 'utf-8', blocks: [], hints: { chrome: [] }, notes: [] }, { sidecar: null });
    expect(m).toMatchObject({ title: null, agency_name: null, year: null, published_at: null, is_aggregate: false });
  });
});

test('a document number on its own line under the title', () => {
  const m = extractMeta(textDoc(['湖里区人民政府2018年政府信息公开工作年度报告', '厦湖府〔2019〕1号', '根据《条例》编制。', '一、总体情况', '正文。']), { sidecar: null });
  expect(m.doc_number).toBe('厦湖府〔2019〕1号');
  // The notice cited in the preamble is not the report's own number.
  expect(extractMeta(textDoc(['某局2021年政府信息公开工作年度报告', '根据(国办公开办函〔2021〕30号)编制。']), { sidecar: null }).doc_number).toBeNull();
});

test('signature organ and date inside a one-line body serve as fallbacks', async () => {
  const doc = await realDoc('2012_pingtan-county_txt.txt');
  // Drop the archive header (title, 发布时间) and the title sentence: only the signature is left.
  const blocks = doc.blocks.map((b) => (b.kind === 'text' ? { ...b, text: b.text.replace(/^平潭县人民政府2012年政府信息公开工作年度报告/, '') } : b));
  const m = extractMeta({ ...doc, blocks, hints: { chrome: [] } }, { sidecar: null });
  expect(m).toMatchObject({ published_at: '2013-01-16', published_at_source: 'signature', agency_name: '平潭县人民政府', year: 2012, year_source: 'period' });
});
