import { createHash } from 'node:crypto';
import { closeSync, createReadStream, existsSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { open, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Check, Report } from '../model/report.ts';
import { linkCorpus, type LinkedCorpus } from '../publish/corpus.ts';
import { withCorpus, type Lean } from '../publish/lean.ts';
import { readReportText, writeReportFile } from './report-file.ts';
import { NO_CROSS, corpusCard, crossDigest, withCrossChecks, type CorpusCard } from './card.ts';

export type CorpusSummary = Omit<LinkedCorpus, 'cross'>;

export interface Linked {
  summary: CorpusSummary;
  /** Each report's cross-check digest after the pass. */
  cross: Map<string, string>;
}

/** `notes` is a report's last key and holds only strings, so this is where its `checks` array ends. */
const CHECKS_END = Buffer.from('],"notes":[');
const CHECKS_START = Buffer.from('"checks":[');

/** Where cross-report checks go in a report's JSON text (before its notes), and whether its checks array is empty. */
function checksEnd(text: Buffer): { at: number; first: boolean } | null {
  const at = text.lastIndexOf(CHECKS_END);
  if (at < CHECKS_START.length) return null;
  return { at, first: text.subarray(at - CHECKS_START.length, at).equals(CHECKS_START) };
}

const checksText = (checks: readonly Check[], first: boolean): Buffer =>
  Buffer.from(`${first ? '' : ','}${checks.map((c) => JSON.stringify(c)).join(',')}`);

/**
 * A report that carries no cross-report checks yet (just extracted) gets them appended to its JSON text, without
 * decoding, parsing and re-serialising ~60 KB: the same bytes as JSON.stringify of the report with the checks added.
 */
function appendChecks(text: Buffer, checks: readonly Check[]): Buffer | null {
  const end = checksEnd(text);
  if (!end || !checks.length) return null;
  return Buffer.concat([text.subarray(0, end.at), checksText(checks, end.first), text.subarray(end.at)]);
}

/** Enough of a report's end for its notes, which follow the checks (most are a few hundred bytes); longer ones are read on. */
const TAIL_READ = 4096;

/**
 * appendChecks on the report file itself, when nothing else links to it: only its end (the notes) is read and
 * written again, not the whole report. False when it cannot be done so (the caller rewrites the file).
 */
function appendChecksInPlace(file: string, checks: readonly Check[]): boolean {
  const fd = openSync(file, 'r+');
  try {
    const { size, nlink } = fstatSync(fd);
    if (nlink > 1 || !checks.length) return false;
    for (let want = Math.min(size, TAIL_READ); ; want = Math.min(size, want * 4)) {
      const tail = Buffer.allocUnsafe(want);
      const n = readSync(fd, tail, 0, want, size - want);
      const end = checksEnd(tail.subarray(0, n));
      if (end) {
        const bytes = Buffer.concat([checksText(checks, end.first), tail.subarray(end.at, n)]);
        for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done, size - want + end.at + done);
        return true;
      }
      if (want === size) return false;
    }
  } finally {
    closeSync(fd);
  }
}

/** The site's entries (<outDir>/lean.jsonl): one line per report in id order, `{"digest":…,"entry":…}`. */
export const LEAN_FILE = 'lean.jsonl';

export interface LeanLine { digest: string; entry: Lean }

/** How linkIngested writes a line's head: its digest and report id, readable without parsing the line. */
const LINE_HEAD = /^\{"digest":"([0-9a-f]+)","entry":\{"id":"([^"]+)"/;

/** A report's site entry, and its digest read without parsing the entry. */
export interface LeanLines {
  digest(id: string): string;
  entry(id: string): Lean;
}

/**
 * <outDir>/lean.jsonl by report id, each line kept as text with its digest read off its head: a reader that needs
 * only the digests (what changed since its last run) parses just the entries it uses. Asking for a report the
 * file does not hold throws.
 */
