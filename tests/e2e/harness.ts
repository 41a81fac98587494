// Shared set-up of the browser tests: build the site once unless dist/ is complete and matches the ingested
// reports (NIANBAO_REBUILD=1 forces a build), serve dist on 127.0.0.1, and drive Debian's Chromium.
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { serve } from '../../scripts/serve.ts';
import type { Report } from '../../src/model/report.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const DIST = path.join(ROOT, 'dist');
export const INGEST = path.join(ROOT, '.cache/ingest');
const REPORTS = path.join(INGEST, 'reports');
const CHROMIUM = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface Site {
  base: string;
  ctx: BrowserContext;
  browser: Browser;
  reports: Report[];
  /** Console errors and page errors of every page opened in ctx. */
  errors: string[];
  open(p: string, c?: BrowserContext): Promise<Page>;
  close(): Promise<void>;
}

const reportIds = () => (existsSync(REPORTS) ? readdirSync(REPORTS).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)) : []);

/** Build if needed (`required`: files under dist/ or .cache/ingest a complete build has), serve, launch. */
export async function startSite(required: string[] = []): Promise<Site> {
  const ids = reportIds();
  const stale = !ids.length || ['dist/pagefind', ...required].some((p) => !existsSync(path.join(ROOT, p)))
    || ids.some((id) => !existsSync(path.join(DIST, 'reports', id, 'index.html')));
  if (process.env.NIANBAO_REBUILD || stale) execFileSync(process.execPath, ['scripts/build.ts'], { cwd: ROOT, stdio: 'inherit' });
  const reports = reportIds().map((id) => JSON.parse(readFileSync(path.join(REPORTS, `${id}.json`), 'utf8')) as Report);
  const { url: base, close: stop } = await serve(DIST);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM });
  const ctx = await browser.newContext();
  const errors: string[] = [];
  ctx.on('page', (page) => {
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`); });
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  });
  return {
    base, ctx, browser, reports, errors,
    async open(p, c = ctx) {
      const page = await c.newPage();
      const res = await page.goto(base + p);
      expect(res?.status(), p).toBe(200);
      return page;
    },
    async close() {
      await browser.close();
      await stop();
    },
  };
}

/** axe-core results of impact serious or critical, one line each. */
export async function serious(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}
