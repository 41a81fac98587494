import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { ReportSchema } from '../model/report.ts';
import { LEAN_VERSION, toLean } from './lean.ts';

/**
 * Lean collection loader: validates every report JSON the ingest wrote against ReportSchema and stores only
 * its lean projection. Unchanged files (same digest as the stored entry) are not re-validated. When
 * NIANBAO_REPORT_IDS names a JSON file with a list of report ids (a shard build, scripts/build.ts --shard),
 * only those reports are loaded.
 */
export function reportsLoader(dir: string): Loader {
  return {
    name: 'nianbao-reports',
    async load({ store, parseData, generateDigest, logger }) {
      const reportsDir = path.join(dir, 'reports');
      const only = process.env.NIANBAO_REPORT_IDS ? new Set(JSON.parse(await readFile(process.env.NIANBAO_REPORT_IDS, 'utf8')) as string[]) : null;
      const files = (await readdir(reportsDir).catch(() => [] as string[])).filter((f) => f.endsWith('.json') && (!only || only.has(f.slice(0, -5))));
      if (files.length === 0) logger.warn(`no reports in ${reportsDir}`);
      const seen = new Set<string>();
      let parsed = 0;
      for (const f of files) {
        const text = await readFile(path.join(reportsDir, f), 'utf8');
        const digest = generateDigest(`${LEAN_VERSION}\n${text}`);
        const id = f.slice(0, -'.json'.length);
        seen.add(id);
        if (store.get(id)?.digest === digest) continue;
        const result = ReportSchema.safeParse(JSON.parse(text));
        if (!result.success) {
          throw new Error(`${path.join(reportsDir, f)} does not match ReportSchema:\n${result.error.issues.slice(0, 5).map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
        }
        const data = await parseData({ id, data: toLean(result.data) });
        store.set({ id, data, digest });
        parsed++;
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      logger.info(`${files.length} reports (${parsed} validated, ${files.length - parsed} unchanged)`);
    },
  };
}