export async function readLeanLines(outDir: string): Promise<LeanLines> {
  const file = join(outDir, LEAN_FILE);
  if (!existsSync(file)) throw new Error(`${file} is missing: run the ingest stage (npm run build) first`);
  const lines = new Map<string, { digest: string; text: string }>();
  for await (const text of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    const head = LINE_HEAD.exec(text);
    if (!head) throw new Error(`${file}, line ${lines.size + 1}: not an entry written by the ingest; run the ingest stage again`);
    lines.set(head[2]!, { digest: head[1]!, text });
  }
  const line = (id: string) => {
    const l = lines.get(id);
    if (!l) throw new Error(`report ${id} has no entry in ${file}: run the ingest stage again`);
    return l;
  };
  return { digest: (id) => line(id).digest, entry: (id) => (JSON.parse(line(id).text) as LeanLine).entry };
}

/** Written whole under its name or not at all (the site and the next ingest trust what they find there). */
export async function writeLines(file: string, lines: readonly string[]): Promise<void> {
  const fh = await open(`${file}.tmp`, 'w');
  try {
    // In blocks: one string of 100,000 entries would be ~120 MB.
    for (let i = 0; i < lines.length; i += 1000) await fh.write(lines.slice(i, i + 1000).join(''));
  } finally {
    await fh.close();
  }
  await rename(`${file}.tmp`, file);
}

/**
 * The corpus-level pass after per-file extraction, on the reports' cards: agencies, cross-report checks,
 * timeliness and leads (written to <outDir>/corpus.json), and the site's entries (lean.jsonl). `cross` holds the
 * digest of the cross-report checks each report file carries now: a report is read and rewritten only when its
 * checks changed (a just-written report, which has none yet, only gets them appended), so the pass costs the
 * cards plus the reports a change touches, not the corpus. `made` says what each report's text is made from apart
 * from those checks (e.g. its cache key and file); with the checks and the entry it gives the entry's digest,
 * which changes whenever the report's page would.
 */
export async function linkIngested(
  outDir: string, cards: readonly CorpusCard[], cross: ReadonlyMap<string, string>, made: ReadonlyMap<string, string>,
): Promise<Linked> {
  const dir = join(outDir, 'reports');
  const { cross: checks, ...summary } = linkCorpus(cards);
  const after = new Map<string, string>();
  const lines: string[] = [];
  for (const card of cards) {
    const mine = checks.get(card.id)!;
    const digest = crossDigest(mine);
    after.set(card.id, digest);
    const entry = JSON.stringify(withCorpus(card.lean, mine));
    const source = made.get(card.id);
    if (source === undefined) throw new Error(`corpus pass: nothing says what report ${card.id} is made from`);
    const page = createHash('sha256').update(`${source}\n${digest}\n${entry}`).digest('hex').slice(0, 24);
    lines.push(`{"digest":"${page}","entry":${entry}}\n`);
    const had = cross.get(card.id);
    if (digest === had) continue;
    // Synchronous: one report at a time either way, and a promise round trip per file cost more than the write.
    const file = join(dir, `${card.id}.json`);
    if (had === NO_CROSS && appendChecksInPlace(file, mine)) continue;
    const text = readReportText(file);
    writeReportFile(file, (had === NO_CROSS && appendChecks(text, mine)) || JSON.stringify(withCrossChecks(JSON.parse(text.toString('utf8')) as Report, mine)));
  }
  await writeFile(join(outDir, 'corpus.json'), `${JSON.stringify(summary)}\n`);
  await writeLines(join(outDir, LEAN_FILE), lines);
  return { summary, cross: after };
}

/** Cards and cross-check digests read from the report files themselves, for a folder ingest did not just write. */
export async function readCards(outDir: string, ids: readonly string[]): Promise<{ cards: CorpusCard[]; cross: Map<string, string>; made: Map<string, string> }> {
  const cards: CorpusCard[] = [];
  const cross = new Map<string, string>();
  const made = new Map<string, string>();
  for (const id of ids) {
    const text = await readFile(join(outDir, 'reports', `${id}.json`), 'utf8');
    const r = JSON.parse(text) as Report;
    cards.push(corpusCard(r));
    cross.set(id, crossDigest(r.checks));
    made.set(id, createHash('sha256').update(text).digest('hex'));
  }
  return { cards, cross, made };
}
