import { describe, expect, it } from 'vitest';
import { proseSignature, similarPairs } from '../src/check/cross/similarity.ts';
import type { Report } from '../src/model/report.ts';
import { REAL_DIR } from './helpers/corpus.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// Near-duplicate pairs through banded LSH against the plain definition: every pair that agrees on all rows of at
// least one band (16 bands of 4) and agrees on ≥ 80% of the 64 MinHash values, found by comparing all pairs.

const section = (text: string) => ({ text }) as NonNullable<Report['sections']['s1_overview']>;

/** Real report prose, cut into paragraphs and recombined: some pairs share most of their text, most do not. */
function corpus(): { id: string; prose: number[] | null }[] {
  const paras = readdirSync(REAL_DIR).filter((f) => f.endsWith('.txt')).flatMap((f) => readFileSync(join(REAL_DIR, f), 'utf8').split(/\n+/)).filter((p) => p.length > 60);
  const out: { id: string; prose: number[] | null }[] = [];
  for (let i = 0; i < 160; i++) {
    // Reports 2k and 2k+1 share their first paragraphs; every fifth gets one paragraph changed.
    const base = Math.floor(i / 2) * 4;
    const picked = [0, 1, 2, 3].map((k) => paras[(base + k + (i % 5 === 0 && k === 3 ? 500 : 0)) % paras.length]!);
    out.push({ id: `r${String(i).padStart(3, '0')}`, prose: proseSignature({ sections: { s1_overview: section(picked.join('')), s5_problems: null, s6_other: null } as unknown as Report['sections'] }) });
  }
  return out;
}

describe('near-duplicate prose', () => {
  it('finds exactly the pairs that share a band and agree on 80% of their signature, most similar first', () => {
    const reports = corpus();
    const sigs = reports.filter((r) => r.prose);
    expect(sigs.length).toBeGreaterThan(100);
    const expected: { a: string; b: string; similarity: number }[] = [];
    for (let x = 0; x < sigs.length; x++) {
      for (let y = x + 1; y < sigs.length; y++) {
        const [a, b] = [sigs[x]!.prose!, sigs[y]!.prose!];
        const band = Array.from({ length: 16 }, (_, n) => [0, 1, 2, 3].every((r) => a[4 * n + r] === b[4 * n + r])).some(Boolean);
        const same = a.filter((v, k) => v === b[k]).length / 64;
        if (band && same >= 0.8) expected.push({ a: sigs[x]!.id, b: sigs[y]!.id, similarity: same });
      }
    }
    expected.sort((p, q) => q.similarity - p.similarity || p.a.localeCompare(q.a) || p.b.localeCompare(q.b));
    expect(expected.length).toBeGreaterThan(20);
    expect(similarPairs(reports)).toEqual(expected);
  });
});
