// Page furniture (page numbers, running headers/footers) and paragraph re-joining for PDF text lines.

import { labelKey } from '../../text/normalise.ts';
import type { PhysLine } from './items.ts';

const PAGE_NUMBER_RES = [
  /^[-—–－~·•\s]*\d{1,4}[-—–－~·•\s]*$/, // "- 1 -", "— 1 —", "1"
  /^第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/, // "第 3 页", "第3页 共6页"
  /^共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页$/,
  /^(?:page|p\.?)\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i, // "Page 9", "P. 9", "page 2 of 6"
  /^\d{1,4}\s*\/\s*\d{1,4}$/, // "3/6"
  /^[-—–－]?\s*\d{1,4}\s*[-—–－]?\s*\/\s*[-—–－]?\s*\d{1,4}\s*[-—–－]?$/,
];

export function isPageNumber(text: string): boolean {
  const t = text.normalize('NFKC').trim();
  return t.length > 0 && t.length <= 24 && PAGE_NUMBER_RES.some((re) => re.test(t));
}

/** Lines in the top or bottom margin band of the page (where furniture lives). */
export function inMarginBand(line: PhysLine, pageH: number): boolean {
  return line.y > pageH * 0.9 || line.y < pageH * 0.1;
}

/** Digits generalised, spaces dropped: the same running header on every page gives the same signature. */
export function signature(text: string): string {
  return labelKey(text).replace(/\d+/g, '#');
}

const SENTENCE_END_RE = /[。！？!?：:；;]$/;
const HEADING_START_RE = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十\d]+[章节部分条]|\d+[、.．](?!\d))/;
const NUMBER_TOKEN_RE = /^[-+−]?\d[\d,]*(?:\.\d+)?%?$/;

/** A line that looks like a flattened table row: it ends in three or more separate numbers. */
export function isNumericRow(text: string): boolean {
  const tokens = text.trim().split(' ');
  return tokens.length >= 3 && tokens.slice(-3).every((t) => NUMBER_TOKEN_RE.test(t));
}

export interface Margins { left: number; right: number; bodySize: number }

function percentile(values: number[], p: number): number {
  const s = values.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.floor(p * (s.length - 1))))] ?? 0;
}

/** Body font size (most characters), left margin (most common line start) and right margin of the text flow. */
export function margins(lines: PhysLine[]): Margins {
  const bySize = new Map<number, number>();
  for (const l of lines) bySize.set(l.size, (bySize.get(l.size) ?? 0) + l.text.length);
  let bodySize = 12;
  let best = -1;
  for (const [s, n] of bySize) if (n > best) { best = n; bodySize = s; }
  const body = lines.filter((l) => Math.abs(l.size - bodySize) <= 0.6);
  const starts = new Map<number, number>();
  for (const l of body) {
    const k = Math.round(l.x0 / 2) * 2;
    starts.set(k, (starts.get(k) ?? 0) + 1);
  }
  let left = 0;
  best = -1;
  for (const [k, n] of starts) if (n > best || (n === best && k < left)) { best = n; left = k; }
  const right = body.length ? percentile(body.map((l) => l.x1), 0.9) : 0;
  return { left, right, bodySize };
}

/**
 * Does line `b` continue the paragraph of line `a`? Yes when `a` runs to the right margin, `b` starts at the left
 * margin (Chinese paragraphs indent their first line), both use the same font size and neither is a table row.
 */
export function continues(a: PhysLine, b: PhysLine, m: Margins, samePage: boolean): boolean {
  if (Math.abs(a.size - b.size) > 1) return false;
  if (a.x1 < m.right - a.size * 1.2) return false;
  if (b.x0 > m.left + b.size * 0.6) return false;
  if (a.x0 < m.left - a.size * 2) return false; // a line hanging into the left margin is not body text
  if (samePage && (a.y - b.y > Math.max(a.size, b.size) * 2.4 || a.y <= b.y)) return false;
  if (isNumericRow(a.text) || isNumericRow(b.text)) return false;
  if (SENTENCE_END_RE.test(a.text) && HEADING_START_RE.test(b.text)) return false;
  return true;
}
