import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Loader } from 'astro/loaders';
import { LEAN_FILE, type LeanLine } from '../ingest/link.ts';

/**
 * Lean collection loader: the entries the ingest wrote (<ingest dir>/lean.jsonl, made from reports it validated
 * against ReportSchema), ~1.7 KB each, so no build process reads the ~60 KB reports to list them. An entry whose
 * digest is unchanged is not validated again. When NIANBAO_REPORT_IDS names a JSON file with a list of report ids
 * (a shard build, scripts/build.ts --shard), only those reports are loaded.
 */
export function reportsLoader(dir: string): Loader {
  return {
    name: 'nianbao-reports',
    async load({ store, parseData, logger }) {
      const file = path.join(dir, LEAN_FILE);
      const only = process.env.NIANBAO_REPORT_IDS ? new Set(JSON.parse(await readFile(process.env.NIANBAO_REPORT_IDS, 'utf8')) as string[]) : null;
      const seen = new Set<string>();
      let parsed = 0;
      if (existsSync(file)) {
        for await (const text of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
          const { digest, entry } = JSON.parse(text) as LeanLine;
          if (only && !only.has(entry.id)) continue;
          seen.add(entry.id);
          if (store.get(entry.id)?.digest === digest) continue;
          store.set({ id: entry.id, data: await parseData({ id: entry.id, data: entry }), digest });
          parsed++;
        }
      }
      if (seen.size === 0) logger.warn(`no reports in ${file}: run the ingest stage (npm run build) first`);
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      logger.info(`${seen.size} reports (${parsed} validated, ${seen.size - parsed} unchanged)`);
    },
  };
}
