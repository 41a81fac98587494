import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ReadError } from '../model/document.ts';
import type { Report } from '../model/report.ts';
import { extractReport, sha256 } from './extract-report.ts';
import { readSidecar } from './sidecar.ts';

/** No reader handles more than this; larger files are rejected before they are read into memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export interface Outcome {
  file: string;
  sha256: string | null;
  bytes: number;
  /** The validated report as JSON text (what gets written), or null when rejected. */
  json: string | null;
  report: Pick<Report, 'id' | 'tables' | 'meta'> | null;
  error: { reason: string; message: string } | null;
  cached: boolean;
}

export interface ProcessOptions {
  /** Folder for cached reports keyed by content hash; null disables the cache. */
  cacheDir: string | null;
  /** Digest of the extraction code: a code change invalidates every cached report. */
  engine: string;
}

export async function processFile(file: string, opts: ProcessOptions): Promise<Outcome> {
  const base = { file, sha256: null, bytes: 0, json: null, report: null, cached: false };
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (e) {
    return { ...base, error: { reason: 'unreadable', message: `${file}: cannot be read (${(e as Error).message})` } };
  }
  if (size > MAX_INPUT_BYTES) {
    return { ...base, bytes: size, error: { reason: 'too-large', message: `${file}: ${(size / 2 ** 20).toFixed(1)} MB exceeds the ${MAX_INPUT_BYTES / 2 ** 20} MB input limit; split or convert the file` } };
  }
  const buf = await readFile(file);
  // A plain Uint8Array view (no copy): some readers (pdf.js) refuse Node's Buffer subclass.
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  const hash = sha256(bytes);
  const side = await readSidecar(file);
  const key = sha256(new TextEncoder().encode(`${opts.engine}\n${hash}\n${side.bytes ? sha256(side.bytes) : '-'}`));
  const cachePath = opts.cacheDir ? join(opts.cacheDir, key.slice(0, 2), `${key}.json`) : null;
  // Workers send back the JSON text and only the summary the ledger needs (cloning whole reports is costly).
  const outcome = (report: Report, json: string, cached: boolean): Outcome => ({
    ...base, sha256: hash, bytes: size, json, report: { id: report.id, tables: report.tables, meta: report.meta }, error: null, cached,
  });
  if (cachePath) {
    const hit = await readFile(cachePath, 'utf8').catch(() => null);
    if (hit) {
      // Same bytes, same sidecar: only the path it was found under may differ.
      const report = JSON.parse(hit) as Report;
      report.source.file = file;
      report.source.sidecar = side.file;
      return outcome(report, JSON.stringify(report), true);
    }
  }
  try {
    const report = await extractReport({ bytes, file, sidecar: side.sidecar, sidecarFile: side.file });
    if (side.error) report.notes.push(`sidecar ignored: ${side.error}`);
    const json = JSON.stringify(report);
    if (cachePath) {
      await mkdir(join(opts.cacheDir!, key.slice(0, 2)), { recursive: true });
      const tmp = `${cachePath}.${process.pid}.tmp`;
      await writeFile(tmp, json);
      await rename(tmp, cachePath);
    }
    return outcome(report, json, false);
  } catch (e) {
    if (e instanceof ReadError) return { ...base, sha256: hash, bytes: size, error: { reason: e.reason, message: `${file}: ${e.message}` } };
    const err = e as Error;
    return {
      ...base, sha256: hash, bytes: size,
      error: { reason: 'internal-error', message: `${file}: extraction failed (${err.message}); please report this file. ${err.stack?.split('\n')[1]?.trim() ?? ''}` },
    };
  }
}
