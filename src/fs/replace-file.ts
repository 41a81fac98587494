import { closeSync, openSync, renameSync, writeSync } from 'node:fs';
import { threadId } from 'node:worker_threads';

/**
 * Writes a file's parts one after another, so a long text and a short tail are never joined into a new string
 * first.
 */
export function writeParts(path: string, parts: readonly (string | Uint8Array)[]): void {
  const fd = openSync(path, 'w');
  try {
    for (const p of parts) {
      if (typeof p === 'string') writeSync(fd, p);
      else for (let at = 0; at < p.byteLength;) at += writeSync(fd, p, at);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a file under a temporary name, then renames it over `path`: a reader never sees it half written, and a
 * file hard-linked to the old one (stage outputs are linked into each other and into dist/) keeps the old bytes
 * instead of being changed in place.
 */
export function replaceFile(path: string, ...parts: (string | Uint8Array)[]): void {
  const tmp = `${path}.${process.pid}.${threadId}.tmp`;
  writeParts(tmp, parts);
  renameSync(tmp, path);
}
