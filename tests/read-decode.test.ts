import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../src/read/decode.ts';
import { readDocument } from '../src/read/index.ts';
import { REAL_DIR, SEEDS_DIR } from './helpers/corpus.ts';

const seed = (file: string): string => readFileSync(join(SEEDS_DIR, file), 'utf8');
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('GBK / GB18030 inputs', () => {
  it('reads a GBK copy of seed 001 exactly like the UTF-8 original and reports gb18030', async () => {
    const text = seed('001_c06d29f5e948cb40.txt');
    const original = await readDocument(utf8(text), '001.txt');
    const gbk = await readDocument(new Uint8Array(iconv.encode(text, 'gbk')), '001.txt');
    expect(original.encoding).toBe('utf-8');
    expect(gbk.encoding).toBe('gb18030');
    expect(gbk.blocks).toEqual(original.blocks);
    expect(gbk.notes).toContain('decoded as gb18030');
  });

  it('reads a GB18030 copy of seed 003 (its 290 NBSPs are not in GBK) with the same blocks and chrome', async () => {
    const text = seed('003_1547371ff49f8649.txt');
    const original = await readDocument(utf8(text), '003.txt');
    const gb = await readDocument(new Uint8Array(iconv.encode(text, 'gb18030')), '003.txt');
    expect(gb.encoding).toBe('gb18030');
    expect(gb.blocks).toEqual(original.blocks);
    expect(gb.hints.chrome).toEqual(original.hints.chrome);
  });

  it('follows <meta charset=gb2312> in HTML and decodes it as gb18030', async () => {
    const html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>年报</title></head><body><p>商业企业</p></body></html>';
    const doc = await readDocument(new Uint8Array(iconv.encode(html, 'gbk')), 'x.htm');
    expect(doc.encoding).toBe('gb18030');
    expect(doc.hints.title).toBe('年报');
    expect(doc.blocks).toEqual([{ kind: 'text', text: '商业企业', loc: { line: 1 } }]);
  });

  it('prefers valid UTF-8 over a stale <meta charset> (re-saved crawl) and says so', () => {
    const decoded = decodeBytes(utf8('<meta charset="gb2312"><p>政府信息公开工作年度报告</p>'), { html: true });
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toContain('政府信息公开工作年度报告');
    expect(decoded.notes[0]).toMatch(/declares gb18030 but the bytes are valid UTF-8/);
  });
});

describe('Unicode layouts', () => {
  const text = seed('000_265202b0c314e512.txt');

  it('strips a UTF-8 BOM', () => {
    const decoded = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]));
    expect(decoded).toMatchObject({ encoding: 'utf-8', text });
  });

  it('decodes UTF-16 with a BOM and without one', () => {
    const le = new Uint8Array(Buffer.from(text, 'utf16le'));
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, ...le]))).toMatchObject({ encoding: 'utf-16le', text });
    expect(decodeBytes(le)).toMatchObject({ encoding: 'utf-16le', text });
    const be = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
    expect(decodeBytes(new Uint8Array([0xfe, 0xff, ...be]))).toMatchObject({ encoding: 'utf-16be', text });
  });
});

describe('damaged bytes', () => {
  it('decodes a file cut inside a UTF-8 character up to the cut and notes it', () => {
    const bytes = utf8('一、总体情况\n本年度');
    const decoded = decodeBytes(bytes.subarray(0, bytes.length - 1));
    expect(decoded.text).toBe('一、总体情况\n本年');
    expect(decoded.notes.join(' ')).toMatch(/ends inside a multi-byte utf-8 character/);
  });

  it('decodes a file cut inside a GBK character up to the cut and notes it', () => {
    const bytes = new Uint8Array(iconv.encode('主动公开政府信息情况。本年度共收到申请6件，均已按时答复。', 'gbk'));
    const decoded = decodeBytes(bytes.subarray(0, bytes.length - 1));
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toBe('主动公开政府信息情况。本年度共收到申请6件，均已按时答复');
    expect(decoded.notes.join(' ')).toMatch(/ends inside a multi-byte gb18030 character/);
  });

  it('rejects text that decodes to many replacement characters', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('年度报告'), ...new Array<number>(200).fill(0xff)]);
    expect(() => decodeBytes(bytes)).toThrow(expect.objectContaining({ reason: 'bad-encoding' }) as unknown as Error);
  });

  it('reads every text and HTML file of the real corpus as UTF-8 without notes', async () => {
    for (const file of ['2019_shanghai-govoffice_html.html', '2023_shuyang-fgj_html.html', '2021_pingtan-zone_txt.txt', '2024_shanghai-stcsm_md.md']) {
      const doc = await readDocument(new Uint8Array(readFileSync(join(REAL_DIR, file))), file);
      expect([file, doc.encoding]).toEqual([file, 'utf-8']);
      expect(doc.notes.filter((n) => /decod|encod|truncat/.test(n))).toEqual([]);
    }
  });
});
