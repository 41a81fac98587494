import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DocumentSchema, type Document, type TableBlock, type TextBlock } from '../src/model/document.ts';
import { readPdf } from '../src/read/pdf.ts';
import { labelKey } from '../src/text/normalise.ts';
import { formCells, rowAfterLabel, tables, tableWith } from './fixtures/form-cells.ts';
import { readError } from './helpers/read-error.ts';

const real = (f: string) => new Uint8Array(readFileSync(new URL(`../content/corpus/real/${f}`, import.meta.url)));
const fixture = (f: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${f}`, import.meta.url)));
const expected = (seed: string) => JSON.parse(readFileSync(new URL(`./fixtures/${seed}.expected.json`, import.meta.url), 'utf8')) as {
  cells_printed: Record<string, number>; cells_blank: string[];
};

const texts = (doc: Document) => doc.blocks.filter((b): b is TextBlock => b.kind === 'text');
const allText = (doc: Document) => doc.blocks.map((b) => (b.kind === 'text' ? b.text : b.rows.flat().map((c) => c.text).join(' '))).join('\n');

/** The values printed after a row label (matched on a fragment of the printed label), as strings. */
function row(t: TableBlock, fragment: string): string[] {
  const hit = rowAfterLabel(t, (k) => k.includes(fragment));
  if (!hit) throw new Error(`row ${fragment} not found`);
  return hit.values.map((c) => c.text);
}


describe('readPdf: 淮安市人民政府 2024 (6 pages, WPS)', async () => {
  const doc = await readPdf(real('2024_huaian-city_pdf.pdf'), '2024_huaian-city_pdf.pdf');

  it('produces a valid document with three ruled tables', () => {
    expect(() => DocumentSchema.parse(doc)).not.toThrow();
    expect(doc.format).toBe('pdf');
    expect(tables(doc)).toHaveLength(3);
  });

  it('reads every table-3 row label with its seven numbers in printed order', () => {
    const t3 = tableWith(doc, '申请人情况');
    const rows: [string, string[]][] = [
      ['本年新收', ['3001', '53', '0', '0', '61', '4', '3119']],
      ['上年结转', ['34', '0', '0', '0', '0', '0', '34']],
      ['予以公开', ['1288', '21', '0', '0', '50', '3', '1362']],
      ['部分公开', ['447', '7', '0', '0', '0', '0', '454']],
      ['国家秘密', ['2', '0', '0', '0', '0', '0', '2']],
      ['禁止公开', ['30', '1', '0', '0', '0', '0', '31']],
      ['三安全', ['5', '0', '0', '0', '0', '0', '5']],
      ['第三方', ['6', '0', '0', '0', '0', '0', '6']],
      ['内部事务', ['7', '1', '0', '0', '0', '0', '8']],
      ['过程性', ['12', '0', '0', '0', '0', '0', '12']],
      ['执法案卷', ['9', '0', '0', '0', '0', '0', '9']],
      ['查询事项', ['105', '0', '0', '0', '0', '0', '105']],
      ['不掌握', ['746', '12', '0', '0', '10', '1', '769']],
      ['另行制作', ['11', '0', '0', '0', '0', '0', '11']],
      ['补正后', ['1', '0', '0', '0', '0', '0', '1']],
      ['信访', ['56', '6', '0', '0', '0', '0', '62']],
      ['重复申请', ['25', '0', '0', '0', '0', '0', '25']],
      ['出版物', ['0', '0', '0', '0', '0', '0', '0']],
      ['大量反复', ['0', '0', '0', '0', '0', '0', '0']],
      ['确认或重新出具', ['1', '0', '0', '0', '0', '0', '1']],
      ['逾期不补正', ['67', '3', '0', '0', '1', '0', '71']],
      ['缴纳费用', ['6', '0', '0', '0', '0', '0', '6']],
      ['3其他', ['108', '2', '0', '0', '0', '0', '110']],
      ['七总计', ['2932', '53', '0', '0', '61', '4', '3050']],
      ['结转下年度', ['103', '0', '0', '0', '0', '0', '103']],
    ];
    for (const [label, values] of rows) expect(row(t3, label), label).toEqual(values);
  });

  it('continues table 3 across the page break (pages 4 and 5) with page-accurate locations', () => {
    const t3 = tableWith(doc, '申请人情况');
    const newRow = t3.rows.find((r) => labelKey(r[0]?.text ?? '').includes('本年新收'))!;
    expect(newRow.at(-1)).toMatchObject({ text: '3119', loc: { page: 4, table: 1, col: 7 } });
    const total = t3.rows.find((r) => r.some((c) => labelKey(c.text) === '七总计'))!;
    expect(total.at(-1)).toMatchObject({ text: '3050', loc: { page: 5, table: 1 } });
    // Merged cells keep their spans: 申请人情况 over 7 columns, the 三、本年度办理结果 group down the rows of page 4.
    expect(t3.rows[0]!.find((c) => c.text === '申请人情况')?.colspan).toBe(7);
    expect(t3.rows.flat().find((c) => c.text === '三、本年度办理结果')?.rowspan).toBeGreaterThan(8);
  });

  it('reads table 2 and table 4', () => {
    const t2 = tableWith(doc, '第二十条');
    expect(row(t2, '规章')).toEqual(['1', '0', '11']);
    expect(row(t2, '行政规范性文件')).toEqual(['8', '26', '66']);
    expect(row(t2, '行政许可')).toEqual(['447228']);
    expect(row(t2, '行政处罚')).toEqual(['3985758']); // on page 4: the table continues from page 3
    expect(row(t2, '行政事业性收费')).toEqual(['96171.6']);
    const t4 = tableWith(doc, '复议后起诉');
    expect(t4.rows.at(-1)!.map((c) => c.text)).toEqual(['72', '64', '178', '37', '351', '13', '4', '8', '1', '26', '12', '1', '1', '6', '20']);
  });

  it('re-joins hard-wrapped paragraphs, also across a page break', () => {
    const body = texts(doc).map((b) => b.text);
    expect(body.find((t) => /全市共受理政府信息公开申请\s*3119\s*件/.test(t))).toMatch(/尚未审结\s*7\s*件。$/);
    expect(body.some((t) => t.includes('“建设‘四最’一流营商环境高质量推进产业发展”'))).toBe(true); // p1 → p2
    expect(body).toContain('三、收到和处理政府信息公开申请情况');
    expect(texts(doc).find((b) => b.text.startsWith('(二)依申请公开情况'))?.loc).toEqual({ page: 2, line: 4 });
  });

  it('drops page numbers and keeps no radical code points', () => {
    expect(texts(doc).some((b) => /^-\s*\d+\s*-$/.test(b.text))).toBe(false);
    expect(doc.notes).toContain('6 page-number line(s) removed');
    expect(allText(doc)).not.toMatch(/[\u2E80-\u2FDF]/);
    expect(allText(doc)).toContain('人民政府');
  });
});

describe('readPdf: 洪泽区人民政府 2023 (5 pages, white boxes behind text, vertical header)', async () => {
  const doc = await readPdf(real('2023_huaian-hongze-district_pdf.pdf'), '2023_huaian-hongze-district_pdf.pdf');

  it('does not mistake the white boxes painted behind text lines for a table', () => {
    expect(tables(doc)).toHaveLength(3);
    expect(texts(doc).some((b) => b.text.startsWith('(四)政府信息公开平台建设情况') && b.text.endsWith('确保公开信息及时准确规范。'))).toBe(true);
  });

  it('reads table 3, including the row cut by the page break without a bottom border', () => {
    const t3 = tableWith(doc, '申请人情况');
    expect(row(t3, '本年新收')).toEqual(['21', '0', '0', '0', '0', '0', '21']);
    expect(row(t3, '部分公开')).toEqual(['4', '0', '0', '0', '0', '0', '4']);
    expect(row(t3, '国家秘密')).toEqual(['1', '0', '0', '0', '0', '0', '1']);
    expect(row(t3, '其他法律行政止公开')).toEqual(['0', '0', '0', '0', '0', '0', '0']); // printed with a typo
    expect(row(t3, '过程性')).toEqual(['1', '0', '0', '0', '0', '0', '1']);
    expect(row(t3, '执法案卷')).toEqual(['1', '0', '0', '0', '0', '0', '1']);
    expect(row(t3, '不掌握')).toEqual(['10', '0', '0', '0', '0', '0', '10']);
    expect(row(t3, '另行制作')).toEqual(['3', '0', '0', '0', '0', '0', '3']); // last row of page 3
    expect(row(t3, '补正后')).toEqual(['0', '0', '0', '0', '0', '0', '0']); // first row of page 4
    expect(row(t3, '信访')).toEqual(['1', '0', '0', '0', '0', '0', '1']);
    expect(row(t3, '六其他处理')).toEqual(['0', '0', '0', '0', '0', '0', '0']);
    expect(row(t3, '七总计')).toEqual(['21', '0', '0', '0', '0', '0', '21']);
    expect(row(t3, '结转下年度')).toEqual(['0', '0', '0', '0', '0', '0', '0']);
    const cut = rowAfterLabel(t3, (k) => k.includes('另行制作'))!;
    expect(cut.values[0]!.loc).toMatchObject({ page: 3, table: 1 });
  });

  it('reads table 2 across pages 2–3 and table 4', () => {
    const t2 = tableWith(doc, '第二十条');
    expect(row(t2, '行政规范性文件')).toEqual(['0', '5', '5']);
    expect(row(t2, '行政许可')).toEqual(['550']);
    expect(row(t2, '行政处罚')).toEqual(['4119']);
    expect(row(t2, '行政强制')).toEqual(['195']);
    expect(row(t2, '行政事业性收费')).toEqual(['7730.28']);
    expect(tableWith(doc, '复议后起诉').rows.at(-1)!.map((c) => c.text)).toEqual(['10', '1', '0', '0', '0', '0', '0', '0', '0', '0', '5', '0', '0', '0', '0']);
  });

  it('takes the title from the PDF info', () => {
    expect(doc.hints.title).toBe('洪泽区人民政府2023年政府信息公开工作年度报告');
  });
});

describe('readPdf: fixtures made from seed reports (LibreOffice)', () => {
  for (const seed of ['seed001', 'seed004']) {
    it(`${seed}.pdf: every printed and blank cell of the answer key sits in its table row`, async () => {
      const doc = await readPdf(fixture(`${seed}.pdf`), `${seed}.pdf`);
      const got = formCells(doc);
      const key = expected(seed);
      for (const [k, v] of Object.entries(key.cells_printed)) expect(got[k], k).toBe(String(v));
      for (const k of key.cells_blank) expect(got[k], k).toBe('');
      expect(Object.keys(key.cells_printed).length + key.cells_blank.length).toBe(200);
    });
  }

  it('seed001.pdf: 行政处罚 24 and table 4 suit_direct 1/1/5/8/15; page numbers and running header removed', async () => {
    const doc = await readPdf(fixture('seed001.pdf'), 'seed001.pdf');
    expect(row(tableWith(doc, '第二十条'), '行政处罚')).toEqual(['24']);
    expect(tableWith(doc, '复议后起诉').rows.at(-1)!.slice(5, 10).map((c) => c.text)).toEqual(['1', '1', '5', '8', '15']);
    expect(doc.notes).toContain('3 page-number line(s) removed');
    expect(texts(doc)[0]).toEqual({ kind: 'text', text: '西岗街道2022年政府信息公开工作年度报告', loc: { page: 1, line: 2 } });
    // The running header printed on all three pages leaves the body and is kept as a chrome hint.
    expect(doc.hints.chrome).toEqual([{ text: '西岗街道 · 政务公开', loc: { page: 1, line: 1 } }]);
    expect(texts(doc).some((b) => b.text.includes('·'))).toBe(false);
    expect(texts(doc).find((b) => b.text.startsWith('三是拓宽公开载体'))?.text).toMatch(/协助区部门做好依申请公开工作的答复及资料上报。$/);
  });
});

describe('readPdf: files it cannot read', () => {
  it('a scan without a text layer', async () => {
    const e = await readError(Promise.resolve(readPdf(fixture('scanned.pdf'), 'scanned.pdf')));
    expect(e.reason).toBe('no-text-layer');
    expect(e.message).toBe('scanned PDF without a text layer; OCR is not supported');
  });

  it('a password-protected PDF', async () => {
    const e = await readError(Promise.resolve(readPdf(fixture('encrypted.pdf'), 'encrypted.pdf')));
    expect(e.reason).toBe('encrypted');
    expect(e.message).toContain('password');
  });

  it('a truncated download', async () => {
    const e = await readError(Promise.resolve(readPdf(fixture('seed001.pdf').slice(0, 3000), 'cut.pdf')));
    expect(e.reason).toBe('broken-pdf');
  });

  it('bytes that are not a PDF', async () => {
    const e = await readError(Promise.resolve(readPdf(new TextEncoder().encode('<html>not a pdf</html>'), 'x.pdf')));
    expect(e.reason).toBe('not-pdf');
  });

  it('accepts a Node Buffer (what fs.readFile returns)', async () => {
    const buf = readFileSync(new URL('./fixtures/seed004.pdf', import.meta.url));
    expect(Buffer.isBuffer(buf)).toBe(true);
    const doc = await readPdf(buf, 'seed004.pdf');
    expect(tables(doc)).toHaveLength(3);
  });

  it('does not detach the caller’s buffer', async () => {
    const bytes = fixture('seed004.pdf');
    await readPdf(bytes, 'seed004.pdf');
    expect(bytes.byteLength).toBeGreaterThan(100_000);
  });
});
