// Text items of a PDF page (pdf.js getTextContent) reduced to what layout needs, and the rules that join them
// back into lines.

import type { PDFPageProxy } from 'unpdf/pdfjs';

export interface Item {
  str: string;
  /** Left edge and baseline in PDF user space (y up). */
  x: number;
  y: number;
  /** Advance width and font size in points. */
  w: number;
  size: number;
}

export function top(it: Item): number {
  return it.y + it.size * 0.8;
}

/** Vertical centre of the glyph box (baseline + ~⅓ of the font size). */
export function midY(it: Item): number {
  return it.y + it.size * 0.35;
}

export async function pageItems(page: PDFPageProxy): Promise<Item[]> {
  const content = await page.getTextContent();
  const out: Item[] = [];
  for (const raw of content.items) {
    if (!('str' in raw)) continue;
    const str = raw.str;
    if (!str || !str.trim()) continue; // whitespace items carry bogus widths; gaps are measured instead
    const t = raw.transform as number[];
    const size = Math.hypot(t[2] ?? 0, t[3] ?? 0) || raw.height || 10;
    const x = t[4] ?? 0;
    const y = t[5] ?? 0;
    if (raw.dir === 'ttb') {
      // Vertical writing: the run goes down from its origin; emit one item per character, stacked.
      const chars = [...str];
      const step = chars.length ? Math.max(raw.height, size) / chars.length : size;
      chars.forEach((ch, i) => {
        if (ch.trim()) out.push({ str: ch, x, y: y - (i + 1) * step + step * 0.2, w: Math.max(raw.width, size * 0.5), size });
      });
      continue;
    }
    out.push({ str, x, y, w: Math.max(0, raw.width), size });
  }
  return out;
}

const CJK_RE = /[\u2E80-\u9FFF\uF900-\uFAFF\u3000-\u303F\uFF00-\uFFEF]/;
const ALNUM_END_RE = /[A-Za-z0-9.%,)]$/;
const ALNUM_START_RE = /^[A-Za-z0-9(+\-−]/;

/**
 * Join the items of one physical line (already sorted by x). A space goes in where the gap is wide: between CJK
 * characters past almost a full character width, between CJK and Latin/digits past half of one (wider than the
 * ¼-em autospace Word and WPS insert, so "2024 年" stays "2024年"), between Latin/digit runs past a fifth of one
 * (so that adjacent table numbers never run together).
 */
export function joinLine(items: Item[]): string {
  let s = '';
  let prev: Item | null = null;
  for (const it of items) {
    if (prev) {
      const gap = it.x - (prev.x + prev.w);
      const size = Math.max(prev.size, it.size);
      const cjkA = CJK_RE.test(prev.str.at(-1) ?? '');
      const cjkB = CJK_RE.test(it.str[0] ?? '');
      // CJK↔CJK: only a real gap; CJK↔Latin: more than Word's ¼-em autospace; Latin↔Latin: a word space.
      const limit = cjkA && cjkB ? 0.9 : cjkA || cjkB ? 0.5 : 0.2;
      if (gap > size * limit) s += ' ';
    }
    s += it.str;
    prev = it;
  }
  return s.replace(/\s+/g, ' ').trim();
}

/** Join text that wrapped onto a new line: no space, except between two Latin words. */
export function joinWrapped(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return /[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : a + b;
}

/** Join two lines inside one table cell: stacked numbers stay apart, wrapped words join. */
export function joinCellLines(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return ALNUM_END_RE.test(a) && ALNUM_START_RE.test(b) && /\d/.test(a.slice(-1) + b[0]) ? `${a} ${b}` : joinWrapped(a, b);
}

export interface PhysLine {
  items: Item[];
  y: number;
  size: number;
  x0: number;
  x1: number;
  text: string;
}

/** Cluster items into physical lines by baseline (items whose vertical centres are within half a font size). */
export function clusterLines(items: Item[]): PhysLine[] {
  const sorted = items.slice().sort((a, b) => midY(b) - midY(a) || a.x - b.x);
  const groups: Item[][] = [];
  let cur: Item[] = [];
  let curMid = 0;
  let curSize = 0;
  for (const it of sorted) {
    const m = midY(it);
    if (cur.length && Math.abs(curMid - m) <= Math.max(2, Math.min(curSize, it.size) * 0.5)) {
      cur.push(it);
      curMid = (curMid * (cur.length - 1) + m) / cur.length;
      curSize = Math.max(curSize, it.size);
    } else {
      if (cur.length) groups.push(cur);
      cur = [it];
      curMid = m;
      curSize = it.size;
    }
  }
  if (cur.length) groups.push(cur);
  return groups.map((g) => {
    const byX = g.slice().sort((a, b) => a.x - b.x);
    const size = dominantSize(byX);
    return {
      items: byX,
      y: Math.max(...byX.map((i) => i.y)),
      size,
      x0: byX[0]!.x,
      x1: Math.max(...byX.map((i) => i.x + i.w)),
      text: joinLine(byX),
    };
  });
}

/** Font size carrying the most characters. */
export function dominantSize(items: Item[]): number {
  const by = new Map<number, number>();
  for (const it of items) {
    const k = Math.round(it.size * 2) / 2;
    by.set(k, (by.get(k) ?? 0) + it.str.length);
  }
  let best = 10;
  let n = -1;
  for (const [k, c] of by) if (c > n) { best = k; n = c; }
  return best;
}
