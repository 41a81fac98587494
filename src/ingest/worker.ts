import { parentPort, workerData } from 'node:worker_threads';
import { processFile, type ProcessOptions } from './process-file.ts';

// One ingest worker: takes file paths from the parent, answers with outcomes, one at a time.
const opts = workerData as ProcessOptions;
parentPort!.on('message', async (file: string) => {
  parentPort!.postMessage(await processFile(file, opts));
});
