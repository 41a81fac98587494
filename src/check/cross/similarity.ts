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

/** Estimated Jaccard similarity of the two shingle sets. */
function estimate(a: readonly number[], b: readonly number[]): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a[k] === b[k]) same++;
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

/** The first band in which two signatures agree on every row: a pair is judged in that band's bucket only. */
function firstSharedBand(a: readonly number[], b: readonly number[]): number {
  for (let band = 0; band < BANDS; band++) {
    let k = band * ROWS;
    while (k < (band + 1) * ROWS && a[k] === b[k]) k++;
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

/** Pairs of reports whose prose is at least `threshold` similar (estimated), most similar first. */
export function similarPairs(reports: readonly { id: string; prose: number[] | null }[], threshold = 0.8): SimilarPair[] {
  const sigs = reports.flatMap((r) => (r.prose ? [{ id: r.id, sig: r.prose }] : []));
  const buckets = new Map<string, number[]>();
  for (let i = 0; i < sigs.length; i++) {
    for (let b = 0; b < BANDS; b++) {
      const key = `${b}:${sigs[i]!.sig.slice(b * ROWS, (b + 1) * ROWS).join(',')}`;
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    }
  }
  const out: SimilarPair[] = [];
  for (const [key, list] of buckets) {
    const band = Number(key.slice(0, key.indexOf(':')));
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length && y <= x + NEIGHBOURS; y++) {
        const [a, b] = [sigs[list[x]!]!, sigs[list[y]!]!];
        if (firstSharedBand(a.sig, b.sig) !== band) continue;
        const s = estimate(a.sig, b.sig);
        if (s >= threshold) out.push({ a: a.id, b: b.id, similarity: s });
      }
    }
  }
  return out.sort((p, q) => q.similarity - p.similarity || p.a.localeCompare(q.a) || p.b.localeCompare(q.b));
}
