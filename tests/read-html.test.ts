import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentSchema, ReadError, type Document, type TableBlock, type TableCell, type TextBlock } from '../src/model/document.ts';
import { readHtml } from '../src/read/html.ts';
import { REAL_DIR } from './helpers/corpus.ts';

const read = (file: string): Document => {
  const doc = readHtml(new Uint8Array(readFileSync(join(REAL_DIR, file))), file);
  DocumentSchema.parse(doc);
  return doc;
};
const fromString = (html: string): Document => readHtml(new TextEncoder().encode(html), 'x.html');
const tables = (doc: Document): TableBlock[] => doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
const texts = (doc: Document): TextBlock[] => doc.blocks.filter((b): b is TextBlock => b.kind === 'text');
const rowTexts = (rows: TableCell[][]): string[][] => rows.map((r) => r.map((c) => c.text));
const allText = (doc: Document): string =>
  doc.blocks.map((b) => (b.kind === 'text' ? b.text : b.rows.flat().map((c) => c.text).join('\n'))).join('\n');

describe('shanghai govoffice 2019 (HTML fragment, L6 spans)', () => {
  const doc = read('2019_shanghai-govoffice_html.html');

  it('reads the fragment: title paragraph first, the 发布日期 line in chrome', () => {
    expect(texts(doc)[0]?.text).toBe('2019年上海市人民政府办公厅政府信息公开工作年度报告');
    expect(doc.hints.chrome).toContainEqual({ text: '发布日期:2020-01-31', loc: { line: 1 } });
    expect(tables(doc)).toHaveLength(3);
  });

  it('joins <br /> inside header cells without a space and records colspan (table 2)', () => {
    const header = tables(doc)[0]?.rows[1];
    expect(header?.map((c) => c.text)).toEqual(['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量']);
    expect(header?.[2]?.colspan).toBe(2);
    expect(header?.[1]?.colspan).toBeUndefined();
    expect(tables(doc)[0]?.rows[0]?.[0]).toMatchObject({ text: '第二十条第(一)项', colspan: 5 });
  });

  it('keeps rowspan/colspan of table 3 and turns &nbsp; cells into ""', () => {
    const rows = tables(doc)[1]!.rows;
    expect(rows[0]?.[0]).toMatchObject({ text: '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)', rowspan: 3, colspan: 3 });
    expect(rows[1]?.map((c) => [c.text, c.rowspan, c.colspan])).toEqual([
      ['自然人', 2, undefined],
      ['法人或其他组织', undefined, 5],
      ['总计', 2, undefined],
    ]);
    expect(rowTexts(rows)[3]).toEqual(['一、本年新收政府信息公开申请数量', '821', '35', '', '', '2', '1', '859']);
    expect(rows[5]?.[0]).toMatchObject({ text: '三、本年度办理结果', rowspan: 20 });
    expect(rows[5]?.[7]?.loc).toEqual({ line: 1, table: 1, row: 5, col: 7 });
  });

  it('reads the table-4 value row in printed order', () => {
    expect(rowTexts(tables(doc)[2]!.rows)[3]).toEqual(['5', '', '', '2', '7', '8', '', '', '1', '9', '', '', '', '', '']);
  });
});

describe('shuyang fgj 2023 (crawled page, Word span soup)', () => {
  const doc = read('2023_shuyang-fgj_html.html');
  const cells = tables(doc).flatMap((t) => t.rows.flat());

  it('gives clean cell text from labels split across <span>s', () => {
    expect(cells.find((c) => c.text === '申请人情况')?.loc.line).toBe(378);
    expect(cells.filter((c) => c.text === '其他结果')).toHaveLength(3);
    expect(tables(doc).at(-1)?.rows[0]?.map((c) => c.text)).toEqual(['行政复议', '行政诉讼']);
  });

  it('turns <o:p> </o:p> cells into empty cells', () => {
    const row = tables(doc).flatMap((t) => t.rows).find((r) => r[0]?.text === '一、本年新收政府信息公开申请数量');
    expect(row?.map((c) => c.text)).toEqual(['一、本年新收政府信息公开申请数量', '26', '', '', '', '', '', '26']);
  });

  it('takes title, source URL and retrieval time from <title> and the crawler block', () => {
    expect(doc.hints).toMatchObject({
      title: '沭阳县发展和改革局2023年政府信息公开年度报告-沭阳县发改局',
      source_url: 'http://www.shuyang.gov.cn/sygfj/gknb/202401/2ecfb31a335f4d689220a3a23e24a986.shtml',
      retrieved_at: '2025-12-30T21:37:37+08:00',
    });
    expect(doc.hints.chrome).toContainEqual({ text: '采集时间:2025-12-30T21:37:37+08:00', loc: { line: 23 } });
  });

  it('moves the site header, navigation and CMS meta to chrome, not blocks', () => {
    expect(doc.hints.chrome).toContainEqual({ text: '走进沭阳', loc: { line: 111 } });
    expect(doc.hints.chrome).toContainEqual({ text: '2025年12月30日 星期二', loc: { line: 71 } });
    expect(doc.hints.chrome).toContainEqual({ text: 'SiteIDCode: 3213220037', loc: { line: 39 } });
    expect(texts(doc).some((b) => ['走进沭阳', '繁體版', '首页'].includes(b.text))).toBe(false);
  });

  it('keeps the report: h1 title, paragraphs, signature without its indentation; no script or style text', () => {
    expect(texts(doc).find((b) => b.heading === 1)).toEqual({
      kind: 'text', text: '沭阳县发展和改革局2023年政府信息公开年度报告', loc: { line: 227 }, heading: 1,
    });
    expect(texts(doc).find((b) => b.loc.line === 231)?.text).toBe('一、总体情况');
    expect(texts(doc).slice(-2).map((b) => [b.text, b.loc.line])).toEqual([['沭阳县发展和改革局', 1202], ['2024年1月17日', 1203]]);
    expect(allText(doc)).not.toMatch(/websiteId|function time|font-family|border-collapse/);
    expect(doc.notes).toContain('12 <script> elements removed');
  });
});

