import { readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/**
 * Every file under dir (absolute paths; symbolic links left out) and the folders that hold nothing at all, told
 * apart by the directory entries' own types: Node's recursive readdirSync also stats every entry, which took twice
 * as long over a site's ~60,000 files.
 */
export function treeUnder(dir: string): { files: string[]; empty: string[] } {
  const files: string[] = [];
  const empty: string[] = [];
  const walk = (d: string) => {
    const entries = readdirSync(d, { withFileTypes: true });
    if (entries.length === 0) empty.push(d);
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) files.push(p);
    }
  };
  walk(dir);
  return { files, empty };
}

/** Every file under dir (treeUnder). */
export function filesUnder(dir: string): string[] {
  return treeUnder(dir).files;
}

/** Every file under dir by its path inside dir ("reports/abc/index.html", "/" between folders) → its absolute path. */
export function filesByPath(dir: string): Map<string, string> {
  const root = resolve(dir);
  return new Map(filesUnder(root).map((f) => [relative(root, f).split(sep).join('/'), f]));
}
