import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = dirname(dirname(fileURLToPath(import.meta.url)));
/**
 * The code that decides what a report and its corpus card contain (lead-cells names the cells a card keeps for the
 * leads, lean its site entry); the rest of the site and publishing code does not invalidate the cache.
 */
const ENGINE_PATHS = ['check', 'extract', 'forms', 'ingest', 'model', 'publish/gazetteer', 'publish/lead-cells.ts', 'publish/lean.ts', 'read', 'text'];

function walk(dir: string, out: string[]): void {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name.endsWith('.ts')) out.push(p);
  }
}

/** Digest of the extraction engine's source, used as part of every cache key. */
export function engineDigest(): string {
  const files: string[] = [];
  for (const p of ENGINE_PATHS) {
    if (p.endsWith('.ts')) files.push(join(SRC, p));
    else walk(join(SRC, p), files);
  }
  const h = createHash('sha256');
  for (const f of files) h.update(f.slice(SRC.length)).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex').slice(0, 16);
}
