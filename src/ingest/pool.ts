import { Worker } from 'node:worker_threads';
import type { Outcome, ProcessOptions, Task } from './process-file.ts';
import { processFile } from './process-file.ts';

/** Files handed to a worker before it reports back. */
const IN_FLIGHT = 4;

/**
 * Process tasks on `jobs` worker threads (or inline for jobs = 1), calling `onOutcome` as each finishes.
 * Outcomes arrive out of order; callers sort what they keep.
 */
export async function processAll(tasks: readonly Task[], jobs: number, opts: ProcessOptions, onOutcome: (o: Outcome) => void): Promise<void> {
  if (jobs <= 1 || tasks.length < 2) {
    for (const t of tasks) onOutcome(await processFile(t, opts));
    return;
  }
  let next = 0;
  const workers = Array.from({ length: Math.min(jobs, tasks.length) }, () => new Worker(new URL('./worker.ts', import.meta.url), { workerData: opts }));
  try {
    await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      // A few files in flight per worker, so a worker never waits for the main thread to write an outcome
      // (a cached file takes well under a millisecond: one at a time, the round trip was most of the time).
      let inFlight = 0;
      const feed = () => {
        while (inFlight < IN_FLIGHT && next < tasks.length) {
          inFlight++;
          w.postMessage(tasks[next++]);
        }
        if (inFlight === 0) resolve();
      };
      w.on('message', (o: Outcome) => {
        try {
          onOutcome(o);
          inFlight--;
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
