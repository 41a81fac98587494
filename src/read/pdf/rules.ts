// Ruling lines of a PDF page, from pdf.js's operator list: stroked path segments and thin filled rectangles
// (Word/WPS draw table borders either way), in PDF user space (origin bottom-left, y up).

import type { PDFPageProxy } from 'unpdf/pdfjs';

/** Horizontal segment: y, x1 < x2. Vertical segment: x, y1 < y2. */
export interface HSeg { y: number; x1: number; x2: number }
export interface VSeg { x: number; y1: number; y2: number }
export interface Rules { h: HSeg[]; v: VSeg[] }

type Matrix = [number, number, number, number, number, number];

/** The pdf.js operator codes this module needs (resolved once from the bundled pdf.js). */
export interface OpCodes {
  save: number; restore: number; transform: number; constructPath: number;
  paintFormXObjectBegin: number; paintFormXObjectEnd: number;
  stroke: number; closeStroke: number; fill: number; eoFill: number; fillStroke: number; eoFillStroke: number;
  closeFillStroke: number; closeEOFillStroke: number;
  setFillRGBColor: number; setStrokeRGBColor: number;
}

// pdf.js DrawOPS (path data codes inside constructPath).
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUAD_TO = 3;
const CLOSE = 4;

/** Thickness below which a filled rectangle is a line rather than a shaded area. */
const THIN = 2.5;
/** Slope tolerance: a segment is horizontal/vertical when its other extent is below this. */
const AXIS_TOL = 1;

