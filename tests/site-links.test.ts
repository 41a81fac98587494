import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../scripts/check-links.ts';

describe('link checker', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nianbao-links-'));
    const page = (body: string) => `<!doctype html><html><body>${body}</body></html>`;
    await mkdir(path.join(dir, 'a'), { recursive: true });
    await writeFile(path.join(dir, 'index.html'), page('<a href="/a/">ok</a><a href="/a/#sec">ok</a><a href="/missing/">bad</a><a href="#top">bad</a><a href="https://example.org/x">external</a><link href="/style.css">'));
    await writeFile(path.join(dir, 'a', 'index.html'), page('<h2 id="sec">s</h2><a href="../">ok</a><a href="/a/#nope">bad</a><img src="/img.png">'));
    await writeFile(path.join(dir, 'style.css'), '');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reports missing files and missing fragment ids, ignores external links', async () => {
    const { pages, broken } = await checkLinks(dir);
    expect(pages).toBe(2);
    expect(broken.map((b) => `${b.from} ${b.href}`).sort()).toEqual(['/ #top', '/ /missing/', '/a/ /a/#nope', '/a/ /img.png'].sort());
  });

  it('finds the same in worker threads, one part of the pages each', async () => {
    const one = await checkLinks(dir);
    const parts = await checkLinks(dir, 1);
    expect(parts).toEqual(one);
    expect(parts.links).toBe(8);
  });
});
