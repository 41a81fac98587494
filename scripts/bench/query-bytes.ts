// Bytes a browser fetches for a search, cold (empty cache): Chromium (Debian /usr/bin/chromium, driven by
// playwright-core as in tests/e2e) opens /search/?q=… on the built site served from 127.0.0.1, and every
// response is counted — as served, and gzip-compressed for text types (what a CDN would send; Pagefind's own
// files are already compressed). Also the weight of report pages (HTML + CSS, gzip).
//
//   node scripts/bench/query-bytes.ts <dist> [query…]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { serve } from '../serve.ts';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const TEXT = /^(?:text\/|application\/(?:json|javascript))/;

export interface QueryBytes {
  label: string;
  query: string;
  /** What the page said (the result summary). */
  summary: string;
  results: number;
  requests: number;
  /** All responses as served / with text types gzip-compressed. */
  bytes: number;
  gzipBytes: number;
  /** Of which the search index (/pagefind/). */
  indexBytes: number;
  ms: number;
}

export async function measureQueries(dist: string, queries: { label: string; query: string; params?: string }[], chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): Promise<QueryBytes[]> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`no Chromium at ${chromiumPath}: install it (apt-get install -y chromium), set CHROMIUM_PATH, or run the bench with --no-browser`);
  }
  const { url, close } = await serve(dist);
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    const out: QueryBytes[] = [];
    for (const q of queries) {
      // A fresh context: nothing cached, as for a first visit.
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      const counted: Promise<{ url: string; raw: number; gz: number }>[] = [];
      page.on('response', (res) => {
        counted.push((async () => {
          const body = await res.body().catch(() => Buffer.alloc(0));
          const type = res.headers()['content-type'] ?? '';
          return { url: res.url(), raw: body.length, gz: TEXT.test(type) ? gzipSync(body).length : body.length };
        })());
      });
      const started = performance.now();
      await page.goto(`${url}/search/?q=${encodeURIComponent(q.query)}${q.params ? `&${q.params}` : ''}`);
      await page.waitForFunction(() => { const t = document.querySelector('.summary')?.textContent ?? ''; return t !== '' && !t.includes('正在'); }, null, { timeout: 120_000 });
      const ms = performance.now() - started;
      await page.waitForLoadState('networkidle');
      const all = await Promise.all(counted);
      out.push({
        label: q.label, query: q.query,
        summary: (await page.locator('.summary').textContent()) ?? '',
        results: await page.locator('.results li').count(),
        requests: all.length,
        bytes: all.reduce((a, r) => a + r.raw, 0),
        gzipBytes: all.reduce((a, r) => a + r.gz, 0),
        indexBytes: all.filter((r) => new URL(r.url).pathname.startsWith('/pagefind/')).reduce((a, r) => a + r.gz, 0),
        ms,
      });
      await ctx.close();
    }
    return out;
  } finally {
    await browser?.close();
    await close();
  }
}

/** HTML + CSS of report pages, gzip-compressed: the largest and the median of a sample. */
export function reportPageWeight(dist: string, sample = 200): { pages: number; max: number; median: number; maxPage: string } {
  const dir = path.join(dist, 'reports');
  const ids = readdirSync(dir).sort();
  const step = Math.max(1, Math.floor(ids.length / sample));
  const cssCache = new Map<string, number>();
  const weights: { id: string; bytes: number }[] = [];
  for (let i = 0; i < ids.length; i += step) {
    const html = readFileSync(path.join(dir, ids[i]!, 'index.html'));
    const css = [...html.toString('utf8').matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
    const cssBytes = css.reduce((a, href) => {
      if (!cssCache.has(href)) cssCache.set(href, gzipSync(readFileSync(path.join(dist, href))).length);
      return a + cssCache.get(href)!;
    }, 0);
    weights.push({ id: ids[i]!, bytes: gzipSync(html).length + cssBytes });
  }
  weights.sort((a, b) => a.bytes - b.bytes);
  return { pages: weights.length, max: weights.at(-1)?.bytes ?? 0, median: weights[Math.floor(weights.length / 2)]?.bytes ?? 0, maxPage: `/reports/${weights.at(-1)?.id}/` };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dist = 'dist', ...qs] = process.argv.slice(2);
  // "政务公开" or "政务公开?f.年度=2022" (filters as the search page writes them in its URL).
  const queries = (qs.length ? qs : ['政务公开', '行政复议', '不存在的词语组合']).map((q) => {
    const [query, params] = q.split('?') as [string, string | undefined];
    return { label: q, query, params: params?.split('&').map((kv) => kv.split('=').map(encodeURIComponent).join('=')).join('&') };
  });
  for (const r of await measureQueries(dist, queries)) {
    console.log(`${r.query}: ${r.results} shown, ${r.requests} requests, ${(r.gzipBytes / 1024).toFixed(0)} KB (index ${(r.indexBytes / 1024).toFixed(0)} KB, ${(r.bytes / 1024).toFixed(0)} KB as served), ${r.ms.toFixed(0)} ms — ${r.summary}`);
  }
  const w = reportPageWeight(dist);
  console.log(`report pages: max ${(w.max / 1024).toFixed(1)} KB (${w.maxPage}), median ${(w.median / 1024).toFixed(1)} KB, ${w.pages} sampled`);
}