function multiply(m: Matrix, n: Matrix): Matrix {
  // Result = n × m (apply n first, then m), the PDF `cm` convention: new CTM = n · CTM.
  return [
    n[0] * m[0] + n[1] * m[2],
    n[0] * m[1] + n[1] * m[3],
    n[2] * m[0] + n[3] * m[2],
    n[2] * m[1] + n[3] * m[3],
    n[4] * m[0] + n[5] * m[2] + m[4],
    n[4] * m[1] + n[5] * m[3] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function toMatrix(a: unknown): Matrix | null {
  if (!a || typeof a !== 'object' || !('length' in a)) return null;
  const arr = Array.from(a as ArrayLike<number>);
  if (arr.length !== 6 || arr.some((n) => typeof n !== 'number' || !Number.isFinite(n))) return null;
  return arr as Matrix;
}

/** Path data of a constructPath op: pdf.js 5+/6 passes [op, [Float32Array], minMax]; accept a bare array too. */
function pathData(arg: unknown): ArrayLike<number>[] {
  if (!arg || typeof arg !== 'object') return [];
  const first = (arg as ArrayLike<unknown>)[0];
  if (typeof first === 'number') return [arg as ArrayLike<number>];
  return Array.from(arg as ArrayLike<unknown>).filter((x): x is ArrayLike<number> => !!x && typeof x === 'object' && 'length' in x);
}

interface SubPath { pts: [number, number][]; closed: boolean; curved: boolean }

function subPaths(data: ArrayLike<number>, ctm: Matrix): SubPath[] {
  const out: SubPath[] = [];
  let cur: SubPath | null = null;
  let i = 0;
  while (i < data.length) {
    const op = data[i++];
    if (op === MOVE_TO || op === LINE_TO) {
      const p = apply(ctm, data[i] ?? 0, data[i + 1] ?? 0);
      i += 2;
      if (op === MOVE_TO || !cur) {
        cur = { pts: [p], closed: false, curved: false };
        out.push(cur);
      } else cur.pts.push(p);
    } else if (op === CURVE_TO || op === QUAD_TO) {
      const n = op === CURVE_TO ? 6 : 4;
      const p = apply(ctm, data[i + n - 2] ?? 0, data[i + n - 1] ?? 0);
      i += n;
      if (!cur) { cur = { pts: [], closed: false, curved: true }; out.push(cur); }
      cur.curved = true;
      cur.pts.push(p);
    } else if (op === CLOSE) {
      if (cur) cur.closed = true;
      cur = null;
    } else {
      break; // unknown code: stop rather than misread the rest
    }
  }
  return out;
}

function addEdge(rules: Rules, a: [number, number], b: [number, number]): void {
  const dx = Math.abs(a[0] - b[0]);
  const dy = Math.abs(a[1] - b[1]);
  if (dy <= AXIS_TOL && dx > AXIS_TOL) rules.h.push({ y: (a[1] + b[1]) / 2, x1: Math.min(a[0], b[0]), x2: Math.max(a[0], b[0]) });
  else if (dx <= AXIS_TOL && dy > AXIS_TOL) rules.v.push({ x: (a[0] + b[0]) / 2, y1: Math.min(a[1], b[1]), y2: Math.max(a[1], b[1]) });
}

function bbox(pts: [number, number][]): { x1: number; y1: number; x2: number; y2: number } {
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
}

/** Is this closed sub-path an axis-aligned rectangle? */
function isRect(sp: SubPath): boolean {
  if (sp.curved) return false;
  const pts = sp.pts.slice();
  const last = pts.at(-1);
  const first = pts[0];
  if (last && first && pts.length === 5 && Math.abs(last[0] - first[0]) < 0.01 && Math.abs(last[1] - first[1]) < 0.01) pts.pop();
  if (pts.length !== 4) return false;
  for (let k = 0; k < 4; k++) {
    const a = pts[k]!;
    const b = pts[(k + 1) % 4]!;
    if (Math.abs(a[0] - b[0]) > AXIS_TOL && Math.abs(a[1] - b[1]) > AXIS_TOL) return false;
  }
  return true;
}

/** White or near-white paint draws nothing visible on a white page (WPS paints white boxes behind text lines). */
function invisible(color: string): boolean {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  return !!m && [m[1], m[2], m[3]].every((h) => parseInt(h!, 16) >= 0xf0);
}

interface GState { ctm: Matrix; fill: string; stroke: string }

/**
 * Collect the page's horizontal and vertical ruling segments: stroked axis-aligned segments and thin filled
 * rectangles, in visible colours. Clip paths, shaded areas (cell or paragraph backgrounds) and white paint are
 * ignored.
 */
export async function pageRules(page: PDFPageProxy, ops: OpCodes): Promise<Rules> {
  const list = await page.getOperatorList();
  const rules: Rules = { h: [], v: [] };
  const strokeOps = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fillOps = new Set([ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  let gs: GState = { ctm: [1, 0, 0, 1, 0, 0], fill: '#000000', stroke: '#000000' };
  const stack: GState[] = [];
  const fns = list.fnArray;
  const args = list.argsArray as unknown[][];
  for (let i = 0; i < fns.length; i++) {
    const fn = fns[i];
    const a = args[i];
    if (fn === ops.save) stack.push({ ...gs });
    else if (fn === ops.restore) gs = stack.pop() ?? gs;
    else if (fn === ops.transform) {
      const m = toMatrix(a);
      if (m) gs.ctm = multiply(gs.ctm, m);
    } else if (fn === ops.paintFormXObjectBegin) {
      stack.push({ ...gs });
      const m = toMatrix(a?.[0]);
      if (m) gs.ctm = multiply(gs.ctm, m);
    } else if (fn === ops.paintFormXObjectEnd) gs = stack.pop() ?? gs;
    else if (fn === ops.setFillRGBColor && typeof a?.[0] === 'string') gs.fill = a[0];
    else if (fn === ops.setStrokeRGBColor && typeof a?.[0] === 'string') gs.stroke = a[0];
    else if (fn === ops.constructPath && a) {
      const ctm = gs.ctm;
      const paint = a[0] as number;
      const stroked = strokeOps.has(paint) && !invisible(gs.stroke);
      const filled = fillOps.has(paint) && !invisible(gs.fill);
      if (!stroked && !filled) continue; // clip or endPath
      for (const data of pathData(a[1])) {
        for (const sp of subPaths(data, ctm)) {
          if (sp.curved || sp.pts.length < 2) continue;
          const rect = isRect(sp) || (sp.closed && sp.pts.length === 4 && isRect({ ...sp, pts: [...sp.pts, sp.pts[0]!] }));
          if (filled && rect) {
            const b = bbox(sp.pts);
            const w = b.x2 - b.x1;
            const h = b.y2 - b.y1;
            if (h <= THIN && w > THIN) rules.h.push({ y: (b.y1 + b.y2) / 2, x1: b.x1, x2: b.x2 });
            else if (w <= THIN && h > THIN) rules.v.push({ x: (b.x1 + b.x2) / 2, y1: b.y1, y2: b.y2 });
            if (!stroked) continue;
          }
          if (!stroked) continue;
          for (let k = 1; k < sp.pts.length; k++) addEdge(rules, sp.pts[k - 1]!, sp.pts[k]!);
          if (sp.closed && sp.pts.length > 2) addEdge(rules, sp.pts.at(-1)!, sp.pts[0]!);
        }
      }
    }
  }
  return rules;
}
