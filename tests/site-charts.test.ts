import { describe, expect, it } from 'vitest';
import { barGeometry, lineGeometry, stackGeometry } from '../src/site/charts.ts';

const finite = (o: unknown): boolean => JSON.stringify(o).match(/null|NaN|Infinity/) === null;

describe('chart geometry (d3 scales, no DOM)', () => {
  it('bars are proportional to their values', () => {
    const g = barGeometry([{ label: 'a', value: 10 }, { label: 'b', value: 5 }, { label: 'c', value: 0 }]);
    expect(g.bars[1]!.w * 2).toBeCloseTo(g.bars[0]!.w, 0);
    expect(g.bars[2]!.w).toBe(0);
    expect(g.bars.every((b) => b.w <= g.width - g.labelWidth)).toBe(true);
  });

  it('stacks segments end to end and drops zero parts', () => {
    const g = stackGeometry([{ label: 'r', parts: [{ key: 'a', value: 3, colour: '#000' }, { key: 'b', value: 0, colour: '#111' }, { key: 'c', value: 1, colour: '#222' }] }]);
    const [a, c] = g.rows[0]!.segs;
    expect(g.rows[0]!.segs.map((s) => s.key)).toEqual(['a', 'c']);
    expect(a!.x + a!.w).toBeCloseTo(c!.x, 0);
    expect(g.rows[0]!.total).toBe(4);
  });

  it('breaks lines at missing years and keeps coordinates finite and rounded', () => {
    const g = lineGeometry([{ key: 's', label: 's', colour: '#000', points: [{ x: 2019, y: 1 }, { x: 2020, y: null }, { x: 2021, y: 3 }] }]);
    expect(g.paths[0]!.d.match(/M/g)).toHaveLength(2);
    expect(g.paths[0]!.dots).toHaveLength(2);
    expect(finite(g)).toBe(true);
    expect(g.paths[0]!.d).not.toMatch(/\.\d{2,}/);
  });

  it('handles empty and all-zero data', () => {
    expect(finite(barGeometry([]))).toBe(true);
    expect(finite(stackGeometry([{ label: 'x', parts: [] }]))).toBe(true);
    expect(finite(lineGeometry([{ key: 's', label: 's', colour: '#000', points: [{ x: 2020, y: 0 }] }]))).toBe(true);
  });
});
