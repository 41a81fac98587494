// node scripts/bench/query-detail.ts <dist> <query>: every response a cold search fetches, largest first.
import { chromium } from 'playwright-core';
import { serve } from '../serve.ts';

const [dist = 'dist', q = '政务公开'] = process.argv.slice(2);
const { url, close } = await serve(dist);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await (await browser.newContext()).newPage();
const rows: Promise<[string, number]>[] = [];
page.on('response', (r) => rows.push(r.body().then((b) => [new URL(r.url()).pathname, b.length] as [string, number], () => [r.url(), 0] as [string, number])));
await page.goto(`${url}/search/?q=${encodeURIComponent(q)}`);
await page.waitForFunction(() => { const t = document.querySelector('.summary')?.textContent ?? ''; return t !== '' && !t.includes('正在'); }, null, { timeout: 120_000 });
await page.waitForLoadState('networkidle');
const all = (await Promise.all(rows)).sort((a, b) => b[1] - a[1]);
const byKind = new Map<string, number>();
for (const [p, n] of all) { const k = p.replace(/^\/pagefind\/[^/]+\//, '/pagefind/*/').replace(/_[0-9a-f]+\.(pf_\w+)$/, '.$1').replace(/\/zh-cn_[0-9a-f]+\./, '/*.'); byKind.set(k, (byKind.get(k) ?? 0) + n); }
console.log(await page.locator('.summary').textContent());
for (const [k, n] of [...byKind].sort((a, b) => b[1] - a[1])) console.log(`${(n / 1024).toFixed(1).padStart(8)} KB  ${k}`);
await browser.close();
await close();
