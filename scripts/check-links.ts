import { existsSync, readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

// Every internal link in the built site must reach a file, and every #fragment an element id.

export interface BrokenLink { from: string; href: string; reason: string }

const ATTR = /\s(?:href|src)="([^"]*)"/g;
const ID = /\sid="([^"]+)"/g;

async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith('.html')) out.push(path.join(e.parentPath, e.name));
  }
  return out.sort();
}

const ids = (html: string) => new Set([...html.matchAll(ID)].map((m) => m[1]!));
const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"');

/** The file a site path is served from, or null. */
function resolve(dist: string, sitePath: string): string | null {
  let p: string;
  try { p = decodeURIComponent(sitePath); } catch { return null; }
  const file = path.join(dist, p);
  if (!file.startsWith(dist)) return null;
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = path.join(file, 'index.html');
  return existsSync(index) ? index : null;
}

/** What one pass over some pages finds: links counted, broken #fragments, and each target with a page linking it. */
interface Scan { links: number; broken: BrokenLink[]; targets: [string, string][] }

function scan(dist: string, files: readonly string[]): Scan {
  const broken: BrokenLink[] = [];
  // Unique targets → one page that links there (enough to report and fix).
  const targets = new Map<string, string>();
  let links = 0;
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    const page = '/' + path.relative(dist, file).split(path.sep).join('/').replace(/index\.html$/, '');
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
      const key = abs.pathname + abs.hash;
      if (!targets.has(key)) targets.set(key, page);
    }
  }
  return { links, broken, targets: [...targets] };
}

/** Pages per worker below which one thread is quicker than starting others. */
const PAGES_PER_WORKER = 2000;

/** Scans the pages in contiguous parts, one worker thread per core: the parts, merged in order, read as one pass. */
async function scanAll(dist: string, files: readonly string[], perWorker: number): Promise<Scan[]> {
  const parts = Math.max(1, Math.min(availableParallelism(), Math.floor(files.length / perWorker)));
  if (parts === 1) return [scan(dist, files)];
  const size = Math.ceil(files.length / parts);
  return Promise.all(Array.from({ length: parts }, (_, i) => new Promise<Scan>((resolve, reject) => {
    const w = new Worker(new URL(import.meta.url), { workerData: { dist, files: files.slice(i * size, (i + 1) * size) } });
    w.once('message', resolve);
    w.once('error', reject);
    w.once('exit', (code) => { if (code !== 0) reject(new Error(`links: a page scanner stopped with code ${code}`)); });
  })));
}

export async function checkLinks(distDir: string, pagesPerWorker = PAGES_PER_WORKER): Promise<{ pages: number; links: number; broken: BrokenLink[] }> {
  const dist = path.resolve(distDir);
  const files = await htmlFiles(dist);
  const broken: BrokenLink[] = [];
  const targets = new Map<string, string>();
  let links = 0;
  for (const part of await scanAll(dist, files, pagesPerWorker)) {
    links += part.links;
    broken.push(...part.broken);
    for (const [key, page] of part.targets) if (!targets.has(key)) targets.set(key, page);
  }
  const idCache = new Map<string, Set<string>>();
  for (const [key, from] of targets) {
    const [sitePath, frag] = key.split('#') as [string, string | undefined];
    const file = resolve(dist, sitePath);
    if (!file) { broken.push({ from, href: key, reason: 'no such file' }); continue; }
    if (frag && file.endsWith('.html')) {
      let set = idCache.get(file);
      if (!set) idCache.set(file, (set = ids(readFileSync(file, 'utf8'))));
      if (!set.has(decodeURIComponent(frag))) broken.push({ from, href: key, reason: 'no such id on the target page' });
    }
  }
  return { pages: files.length, links, broken };
}

if (!isMainThread && workerData?.dist) {
  const { dist, files } = workerData as { dist: string; files: string[] };
  parentPort!.postMessage(scan(dist, files));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'dist';
  const { pages, links, broken } = await checkLinks(dir);
  for (const b of broken) console.error(`broken link on ${b.from}: ${b.href} (${b.reason})`);
  console.log(`check-links: ${pages} pages, ${links} internal links, ${broken.length} broken`);
  process.exit(broken.length ? 1 : 0);
}
