import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import type { Report } from '../src/model/report.ts';
import { toLean } from '../src/site/lean.ts';
import { searchRecord } from '../src/site/searchdoc.ts';
import { shardOf } from '../src/site/shards.ts';

// Pagefind index of the reports, one bundle per report year (dist/pagefind/<year>/): indexing memory is
// bounded by the largest year, and the search page merges the shards in the browser (STACK-NOTES §3).

export interface ShardStat { shard: string; pages: number; seconds: number }

/** Report ids per shard, from the reports' years. */
export function shardIds(reports: Iterable<Pick<Report, 'id' | 'meta'>>): Map<string, string[]> {
  const shards = new Map<string, string[]>();
  for (const r of reports) {
    const s = shardOf(r.meta.year);
    shards.set(s, [...(shards.get(s) ?? []), r.id]);
  }
  return shards;
}

/** Index each shard in turn; only one shard's reports are loaded (via `load`) at a time. */
export async function buildSearchIndex(
  distDir: string, shards: Map<string, string[]>, load: (id: string) => Promise<Report>, onShard?: (s: ShardStat) => void,
): Promise<ShardStat[]> {
  const out = path.join(path.resolve(distDir), 'pagefind');
  await rm(out, { recursive: true, force: true });
  const stats: ShardStat[] = [];
  try {
    for (const shard of [...shards.keys()].sort()) {
      const started = performance.now();
      const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
      if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
      for (const id of shards.get(shard)!) {
        const r = await load(id);
        const res = await index.addCustomRecord(searchRecord(r, toLean(r)));
        if (res.errors.length) throw new Error(`pagefind: report ${r.id}: ${res.errors.join('; ')}`);
      }
      const written = await index.writeFiles({ outputPath: path.join(out, shard) });
      if (written.errors.length) throw new Error(`pagefind: writing shard ${shard}: ${written.errors.join('; ')}`);
      await index.deleteIndex();
      const stat = { shard, pages: shards.get(shard)!.length, seconds: (performance.now() - started) / 1000 };
      stats.push(stat);
      onShard?.(stat);
    }
  } finally {
    await pagefind.close();
  }
  return stats;
}

export const reportLoader = (ingestDir: string) => async (id: string): Promise<Report> =>
  JSON.parse(await readFile(path.join(ingestDir, 'reports', `${id}.json`), 'utf8')) as Report;

// node scripts/search-index.ts [ingestDir] [distDir]: re-index without rebuilding the site.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const ingest = process.argv[2] ?? '.cache/ingest';
  const load = reportLoader(ingest);
  const ids = (await readdir(path.join(ingest, 'reports'))).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
  const shards = shardIds(await Promise.all(ids.map(load)));
  const stats = await buildSearchIndex(process.argv[3] ?? 'dist', shards, load, (s) => console.log(`search-index: shard ${s.shard}: ${s.pages} reports in ${s.seconds.toFixed(1)} s`));
  console.log(`search-index: ${stats.length} shards, ${stats.reduce((a, s) => a + s.pages, 0)} reports`);
}
