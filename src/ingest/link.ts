import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '../model/report.ts';
import { linkCorpus, type LinkedCorpus } from '../publish/corpus.ts';

export type CorpusSummary = Omit<LinkedCorpus, 'reports'>;

/**
 * The corpus-level pass after per-file extraction: agencies, cross-report checks (appended to each report's
 * checks and written back), timeliness and leads (written to <outDir>/corpus.json). Report files are
 * rewritten only when their content changed, so unchanged reports keep their bytes and timestamps.
 */
export async function linkIngested(outDir: string, ids: readonly string[]): Promise<CorpusSummary> {
  const dir = join(outDir, 'reports');
  const texts = new Map<string, string>();
  for (const id of ids) texts.set(id, await readFile(join(dir, `${id}.json`), 'utf8'));
  const linked = linkCorpus([...texts.values()].map((t) => JSON.parse(t) as Report));
  for (const r of linked.reports) {
    const json = JSON.stringify(r);
    if (json !== texts.get(r.id)) await writeFile(join(dir, `${r.id}.json`), json);
  }
  const { reports: _reports, ...summary } = linked;
  await writeFile(join(outDir, 'corpus.json'), `${JSON.stringify(summary)}\n`);
  return summary;
}
