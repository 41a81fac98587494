import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
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
    const parts = await checkLinks(dir, { pagesPerWorker: 1 });
    expect(parts).toEqual(one);
    expect(parts.links).toBe(8);
  });

  it('with a cache reads only the pages that changed, and still finds links broken by a page removed', async () => {
    const site = await mkdtemp(path.join(tmpdir(), 'nianbao-links-cache-'));
    const cacheFile = path.join(site, '..', `${path.basename(site)}.links.json`);
    try {
      await cp(dir, site, { recursive: true });
      const first = await checkLinks(site, { cacheFile });
      expect(first.scanned).toBe(2);
      const again = await checkLinks(site, { cacheFile });
      expect(again.scanned).toBe(0);
      expect(again).toEqual({ ...first, scanned: 0 });
      // The home page is rewritten without its bad links: it alone is read again.
      await writeFile(path.join(site, 'index.html'), '<!doctype html><html><body><a href="/a/">ok</a><a href="/a/#sec">ok</a></body></html>');
      const edited = await checkLinks(site, { cacheFile });
      expect(edited.scanned).toBe(1);
      expect(edited.broken.map((b) => `${b.from} ${b.href}`).sort()).toEqual(['/a/ /a/#nope', '/a/ /img.png']);
      // /a/ goes: the unchanged home page is not read, and its links to /a/ are broken.
      await rm(path.join(site, 'a'), { recursive: true });
      const removed = await checkLinks(site, { cacheFile });
      expect(removed.scanned).toBe(0);
      expect(removed.broken.map((b) => `${b.from} ${b.href}`).sort()).toEqual(['/ /a/', '/ /a/#sec']);
    } finally {
      await rm(site, { recursive: true, force: true });
      await rm(cacheFile, { force: true });
    }
  });
});