describe('hostile and broken HTML', () => {
  it('never lets scripts, handlers or URLs into the text', () => {
    const doc = fromString(
      '<h1>东安区2021年政府信息公开工作年度报告</h1><script>alert("x")</script><p onclick="alert(1)">一、总体情况</p>' +
        '<p>本年度<img src=x onerror=alert(2)>共收到申请6件。<script>document.write("<b>bad</b>")</script></p>' +
        '<p><a href="javascript:alert(3)">附件</a><style>p{color:red}</style><iframe src="x"></iframe></p>' +
        '<div style="display:none">365bet 欧洲五大联赛</div><noscript>请启用脚本</noscript>',
    );
    expect(texts(doc).map((b) => b.text)).toEqual(['东安区2021年政府信息公开工作年度报告', '一、总体情况', '本年度共收到申请6件。', '附件']);
    expect(allText(doc)).not.toMatch(/alert|javascript|onerror|<|color:red|365bet|请启用脚本/);
    expect(doc.notes).toContain('2 <script> elements removed');
  });

  it('reads truncated HTML without crashing', () => {
    const doc = fromString('<html><body><p>一、总体情况</p><table><tr><td>规章<td>0<tr><td>行政规范性');
    expect(texts(doc).map((b) => b.text)).toEqual(['一、总体情况']);
    expect(rowTexts(tables(doc)[0]!.rows)).toEqual([['规章', '0'], ['行政规范性']]);
  });

  it('rejects pathological nesting with a reason instead of crashing', () => {
    expect(() => fromString('<div>'.repeat(200_000) + '报告')).toThrow(expect.objectContaining({ reason: 'too-deep' }) as unknown as ReadError);
  });

  it('rejects a page without any report text', () => {
    expect(() => fromString('<html><head><script>var a=1</script></head><body><nav>首页</nav></body></html>')).toThrow(
      expect.objectContaining({ reason: 'empty' }) as unknown as ReadError,
    );
  });
});

describe('layout and chrome', () => {
  it('emits the inner data table of a nested layout table, not the layout table', () => {
    const doc = fromString(
      '<table><tr><td><div>东安区2021年报告</div>\n<table><tr><td>规章</td><td>0</td></tr><tr><td>行政规范性文件</td><td>2</td></tr></table></td>' +
        '<td>侧栏</td></tr></table>',
    );
    expect(tables(doc)).toHaveLength(1);
    expect(rowTexts(tables(doc)[0]!.rows)).toEqual([['规章', '0'], ['行政规范性文件', '2']]);
    expect(tables(doc)[0]?.loc).toEqual({ line: 2, table: 0 });
    expect(texts(doc).map((b) => b.text)).toEqual(['东安区2021年报告', '侧栏']);
  });

  it('sends nav, footer, breadcrumb and toolbar chrome to hints with lines; keeps 网站 sentences', () => {
    const doc = fromString(
      [
        '<html><head><title>年度报告</title></head><body>',
        '<nav><a href="/">首页</a><a href="/x">政务公开</a></nav>',
        '<div class="breadcrumb">当前位置:<a>首页</a> &gt; 信息公开年报</div>',
        '<p>字号: 大 中 小 打印 关闭</p>',
        '<p>本机关进一步加强政府网站建设,网站标识码等信息已公开。</p>',
        '<p>一、总体情况<br>二、主动公开政府信息情况</p>',
        '<footer><p>主办单位:东安区政府</p><p>网站标识码:2310020001</p></footer>',
        '</body></html>',
      ].join('\n'),
    );
    expect(doc.hints.title).toBe('年度报告');
    expect(doc.hints.chrome).toEqual([
      { text: '首页政务公开', loc: { line: 2 } },
      { text: '当前位置:首页 > 信息公开年报', loc: { line: 3 } },
      { text: '字号: 大 中 小 打印 关闭', loc: { line: 4 } },
      { text: '主办单位:东安区政府', loc: { line: 7 } },
      { text: '网站标识码:2310020001', loc: { line: 7 } },
    ]);
    expect(texts(doc).map((b) => [b.text, b.loc.line])).toEqual([
      ['本机关进一步加强政府网站建设,网站标识码等信息已公开。', 5],
      ['一、总体情况', 6],
      ['二、主动公开政府信息情况', 6],
    ]);
  });
});
