// Plain text and Markdown reports: one TextBlock per physical line (blank lines kept, they carry layout), tables
// flattened to text recognised as TableBlocks, page chrome moved to hints.chrome with its line number.

import { extname } from 'node:path';
import type { Block, Document, DocumentHints } from '../model/document.ts';
import { normaliseText } from '../text/normalise.ts';
import { chromeKind, splitChromePrefix } from './chrome.ts';
import { archiveHeaderEnd, crawlerHints } from './crawler.ts';
import { decodeInput } from './input.ts';
import { pipeKind, readPipeTable, readTabTable, stripEmphasis, type SourceLine, type TextTable } from './text-tables.ts';

/** Word export leftovers glued into paragraphs (spec §7.7). */
const ARTEFACT_RE = /\[bookmark: [^\]]*\]|<!--\[if [^\]]*\]-->|<!--\[endif\]-->|<!\[endif\]-->/g;
const HEADING_RE = /^(#{1,6})\s+(.*?)(?:\s+#+)?$/;
/** A .txt file with this many ATX heading lines is Markdown (LLM/OCR conversions are saved as .txt). */
const MARKDOWN_HEADINGS_IN_TXT = 2;

function isMarkdown(format: 'txt' | 'md', lines: readonly string[]): boolean {
  if (format === 'md') return true;
  return lines.filter((l) => HEADING_RE.test(l)).length >= MARKDOWN_HEADINGS_IN_TXT;
}

/** Parse decoded text into blocks and hints. */
export function parseText(text: string, format: 'txt' | 'md', encoding: string, notes: string[] = []): Document {
  const rawLines = text.split(/\r\n|\r|\n/);
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
    .map((raw, k) => ({ n: k + 1, raw: raw.replace(ARTEFACT_RE, '') }))
    .slice(headerEnd + 1);

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
      i = pushTable(readTabTable(lines, i, tables));
      continue;
    }
    const isChrome = chromeKind(line.raw) !== null;
    if (!isChrome && pipeKind(line.raw)) {
      const table = readPipeTable(lines, i, tables, markdown);
      if (table) {
        i = pushTable(table);
        continue;
      }
    }
    i++;
    let t = normaliseText(line.raw).trimEnd();
    if (isChrome) {
      hints.chrome.push({ text: t.trim(), loc: { line: line.n } });
      continue;
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
