import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentSchema, type Document, type TableBlock, type TextBlock } from '../src/model/document.ts';
import { readText } from '../src/read/text.ts';
import { REAL_DIR, SEEDS_DIR } from './helpers/corpus.ts';

const read = (dir: string, file: string): Document => {
  const doc = readText(new Uint8Array(readFileSync(join(dir, file))), file);
  DocumentSchema.parse(doc);
  return doc;
};
const tables = (doc: Document): TableBlock[] => doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
const texts = (doc: Document): TextBlock[] => doc.blocks.filter((b): b is TextBlock => b.kind === 'text');
const rowTexts = (t: TableBlock): string[][] => t.rows.map((r) => r.map((c) => c.text));
const rowStartingWith = (doc: Document, label: string) =>
  tables(doc).flatMap((t) => t.rows).find((r) => r[0]?.text === label);
const fromLines = (lines: string[], file = 'x.txt'): Document => readText(new TextEncoder().encode(lines.join('\n')), file);

describe('L1 docx-flattened tables (seed 001)', () => {
  const doc = read(SEEDS_DIR, '001_c06d29f5e948cb40.txt');

  it('joins a cell continued on the next line without a TAB ("商业" + "企业", lines 69–70)', () => {
    const cell = tables(doc).flatMap((t) => t.rows.flat()).find((c) => c.text === '商业企业');
    expect(cell?.loc.line).toBe(69);
    expect(tables(doc).flatMap((t) => t.rows.flat()).some((c) => c.text === '科研机构')).toBe(true);
  });

  it('keeps label and value of a row together (行政处罚 24, lines 42–43)', () => {
    const row = rowStartingWith(doc, '行政处罚');
    expect(row?.map((c) => c.text)).toEqual(['行政处罚', '24']);
    expect(row?.map((c) => c.loc.line)).toEqual([42, 43]);
    expect(row?.[1]?.loc).toMatchObject({ table: 0, col: 1 });
  });

  it('starts table 0 at line 12 and ends it at the next heading after a blank line', () => {
    const [first] = tables(doc);
    expect(first?.loc).toEqual({ line: 12, table: 0 });
    expect(rowTexts(first!)[0]).toEqual(['第二十条第(一)项']);
    const heading = texts(doc).find((b) => b.loc.line === 58);
    expect(heading?.text).toBe('三、收到和处理政府信息公开申请情况');
  });

  it('keeps empty TAB lines as empty cells (row-span placeholders before "(二)部分公开")', () => {
    const row = tables(doc).flatMap((t) => t.rows).find((r) => r.some((c) => c.text.startsWith('(二)部分公开')));
    expect(row?.[0]?.text).toBe('');
    expect(row?.[1]?.text).toBe('(二)部分公开(区分处理的,只计这一情形,不计其他情形)');
  });

  it('joins multi-line header cells of table 4 (结果/纠正, 尚未/审结)', () => {
    const cells = tables(doc).flatMap((t) => t.rows.flat()).map((c) => c.text);
    expect(cells).toContain('结果纠正');
    expect(cells).toContain('尚未审结');
    expect(cells).toContain('其他结果');
  });

  it('keeps blank lines as empty text blocks with their line numbers', () => {
    expect(doc.blocks[0]).toEqual({ kind: 'text', text: '', loc: { line: 1 } });
    expect(texts(doc).find((b) => b.loc.line === 3)?.text).toBe('西岗街道2022年政府信息公开工作年度报告');
  });

  it('removes the "[bookmark: _GoBack]" artefact (line 409)', () => {
    const line = texts(doc).find((b) => b.loc.line === 409);
    expect(line?.text.startsWith('一是加强主动性')).toBe(true);
    expect(doc.blocks.some((b) => b.kind === 'text' && b.text.includes('bookmark'))).toBe(false);
  });
});

describe('L1 with blank value cells (seed 004)', () => {
  const doc = read(SEEDS_DIR, '004_b2a6ebfd1a6d7656.txt');

  it('gives the first table-3 data row its label, six empty cells and the total (lines 79–86)', () => {
    const row = rowStartingWith(doc, '一、本年新收政府信息公开申请数量');
    expect(row?.map((c) => c.text)).toEqual(['一、本年新收政府信息公开申请数量', '', '', '', '', '', '', '0']);
    expect(row?.map((c) => c.loc.line)).toEqual([79, 80, 81, 82, 83, 84, 85, 86]);
  });

  it('leaves the detached "三、本年度办理结果" (line 110) as text and starts a new table after it', () => {
    expect(texts(doc).find((b) => b.loc.line === 110)?.text).toBe('三、本年度办理结果');
    const next = tables(doc).find((t) => t.loc.line === 111);
    expect(rowTexts(next!)[0]).toEqual(['(一)予以公开', '', '', '', '', '', '', '0']);
  });
});

