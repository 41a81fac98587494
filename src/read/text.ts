// Plain text and Markdown reports: one TextBlock per physical line (blank lines kept, they carry layout), tables
// flattened to text recognised as TableBlocks, page chrome moved to hints.chrome with its line number.

import { extname } from 'node:path';
import type { Block, Document, DocumentHints } from '../model/document.ts';
import { normaliseText } from '../text/normalise.ts';
import { chromeKind, normalisedChromeKind, splitChromePrefix } from './chrome.ts';
import { archiveHeaderEnd, crawlerHints } from './crawler.ts';
import { decodeInput } from './input.ts';
import { pipeKind, readPipeTable, readTabTable, stripEmphasis, type SourceLine, type TextTable } from './text-tables.ts';

/** Word export leftovers glued into paragraphs (spec §7.7); every one contains a "[". */
const ARTEFACT_RE = /\[bookmark: [^\]]*\]|<!--\[if [^\]]*\]-->|<!--\[endif\]-->|<!\[endif\]-->/g;
const HEADING_RE = /^(#{1,6})\s+(.*?)(?:\s+#+)?$/;
/** A .txt file with this many ATX heading lines is Markdown (LLM/OCR conversions are saved as .txt). */
const MARKDOWN_HEADINGS_IN_TXT = 2;

/** A TAB-run cell longer than this is a paragraph: the run is TAB-indented prose, not a table. */
const MAX_TAB_CELL = 120;

/** Paragraphs indented with a TAB also start with one; a table has a row of several cells and no prose cell. */
function isTabTable(run: TextTable): boolean {
  const cells = run.table.rows.flat();
  return run.table.rows.some((r) => r.length > 1) && cells.every((c) => c.text.length <= MAX_TAB_CELL);
}

function isMarkdown(format: 'txt' | 'md', lines: readonly string[]): boolean {
  if (format === 'md') return true;
  return lines.filter((l) => HEADING_RE.test(l)).length >= MARKDOWN_HEADINGS_IN_TXT;
}

/** Parse decoded text into blocks and hints. */
export function parseText(text: string, format: 'txt' | 'md', encoding: string, notes: string[] = []): Document {
  const rawLines = text.split(/\r\n|\r|\n/);
  // A final line break ends the last line; it does not start an empty one.
  if (rawLines.length > 1 && rawLines.at(-1) === '') rawLines.pop();
  const markdown = isMarkdown(format, rawLines);
  if (markdown && format === 'txt') notes.push('Markdown syntax detected in a .txt file: headings and pipe tables read as Markdown');
  const hints: DocumentHints = { chrome: [] };
  const blocks: Block[] = [];

  const headerEnd = archiveHeaderEnd(rawLines);
  if (headerEnd >= 0) {
    const header = rawLines.slice(0, headerEnd + 1);
    Object.assign(hints, crawlerHints(header));
    header.forEach((l, k) => {
      const t = normaliseText(l).trim();
      if (t) hints.chrome.push({ text: t, loc: { line: k + 1 } });
    });
  }
  const lines: SourceLine[] = rawLines
    .map((raw, k) => ({ n: k + 1, raw: raw.includes('[') ? raw.replace(ARTEFACT_RE, '') : raw }))
    .slice(headerEnd + 1);

  const textLine = (line: SourceLine): void => {
    let t = normaliseText(line.raw).trimEnd();
    if (normalisedChromeKind(t)) {
      hints.chrome.push({ text: t.trim(), loc: { line: line.n } });
      return;
    }
    const prefix = splitChromePrefix(t);
    if (prefix) {
      hints.chrome.push({ text: prefix.chrome, loc: { line: line.n } });
      t = prefix.rest;
    }
    const heading = markdown ? HEADING_RE.exec(t) : null;
    if (heading) {
      blocks.push({ kind: 'text', text: stripEmphasis(heading[2] ?? ''), loc: { line: line.n }, heading: heading[1]?.length ?? 1 });
    } else {
      blocks.push({ kind: 'text', text: markdown ? stripEmphasis(t) : t, loc: { line: line.n } });
    }
  };

  let tables = 0;
  const pushTable = (t: TextTable): number => {
    blocks.push(t.table);
    tables++;
    for (const b of t.trailingBlanks) blocks.push({ kind: 'text', text: '', loc: { line: b.n } });
    return t.end;
  };

  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as SourceLine;
    if (line.raw.startsWith('\t')) {
      const run = readTabTable(lines, i, tables);
      if (isTabTable(run)) i = pushTable(run);
      else for (; i < run.end; i++) textLine(lines[i] as SourceLine);
      continue;
    }
    if (pipeKind(line.raw) && !chromeKind(line.raw)) {
      const table = readPipeTable(lines, i, tables, markdown);
      if (table) {
        i = pushTable(table);
        continue;
      }
    }
    textLine(line);
    i++;
  }
  return { format, encoding, blocks, hints, notes };
}

/** Reader for .txt / .md files (and unknown text-like files). */
export function readText(bytes: Uint8Array, file: string): Document {
  const ext = extname(file).toLowerCase();
  const format = ext === '.md' || ext === '.markdown' ? 'md' : 'txt';
  const decoded = decodeInput(bytes, file);
  return parseText(decoded.text, format, decoded.encoding, decoded.notes);
}
