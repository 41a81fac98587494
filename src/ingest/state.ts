import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

// What an ingest run left in its output folder, so the next run neither reads nor rewrites an unchanged report.

export const IngestStateSchema = z.strictObject({
  /** Per input file: the cache key its report was made under and the report's id. */
  files: z.record(z.string(), z.strictObject({ key: z.string(), id: z.string() })),
  /** Per report in reports/: the file it was written from and the digest of its cross-report checks. */
  reports: z.record(z.string(), z.strictObject({ file: z.string(), cross: z.string() })),
  /** Per input file rejected under a cache key: why. The same bytes under the same code are rejected again. */
  rejected: z.record(z.string(), z.strictObject({ key: z.string(), reason: z.string(), message: z.string() })),
});
export type IngestState = z.infer<typeof IngestStateSchema>;
export type Rejection = IngestState['rejected'][string];

const NAME = 'ingest-state.json';

/**
 * The previous run's state, removed from the folder as it is read: a run that stops half way leaves none, and
 * the next run trusts nothing it finds there. A missing or unreadable state is an empty one.
 */
export async function takeState(outDir: string): Promise<IngestState> {
  const path = join(outDir, NAME);
  const text = await readFile(path, 'utf8').catch(() => null);
  await rm(path, { force: true });
  return (text !== null && parse(text)) || { files: {}, reports: {}, rejected: {} };
}

function parse(text: string): IngestState | null {
  try {
    return IngestStateSchema.parse(JSON.parse(text));
  } catch {
    return null;
  }
}

export async function saveState(outDir: string, state: IngestState): Promise<void> {
  await writeFile(join(outDir, NAME), `${JSON.stringify(state)}\n`);
}

/** For tools that change reports/ behind ingest's back (assembling shards): the next run re-checks everything. */
export async function forgetState(outDir: string): Promise<void> {
  await rm(join(outDir, NAME), { force: true });
}
