// Corpus documents for the meta, sections and narrative tests, read through the project's readers.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Document } from '../src/model/document.ts';
import { readDocument } from '../src/read/index.ts';
import { parseText } from '../src/read/text.ts';

export const ROOT = join(import.meta.dirname, '..');
export const SEEDS = join(ROOT, 'content/corpus/seeds');
export const REAL = join(ROOT, 'content/corpus/real');
export const EXPECTED = '/work/shared/corpus/seeds/expected';

export const SEED_FILES = ['000_265202b0c314e512', '001_c06d29f5e948cb40', '002_920a4b5d549ad15c', '003_1547371ff49f8649', '004_b2a6ebfd1a6d7656'];

export interface Expected {
  meta: Record<string, unknown> & { contact?: Record<string, string> };
  narrative?: Record<string, number | boolean>;
}

export function expected(seed: string): Expected {
  return JSON.parse(readFileSync(join(EXPECTED, `${seed}.json`), 'utf8')) as Expected;
}

const cache = new Map<string, Promise<Document>>();

/** A corpus file as a Document (read once per test file). */
export function loadDoc(path: string): Promise<Document> {
  let doc = cache.get(path);
  if (!doc) {
    doc = Promise.resolve(readDocument(new Uint8Array(readFileSync(path)), basename(path)));
    cache.set(path, doc);
  }
  return doc;
}

export const seedDoc = (seed: string) => loadDoc(join(SEEDS, `${seed}.txt`));
export const realDoc = (file: string) => loadDoc(join(REAL, file));

/** A small text report written inline in a test, read by the text reader. */
export function textDoc(lines: readonly string[]): Document {
  return parseText(lines.join('\n'), 'txt', 'utf-8');
}
