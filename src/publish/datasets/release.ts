import { readFile } from 'node:fs/promises';

// The dataset's version and date. Never the wall clock: the date is the newest DATA-CHANGELOG.md entry, or
// SOURCE_DATE_EPOCH when a build pins it (reproducible-builds.org convention), so rebuilds are byte-identical.

export interface Release {
  /** package.json version. */
  version: string;
  /** YYYY-MM-DD. */
  date: string;
  /** The DATA-CHANGELOG.md entries (from the first "## " heading on), for the README. */
  changelog: string;
}

const ROOT = new URL('../../../', import.meta.url);
const ENTRY = /^## +(\S+) +[—–-]+ +(\d{4}-\d{2}-\d{2})\s*$/m;

export function parseChangelog(text: string): { version: string; date: string; body: string } {
  const m = ENTRY.exec(text);
  if (!m) throw new Error('DATA-CHANGELOG.md has no entry like "## 0.1.0 — 2026-01-31"');
  return { version: m[1]!, date: m[2]!, body: text.slice(m.index).trim() };
}

export function epochDate(epoch: string): string {
  const seconds = Number(epoch);
  if (!Number.isInteger(seconds) || seconds < 0) throw new Error(`SOURCE_DATE_EPOCH is not a Unix time: ${epoch}`);
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

export async function readRelease(env: NodeJS.ProcessEnv = process.env): Promise<Release> {
  const pkg = JSON.parse(await readFile(new URL('package.json', ROOT), 'utf8')) as { version: string };
  const log = parseChangelog(await readFile(new URL('DATA-CHANGELOG.md', ROOT), 'utf8'));
  const date = env.SOURCE_DATE_EPOCH ? epochDate(env.SOURCE_DATE_EPOCH) : log.date;
  return { version: pkg.version, date, changelog: log.body };
}