describe('L2 web text with chrome (seed 003)', () => {
  const doc = read(SEEDS_DIR, '003_1547371ff49f8649.txt');

  it('moves the date/source line and the footer to hints.chrome with their line numbers', () => {
    expect(doc.hints.chrome).toEqual([
      { text: '2022/1/29 14:59:38 来源:区政府办', loc: { line: 2 } },
      { text: '【上一篇】 【下一篇】', loc: { line: 621 } },
      { text: '主办单位:东安区政府 联系电话:6924198', loc: { line: 623 } },
      { text: '网站标识码:2310020001 ICP备案号:黑ICP备17009162号', loc: { line: 625 } },
      { text: '黑公网安备 23100202000021号', loc: { line: 627 } },
      { text: '网站制作:牡丹江艺通网络公司  站点地图', loc: { line: 629 } },
    ]);
    expect(doc.blocks.some((b) => b.loc.line === 2 || b.loc.line === 625)).toBe(false);
  });

  it('keeps a report sentence that mentions 网站 in the body (line 613)', () => {
    expect(texts(doc).find((b) => b.loc.line === 613)?.text).toMatch(/^2021年,我办政府信息与政务公开工作.*根据网站实行/);
  });

  it('leaves the one-cell-per-line layout as text lines, values without their NBSP', () => {
    expect(tables(doc)).toHaveLength(0);
    expect(texts(doc).find((b) => b.loc.line === 34)?.text).toBe('0');
    expect(texts(doc).find((b) => b.loc.line === 114)?.text).toBe('6');
    expect(texts(doc).find((b) => b.loc.line === 98)?.text).toBe('商业');
    expect(texts(doc).find((b) => b.loc.line === 100)?.text).toBe('企业');
  });
});

