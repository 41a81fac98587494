// Ruled tables on a PDF page: connected ruling lines → a grid of elementary cells → merged cells (a missing border
// between two elementary cells means they are one cell) → text items placed by position.

import { clusterLines, joinCellLines, midY, type Item } from './items.ts';
import type { HSeg, Rules, VSeg } from './rules.ts';

/** Distance under which two ruling positions are the same line. */
const SNAP = 2;
/** A border exists between two elementary cells when a ruling covers this share of their common edge. */
const COVER = 0.6;

export interface GridCell {
  /** Elementary-grid position (rows top to bottom, columns left to right) and span. */
  r: number;
  c: number;
  rowspan: number;
  colspan: number;
  text: string;
  items: Item[];
  /** Bounds in PDF space. */
  x1: number; x2: number; yTop: number; yBottom: number;
}

export interface PdfTable {
  x1: number; x2: number; top: number; bottom: number;
  /** Elementary rows and columns. */
  nRows: number; nCols: number;
  cells: GridCell[];
}

function cluster(values: number[], tol: number): number[] {
  const sorted = values.slice().sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out.at(-1);
    if (last && v - last.at(-1)! <= tol) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

function mergeH(segs: HSeg[]): HSeg[] {
  const sorted = segs.slice().sort((a, b) => a.y - b.y || a.x1 - b.x1);
  const out: HSeg[] = [];
  for (const s of sorted) {
    const hit = out.find((o) => Math.abs(o.y - s.y) <= SNAP && s.x1 <= o.x2 + SNAP && s.x2 >= o.x1 - SNAP);
    if (hit) { hit.x1 = Math.min(hit.x1, s.x1); hit.x2 = Math.max(hit.x2, s.x2); }
    else out.push({ ...s });
  }
  return out;
}

function mergeV(segs: VSeg[]): VSeg[] {
  const sorted = segs.slice().sort((a, b) => a.x - b.x || a.y1 - b.y1);
  const out: VSeg[] = [];
  for (const s of sorted) {
    const hit = out.find((o) => Math.abs(o.x - s.x) <= SNAP && s.y1 <= o.y2 + SNAP && s.y2 >= o.y1 - SNAP);
    if (hit) { hit.y1 = Math.min(hit.y1, s.y1); hit.y2 = Math.max(hit.y2, s.y2); }
    else out.push({ ...s });
  }
  return out;
}

class UnionFind {
  private p: number[];
  constructor(n: number) { this.p = Array.from({ length: n }, (_, i) => i); }
  find(i: number): number {
    while (this.p[i] !== i) { this.p[i] = this.p[this.p[i]!]!; i = this.p[i]!; }
    return i;
  }
  union(a: number, b: number): void { this.p[this.find(a)] = this.find(b); }
}

function covered(spans: [number, number][], lo: number, hi: number): number {
  const parts = spans.map(([a, b]) => [Math.max(a, lo), Math.min(b, hi)] as [number, number]).filter(([a, b]) => b > a).sort((p, q) => p[0] - q[0]);
  let total = 0;
  let end = lo;
  for (const [a, b] of parts) {
    const s = Math.max(a, end);
    if (b > s) { total += b - s; end = b; }
  }
  return hi > lo ? total / (hi - lo) : 0;
}

interface Component { h: HSeg[]; v: VSeg[] }

function components(h: HSeg[], v: VSeg[]): Component[] {
  const uf = new UnionFind(h.length + v.length);
  for (let i = 0; i < h.length; i++) {
    const a = h[i]!;
    for (let j = 0; j < v.length; j++) {
      const b = v[j]!;
      if (b.x >= a.x1 - SNAP - 1 && b.x <= a.x2 + SNAP + 1 && a.y >= b.y1 - SNAP - 1 && a.y <= b.y2 + SNAP + 1) uf.union(i, h.length + j);
    }
  }
  const groups = new Map<number, Component>();
  h.forEach((s, i) => { const k = uf.find(i); const g = groups.get(k) ?? { h: [], v: [] }; g.h.push(s); groups.set(k, g); });
  v.forEach((s, j) => { const k = uf.find(h.length + j); const g = groups.get(k) ?? { h: [], v: [] }; g.v.push(s); groups.set(k, g); });
  return [...groups.values()];
}

interface Grid {
  xs: number[]; // ascending
  ys: number[]; // descending (top first)
  hasV: (xi: number, r: number) => boolean;
  hasH: (yi: number, c: number) => boolean;
}

function gridOf(comp: Component): Grid | null {
  const xs = cluster(comp.v.map((s) => s.x), SNAP);
  const hYs = cluster(comp.h.map((s) => s.y), SNAP);
  // A table cut by a page break has no border on the cut side, but its vertical rules run on to the cut: close the
  // grid there with a virtual border (when at least two verticals agree).
  const virtual: number[] = [];
  const lowest = hYs[0] ?? 0;
  const highest = hYs.at(-1) ?? 0;
  const below = comp.v.filter((s) => s.y1 < lowest - 3).map((s) => s.y1).sort((a, b) => a - b);
  const above = comp.v.filter((s) => s.y2 > highest + 3).map((s) => s.y2).sort((a, b) => a - b);
  if (below.length >= 2) virtual.push(below[Math.floor(below.length / 2)]!);
  if (above.length >= 2) virtual.push(above[Math.floor(above.length / 2)]!);
  const ys = [...hYs, ...virtual].sort((a, b) => b - a);
  if (xs.length < 3 || ys.length < 2) return null; // at least two columns
  const vAt = xs.map((x) => comp.v.filter((s) => Math.abs(s.x - x) <= SNAP).map((s) => [s.y1, s.y2] as [number, number]));
  const hAt = ys.map((y) => virtual.includes(y)
    ? [[xs[0]!, xs.at(-1)!] as [number, number]]
    : comp.h.filter((s) => Math.abs(s.y - y) <= SNAP).map((s) => [s.x1, s.x2] as [number, number]));
  return {
    xs, ys,
    hasV: (xi, r) => covered(vAt[xi] ?? [], ys[r + 1]!, ys[r]!) >= COVER,
    hasH: (yi, c) => covered(hAt[yi] ?? [], xs[c]!, xs[c + 1]!) >= COVER,
  };
}

interface Region { rmin: number; rmax: number; cmin: number; cmax: number; open: boolean; items: Item[] }

function regionsOf(g: Grid): { regions: Region[]; at: (r: number, c: number) => Region } {
  const R = g.ys.length - 1;
  const C = g.xs.length - 1;
  const uf = new UnionFind(R * C);
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      if (c + 1 < C && !g.hasV(c + 1, r)) uf.union(r * C + c, r * C + c + 1);
      if (r + 1 < R && !g.hasH(r + 1, c)) uf.union(r * C + c, (r + 1) * C + c);
    }
  }
  const byRoot = new Map<number, Region>();
  const cellRegion: Region[] = [];
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const k = uf.find(r * C + c);
      let reg = byRoot.get(k);
      if (!reg) { reg = { rmin: r, rmax: r, cmin: c, cmax: c, open: false, items: [] }; byRoot.set(k, reg); }
      reg.rmin = Math.min(reg.rmin, r); reg.rmax = Math.max(reg.rmax, r);
      reg.cmin = Math.min(reg.cmin, c); reg.cmax = Math.max(reg.cmax, c);
      cellRegion[r * C + c] = reg;
    }
  }
  const regions = [...byRoot.values()];
  for (const reg of regions) {
    for (let r = reg.rmin; r <= reg.rmax && !reg.open; r++) {
      if (!g.hasV(reg.cmin, r) || !g.hasV(reg.cmax + 1, r)) reg.open = true;
    }
    for (let c = reg.cmin; c <= reg.cmax && !reg.open; c++) {
      if (!g.hasH(reg.rmin, c) || !g.hasH(reg.rmax + 1, c)) reg.open = true;
    }
  }
  return { regions, at: (r, c) => cellRegion[r * C + c]! };
}

