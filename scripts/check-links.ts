import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { replaceFile } from '../src/fs/replace-file.ts';
import { filesByPath } from '../src/fs/walk.ts';

// Every internal link in the built site must reach a file, and every #fragment an element id.

export interface BrokenLink { from: string; href: string; reason: string }

const ATTR = /\s(?:href|src)="([^"]*)"/g;
const ID = /\sid="([^"]+)"/g;

const ids = (html: string) => new Set([...html.matchAll(ID)].map((m) => m[1]!));
const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"');

/**
 * A site's files: the path each is served under, relative to the site's root with "/" between folders
 * ("reports/abc/index.html"), → the file on disk. A built folder's (filesByPath), or the publish stage's plan of
 * dist/ before it is assembled: the pages are the same files, hard-linked.
 */
export type SiteFiles = ReadonlyMap<string, string>;

/** The file a site path is served from, or null; looked up among the site's files, not on the disk. */
function resolve(files: SiteFiles, sitePath: string): string | null {
  let p: string;
  try { p = decodeURIComponent(sitePath); } catch { return null; }
  const rel = path.posix.normalize(p).replace(/^\/+/, '');
  return files.get(rel) ?? files.get(path.posix.join(rel, 'index.html')) ?? null;
}

/** The site path a page is served under. */
const sitePage = (rel: string) => '/' + rel.replace(/index\.html$/, '');

/** What scanning one page finds: links counted, broken #fragments, and its targets in order of first link. */
interface PageScan { links: number; broken: BrokenLink[]; targets: string[] }

/** A page to scan: its file, and the site path it is served under. */
type Page = [file: string, page: string];

function scanPage([file, page]: Page): PageScan {
  const html = readFileSync(file, 'utf8');
  const broken: BrokenLink[] = [];
  const targets = new Set<string>();
  let links = 0;
  let own: Set<string> | null = null;
  for (const m of html.matchAll(ATTR)) {
    const href = unescape(m[1]!);
    if (!href || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) continue; // external, mailto:, data:
    links++;
    if (href.startsWith('#')) {
      own ??= ids(html);
      if (href.length > 1 && !own.has(decodeURIComponent(href.slice(1)))) broken.push({ from: page, href, reason: 'no such id on this page' });
      continue;
    }
    const abs = new URL(href, `http://site${page}`);
    targets.add(abs.pathname + abs.hash);
  }
  return { links, broken, targets: [...targets] };
}

/** Pages per worker below which one thread is quicker than starting others. */
const PAGES_PER_WORKER = 2000;

/** Scans the pages in contiguous parts, one worker thread per core: the parts, concatenated, are the pages in order. */
async function scanAll(pages: readonly Page[], perWorker: number): Promise<PageScan[]> {
  const parts = Math.max(1, Math.min(availableParallelism(), Math.floor(pages.length / perWorker)));
  if (parts === 1) return pages.map(scanPage);
  const size = Math.ceil(pages.length / parts);
  const scans = await Promise.all(Array.from({ length: parts }, (_, i) => inWorker<PageScan[]>({ scan: pages.slice(i * size, (i + 1) * size) })));
  return scans.flat();
}

/** What a worker thread running this module does: scan some pages, or check a whole site. */
type WorkerJob = { scan: Page[] } | { check: [string, string][]; opts: CheckLinksOptions };

function inWorker<T>(job: WorkerJob): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const w = new Worker(new URL(import.meta.url), { workerData: { job } });
    w.once('message', resolve);
    w.once('error', reject);
    w.once('exit', (code) => { if (code !== 0) reject(new Error(`links: a worker thread stopped with code ${code}`)); });
  });
}

/**
 * Each page's scan from the last check, under the page's inode, size and mtime: the build hard-links unchanged
 * pages into the output, so a page that keeps all three is the same page and need not be read again.
 */
type ScanCache = Map<string, { key: string; scan: PageScan }>;

const statKey = (file: string) => {
  const s = statSync(file, { bigint: true });
  return `${s.ino}:${s.size}:${s.mtimeNs}`;
};

