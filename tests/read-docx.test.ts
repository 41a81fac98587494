import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DocumentSchema, type TextBlock } from '../src/model/document.ts';
import { readDocx } from '../src/read/docx.ts';
import { formCells, tables, tableWith } from './fixtures/form-cells.ts';
import { readError } from './helpers/read-error.ts';

const fixture = (f: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${f}`, import.meta.url)));
const expected = (seed: string) => JSON.parse(readFileSync(new URL(`./fixtures/${seed}.expected.json`, import.meta.url), 'utf8')) as {
  cells_printed: Record<string, number>; cells_blank: string[];
};


describe('readDocx: fixtures made from seed reports', () => {
  for (const seed of ['seed001', 'seed004']) {
    it(`${seed}.docx: every printed and blank cell of the answer key sits in its table row`, async () => {
      const doc = await readDocx(fixture(`${seed}.docx`), `${seed}.docx`);
      expect(() => DocumentSchema.parse(doc)).not.toThrow();
      expect(tables(doc)).toHaveLength(3);
      const got = formCells(doc);
      const key = expected(seed);
      for (const [k, v] of Object.entries(key.cells_printed)) expect(got[k], k).toBe(String(v));
      for (const k of key.cells_blank) expect(got[k], k).toBe('');
    });
  }

  it('seed001.docx: 行政处罚 24, table 4 suit_direct 1/1/5/8/15, merged cells where they belong', async () => {
    const doc = await readDocx(fixture('seed001.docx'), 'seed001.docx');
    const t2 = tableWith(doc, '第二十条');
    const penalty = t2.rows.find((r) => r[0]?.text === '行政处罚')!;
    expect(penalty.map((c) => c.text)).toEqual(['行政处罚', '24']);
    expect(penalty[1]).toEqual({ text: '24', loc: { table: 0, row: 9, col: 1 }, colspan: 3 });
    const t4 = tableWith(doc, '复议后起诉');
    expect(t4.rows.at(-1)!.slice(5, 10).map((c) => c.text)).toEqual(['1', '1', '5', '8', '15']);
    expect(t4.rows[0]!.map((c) => [c.text, c.colspan])).toEqual([['行政复议', 5], ['行政诉讼', 10]]);
    const t3 = tableWith(doc, '申请人情况');
    expect(t3.rows[0]![0]).toMatchObject({ rowspan: 3, colspan: 3, loc: { table: 1, row: 0, col: 0 } });
    const group = t3.rows.flat().find((c) => c.text === '三、本年度办理结果')!;
    expect(group).toMatchObject({ rowspan: 22, loc: { row: 5, col: 0 } });
    const denied = t3.rows[7]!;
    expect(denied.slice(0, 2).map((c) => [c.text, c.rowspan])).toEqual([['(三)不予公开', 8], ['1.属于国家秘密', undefined]]);
    expect(t3.rows[8]![0]!.text).toBe('2.其他法律行政法规禁止公开'); // row under a rowspan starts with its own label
  });

  it('keeps headings and paragraph order, with 1-based paragraph locations', async () => {
    const doc = await readDocx(fixture('seed004.docx'), 'seed004.docx');
    const text = doc.blocks.filter((b): b is TextBlock => b.kind === 'text');
    expect(text[0]).toEqual({ kind: 'text', text: '2021年南关区长通街道办事处\n政府信息公开工作年度报告', loc: { line: 1 }, heading: 1 });
    expect(text.map((b) => b.loc.line)).toEqual(text.map((_, i) => i + 1));
    expect(text.find((b) => b.text === '3、 收到和处理政府信息公开申请情况')).toBeDefined();
    expect(text.at(-2)?.text).toBe('无');
    // Tables sit between their section headings.
    const idx = (pred: (b: (typeof doc.blocks)[number]) => boolean) => doc.blocks.findIndex(pred);
    const t3 = idx((b) => b.kind === 'table' && b.rows[0]!.some((c) => c.text === '申请人情况'));
    expect(idx((b) => b.kind === 'text' && b.text.startsWith('3、'))).toBe(t3 - 1);
  });

  it('seed004.docx: blank applicant cells stay blank, the 总计 column says 0', async () => {
    const doc = await readDocx(fixture('seed004.docx'), 'seed004.docx');
    const t3 = tableWith(doc, '申请人情况');
    const first = t3.rows.find((r) => r[0]?.text === '一、本年新收政府信息公开申请数量')!;
    expect(first.map((c) => c.text)).toEqual(['一、本年新收政府信息公开申请数量', '', '', '', '', '', '', '0']);
  });
});

describe('readDocx: files it cannot read', () => {
  it('a truncated download', async () => {
    const e = await readError(Promise.resolve(readDocx(fixture('seed001.docx').slice(0, 4000), 'cut.docx')));
    expect(e.reason).toBe('broken-docx');
  });

  it('a legacy binary .doc', async () => {
    const ole2 = new Uint8Array(1024);
    ole2.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const e = await readError(Promise.resolve(readDocx(ole2, 'old.doc')));
    expect(e.reason).toBe('ole2-binary');
    expect(e.message).toContain('--convert-to docx');
  });

  it('a password-protected Word file (OLE2 with an EncryptedPackage stream)', async () => {
    const name = Buffer.from('EncryptedPackage', 'utf16le');
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.set(name, 1024);
    const e = await readError(Promise.resolve(readDocx(bytes, 'secret.docx')));
    expect(e.reason).toBe('encrypted');
  });

  it('text that is not a DOCX', async () => {
    const e = await readError(Promise.resolve(readDocx(new TextEncoder().encode('hello'), 'x.docx')));
    expect(e.reason).toBe('broken-docx');
  });
});
