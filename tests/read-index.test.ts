import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Document } from '../src/model/document.ts';
import { readDocument } from '../src/read/index.ts';
import { REAL_DIR, SEEDS_DIR } from './helpers/corpus.ts';

// The PDF and DOCX readers belong to another module; here only the dispatch to them is under test.
const stub = (format: 'pdf' | 'docx'): Document => ({ format, encoding: 'binary', blocks: [], hints: { chrome: [] }, notes: [] });
vi.mock('../src/read/pdf.ts', () => ({ readPdf: vi.fn(() => stub('pdf')) }));
vi.mock('../src/read/docx.ts', () => ({ readDocx: vi.fn(() => stub('docx')) }));

const ascii = (s: string): number[] => [...Buffer.from(s, 'latin1')];
const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

async function rejection(data: Uint8Array, file: string): Promise<{ reason: string; message: string }> {
  try {
    await readDocument(data, file);
  } catch (error) {
    const e = error as { reason?: string; message: string };
    return { reason: e.reason ?? 'not a ReadError', message: e.message };
  }
  throw new Error(`${file} was read, expected a rejection`);
}

/** Every rejection says what failed and what to do next. */
const ACTIONABLE = /ingest|convert|re-download|find|check/i;

describe('dispatch', () => {
  it('sends %PDF and PK+word/document.xml to the PDF and DOCX readers, whatever the name', async () => {
    expect((await readDocument(bytes(ascii('%PDF-1.7\n%âãÏÓ\n')), 'download.jsp')).format).toBe('pdf');
    const docx = bytes([0x50, 0x4b, 0x03, 0x04], ascii('....[Content_Types].xml....word/document.xml....'));
    expect((await readDocument(docx, 'report.doc')).format).toBe('docx');
  });

  it('reads .txt, .md, .html and sniffs unknown extensions', async () => {
    expect((await readDocument(readFileSync(join(SEEDS_DIR, '003_1547371ff49f8649.txt')), 'a.txt')).format).toBe('txt');
    expect((await readDocument(readFileSync(join(REAL_DIR, '2024_shanghai-stcsm_md.md')), 'a.md')).format).toBe('md');
    expect((await readDocument(readFileSync(join(REAL_DIR, '2019_shanghai-govoffice_html.html')), 'a.shtml')).format).toBe('html');
    expect((await readDocument(bytes('<div><p>一、总体情况</p></div>'), 'content.jsp')).format).toBe('html');
    expect((await readDocument(bytes('一、总体情况\n二、主动公开政府信息情况'), 'download')).format).toBe('txt');
  });

  it('reads an HTML page saved as .doc as HTML and says so', async () => {
    const doc = await readDocument(bytes('<html><body><p>一、总体情况</p></body></html>'), 'nb2021.doc');
    expect(doc.format).toBe('html');
    expect(doc.notes).toContain('named .doc but contains HTML; read as HTML');
  });
});

describe('rejections', () => {
  const cases: [string, Uint8Array, string, string][] = [
    ['empty file', new Uint8Array(0), 'a.txt', 'empty'],
    ['whitespace only', bytes(' \n\t\u00a0\u3000\r\n'), 'a.txt', 'empty'],
    ['NUL bytes', bytes('一、总体情况\u0000\u0000\u0001本年度'), 'a.txt', 'binary'],
    ['control characters', bytes('报告'.repeat(5), '\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f\u0010\u0011'.repeat(5)), 'a.txt', 'binary'],
    ['OLE2 header (.doc)', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Array<number>(512).fill(0)), 'nb.doc', 'ole2-binary'],
    ['OLE2 header named .txt', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Array<number>(512).fill(0)), 'nb.txt', 'ole2-binary'],
    ['PNG header', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], new Array<number>(64).fill(1)), 'scan.txt', 'image'],
    ['JPEG header', bytes([0xff, 0xd8, 0xff, 0xe0], new Array<number>(64).fill(1)), 'scan.jpg', 'image'],
    ['xlsx', bytes([0x50, 0x4b, 0x03, 0x04], ascii('....xl/workbook.xml....')), 'table.xlsx', 'spreadsheet'],
    ['plain zip', bytes([0x50, 0x4b, 0x03, 0x04], ascii('....report.pdf....')), 'files.zip', 'archive'],
    ['.xls that is text', bytes('指标名称\t计量单位'), 'tj.xls', 'spreadsheet'],
    ['RTF', bytes('{\\rtf1\\ansi 报告}'), 'nb.doc', 'rtf'],
    ['.pdf without a PDF header', bytes('not found'), 'nb.pdf', 'unsupported-format'],
    ['HTML with only chrome', bytes('<html><body><script>x()</script><footer>网站标识码:2310020001</footer></body></html>'), 'a.html', 'empty'],
  ];

  it.each(cases)('%s → ReadError with reason and advice', async (_name, data, file, reason) => {
    const r = await rejection(data, file);
    expect(r.reason).toBe(reason);
    expect(r.message).toMatch(ACTIONABLE);
  });

  it('tells how to convert legacy Office files', async () => {
    const r = await rejection(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Array<number>(8).fill(0)), 'nb.wps');
    expect(r.message).toContain('libreoffice --headless --convert-to docx');
  });

  it('refuses text and HTML over 20 MB without decoding them, naming the size and the cap', async () => {
    const huge = new Uint8Array(50 * 1024 * 1024).fill(0xff); // not decodable: decoding would fail differently
    for (const file of ['dump.txt', 'dump.html', 'dump']) {
      const r = await rejection(huge, file);
      expect(r.reason).toBe('too-large');
      expect(r.message).toContain('50.0 MB');
      expect(r.message).toContain('20.0 MB');
    }
  });
});
