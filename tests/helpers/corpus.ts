import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The bundled corpus (always present) and the shared answer keys (present beside a checkout, as in CI). */
export const ROOT = join(import.meta.dirname, '..', '..');
export const SEEDS_DIR = join(ROOT, 'content', 'corpus', 'seeds');
export const REAL_DIR = join(ROOT, 'content', 'corpus', 'real');
const SHARED_EXPECTED = join(ROOT, '..', 'shared', 'corpus', 'seeds', 'expected');

export interface Expected {
  file: string;
  meta: Record<string, unknown> & { contact?: Record<string, string> };
  narrative?: Record<string, number | boolean>;
  cells_printed: Record<string, number>;
  cells_blank: string[];
  checks: { strict_fail: string[]; expected_warnings: string[] };
}

export function seedFiles(): string[] {
  return readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();
}

export function expectedFor(seedFile: string): Expected {
  const path = join(SHARED_EXPECTED, seedFile.replace(/\.txt$/, '.json'));
  if (!existsSync(path)) throw new Error(`answer key ${path} not found: the tests need ../shared beside the checkout`);
  return JSON.parse(readFileSync(path, 'utf8')) as Expected;
}
