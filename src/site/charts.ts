import { max } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';

// Chart geometry computed at build time with d3 scales and shapes; components turn it into inline SVG.
// Axes are drawn by hand from scale.ticks() (d3-axis needs a DOM). Coordinates are rounded to keep pages small.

const r1 = (n: number) => Math.round(n * 10) / 10;

export interface BarDatum { label: string; value: number; href?: string }
export interface BarGeom {
  width: number; height: number; labelWidth: number;
  bars: (BarDatum & { y: number; h: number; w: number })[];
  ticks: { x: number; value: number }[];
}

/** Horizontal bars, one per datum, labels on the left. */
export function barGeometry(data: readonly BarDatum[], width = 640, labelWidth = 160): BarGeom {
  const band = 22;
  const height = data.length * band + 24;
  const y = scaleBand<number>().domain(data.map((_, i) => i)).range([0, data.length * band]).padding(0.2);
  const x = scaleLinear().domain([0, max(data, (d) => d.value) || 1]).nice().range([labelWidth, width - 48]);
  return {
    width, height, labelWidth,
    bars: data.map((d, i) => ({ ...d, y: r1(y(i)!), h: r1(y.bandwidth()), w: r1(x(d.value) - labelWidth) })),
    ticks: x.ticks(4).map((value) => ({ x: r1(x(value)), value })),
  };
}

export interface StackPart { key: string; value: number; colour: string }
export interface StackRow { label: string; parts: StackPart[] }
export interface StackGeom {
  width: number; height: number; labelWidth: number;
  rows: { label: string; y: number; h: number; total: number; segs: (StackPart & { x: number; w: number })[] }[];
  ticks: { x: number; value: number }[];
}

/** Horizontal stacked bars on a shared count axis (zero parts are dropped). */
export function stackGeometry(rows: readonly StackRow[], width = 640, labelWidth = 120): StackGeom {
  const band = 28;
  const height = rows.length * band + 24;
  const totals = rows.map((r) => r.parts.reduce((s, p) => s + p.value, 0));
  const y = scaleBand<number>().domain(rows.map((_, i) => i)).range([0, rows.length * band]).padding(0.25);
  const x = scaleLinear().domain([0, max(totals) || 1]).nice().range([labelWidth, width - 16]);
  return {
    width, height, labelWidth,
    rows: rows.map((row, i) => {
      let acc = 0;
      const segs = row.parts.filter((p) => p.value > 0).map((p) => {
        const seg = { ...p, x: r1(x(acc)), w: r1(x(acc + p.value) - x(acc)) };
        acc += p.value;
        return seg;
      });
      return { label: row.label, y: r1(y(i)!), h: r1(y.bandwidth()), total: totals[i]!, segs };
    }),
    ticks: x.ticks(4).map((value) => ({ x: r1(x(value)), value })),
  };
}

export interface Series { key: string; label: string; colour: string; points: { x: number; y: number | null }[] }
export interface LineGeom {
  width: number; height: number;
  paths: { key: string; label: string; colour: string; d: string; dots: { cx: number; cy: number; x: number; y: number }[] }[];
  xTicks: { x: number; value: number }[];
  yTicks: { y: number; value: number }[];
  plot: { left: number; right: number; top: number; bottom: number };
}

/** Year-on-year lines; gaps (null) break the line instead of drawing through missing years. */
export function lineGeometry(series: readonly Series[], width = 640, height = 220): LineGeom {
  const plot = { left: 48, right: width - 16, top: 12, bottom: height - 28 };
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = series.flatMap((s) => s.points.map((p) => p.y ?? 0));
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const x = scaleLinear().domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi]).range([plot.left + 8, plot.right - 8]);
  const y = scaleLinear().domain([0, max(ys) || 1]).nice().range([plot.bottom, plot.top]);
  const gen = line<{ x: number; y: number | null }>()
    .defined((p) => p.y !== null)
    .x((p) => r1(x(p.x)))
    .y((p) => r1(y(p.y ?? 0)));
  return {
    width, height, plot,
    paths: series.map((s) => ({
      key: s.key, label: s.label, colour: s.colour, d: gen(s.points) ?? '',
      dots: s.points.filter((p) => p.y !== null).map((p) => ({ cx: r1(x(p.x)), cy: r1(y(p.y!)), x: p.x, y: p.y! })),
    })),
    xTicks: [...new Set(xs)].sort((a, b) => a - b).map((value) => ({ x: r1(x(value)), value })),
    yTicks: y.ticks(4).map((value) => ({ y: r1(y(value)), value })),
  };
}
