import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runIngest } from '../src/ingest/run.ts';
import { ROOT, SEEDS_DIR } from './helpers/corpus.ts';

const NODE = join(ROOT, 'node_modules', '.bin', 'node');
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));
const reportFiles = (dir: string) => Object.fromEntries(readdirSync(join(dir, 'reports')).sort().map((f) => [f, readFileSync(join(dir, 'reports', f), 'utf8')]));

describe('npm run ingest (CLI)', () => {
  it('writes reports and a ledger, and exits 0 even when a file is bad', () => {
    const dir = tmp('nianbao-cli-');
    const inp = join(dir, 'in');
    mkdirSync(inp);
    copyFileSync(join(SEEDS_DIR, '003_1547371ff49f8649.txt'), join(inp, 'a.txt'));
    writeFileSync(join(inp, 'bad.txt'), '');
    const r = spawnSync(NODE, ['scripts/ingest.ts', inp, '--out', join(dir, 'out')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/1 parsed, 0 partial, 1 rejected/);
    const ledger = JSON.parse(readFileSync(join(dir, 'out', 'ledger.json'), 'utf8'));
    expect(ledger.entries.map((e: { status: string }) => e.status)).toEqual(['parsed', 'rejected']);
    expect(readdirSync(join(dir, 'out', 'reports'))).toEqual(['c17a4469bf13566b.json']);
  });

  it('exits non-zero with a usage message when it cannot run', () => {
    const noArgs = spawnSync(NODE, ['scripts/ingest.ts'], { cwd: ROOT, encoding: 'utf8' });
    expect(noArgs.status).toBe(2);
    expect(noArgs.stderr).toMatch(/usage: npm run ingest/);
    const missing = spawnSync(NODE, ['scripts/ingest.ts', '/nonexistent/folder', '--out', tmp('nianbao-cli-')], { cwd: ROOT, encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no such file or folder: \/nonexistent\/folder/);
  });
});

describe('ingest cache, determinism and sidecars', () => {
  it('re-running an unchanged corpus does no extraction; a changed file alone is re-extracted', async () => {
    const dir = tmp('nianbao-cache-');
    const inp = join(dir, 'in');
    mkdirSync(inp);
    for (const f of readdirSync(SEEDS_DIR)) copyFileSync(join(SEEDS_DIR, f), join(inp, f));
    const cacheDir = join(dir, 'cache');
    const first = await runIngest({ inputs: [inp], outDir: join(dir, 'a'), cacheDir });
    expect(first.cached).toBe(0);
    const second = await runIngest({ inputs: [inp], outDir: join(dir, 'b'), cacheDir });
    expect(second.cached).toBe(5);
    expect(reportFiles(join(dir, 'b'))).toEqual(reportFiles(join(dir, 'a')));
    appendFileSync(join(inp, '000_265202b0c314e512.txt'), '\n');
    const third = await runIngest({ inputs: [inp], outDir: join(dir, 'b'), cacheDir });
    expect(third.cached).toBe(4);
    // The output folder mirrors the inputs: the old id of the changed file is gone.
    expect(readdirSync(join(dir, 'b', 'reports'))).toHaveLength(5);
  });

  it('two runs without cache give byte-identical reports and ledger', async () => {
    const a = tmp('nianbao-det-');
    const b = tmp('nianbao-det-');
    await runIngest({ inputs: [SEEDS_DIR], outDir: a, cacheDir: null });
    await runIngest({ inputs: [SEEDS_DIR], outDir: b, cacheDir: null, jobs: 2 });
    expect(reportFiles(b)).toEqual(reportFiles(a));
    expect(readFileSync(join(b, 'ledger.json'), 'utf8')).toEqual(readFileSync(join(a, 'ledger.json'), 'utf8'));
  });

  it('a sidecar overrides what the text says and is recorded; an invalid one is reported, not used', async () => {
    const dir = tmp('nianbao-sidecar-');
    const inp = join(dir, 'in');
    mkdirSync(inp);
    copyFileSync(join(SEEDS_DIR, '001_c06d29f5e948cb40.txt'), join(inp, 'xigang.txt'));
    writeFileSync(join(inp, 'xigang.txt.meta.json'), JSON.stringify({ source_url: 'http://www.dlxg.gov.cn/x.html', region_hint: ['辽宁省', '大连市', '西岗区'], published_at: '2023-01-20' }));
    copyFileSync(join(SEEDS_DIR, '003_1547371ff49f8649.txt'), join(inp, 'donganqu.txt'));
    writeFileSync(join(inp, 'donganqu.txt.meta.json'), '{"year": "not a year"}');
    const { ledger } = await runIngest({ inputs: [inp], outDir: join(dir, 'out'), cacheDir: null });
    expect(ledger.entries).toHaveLength(2);
    const read = (name: string) => JSON.parse(readFileSync(join(dir, 'out', 'reports', `${ledger.entries.find((e) => e.file.endsWith(name))!.report_id}.json`), 'utf8'));
    const x = read('xigang.txt');
    expect(x.source.sidecar).toBe(join(inp, 'xigang.txt.meta.json'));
    expect(x.meta.source_url).toBe('http://www.dlxg.gov.cn/x.html');
    expect(x.meta.published_at).toBe('2023-01-20');
    expect(x.meta.region.path_hint).toEqual(['辽宁省', '大连市', '西岗区']);
    const d = read('donganqu.txt');
    expect(d.meta.year).toBe(2021);
    expect(d.notes.join(' ')).toMatch(/sidecar ignored: .*donganqu\.txt\.meta\.json: year/);
  });
});
