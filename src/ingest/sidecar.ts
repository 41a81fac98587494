import { existsSync, readFileSync } from 'node:fs';
import { SIDECAR_SUFFIX, SidecarSchema, type Sidecar } from '../model/sidecar.ts';

export interface SidecarRead {
  sidecar: Sidecar | null;
  file: string | null;
  /** The raw bytes, part of the cache key (a changed sidecar re-extracts the report). */
  bytes: Uint8Array | null;
  error: string | null;
}

/**
 * `<file>.meta.json` beside an input, validated; an invalid sidecar is reported, never silently used. Synchronous:
 * it runs on ingest's worker threads, where a blocking read is cheaper than a promise round trip per file.
 */
export function readSidecar(file: string): SidecarRead {
  const path = file + SIDECAR_SUFFIX;
  let bytes: Uint8Array;
  try {
    if (!existsSync(path)) return { sidecar: null, file: null, bytes: null, error: null };
    bytes = readFileSync(path);
  } catch (e) {
    return { sidecar: null, file: path, bytes: null, error: `${path}: cannot be read (${(e as Error).message})` };
  }
  try {
    const parsed = SidecarSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    if (parsed.success) return { sidecar: parsed.data, file: path, bytes, error: null };
    return { sidecar: null, file: path, bytes, error: `${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
  } catch (e) {
    return { sidecar: null, file: path, bytes, error: `${path}: not valid JSON (${(e as Error).message})` };
  }
}
