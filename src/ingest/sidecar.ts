import { readFile } from 'node:fs/promises';
import { SIDECAR_SUFFIX, SidecarSchema, type Sidecar } from '../model/sidecar.ts';

export interface SidecarRead {
  sidecar: Sidecar | null;
  file: string | null;
  /** The raw bytes, part of the cache key (a changed sidecar re-extracts the report). */
  bytes: Uint8Array | null;
  error: string | null;
}

/** `<file>.meta.json` beside an input, validated; an invalid sidecar is reported, never silently used. */
export async function readSidecar(file: string): Promise<SidecarRead> {
  const path = file + SIDECAR_SUFFIX;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    return { sidecar: null, file: null, bytes: null, error: null };
  }
  try {
    const parsed = SidecarSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    if (parsed.success) return { sidecar: parsed.data, file: path, bytes, error: null };
    return { sidecar: null, file: path, bytes, error: `${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
  } catch (e) {
    return { sidecar: null, file: path, bytes, error: `${path}: not valid JSON (${(e as Error).message})` };
  }
}
