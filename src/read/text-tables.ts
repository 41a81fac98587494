// Tables flattened into plain text (spec §7.2): L1 one TAB-prefixed cell per line (docx → text), and pipe rows
// L3a/L3c ("a | b | c", markdown "| a | b |") and L3b (one "cell |" per line, rows split by "|" lines).
// Readers never interpret cells: empty cells stay "" because they are blank values or span placeholders.

import type { TableBlock, TableCell } from '../model/document.ts';
import { normaliseText } from '../text/normalise.ts';
import { isChromeLine } from './chrome.ts';
import { joinWrapped } from './join.ts';

/** One physical line: 1-based number in the original file, raw text (artefacts removed, TABs kept). */
export interface SourceLine {
  n: number;
  raw: string;
}

/** A cell's text and the number of the line it was printed on. */
interface RawCell {
  text: string;
  n: number;
}

export interface TextTable {
  table: TableBlock;
  /** Index (into the lines array) of the first line after the table. */
  end: number;
  /** Blank lines read while looking for more rows, after the last one: they belong to the text again. */
  trailingBlanks: SourceLine[];
}

/** Normalised text with surrounding space removed: the text of one cell. */
function cellText(raw: string, markdown: boolean): string {
  const t = normaliseText(raw).trim();
  return markdown ? stripEmphasis(t) : t;
}

/** Markdown **bold** / __bold__ markers; the words stay. */
export function stripEmphasis(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, '$1').replace(/__(.+?)__/g, '$1');
}

function isBlank(raw: string): boolean {
  return normaliseText(raw).trim() === '';
}

function toTable(rows: RawCell[][], tableIndex: number): TableBlock {
  const cells: TableCell[][] = rows.map((row, r) =>
    row.map((c, col) => ({ text: c.text, loc: { line: c.n, table: tableIndex, row: r, col } })),
  );
  return { kind: 'table', rows: cells, loc: { line: rows[0]?.[0]?.n ?? 1, table: tableIndex } };
}

/**
 * L1: lines[start] begins with a TAB. Each TAB line is a cell, a blank line ends the row, a non-TAB line right
 * after a cell continues it ("商业" + "企业"), and a non-TAB line after a blank line ends the table.
 */
export function readTabTable(lines: readonly SourceLine[], start: number, tableIndex: number): TextTable {
  const rows: RawCell[][] = [];
  let row: RawCell[] | null = null;
  let blanks: SourceLine[] = [];
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (!line) break;
    if (line.raw.startsWith('\t')) {
      if (!row) {
        row = [];
        rows.push(row);
      }
      row.push({ text: cellText(line.raw.slice(1), false), n: line.n });
      blanks = [];
    } else if (isBlank(line.raw)) {
      row = null;
      blanks.push(line);
    } else if (row && blanks.length === 0) {
      const last = row[row.length - 1];
      if (last) last.text = joinWrapped(last.text, cellText(line.raw, false));
    } else {
      break;
    }
  }
  return { table: toTable(rows, tableIndex), end: i, trailingBlanks: blanks };
}

type PipeKind = 'separator' | 'pipes-only' | 'row' | 'cell';

const SEPARATOR_RE = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|*$/;

/** How a line takes part in a pipe table, or null when it has no table pipes. */
export function pipeKind(raw: string): PipeKind | null {
  // Only "|" and the full-width "｜" normalise to a pipe; most lines have neither and need no normalising.
  if (!raw.includes('|') && !raw.includes('｜')) return null;
  const t = normaliseText(raw).trim();
  const pipes = t.split('|').length - 1;
  if (pipes === 0) return null;
  if (SEPARATOR_RE.test(t)) return 'separator';
  if (/^[|\s]+$/.test(t)) return 'pipes-only';
  if (pipes >= 2) return 'row';
  return t.endsWith('|') ? 'cell' : null;
}

function splitRow(raw: string, markdown: boolean): string[] {
  const t = normaliseText(raw).trim();
  const cells = t.split('|');
  if (t.startsWith('|')) cells.shift();
  if (t.endsWith('|')) cells.pop();
  return cells.map((c) => cellText(c, markdown));
}

/** Rows without any text and trailing columns empty in every row carry nothing (markdown "||" line ends). */
function dropEmpty(rows: RawCell[][]): RawCell[][] {
  const kept = rows.filter((r) => r.some((c) => c.text !== ''));
  while (kept.length > 0 && kept.every((r) => r.length > 1 && r[r.length - 1]?.text === '')) {
    for (const r of kept) r.pop();
  }
  return kept;
}

/**
 * Pipe tables starting at lines[start] (pipeKind not null). Returns null when the run is not a table (a lone
 * "text |" line); the caller then treats the line as text.
 */
export function readPipeTable(
  lines: readonly SourceLine[],
  start: number,
  tableIndex: number,
  markdown: boolean,
): TextTable | null {
  let end = start;
  const kinds: PipeKind[] = [];
  for (; end < lines.length; end++) {
    const raw = lines[end]?.raw ?? '';
    const kind = pipeKind(raw);
    if (!kind || isChromeLine(raw)) break;
    kinds.push(kind);
  }
  const run = lines.slice(start, end);
  let rows: RawCell[][];
  if (kinds.includes('row')) {
    // L3a / L3c: one row per line.
    rows = run
      .filter((_, k) => kinds[k] === 'row' || kinds[k] === 'cell')
      .map((line) => splitRow(line.raw, markdown).map((text) => ({ text, n: line.n })));
  } else if (kinds.filter((k) => k === 'cell').length >= 2 && kinds.includes('pipes-only')) {
    // L3b: one cell per line, rows separated by pipe-only lines.
    rows = [[]];
    run.forEach((line, k) => {
      const text = normaliseText(line.raw).trim().replace(/\|$/, '');
      if (kinds[k] === 'cell') rows[rows.length - 1]?.push({ text: cellText(text, markdown), n: line.n });
      else rows.push([]);
    });
  } else {
    return null;
  }
  const kept = dropEmpty(rows);
  if (kept.length === 0) return null;
  return { table: toTable(kept, tableIndex), end, trailingBlanks: [] };
}
