// Prose as one searchable string: hard-wrapped lines (PDF, Markdown from PDF) joined back into paragraphs,
// spaces between CJK characters and digits removed ("2023 年" → "2023年"), with a map back to each line's loc.

import type { Document } from '../../model/document.ts';
import type { Loc } from '../../model/location.ts';
import { codeSet, isSpaceCode, isWordCode } from '../../text/chars.ts';

export interface Line {
  text: string;
  loc: Loc;
}

export interface Prose {
  text: string;
  /** Loc of the line the character at `offset` came from. */
  locAt(offset: number): Loc;
}

/** A wrapped line is long and does not end a sentence; shorter lines (headings, signatures) end a paragraph. */
const WRAP_MIN = 18;
/** Characters that end a sentence (or a clause before a list), tested on a line's last character. */
const SENTENCE_ENDS = codeSet('。;；!！?？:：)）');
/** Headings are never wrapped prose, whatever their length. */
const HEADING_RE = /^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、](?!\d))/;

/**
 * One line as extraction matches it: whitespace dropped except between two ASCII letters or digits, so
 * "2023 年", "号 , 邮 编 : 223100" (NFKC made ，： ASCII) and "年 度 报 告" close up while "230 000023" does not.
 */
export function squeezeLine(s: string): string {
  const t = s.trim();
  let out = '';
  let from = 0;
  for (let i = 0; i < t.length; i++) {
    if (!isSpaceCode(t.charCodeAt(i))) continue;
    // A run of whitespace inside the (trimmed) line: cut it, or keep one space between two word characters.
    let end = i + 1;
    while (isSpaceCode(t.charCodeAt(end))) end++;
    out += t.slice(from, i) + (isWordCode(t.charCodeAt(i - 1)) && isWordCode(t.charCodeAt(end)) ? ' ' : '');
    from = end;
    i = end;
  }
  return from === 0 ? t : out + t.slice(from);
}

/** Join lines into paragraphs separated by "\n"; wrapped lines are glued without a break. */
export function joinProse(lines: readonly Line[]): Prose {
  const starts: number[] = [];
  const locs: Loc[] = [];
  const text = joinLines(lines, starts, locs);
  return {
    text,
    locAt(offset: number): Loc {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return locs[lo] ?? {};
    },
  };
}

/** joinProse's text alone, for callers that never map an offset back to its line. */
export function proseText(lines: readonly Line[]): string {
  return joinLines(lines, null, null);
}

function joinLines(lines: readonly Line[], starts: number[] | null, locs: Loc[] | null): string {
  let text = '';
  let prev = '';
  // Whether the previous line reads as wrapped prose: long, no sentence end, not a heading.
  let prevWraps = false;
  for (const line of lines) {
    const t = squeezeLine(line.text);
    if (!t) continue;
    if (text) {
      const wrapped = prevWraps && !HEADING_RE.test(t);
      // `text` ends with `prev`: testing `prev` spares flattening the growing string.
      text += wrapped && !(isWordCode(prev.charCodeAt(prev.length - 1)) && isWordCode(t.charCodeAt(0))) ? '' : '\n';
    }
    starts?.push(text.length);
    locs?.push(line.loc);
    text += t;
    prev = t;
    prevWraps = t.length >= WRAP_MIN && !SENTENCE_ENDS.has(t.charCodeAt(t.length - 1)) && !(HEADING_RE.test(t) && !t.includes('。'));
  }
  return text;
}

/** Catalogue blocks are small tables; the statistical tables are larger. */
const MAX_CATALOGUE_ROWS = 10;
const CONTENT_RE = /[^\s|]/;

/**
 * In one pass over the blocks: the body's text blocks that are not blank (text untrimmed: every user trims or
 * squeezes it), and the rows of small tables as " | "-joined lines (catalogue blocks are often tables).
 */
export function documentLines(doc: Document): { body: Line[]; tableRows: Line[] } {
  const body: Line[] = [];
  const tableRows: Line[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'text') {
      if (b.text.trim()) body.push(b);
      continue;
    }
    if (b.rows.length > MAX_CATALOGUE_ROWS) continue;
    for (const row of b.rows) {
      const text = row.map((c) => c.text.trim()).join(' | ');
      if (CONTENT_RE.test(text)) tableRows.push({ text, loc: row[0]?.loc ?? b.loc });
    }
  }
  return { body, tableRows };
}
