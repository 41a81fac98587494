import { Worker } from 'node:worker_threads';
import type { Outcome, ProcessOptions } from './process-file.ts';
import { processFile } from './process-file.ts';

/**
 * Process files on `jobs` worker threads (or inline for jobs = 1), calling `onOutcome` as each finishes.
 * Outcomes arrive out of order; callers sort what they keep.
 */
export async function processAll(files: readonly string[], jobs: number, opts: ProcessOptions, onOutcome: (o: Outcome) => void | Promise<void>): Promise<void> {
  if (jobs <= 1 || files.length < 2) {
    for (const f of files) await onOutcome(await processFile(f, opts));
    return;
  }
  let next = 0;
  const workers = Array.from({ length: Math.min(jobs, files.length) }, () => new Worker(new URL('./worker.ts', import.meta.url), { workerData: opts }));
  try {
    await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      const feed = () => {
        if (next >= files.length) return resolve();
        w.postMessage(files[next++]);
      };
      w.on('message', async (o: Outcome) => {
        try {
          await onOutcome(o);
          feed();
        } catch (e) {
          reject(e);
        }
      });
      w.on('error', reject);
      feed();
    })));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
