import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractLegacyStats } from '../src/extract/legacy.ts';
import { LEGACY_BY_KEY, LEGACY_INDICATORS } from '../src/forms/legacy.ts';
import { CellSchema, type Cell } from '../src/model/cell.ts';
import type { Document, TableCell } from '../src/model/document.ts';
import { normaliseText } from '../src/text/normalise.ts';

/** A plain-text document, one text block per line (what the text reader gives for these files). */
function textDoc(text: string): Document {
  return {
    format: 'txt', encoding: 'utf-8', hints: { chrome: [] }, notes: [],
    blocks: text.split('\n').map((t, i) => ({ kind: 'text' as const, text: normaliseText(t), loc: { line: i + 1 } })),
  };
}
const real = (f: string) => textDoc(readFileSync(new URL(`../content/corpus/real/${f}`, import.meta.url), 'utf8'));

function values(cells: Record<string, Cell>, key: string): [number | null, number | null] {
  return [cells[key]?.value ?? null, cells[`${key}.cumulative`]?.value ?? null];
}

describe('legacy statistics tables in the real pre-2019 reports', () => {
  it('2011 平潭县: digits run together, split by the 其中 rows (425 | 1516, 418 | 1509, 7 | 7)', () => {
    const { cells, notes } = extractLegacyStats(real('2011_pingtan-county_txt.txt'));
    expect(values(cells, 'legacy.active.items')).toEqual([425, 1516]);
    expect(values(cells, 'legacy.active.by_channel.website')).toEqual([418, 1509]);
    expect(values(cells, 'legacy.active.by_channel.gazette')).toEqual([7, 7]);
    expect(values(cells, 'legacy.requests.received')).toEqual([0, 0]);
    expect(values(cells, 'legacy.requests.by_channel.other')).toEqual([0, 0]); // 其它形式申请数
    expect(values(cells, 'legacy.requests.denied')).toEqual([0, 0]); // 否决公开答复数
    expect(values(cells, 'legacy.appeals.petition')).toEqual([0, 0]); // 行政申诉数
    expect(cells['legacy.active.items']).toMatchObject({ raw: '425', state: 'num', unit: '条', loc: { line: 10 } });
    expect(notes).toContain('legacy.active.items: "4251516" is printed without a separator; read as 425 | 1516 because its parts must fit inside it');
    for (const c of Object.values(cells)) expect(() => CellSchema.parse(c)).not.toThrow();
    expect(Object.keys(cells)).toHaveLength(34); // 17 rows × (2011年度, 历年累计)
  });

  it('2011 平潭综合实验区: the same table with spaces between cells', () => {
    const { cells, notes } = extractLegacyStats(real('2011_pingtan-zone_txt.txt'));
    expect(values(cells, 'legacy.active.items')).toEqual([425, 1516]);
    expect(values(cells, 'legacy.active.by_channel.website')).toEqual([418, 1509]);
    expect(values(cells, 'legacy.active.by_channel.gazette')).toEqual([7, 7]);
    expect(values(cells, 'legacy.appeals.review.total')).toEqual([0, 0]);
    expect(notes.filter((n) => n.includes('without a separator'))).toEqual([]);
  });

  it('2012 平潭县: 21 requests, 18 当面, 3 电子邮件; 2026 items (the split the prose confirms)', () => {
    const { cells, notes } = extractLegacyStats(real('2012_pingtan-county_txt.txt'));
    expect(values(cells, 'legacy.requests.received')).toEqual([21, 21]);
    expect(values(cells, 'legacy.requests.by_channel.in_person')).toEqual([18, 18]);
    expect(values(cells, 'legacy.requests.by_channel.email')).toEqual([3, 3]);
    expect(values(cells, 'legacy.requests.by_channel.fax')).toEqual([0, 0]);
    expect(values(cells, 'legacy.requests.answered')).toEqual([21, 21]);
    expect(values(cells, 'legacy.requests.granted')).toEqual([17, 17]);
    expect(values(cells, 'legacy.requests.partial')).toEqual([2, 2]);
    expect(values(cells, 'legacy.requests.denied')).toEqual([2, 2]);
    expect(values(cells, 'legacy.active.items')).toEqual([2026, 3542]);
    expect(values(cells, 'legacy.active.by_channel.website')).toEqual([1795, 3304]);
    expect(values(cells, 'legacy.active.by_channel.gazette')).toEqual([0, 7]);
    expect(notes).toContain('legacy.active.items: "20263542" is printed without a separator; read as 2026 | 3542 because the report\'s prose states 2026条');
  });

  it('2013 平潭地税局: no statistics table, no cells', () => {
    expect(extractLegacyStats(real('2013_pingtan-localtax_txt.txt'))).toEqual({ cells: {}, notes: [] });
  });

  it('2014 平潭综合实验区: spaced table with 信函、传真, 收费减免金额 in 元 and 件 rows', () => {
    const { cells } = extractLegacyStats(real('2014_pingtan-zone_txt.txt'));
    expect(values(cells, 'legacy.active.items')).toEqual([2543, 78967]);
    expect(values(cells, 'legacy.active.by_channel.website')).toEqual([2543, 78967]);
    expect(values(cells, 'legacy.requests.received')).toEqual([1, 1]);
    expect(values(cells, 'legacy.requests.by_channel.letter_fax')).toEqual([1, 1]);
    expect(values(cells, 'legacy.requests.by_channel.in_person')).toEqual([0, 0]);
    expect(values(cells, 'legacy.requests.granted')).toEqual([1, 1]);
    expect(values(cells, 'legacy.requests.other_answers')).toEqual([0, 0]);
    expect(cells['legacy.fee_waivers_wan_yuan']).toMatchObject({ value: 0, unit: '元', state: 'num' });
    expect(cells['legacy.suits_and_complaints']).toMatchObject({ value: 0, unit: '件' });
    expect(cells['legacy.appeals.review.total']).toMatchObject({ value: 0, unit: '件' });
    expect(cells['legacy.appeals.suit.total']).toMatchObject({ value: 0, unit: '件' });
  });

  it('2015, 2016, 2018 平潭综合实验区: run-together annual | cumulative, confirmed by the prose', () => {
    const y2015 = extractLegacyStats(real('2015_pingtan-zone_txt.txt')).cells;
    expect(values(y2015, 'legacy.active.items')).toEqual([2949, 81916]);
    expect(values(y2015, 'legacy.requests.received')).toEqual([0, 1]); // "01": none this year, 1 since 2008
    expect(values(y2015, 'legacy.requests.by_channel.letter_fax')).toEqual([0, 1]);
    expect(values(y2015, 'legacy.requests.granted')).toEqual([0, 1]);
    const y2016 = extractLegacyStats(real('2016_pingtan-zone_txt.txt')).cells;
    expect(values(y2016, 'legacy.active.items')).toEqual([3460, 85376]);
    expect(values(y2016, 'legacy.active.by_channel.website')).toEqual([3460, 85376]);
    expect(values(y2016, 'legacy.fee_waivers_wan_yuan')).toEqual([0, 0]);
    const y2018 = extractLegacyStats(real('2018_pingtan-zone_txt.txt')).cells;
    expect(values(y2018, 'legacy.active.items')).toEqual([2069, 12106]);
    expect(values(y2018, 'legacy.active.by_channel.gazette')).toEqual([0, 0]);
    expect(values(y2018, 'legacy.suits_and_complaints')).toEqual([0, 0]);
  });

  it('the splits chain across years: last year’s cumulative + this year = this year’s cumulative', () => {
    const c = (f: string) => values(extractLegacyStats(real(f)).cells, 'legacy.active.items');
    const [a2011, c2011] = c('2011_pingtan-county_txt.txt');
    const [a2012, c2012] = c('2012_pingtan-county_txt.txt');
    expect(c2011! + a2012!).toBe(c2012);
    const [, c2014] = c('2014_pingtan-zone_txt.txt');
    const [a2015, c2015] = c('2015_pingtan-zone_txt.txt');
    const [a2016, c2016] = c('2016_pingtan-zone_txt.txt');
    expect(c2014! + a2015!).toBe(c2015);
    expect(c2015! + a2016!).toBe(c2016);
    expect(a2011).toBe(425);
  });

  it('modern-format reports have no legacy statistics', () => {
    for (const f of ['2019_pingtan-zone_txt.txt', '2020_pingtan-zone_txt.txt', '2021_pingtan-zone_txt.txt']) {
      expect(extractLegacyStats(real(f)).cells).toEqual({});
    }
  });
});

