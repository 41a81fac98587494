import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import { replaceFile } from '../fs/replace-file.ts';
import type { CorpusCard } from './card.ts';

// One cache entry per extracted report, in one file: the report's JSON text, a newline, its corpus card's JSON, a
// newline. JSON.stringify never writes a raw newline, so the first one ends the report. One file rather than a
// report file and a card file because creating a file is what costs here (up to ~1 ms of kernel time each on
// these machines' disks, against 0.02 ms to overwrite or rename one): a new report costs two file creations
// (this entry and its output), not three. The report comes first so readReportHead reads an entry as it is.

/** The card is the last line; most are a few KB, so one read from the end finds them. */
const TAIL_READ = 16 * 1024;

/**
 * Written whole under its name or not at all: an entry cut short by a crash must not be read back. Its folder is
 * made when the write finds it missing, not tried before every entry.
 */
export function writeCacheEntry(path: string, reportJson: string, card: CorpusCard): void {
  const parts = [reportJson, '\n', JSON.stringify(card), '\n'];
  try {
    replaceFile(path, ...parts);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    mkdirSync(dirname(path), { recursive: true });
    replaceFile(path, ...parts);
  }
}

/** An entry's report JSON text, or null when there is no entry or it holds no report. */
export function readCachedReport(path: string): Buffer | null {
  let entry: Buffer;
  try {
    entry = readFileSync(path);
  } catch {
    return null;
  }
  const end = entry.indexOf(10);
  return end > 0 ? entry.subarray(0, end) : null;
}

/** An entry's card, read from its end without reading the report before it; null when there is no entry. */
export function readCachedCard(path: string): CorpusCard | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    for (let want = Math.min(size, TAIL_READ); ; want = Math.min(size, want * 4)) {
      const buf = Buffer.allocUnsafe(want);
      const n = readSync(fd, buf, 0, want, size - want);
      // The newline before the card: the last one but the final newline, or the entry's start when none.
      const at = buf.lastIndexOf(10, n - 2);
      if (at >= 0 || want === size) return JSON.parse(buf.toString('utf8', at + 1, n)) as CorpusCard;
    }
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
