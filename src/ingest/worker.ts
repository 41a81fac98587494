import { parentPort, workerData } from 'node:worker_threads';
import { processFile, type ProcessOptions, type Task } from './process-file.ts';

// One ingest worker: takes tasks (file paths) from the parent, answers with outcomes, one at a time.
const opts = workerData as ProcessOptions;
parentPort!.on('message', async (task: Task) => {
  parentPort!.postMessage(await processFile(task, opts));
});
