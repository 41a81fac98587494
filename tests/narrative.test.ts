import { describe, expect, test } from 'vitest';
import type { Document } from '../src/model/document.ts';
import { FigureSchema } from '../src/model/report.ts';
import { extractNarrative } from '../src/extract/narrative.ts';
import { extractSections } from '../src/extract/sections.ts';
import { expected, realDoc, seedDoc, SEED_FILES, textDoc } from './meta-fixtures.ts';

const narrativeOf = (doc: Document) => extractNarrative(doc, extractSections(doc));
const values = (n: ReturnType<typeof narrativeOf>) => Object.fromEntries(Object.entries(n).map(([k, f]) => [k, f.value]));
const real = async (file: string) => narrativeOf(await realDoc(file));

describe('seeds against the answer keys', () => {
  test.each(SEED_FILES)('%s', async (seed) => {
    const n = narrativeOf(await seedDoc(seed));
    for (const f of Object.values(n)) FigureSchema.parse(f);
    for (const [key, value] of Object.entries(expected(seed).narrative ?? {})) {
      if (key === 'active_items_approx') expect(n['active_items']?.approx, key).toBe(value ? 'at_least' : null);
      else expect(n[key]?.value, key).toBe(value);
    }
  });

  test('000: "受理申请的数量为零" inside （2）依申请公开; locations point at the lines', async () => {
    const n = narrativeOf(await seedDoc('000_265202b0c314e512'));
    expect(n['active_items']).toMatchObject({ value: 18, raw: '主动公开政府信息共18条', approx: null, cumulative: false, loc: { line: 10 } });
    expect(n['requests.new.total']).toMatchObject({ value: 0, raw: '受理申请的数量为零', loc: { line: 16 } });
    expect(Object.keys(n).sort()).toEqual(['active_items', 'requests.new.total']);
  });

  test('001: "全年累计…186余条" is this year\'s count, at least 186', async () => {
    const n = narrativeOf(await seedDoc('001_c06d29f5e948cb40'));
    expect(n['active_items']).toMatchObject({ value: 186, approx: 'at_least', cumulative: false, loc: { line: 11 } });
    expect(n['requests.new.total']).toBeUndefined();
  });

  test('002: every figure the prose states', async () => {
    const n = narrativeOf(await seedDoc('002_920a4b5d549ad15c'));
    expect(values(n)).toEqual({
      active_items: 156,
      'active.normative_docs.issued': 0, // "其中制发规范性文件总数0条"
      'requests.new.total': 0, // "未收到要求公开政府信息的申请件" (first mention, section 三)
      'appeals.review.total': 0, // "未发生与信息公开相关的行政复议和诉讼案件"
      'appeals.suit_all.total': 0,
    });
    expect(n['requests.new.total']?.loc.line).toBe(29);
    // "截止2020年（含本年度）末…未发生…" is cumulative, but a cumulative zero is also this year's zero.
    expect(n['appeals.review.total']?.cumulative).toBe(false);
  });

  test('003 and 004 state no figures in prose', async () => {
    expect(narrativeOf(await seedDoc('003_1547371ff49f8649'))).toEqual({});
    // 004: "政务公开专栏共计发布信息12条" is not 主动公开政府信息.
    expect(narrativeOf(await seedDoc('004_b2a6ebfd1a6d7656'))).toEqual({});
  });
});