describe('pingtan archive dumps', () => {
  it('takes title, date and URL from the archive header and starts the body after the 正文 marker', () => {
    const doc = read(REAL_DIR, '2011_pingtan-county_txt.txt');
    expect(doc.hints).toMatchObject({
      title: '平潭县人民政府2011年政府信息公开工作年度报告',
      published_at: '2012-04-18 00:00',
      source_url: 'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/201204/t20120418_80716.htm',
    });
    expect(doc.hints.chrome.map((c) => c.loc.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(doc.blocks).toHaveLength(1);
    expect(doc.blocks[0]?.loc.line).toBe(10);
    expect((doc.blocks[0] as TextBlock).text.startsWith('平潭县人民政府2011年政府信息公开工作年度报告 本报告主要根据')).toBe(true);
  });

  it('splits the breadcrumb/toolbar prefix glued to the body into chrome', () => {
    const doc = read(REAL_DIR, '2011_pingtan-zone_txt.txt');
    const crumb = doc.hints.chrome.find((c) => c.loc.line === 10);
    expect(crumb?.text).toMatch(/^当前位置: 首页政务公开.*来源:平潭综合实验区管委会办公室 时间:2012-04-11 00:00.*-->$/);
    expect((doc.blocks[0] as TextBlock).text.startsWith('本报告主要根据《中华人民共和国政府信息公开条例》')).toBe(true);
  });

  it('removes Word conditional comments (2016)', () => {
    const doc = read(REAL_DIR, '2016_pingtan-zone_txt.txt');
    const body = (doc.blocks[0] as TextBlock).text;
    expect(body).not.toMatch(/<!--|supportLists|endif/);
    expect(body).toContain('7、');
  });
});

describe('Markdown and pipe tables', () => {
  it('reads Markdown headings and pipe tables in a .txt conversion (shuyang 2025)', () => {
    const doc = read(REAL_DIR, '2025_shuyang-county_txt.txt');
    expect(doc.format).toBe('txt');
    expect(doc.blocks[0]).toEqual({ kind: 'text', text: '沐阳县人民政府 2025 年 政府信息公开工作年度报告', loc: { line: 1 }, heading: 1 });
    expect(texts(doc).find((b) => b.loc.line === 12)).toMatchObject({ text: '(一) 系统化推进主动公开。', heading: 3 });
    const active = tables(doc).find((t) => t.loc.line === 56);
    // "| 信息内容 | … | 现行有效件数 ||": separator row dropped, the extra trailing "|" adds no column.
    expect(rowTexts(active!)).toEqual([
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '0', '0', '0'],
      ['行政规范性文件', '6', '1', '32'],
    ]);
    expect(active?.rows[2]?.[3]?.loc).toEqual({ line: 59, table: active?.loc.table, row: 2, col: 3 });
    const review = tables(doc).find((t) => t.loc.line === 161);
    expect(rowTexts(review!)).toEqual([['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'], ['27', '10', '9', '15', '61']]);
    expect(doc.blocks.at(-1)?.loc.line).toBe(189);
  });

  it('keeps the scrambled rows of a PDF-to-Markdown table as printed (stcsm 2024, line 104)', () => {
    const doc = read(REAL_DIR, '2024_shanghai-stcsm_md.md');
    expect(doc.format).toBe('md');
    expect(rowStartingWith(doc, '三、')?.map((c) => c.text)).toEqual(['三、', '(一)予以公开', '9', '0', '0', '0', '0', '0', '9']);
    expect(texts(doc).find((b) => b.loc.line === 85)).toMatchObject({ text: '表二:主动公开政府信息情况', heading: 2 });
  });

  it('moves "— N —" page footers to chrome (shanghai govoffice 2025)', () => {
    const doc = read(REAL_DIR, '2025_shanghai-govoffice_md.md');
    expect(doc.hints.chrome.filter((c) => /^— \d —$/.test(c.text)).map((c) => c.loc.line)).toEqual([23, 48, 72, 93, 163, 197, 216]);
  });

  it('reads L3a rows without outer pipes, L3b one-cell-per-line rows and Markdown emphasis', () => {
    const doc = fromLines([
      '**三、收到和处理政府信息公开申请情况**',
      '三、本年度办理结果 | （一）予以公开 | 0 | | 2 |',
      '| （二）部分公开 | 1 ||||',
      '',
      '一、本年新收政府信息公开申请数量 |',
      '3 |',
      '3 |',
      '||||',
      '二、上年结转政府信息公开申请数量 |',
      '0 |',
      '|',
    ], 'x.md');
    expect(doc.blocks[0]).toEqual({ kind: 'text', text: '三、收到和处理政府信息公开申请情况', loc: { line: 1 } });
    const [l3a, l3b] = tables(doc);
    expect(rowTexts(l3a!)).toEqual([['三、本年度办理结果', '(一)予以公开', '0', '', '2'], ['(二)部分公开', '1', '', '', '']]);
    expect(rowTexts(l3b!)).toEqual([['一、本年新收政府信息公开申请数量', '3', '3'], ['二、上年结转政府信息公开申请数量', '0']]);
    expect(l3b?.rows[1]?.[1]?.loc).toEqual({ line: 10, table: 1, row: 1, col: 1 });
  });

  it('reads TAB-indented paragraphs as text, not as a table', () => {
    // Seed 001's lines 5–7 with the paragraph indentation some plain-text reports use.
    const seedLines = readFileSync(join(SEEDS_DIR, '001_c06d29f5e948cb40.txt'), 'utf8').split('\n').slice(4, 7);
    const doc = fromLines(['\t' + seedLines[0], '\t' + seedLines[1], '', '\t' + seedLines[2]]);
    expect(tables(doc)).toHaveLength(0);
    expect(texts(doc).map((b) => b.loc.line)).toEqual([1, 2, 3, 4]);
    expect(texts(doc)[1]?.text).toMatch(/^\t2022年,西岗街道坚持贯彻落实/);
    expect(texts(doc)[3]?.text).toMatch(/^\t一是加强组织领导/);
  });

  it('leaves a lone "text |" line and navigation pipes out of tables', () => {
    const doc = fromLines(['说明 |', '首页 | 网站地图 | 网站声明 | 联系我们', '正文']);
    expect(tables(doc)).toHaveLength(0);
    expect(texts(doc).map((b) => b.text)).toEqual(['说明 |', '正文']);
    expect(doc.hints.chrome).toEqual([{ text: '首页 | 网站地图 | 网站声明 | 联系我们', loc: { line: 2 } }]);
  });
});
