import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { CorpusCard } from './card.ts';
import { writeLines } from './link.ts';

// Every report's corpus card in one file (<outDir>/cards.jsonl), beside ingest-state.json: a rebuild takes an
// unchanged file's card from here instead of from its cache entry. At 10,000 files, opening each entry (on a
// worker, then sending the card to the main thread) was most of an unchanged ingest. Trusted only for a file
// the state names (takeState) and under the cache key the file has now, so a stale or half-written store is
// never used: its cards are simply made again.

const NAME = 'cards.jsonl';

export interface StoredCard { key: string; card: CorpusCard }

/** `<report id>\t<cache key>\t<card JSON>` per line, in report id order. */
export async function readCardStore(outDir: string): Promise<Map<string, StoredCard>> {
  const file = join(outDir, NAME);
  const cards = new Map<string, StoredCard>();
  if (!existsSync(file)) return cards;
  try {
    for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
      const a = line.indexOf('\t');
      const b = line.indexOf('\t', a + 1);
      if (a < 0 || b < 0) return new Map();
      cards.set(line.slice(0, a), { key: line.slice(a + 1, b), card: JSON.parse(line.slice(b + 1)) as CorpusCard });
    }
  } catch {
    return new Map();
  }
  return cards;
}

export async function writeCardStore(outDir: string, cards: readonly StoredCard[]): Promise<void> {
  await writeLines(join(outDir, NAME), cards.map(({ key, card }) => `${card.id}\t${key}\t${JSON.stringify(card)}\n`));
}
