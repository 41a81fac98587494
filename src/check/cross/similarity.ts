import type { Report } from '../../model/report.ts';

// Near-duplicate prose (spec §5.3 DUP: the 2021 notice warns against 内容雷同): MinHash signatures of character
// 5-gram shingles with banded LSH, so the cost grows with the number of reports, not with the number of pairs.
// Only the prose sections count (一, 五, 六): the statistical sections carry the same form labels everywhere.

const SHINGLE = 5;
const HASHES = 64;
const BANDS = 16;
const ROWS = HASHES / BANDS;
/** Shorter prose is mostly boilerplate ("本年度未收取信息处理费"): not worth a lead. */
const MIN_CHARS = 200;

const EMPTY = 0xffffffff;

/** murmur3's 32-bit finaliser: spreads FNV's clustered low bits before they pick a bin. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function fnv(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Prose with digits folded (a copied report with new numbers is still a copy) and punctuation and spaces dropped. */
function proseOf(r: Report): string {
  return [r.sections.s1_overview, r.sections.s5_problems, r.sections.s6_other]
    .map((s) => s?.text ?? '')
    .join('')
    .replace(/\d+(?:\.\d+)?/g, '0')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * One-permutation MinHash: each shingle is hashed once and kept as the minimum of one of HASHES bins, so a
 * signature costs one hash per character. Empty bins (short texts) borrow the next filled bin's value, shifted
 * by the distance, so two texts agree on a borrowed bin only when they agree on its source (rotation densification).
 */
function signature(text: string): Uint32Array | null {
  if (text.length < MIN_CHARS) return null;
  const sig = new Uint32Array(HASHES).fill(EMPTY);
  for (let i = 0; i + SHINGLE <= text.length; i++) {
    const v = mix(fnv(text, i, i + SHINGLE));
    const bin = v % HASHES;
    const rest = Math.floor(v / HASHES);
    if (rest < sig[bin]!) sig[bin] = rest;
  }
  const filled = sig.slice();
  for (let k = 0; k < HASHES; k++) {
    if (sig[k] !== EMPTY) continue;
    for (let d = 1; d < HASHES; d++) {
      const from = filled[(k + d) % HASHES]!;
      if (from === EMPTY) continue;
      sig[k] = from + d * HASHES;
      break;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of the two shingle sets. */
function estimate(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a[k] === b[k]) same++;
  return same / HASHES;
}

export interface SimilarPair {
  a: string;
  b: string;
  similarity: number;
}

/** Pairs of reports whose prose is at least `threshold` similar (estimated), most similar first. */
export function similarPairs(reports: readonly Report[], threshold = 0.8): SimilarPair[] {
  const sigs = reports.map((r) => ({ id: r.id, sig: signature(proseOf(r)) })).filter((x): x is { id: string; sig: Uint32Array } => x.sig !== null);
  const buckets = new Map<string, number[]>();
  for (let i = 0; i < sigs.length; i++) {
    for (let b = 0; b < BANDS; b++) {
      const key = `${b}:${Array.from(sigs[i]!.sig.subarray(b * ROWS, (b + 1) * ROWS)).join(',')}`;
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    }
  }
  const seen = new Set<string>();
  const out: SimilarPair[] = [];
  for (const list of buckets.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const [i, j] = [list[x]!, list[y]!];
        const pairKey = `${i}:${j}`;
        if (seen.has(pairKey)) continue;
        seen.add(pairKey);
        const s = estimate(sigs[i]!.sig, sigs[j]!.sig);
        if (s >= threshold) out.push({ a: sigs[i]!.id, b: sigs[j]!.id, similarity: s });
      }
    }
  }
  return out.sort((p, q) => q.similarity - p.similarity || p.a.localeCompare(q.a) || p.b.localeCompare(q.b));
}
