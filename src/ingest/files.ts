import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SIDECAR_SUFFIX } from '../model/sidecar.ts';

/**
 * Input files under the given paths, depth-first in sorted order so runs are deterministic. Sidecar
 * metadata files travel with their report and are not inputs of their own.
 */
export async function listInputs(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (p: string): Promise<void> => {
    const s = await stat(p);
    if (s.isDirectory()) {
      const names = (await readdir(p)).sort();
      for (const n of names) await walk(join(p, n));
    } else if (s.isFile() && !p.endsWith(SIDECAR_SUFFIX)) out.push(p);
  };
  for (const p of paths) await walk(p);
  return out;
}
