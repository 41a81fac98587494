import { createReadStream, existsSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
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

/** `<report id>\t<cache key>\t<card JSON>` per line: in report id order when written whole, then new ones appended. */
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

const line = ({ key, card }: StoredCard) => `${card.id}\t${key}\t${JSON.stringify(card)}\n`;

export async function writeCardStore(outDir: string, cards: readonly StoredCard[]): Promise<void> {
  await writeLines(join(outDir, NAME), cards.map(line));
}

/**
 * New cards added at the end (a line for an id already there supersedes it): adding reports does not rewrite the
 * others' (~6 KB each). A line cut short by a crash makes the whole store untrusted, as any damage does.
 */
export async function appendCardStore(outDir: string, cards: readonly StoredCard[]): Promise<void> {
  await appendFile(join(outDir, NAME), cards.map(line).join(''));
}
