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

export async function buildSearchIndex(distDir: string, reports: readonly Report[], onShard?: (s: ShardStat) => void): Promise<ShardStat[]> {
  const out = path.join(path.resolve(distDir), 'pagefind');
  await rm(out, { recursive: true, force: true });
  const shards = new Map<string, Report[]>();
  for (const r of reports) {
    const s = shardOf(r.meta.year);
    shards.set(s, [...(shards.get(s) ?? []), r]);
  }
  const stats: ShardStat[] = [];
  try {
    for (const shard of [...shards.keys()].sort()) {
      const started = performance.now();
      const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
      if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
      for (const r of shards.get(shard)!) {
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

// node scripts/search-index.ts [ingestDir] [distDir]: re-index without rebuilding the site.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const ingest = process.argv[2] ?? '.cache/ingest';
  const dir = path.join(ingest, 'reports');
  const reports = await Promise.all((await readdir(dir)).filter((f) => f.endsWith('.json')).map(async (f) => JSON.parse(await readFile(path.join(dir, f), 'utf8')) as Report));
  const stats = await buildSearchIndex(process.argv[3] ?? 'dist', reports, (s) => console.log(`search-index: shard ${s.shard}: ${s.pages} reports in ${s.seconds.toFixed(1)} s`));
  console.log(`search-index: ${stats.length} shards, ${stats.reduce((a, s) => a + s.pages, 0)} reports`);
}
