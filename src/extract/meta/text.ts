// Prose as one searchable string: hard-wrapped lines (PDF, Markdown from PDF) joined back into paragraphs,
// spaces between CJK characters and digits removed ("2023 年" → "2023年"), with a map back to each line's loc.

import type { Document } from '../../model/document.ts';
import type { Loc } from '../../model/location.ts';

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
const SENTENCE_END_RE = /[。;；!！?？:：)）]$/;
/** Headings are never wrapped prose, whatever their length. */
const HEADING_RE = /^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、](?!\d))/;
const WORD_CHAR_RE = /[A-Za-z0-9]/;

/**
 * One line as extraction matches it: whitespace dropped except between two ASCII letters or digits, so
 * "2023 年", "号 , 邮 编 : 223100" (NFKC made ，： ASCII) and "年 度 报 告" close up while "230 000023" does not.
 */
export function squeezeLine(s: string): string {
  const t = s.trim();
  if (!/\s/.test(t)) return t;
  return t.replace(/\s+/g, (m, at: number, str: string) => (WORD_CHAR_RE.test(str[at - 1] ?? '') && WORD_CHAR_RE.test(str[at + m.length] ?? '') ? ' ' : ''));
}

/** Join lines into paragraphs separated by "\n"; wrapped lines are glued without a break. */
export function joinProse(lines: readonly Line[]): Prose {
  let text = '';
  const starts: number[] = [];
  const locs: Loc[] = [];
  let prev = '';
  for (const line of lines) {
    const t = squeezeLine(line.text);
    if (!t) continue;
    if (text) {
      const heading = HEADING_RE.test(prev) && !prev.includes('。');
      const wrapped = prev.length >= WRAP_MIN && !SENTENCE_END_RE.test(prev) && !heading && !HEADING_RE.test(t);
      text += wrapped && !(/[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(t)) ? '' : '\n';
    }
    starts.push(text.length);
    locs.push(line.loc);
    text += t;
    prev = t;
  }
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

/** Non-empty text lines of the body, trimmed, with their locs. */
export function bodyLines(doc: Document): Line[] {
  const out: Line[] = [];
  for (const b of doc.blocks) {
    if (b.kind !== 'text') continue;
    const text = b.text.trim();
    if (text) out.push({ text, loc: b.loc });
  }
  return out;
}

/** Catalogue blocks are small tables; the statistical tables are larger. */
const MAX_CATALOGUE_ROWS = 10;

/** Rows of small tables as " | "-joined lines (catalogue blocks are often tables). */
export function tableRowLines(doc: Document): Line[] {
  const out: Line[] = [];
  for (const b of doc.blocks) {
    if (b.kind !== 'table' || b.rows.length > MAX_CATALOGUE_ROWS) continue;
    for (const row of b.rows) {
      const text = row.map((c) => c.text.trim()).join(' | ');
      if (text.replace(/[\s|]/g, '')) out.push({ text, loc: row[0]?.loc ?? b.loc });
    }
  }
  return out;
}
