import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file under dir (absolute paths; symbolic links left out), told apart by the directory entries' own types:
 * Node's recursive readdirSync also stats every entry, which took twice as long over a site's ~60,000 files.
 */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  walk(dir);
  return out;
}
