import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../src/ingest/run.ts';
import type { Ledger } from '../src/model/ledger.ts';
import { SEEDS_DIR } from './helpers/corpus.ts';

// Bad input becomes a ledger entry with a clear reason; it never stops the other files.

let dir = '';
let ledger: Ledger;
const entry = (name: string) => ledger.entries.find((e) => e.file.endsWith(`/${name}`))!;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-hostile-'));
  const inp = join(dir, 'in');
  mkdirSync(inp);
  const seed = readFileSync(join(SEEDS_DIR, '003_1547371ff49f8649.txt'), 'utf8');
  writeFileSync(join(inp, 'empty.txt'), '');
  writeFileSync(join(inp, 'blank.txt'), ' \n\n \u3000\n');
  writeFileSync(join(inp, 'binary.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
  writeFileSync(join(inp, 'legacy.doc'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]));
  writeFileSync(join(inp, 'truncated.html'), `<html><head><title>东安区人民政府办公室2021年政府信息公开工作年度报告</title></head><body><p>${seed.slice(0, 3000).replace(/\n/g, '</p><p>')}`);
  writeFileSync(join(inp, 'script.html'), `<html><body><h1>东安区人民政府办公室2021年政府信息公开工作年度报告</h1><script>alert("x")</script><p onclick="alert(1)">一、总体情况</p><p>本年度<img src=x onerror=alert(2)>共收到申请6件。<script>document.write('<b>bad</b>')</script></p></body></html>`);
  writeFileSync(join(inp, 'huge.txt'), Buffer.alloc(50 * 1024 * 1024, 0x41));
  copyFileSync(join(SEEDS_DIR, '001_c06d29f5e948cb40.txt'), join(inp, 'good.txt'));
  ledger = (await runIngest({ inputs: [inp], outDir: join(dir, 'out'), cacheDir: null })).ledger;
});

describe('hostile and broken inputs', () => {
  it('lists every input in the ledger', () => {
    expect(ledger.entries).toHaveLength(8);
  });

  it('rejects with a clear reason', () => {
    expect(entry('empty.txt')).toMatchObject({ status: 'rejected', reason: 'empty' });
    expect(entry('blank.txt')).toMatchObject({ status: 'rejected', reason: 'empty' });
    expect(entry('binary.txt')).toMatchObject({ status: 'rejected', reason: 'binary' });
    expect(entry('legacy.doc')).toMatchObject({ status: 'rejected', reason: 'ole2-binary' });
    expect(entry('huge.txt')).toMatchObject({ status: 'rejected', reason: 'too-large' });
    for (const name of ['empty.txt', 'binary.txt', 'legacy.doc', 'huge.txt']) expect(entry(name).message).toContain(name);
  });

  it('still processes the good file and the salvageable HTML', () => {
    expect(entry('good.txt')).toMatchObject({ status: 'parsed' });
    expect(entry('truncated.html').status).not.toBe('rejected');
    expect(entry('script.html').status).not.toBe('rejected');
  });

  it('never lets markup from a report reach its extracted text', () => {
    const id = entry('script.html').report_id!;
    const report = JSON.parse(readFileSync(join(dir, 'out', 'reports', `${id}.json`), 'utf8'));
    const text = JSON.stringify([report.meta, report.sections, report.narrative]);
    expect(text).toContain('本年度共收到申请6件');
    expect(text).not.toMatch(/<script|<img|<b>|onerror|onclick|alert\(/i);
    expect(readdirSync(join(dir, 'out', 'reports'))).toHaveLength(3);
  });
});
