// node scripts/bench/profile-link.ts <ingest-dir>: time the corpus pass of ingest (src/ingest/link.ts) on its own,
// from cards read out of the reports (ingest itself gets them from its workers and cache).
import { readFileSync } from 'node:fs';
import { linkIngested, readCards } from '../../src/ingest/link.ts';

const dir = process.argv[2]!;
const ledger = JSON.parse(readFileSync(`${dir}/ledger.json`, 'utf8')) as { entries: { report_id: string | null }[] };
const ids = [...new Set(ledger.entries.map((e) => e.report_id).filter((x): x is string => !!x))];
let t = performance.now();
const { cards, cross, made } = await readCards(dir, ids);
console.log(`${ids.length} cards read from the reports in ${((performance.now() - t) / 1000).toFixed(1)} s`);
t = performance.now();
await linkIngested(dir, cards, cross, made);
console.log(`${ids.length} reports linked in ${((performance.now() - t) / 1000).toFixed(1)} s, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