function loadCache(file: string | undefined): ScanCache {
  if (!file || !existsSync(file)) return new Map();
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, { key: string; scan: PageScan }>));
  } catch {
    return new Map(); // unreadable (e.g. cut short): scan every page again
  }
}

function saveCache(file: string, pages: readonly string[], keys: readonly string[], scans: readonly PageScan[]): void {
  const entries: Record<string, { key: string; scan: PageScan }> = {};
  pages.forEach((p, i) => { entries[p] = { key: keys[i]!, scan: scans[i]! }; });
  replaceFile(file, JSON.stringify(entries));
}

export interface CheckLinksOptions {
  pagesPerWorker?: number;
  /** Where to keep each page's scan between checks (a build's work folder): unchanged pages are not read again. */
  cacheFile?: string;
}

export interface LinkCheck { pages: number; links: number; broken: BrokenLink[]; scanned: number }

/** Checks the links of a built site folder. */
export async function checkLinks(distDir: string, opts: CheckLinksOptions = {}): Promise<LinkCheck> {
  // One synchronous walk (the async one spent most of its time waiting on the thread pool).
  return checkSite(filesByPath(distDir), opts);
}

/** checkSite on a worker thread, so the caller can go on (the publish stage links dist/ meanwhile). */
export function checkSiteAside(files: SiteFiles, opts: CheckLinksOptions = {}): Promise<LinkCheck> {
  return inWorker<LinkCheck>({ check: [...files], opts });
}

/** Checks every link of every page of a site, given as its files. */
export async function checkSite(files: SiteFiles, opts: CheckLinksOptions = {}): Promise<LinkCheck> {
  const names = [...files.keys()].filter((f) => f.endsWith('.html')).sort();
  const pages: Page[] = names.map((name) => [files.get(name)!, sitePage(name)]);
  const cache = loadCache(opts.cacheFile);
  const keys = opts.cacheFile ? pages.map(([file]) => statKey(file)) : [];
  const scans: (PageScan | undefined)[] = names.map((name, i) => {
    const hit = cache.get(name);
    return hit && hit.key === keys[i] ? hit.scan : undefined;
  });
  const todo = pages.filter((_, i) => !scans[i]);
  const fresh = await scanAll(todo, opts.pagesPerWorker ?? PAGES_PER_WORKER);
  let next = 0;
  for (let i = 0; i < scans.length; i++) scans[i] ??= fresh[next++];
  const all = scans as PageScan[];
  if (opts.cacheFile) saveCache(opts.cacheFile, names, keys, all);

  const broken: BrokenLink[] = [];
  // Unique targets → the first page (in page order) that links there: enough to report and fix.
  const targets = new Map<string, string>();
  let links = 0;
  pages.forEach(([, page], i) => {
    const { links: n, broken: b, targets: t } = all[i]!;
    links += n;
    broken.push(...b);
    for (const key of t) if (!targets.has(key)) targets.set(key, page);
  });
  const idCache = new Map<string, Set<string>>();
  for (const [key, from] of targets) {
    const [sitePath, frag] = key.split('#') as [string, string | undefined];
    const file = resolve(files, sitePath);
    if (!file) { broken.push({ from, href: key, reason: 'no such file' }); continue; }
    if (frag && file.endsWith('.html')) {
      let set = idCache.get(file);
      if (!set) idCache.set(file, (set = ids(readFileSync(file, 'utf8'))));
      if (!set.has(decodeURIComponent(frag))) broken.push({ from, href: key, reason: 'no such id on the target page' });
    }
  }
  return { pages: pages.length, links, broken, scanned: todo.length };
}

if (!isMainThread && workerData?.job) {
  const job = (workerData as { job: WorkerJob }).job;
  if ('scan' in job) parentPort!.postMessage(job.scan.map(scanPage));
  else parentPort!.postMessage(await checkSite(new Map(job.check), job.opts));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'dist';
  const { pages, links, broken } = await checkLinks(dir);
  for (const b of broken) console.error(`broken link on ${b.from}: ${b.href} (${b.reason})`);
  console.log(`check-links: ${pages} pages, ${links} internal links, ${broken.length} broken`);
  process.exit(broken.length ? 1 : 0);
}
