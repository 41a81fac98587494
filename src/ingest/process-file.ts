import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ReadError } from '../model/document.ts';
import type { Report } from '../model/report.ts';
import { NO_CROSS, corpusCard, crossDigest, type CorpusCard } from './card.ts';
import { readReportHead } from './report-head.ts';
import { extractReport, sha256 } from './extract-report.ts';
import { readSidecar, type SidecarRead } from './sidecar.ts';
import { readCachedCard, readCachedReport, writeCacheEntry } from './cache-entry.ts';
import type { StoredCard } from './card-store.ts';
import type { Rejection } from './state.ts';

/** No reader handles more than this; larger files are rejected before they are read into memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export interface Outcome {
  file: string;
  sha256: string | null;
  bytes: number;
  /** Cache key (engine, file and sidecar digests): the same key gives the same report, or the same rejection. */
  key: string | null;
  /** The validated report as JSON text to write, or null when rejected, already in place, or in `text_at`. */
  json: string | null;
  /**
   * Where the report's JSON text already is, byte for byte (its cache entry): the main thread copies it to the
   * output from there, so the text is never sent between threads.
   */
  text_at: string | null;
  /** What the ledger and the corpus pass read of the report; null when rejected. */
  card: CorpusCard | null;
  /** Digest of the cross-report checks in the report's text (`json` or `text_at`); null when neither. */
  cross: string | null;
  error: { reason: string; message: string } | null;
  cached: boolean;
}

export interface ProcessOptions {
  /** Folder for cached reports keyed by content hash; null disables the cache. */
  cacheDir: string | null;
  /** Digest of the extraction code: a code change invalidates every cached report. */
  engine: string;
}

/** A file to process; `known` is the cache key whose report is already in the output folder (nothing to write). */
export interface Task {
  file: string;
  known: string | null;
}

/** Whether a cache entry's report names this input file and sidecar (read from its head, not parsed whole). */
function cachedUnder(cachePath: string, file: string, sidecar: string | null): boolean {
  try {
    const { source } = readReportHead(cachePath);
    return source.file === file && source.sidecar === sidecar;
  } catch {
    return false;
  }
}

/** An input file read and keyed: its bytes, hash, sidecar and cache key; or why it cannot be processed. */
export type Keyed =
  | { size: number; bytes: Uint8Array; hash: string; side: SidecarRead; key: string; error?: undefined }
  | { size: number; error: Outcome['error'] & {} };

export function keyInput(file: string, engine: string): Keyed {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    return { size: 0, error: { reason: 'unreadable', message: `${file}: cannot be read (${(e as Error).message})` } };
  }
  if (size > MAX_INPUT_BYTES) {
    return { size, error: { reason: 'too-large', message: `${file}: ${(size / 2 ** 20).toFixed(1)} MB exceeds the ${MAX_INPUT_BYTES / 2 ** 20} MB input limit; split or convert the file` } };
  }
  // Synchronous reads: on a worker thread they cost less than a promise round trip, which dominated cached runs.
  const buf = readFileSync(file);
  // A plain Uint8Array view (no copy): some readers (pdf.js) refuse Node's Buffer subclass.
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  const hash = sha256(bytes);
  const side = readSidecar(file);
  const key = sha256(new TextEncoder().encode(`${engine}\n${hash}\n${side.bytes ? sha256(side.bytes) : '-'}`));
  return { size, bytes, hash, side, key };
}

/** The file keyed again, when it still has the key an earlier run gave it (unchanged bytes, sidecar and code). */
function unchanged(file: string, key: string, engine: string): (Keyed & { error?: undefined }) | null {
  const input = keyInput(file, engine);
  return input.error || input.key !== key ? null : input;
}

/**
 * An unchanged file's outcome without its cache entry: the card the last run stored for its report, when the file
 * still has the key that run made the report under (`known`). Null when the file changed or nothing is stored.
 */
export function storedOutcome(file: string, known: string, stored: StoredCard | undefined, engine: string): Outcome | null {
  if (stored?.key !== known) return null;
  const input = unchanged(file, known, engine);
  if (!input) return null;
  return { file, sha256: input.hash, bytes: input.size, key: known, json: null, text_at: null, card: stored.card, cross: null, error: null, cached: true };
}

/**
 * A file the last run rejected, unchanged since: the same rejection without reading it again (a scanned PDF costs
 * a second or more to find it has no text). Null when the file changed.
 */
export function rejectedOutcome(file: string, was: Rejection, engine: string): Outcome | null {
  const input = unchanged(file, was.key, engine);
  if (!input) return null;
  return {
    file, sha256: input.hash, bytes: input.size, key: was.key, json: null, text_at: null, card: null, cross: null,
    error: { reason: was.reason, message: was.message }, cached: true,
  };
}

export async function processFile({ file, known }: Task, opts: ProcessOptions): Promise<Outcome> {
  const base = { file, sha256: null, bytes: 0, key: null, json: null, text_at: null, card: null, cross: null, cached: false };
  const input = keyInput(file, opts.engine);
  if (input.error) return { ...base, bytes: input.size, error: input.error };
  const { size, bytes, hash, side, key } = input;
  const cachePath = opts.cacheDir ? join(opts.cacheDir, key.slice(0, 2), `${key}.json`) : null;
  // Workers send back the card, and the JSON text only when the cache does not hold it byte for byte.
  const outcome = (report: Report, json: string, cached: boolean, inCache: boolean): Outcome => ({
    ...base, sha256: hash, bytes: size, key, json: inCache ? null : json, text_at: inCache ? cachePath : null,
    card: corpusCard(report), cross: crossDigest(report.checks), error: null, cached,
  });
  const card = cachePath ? readCachedCard(cachePath) : null;
  if (card && known === key) {
    // Its report is in place from an earlier run: only the card is needed.
    return { ...base, sha256: hash, bytes: size, key, card, error: null, cached: true };
  }
  if (cachePath && card && cachedUnder(cachePath, file, side.file)) {
    // Cached under this very path (a new output folder over a warm cache, e.g. a CI shard job): the card answers,
    // and the cached text, which holds no cross-report checks yet, is copied to the output.
    return { ...base, sha256: hash, bytes: size, key, text_at: cachePath, card, cross: NO_CROSS, error: null, cached: true };
  }
  const hit = cachePath && card ? readCachedReport(cachePath)?.toString('utf8') : null;
  if (hit) {
    // Same bytes, same sidecar: only the path it was found under may differ.
    const report = JSON.parse(hit) as Report;
    report.source.file = file;
    report.source.sidecar = side.file;
    const json = JSON.stringify(report);
    return outcome(report, json, true, json === hit);
  }
  try {
    const report = await extractReport({ bytes, file, sidecar: side.sidecar, sidecarFile: side.file, sha256: hash });
    if (side.error) report.notes.push(`sidecar ignored: ${side.error}`);
    const json = JSON.stringify(report);
    const o = outcome(report, json, false, cachePath !== null);
    if (cachePath) writeCacheEntry(cachePath, json, o.card!);
    return o;
  } catch (e) {
    if (e instanceof ReadError) return { ...base, sha256: hash, bytes: size, key, error: { reason: e.reason, message: `${file}: ${e.message}` } };
    const err = e as Error;
    return {
      ...base, sha256: hash, bytes: size, key,
      error: { reason: 'internal-error', message: `${file}: extraction failed (${err.message}); please report this file. ${err.stack?.split('\n')[1]?.trim() ?? ''}` },
    };
  }
}