describe('real reports', () => {
  test('shanghai 2019: the request paragraph of section 一', async () => {
    expect(values(await real('2019_shanghai-govoffice_html.html'))).toEqual({
      'requests.new.total': 859,
      'requests.result.total.total': 805,
      'requests.carried_over.total': 18,
      'requests.carried_forward.total': 72,
      'requests.result.granted_or_partial.total': 258,
      'requests.result.denied.subtotal.total': 35,
      'requests.result.unavailable.subtotal.total': 265,
      'requests.result.not_processed.subtotal.total': 158,
      'requests.result.other.subtotal.total': 0,
      'appeals.review.total': 7,
      'appeals.suit_all.total': 9,
    });
  });

  test('shanghai 2025: "未发生…被行政复议纠错" says nothing about the number of reviews', async () => {
    const n = await real('2025_shanghai-govoffice_md.md');
    expect(values(n)).toEqual({
      'requests.new.total': 1295,
      'requests.result.total.total': 1191,
      'requests.carried_over.total': 189,
      'requests.result.granted_or_partial.total': 208, // "予以公开及部 / 分公开 208 件" across a PDF line break
      'requests.result.denied.subtotal.total': 20,
      'requests.result.unavailable.subtotal.total': 564,
      'requests.result.not_processed.subtotal.total': 80,
      'requests.result.other.subtotal.total': 319,
    });
  });

  test('huaian 2024 (PDF): approximate count, carried over and forward inside one sentence', async () => {
    const n = await real('2024_huaian-city_pdf.pdf');
    expect(n['active_items']).toMatchObject({ value: 5500, approx: 'at_least' });
    expect(values(n)).toMatchObject({
      'requests.new.total': 3119,
      'requests.result.total.total': 3050,
      'requests.carried_over.total': 34,
      'requests.carried_forward.total': 103,
      'appeals.review.total': 351,
      'appeals.suit_all.total': 46,
    });
  });

  test('stcsm 2024: number before the keyword; the cue in the sentence before', async () => {
    const n = await real('2024_shanghai-stcsm_md.md');
    expect(values(n)).toEqual({
      'appeals.review.total': 1, // "有 1 件涉及政府信息公开工作的行政复议"
      'appeals.suit_all.total': 0, // "涉及的行政诉讼数为 0 件"
      'requests.new.total': 34,
      'requests.carried_over.total': 2,
      'requests.result.denied.subtotal.total': 2,
      'requests.result.unavailable.subtotal.total': 10,
      'requests.result.not_processed.subtotal.total': 0,
      'requests.result.other.subtotal.total': 14,
      // "转下一年度办理答复的有 1 件" is carried forward, not 答复 (results total).
      'requests.carried_forward.total': 1,
    });
  });

  test('pingtan 2021: one-line body, "共收到70件申请" under （二）依申请公开方面', async () => {
    expect(values(await real('2021_pingtan-zone_txt.txt'))).toEqual({
      active_items: 2645,
      'requests.new.total': 70,
      'requests.result.total.total': 69,
      'requests.carried_forward.total': 1,
    });
  });

  test('pingtan 2014/2015: a service centre\'s "共受理申请121510件" is not a request count', async () => {
    expect(values(await real('2014_pingtan-zone_txt.txt'))).toEqual({ active_items: 2543, 'requests.new.total': 1, 'appeals.review.total': 0 });
    expect(values(await real('2015_pingtan-zone_txt.txt'))).toEqual({
      active_items: 2949,
      'requests.new.total': 0,
      'appeals.review.total': 0,
      'appeals.suit_all.total': 0,
    });
  });

  test('pingtan 2012 and 2013: legacy wording, 条 as the unit', async () => {
    expect(values(await real('2012_pingtan-county_txt.txt'))).toEqual({
      active_items: 2026,
      'requests.new.total': 21,
      'requests.result.total.total': 21, // "对依申请公开的答复总数21条"
      'appeals.review.total': 0,
    });
    expect(values(await real('2013_pingtan-localtax_txt.txt'))).toEqual({ active_items: 45, 'requests.new.total': 0, 'appeals.review.total': 0 });
  });

  test('pingtan 2016: the first mention (the total) wins over the breakdown', async () => {
    expect((await real('2016_pingtan-zone_txt.txt'))['active_items']?.value).toBe(3460);
  });

  test('pingtan 2019/2020: "其他应主动公开政府信息856条" is a category; flattened tables give nothing', async () => {
    expect(await real('2019_pingtan-zone_txt.txt')).toEqual({});
    expect(values(await real('2020_pingtan-zone_txt.txt'))).toEqual({ 'requests.new.total': 21 });
  });

  test('shuyang county 2025 and hongze 2023', async () => {
    expect(values(await real('2025_shuyang-county_txt.txt'))).toEqual({
      active_items: 4511,
      'requests.new.total': 749,
      'requests.result.total.total': 718,
      'requests.carried_forward.total': 31,
    });
    expect(values(await real('2023_huaian-hongze-district_pdf.pdf'))).toEqual({ active_items: 1136, 'requests.new.total': 21 });
  });
});

describe('prose patterns (spec §5.4, §7.6)', () => {
  const doc = (...body: string[]) => textDoc(['某局2021年政府信息公开工作年度报告', '一、总体情况', ...body]);

  test('Chinese numerals and 两', () => {
    const n = narrativeOf(doc('全年主动公开政府信息一百零五条。', '全年共受理政府信息公开申请二十三件,办结两件。'));
    expect(values(n)).toEqual({ active_items: 105, 'requests.new.total': 23, 'requests.result.total.total': 2 });
  });

  test('cumulative markers', () => {
    const n = narrativeOf(doc('截至年底累计主动公开政府信息5928条,其中本年度新增2110条。'));
    expect(n['active_items']).toMatchObject({ value: 5928, cumulative: true });
  });

  test('approximate qualifiers', () => {
    expect(narrativeOf(doc('全年主动公开政府信息约300条。'))['active_items']).toMatchObject({ value: 300, approx: 'about' });
    expect(narrativeOf(doc('全年主动公开政府信息1.2万条以上。'))['active_items']).toMatchObject({ value: 12000, approx: 'at_least' });
  });

  test('the gap never crosses a clause', () => {
    const n = narrativeOf(doc('全年收到各类申请。依法受理3259件,答复3278件。'));
    expect(n['requests.new.total']).toBeUndefined();
  });

  test('零报告 and 受理申请的数量为零 in the requests section', () => {
    const legacy = textDoc(['某局2016年政府信息公开工作年度报告', '三、依申请公开政府信息情况', '本年度依申请公开实行零报告。']);
    expect(narrativeOf(legacy)['requests.new.total']).toMatchObject({ value: 0, raw: '零报告' });
  });

  test('normative documents issued', () => {
    expect(narrativeOf(doc('全年制发行政规范性文件6件。'))['active.normative_docs.issued']?.value).toBe(6);
  });

  test('行政复议 counts of other business need an information-disclosure cue', () => {
    expect(narrativeOf(doc('全年办理行政复议案件120件。'))['appeals.review.total']).toBeUndefined();
    expect(narrativeOf(doc('因政府信息公开被申请行政复议2件。'))['appeals.review.total']?.value).toBe(2);
  });
});