function locate(sorted: number[], v: number, descending: boolean): number {
  // Index i of the interval [sorted[i], sorted[i+1]) containing v, or -1.
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i]!;
    const b = sorted[i + 1]!;
    if (descending ? v <= a && v > b : v >= a && v < b) return i;
  }
  return -1;
}

/** Split an item whose characters fall into different columns (a whole row printed as one text run). */
function splitByColumns(it: Item, xs: number[]): { item: Item; col: number }[] {
  const n = it.str.length;
  const cw = n ? it.w / n : 0;
  const colOf = (x: number) => Math.max(0, Math.min(xs.length - 2, locate(xs, x, false) === -1 ? (x < xs[0]! ? 0 : xs.length - 2) : locate(xs, x, false)));
  const first = colOf(it.x + cw / 2);
  const last = colOf(it.x + it.w - cw / 2);
  if (first === last || n < 2) return [{ item: it, col: colOf(it.x + it.w / 2) }];
  const out: { item: Item; col: number }[] = [];
  let start = 0;
  let col = first;
  for (let i = 1; i <= n; i++) {
    const ci = i < n ? colOf(it.x + (i + 0.5) * cw) : -1;
    if (ci !== col) {
      const str = it.str.slice(start, i);
      if (str.trim()) out.push({ item: { ...it, str, x: it.x + start * cw, w: (i - start) * cw }, col });
      start = i;
      col = ci;
    }
  }
  return out;
}

