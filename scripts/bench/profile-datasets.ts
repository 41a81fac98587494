// node --cpu-prof scripts/bench/profile-datasets.ts <ingest-dir>: time writeDatasets over every report in <ingest-dir>/reports.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDatasets } from '../../src/publish/datasets/index.ts';
import type { Report } from '../../src/model/report.ts';

const dir = join(process.argv[2]!, 'reports');
const reports = readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Report);
console.log(await benchDatasets(reports));