describe('ambiguous run-together digits stay text', () => {
  it('without the prose sentence, "346085376" has three plausible splits', () => {
    const line = '七、平潭综合实验区政府信息公开情况统计表 指标名称计量单位2016年度历年累计主动公开文件数条346085376其中：1、政府网站公开数条3460853762、政府公报公开数条00受理依申请公开信息总数条00';
    const { cells, notes } = extractLegacyStats(textDoc(line));
    expect(cells['legacy.active.items']).toEqual({ value: null, raw: '346085376', state: 'text', loc: { line: 1 }, unit: '条' });
    expect(cells['legacy.active.items.cumulative']?.state).toBe('text');
    expect(cells['legacy.active.by_channel.website']?.state).toBe('text');
    expect(notes).toContain('legacy.active.items: "346085376" is ambiguous (possible readings 3 | 46085376, 34 | 6085376, 3460 | 85376); kept as text');
    expect(values(cells, 'legacy.active.by_channel.gazette')).toEqual([0, 0]);
    expect(values(cells, 'legacy.requests.received')).toEqual([0, 0]);
  });
});

describe('legacy statistics in other layouts', () => {
  it('one row per line, national-form labels, group headings, a single 数值 column', () => {
    const doc = textDoc([
      '附表：政府信息公开情况统计表',
      '指标名称 计量单位 数值',
      '一、主动公开情况',
      '（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条） 条 120',
      '其中：主动公开规范性文件数 条 8',
      '二、依申请公开情况',
      '（一）收到申请数 件 6',
      '1.当面申请数 件 2',
      '2.网络申请数 件 4',
      '三、行政复议数量 件 1',
      '本表数据统计期限为2016年1月1日至12月31日。',
      '1',
    ].join('\n'));
    const { cells } = extractLegacyStats(doc);
    expect(Object.fromEntries(Object.entries(cells).map(([k, c]) => [k, c.value]))).toEqual({
      'legacy.active.items': 120,
      'legacy.active.normative_docs_published': 8,
      'legacy.requests.received': 6,
      'legacy.requests.by_channel.in_person': 2,
      'legacy.requests.by_channel.online': 4,
      'legacy.appeals.review.total': 1,
    });
    expect(cells['legacy.requests.by_channel.online']?.loc).toEqual({ line: 9 });
  });

  it('a real table (HTML/DOCX/PDF): units column, 元 → 万元, blanks, dashes, 纠错 under 复议 vs 诉讼', () => {
    const row = (r: number, texts: string[]): TableCell[] => texts.map((text, col) => ({ text, loc: { table: 0, row: r, col } }));
    const rows = [
      ['指标名称', '计量单位', '2016年度', '历年累计'],
      ['收到申请数', '件', '12', '40'],
      ['其中：当面申请数', '件', '5', '20'],
      ['申请办结数', '件', '11', ''],
      ['依申请公开信息收取的费用', '元', '2500', '2500'],
      ['行政复议数量', '件', '2', '3'],
      ['维持具体行政行为数', '件', '1', '2'],
      ['被依法纠错数', '件', '1', '1'],
      ['行政诉讼数量', '件', '1', '1'],
      ['被依法纠错数', '件', '0', '0'],
      ['举报投诉数量', '件', '—', '/'],
    ].map((r, i) => row(i, r));
    const doc: Document = { format: 'docx', encoding: 'utf-8', hints: { chrome: [] }, notes: [], blocks: [{ kind: 'table', rows, loc: { table: 0 } }] };
    const { cells, notes } = extractLegacyStats(doc);
    expect(values(cells, 'legacy.requests.received')).toEqual([12, 40]);
    expect(values(cells, 'legacy.requests.by_channel.in_person')).toEqual([5, 20]);
    expect(cells['legacy.requests.closed']).toMatchObject({ value: 11, state: 'num', loc: { table: 0, row: 3, col: 2 } });
    expect(cells['legacy.requests.closed.cumulative']).toMatchObject({ value: null, state: 'blank' });
    expect(cells['legacy.request_fees_wan_yuan']).toMatchObject({ value: 0.25, raw: '2500', unit: '元' });
    expect(values(cells, 'legacy.appeals.review.corrected')).toEqual([1, 1]);
    expect(values(cells, 'legacy.appeals.suit.corrected')).toEqual([0, 0]);
    expect(cells['legacy.complaints']?.state).toBe('dash');
    expect(cells['legacy.complaints.cumulative']?.state).toBe('slash');
    expect(notes).toEqual([]);
  });
});

describe('legacy indicator definitions', () => {
  it('have unique keys, known parents and the spec §4.3 mappings', () => {
    expect(new Set(LEGACY_INDICATORS.map((i) => i.key)).size).toBe(LEGACY_INDICATORS.length);
    for (const i of LEGACY_INDICATORS) if (i.parent) expect(LEGACY_BY_KEY.has(i.parent), i.key).toBe(true);
    expect(LEGACY_BY_KEY.get('legacy.requests.partial')?.modern).toEqual({ key: 'requests.result.partial.total', confidence: 'high' });
    expect(LEGACY_BY_KEY.get('legacy.requests.received')?.modern?.key).toBe('requests.new.total');
    expect(LEGACY_BY_KEY.get('legacy.request_fees_wan_yuan')?.modern?.key).toBeNull();
    for (const i of LEGACY_INDICATORS) expect(i.key.startsWith('legacy.'), i.key).toBe(true);
  });
});