function cellText(items: Item[]): string {
  if (!items.length) return '';
  return clusterLines(items).map((l) => l.text).reduce((a, b) => joinCellLines(a, b), '');
}

/**
 * Find the ruled tables of a page and distribute the page's text items: items inside a table cell go to that cell,
 * everything else is returned as `rest` for the text flow.
 */
export function findTables(rules: Rules, items: Item[]): { tables: PdfTable[]; rest: Item[] } {
  const comps = components(mergeH(rules.h), mergeV(rules.v)).filter((c) => c.h.length >= 2 && c.v.length >= 2);
  const grids = comps.map(gridOf).filter((g): g is Grid => g !== null);
  const built = grids.map((g) => ({ g, ...regionsOf(g) }));
  const rest: Item[] = [];
  for (const it of items) {
    const cy = midY(it);
    const cx = it.x + it.w / 2;
    const t = built.find(({ g }) => cx >= g.xs[0]! - 1 && cx <= g.xs.at(-1)! + 1 && cy <= g.ys[0]! + 1 && cy >= g.ys.at(-1)! - 1);
    if (!t) { rest.push(it); continue; }
    const r = Math.max(0, locate(t.g.ys, cy, true) === -1 ? (cy > t.g.ys[0]! ? 0 : t.g.ys.length - 2) : locate(t.g.ys, cy, true));
    for (const part of splitByColumns(it, t.g.xs)) t.at(r, part.col).items.push(part.item);
  }
  const tables: PdfTable[] = [];
  for (const { g, regions } of built) {
    const kept = regions.filter((reg) => !reg.open || reg.items.length > 0);
    const cells: GridCell[] = kept
      .sort((a, b) => a.rmin - b.rmin || a.cmin - b.cmin)
      .map((reg) => ({
        r: reg.rmin, c: reg.cmin, rowspan: reg.rmax - reg.rmin + 1, colspan: reg.cmax - reg.cmin + 1,
        text: cellText(reg.items), items: reg.items,
        x1: g.xs[reg.cmin]!, x2: g.xs[reg.cmax + 1]!, yTop: g.ys[reg.rmin]!, yBottom: g.ys[reg.rmax + 1]!,
      }));
    if (!cells.length) continue;
    tables.push({ x1: g.xs[0]!, x2: g.xs.at(-1)!, top: g.ys[0]!, bottom: g.ys.at(-1)!, nRows: g.ys.length - 1, nCols: g.xs.length - 1, cells });
  }
  tables.sort((a, b) => b.top - a.top);
  return { tables, rest };
}
