import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Group } from './catalog.ts';
import type { Summary } from './readme.ts';
import type { WrittenFile } from './sink.ts';

/** outDir/files.json: what the data page shows (sizes, rows, columns) without reading the data files. */
export interface Manifest {
  version: string;
  date: string;
  /** DATA-CHANGELOG.md entries (Markdown); pages read them here, not from the repo, once bundled. */
  changelog: string;
  summary: Summary;
  files: (WrittenFile & { description: string })[];
  /** Per-report and per-agency files, summarised (there can be 100k of them). */
  groups: { group: Group; pattern: string; description: string; count: number; bytes: number }[];
}

export const MANIFEST = 'files.json';

export async function readManifest(dataDir: string): Promise<Manifest> {
  const path = join(dataDir, MANIFEST);
  const text = await readFile(path, 'utf8').catch(() => {
    throw new Error(`${path} is missing: the build must run writeDatasets (src/publish/datasets) before the site is rendered`);
  });
  return JSON.parse(text) as Manifest;
}
