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
function proseOf(r: Pick<Report, 'sections'>): string {
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

/** Estimated Jaccard similarity of the shingle sets of signatures a and b (offsets into one array). */
function estimate(sigs: Uint32Array, a: number, b: number): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (sigs[a + k] === sigs[b + k]) same++;
  return same / HASHES;
}

/** A report's prose signature (what a corpus card keeps of its text); null when too short to judge. */
export function proseSignature(r: Pick<Report, 'sections'>): number[] | null {
  const sig = signature(proseOf(r));
  return sig && Array.from(sig);
}

export interface SimilarPair {
  a: string;
  b: string;
  similarity: number;
}

/** The first band in which signatures a and b agree on every row: a pair is judged in that band's bucket only. */
function firstSharedBand(sigs: Uint32Array, a: number, b: number): number {
  for (let band = 0; band < BANDS; band++) {
    let k = band * ROWS;
    while (k < (band + 1) * ROWS && sigs[a + k] === sigs[b + k]) k++;
    if (k === (band + 1) * ROWS) return band;
  }
  return -1;
}

/**
 * In a bucket shared by more reports than this (boilerplate many agencies print), each report is compared with the
 * next NEIGHBOURS only: the cost stays linear in the corpus, and a cluster of copies still shows, as chains of pairs,
 * though not every pair of it. Smaller buckets compare every pair.
 */
const NEIGHBOURS = 32;

/**
 * A band's rows as one number (52 bits from two 32-bit hashes), cheaper to key a Map by than the rows joined into
 * a string (161,600 keys at 10,100 reports). Two bands that collide share a bucket but not their rows, and
 * firstSharedBand keeps them apart.
 */
function bandKey(sigs: Uint32Array, at: number, band: number): number {
  let h1 = 0x9e3779b9;
  let h2 = 0x7f4a7c15;
  for (let k = at + band * ROWS; k < at + (band + 1) * ROWS; k++) {
    h1 = mix(h1 ^ sigs[k]!);
    h2 = mix((h2 + Math.imul(sigs[k]!, 0x27d4eb2f)) >>> 0);
  }
  return h1 * 0x100000 + (h2 & 0xfffff);
}

/** Pairs of reports whose prose is at least `threshold` similar (estimated), most similar first. */
export function similarPairs(reports: readonly { id: string; prose: number[] | null }[], threshold = 0.8): SimilarPair[] {
  const ids = reports.flatMap((r) => (r.prose ? [r.id] : []));
  // Every signature in one typed array (report i at i * HASHES): comparing them is most of the work.
  const sigs = new Uint32Array(ids.length * HASHES);
  let n = 0;
  for (const r of reports) if (r.prose) sigs.set(r.prose, HASHES * n++);
  const buckets = Array.from({ length: BANDS }, () => new Map<number, number[]>());
  for (let i = 0; i < ids.length; i++) {
    for (let b = 0; b < BANDS; b++) {
      const key = bandKey(sigs, i * HASHES, b);
      const list = buckets[b]!.get(key);
      if (list) list.push(i);
      else buckets[b]!.set(key, [i]);
    }
  }
  const out: SimilarPair[] = [];
  buckets.forEach((bucket, band) => {
    for (const list of bucket.values()) {
      for (let x = 0; x < list.length; x++) {
        const a = list[x]! * HASHES;
        for (let y = x + 1; y < list.length && y <= x + NEIGHBOURS; y++) {
          const b = list[y]! * HASHES;
          if (firstSharedBand(sigs, a, b) !== band) continue;
          const s = estimate(sigs, a, b);
          if (s >= threshold) out.push({ a: ids[list[x]!]!, b: ids[list[y]!]!, similarity: s });
        }
      }
    }
  });
  return out.sort((p, q) => q.similarity - p.similarity || p.a.localeCompare(q.a) || p.b.localeCompare(q.b));
}
