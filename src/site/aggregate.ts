import type { Lean } from '../publish/lean.ts';

// Aggregates over lists of lean entries: sums, holdings, rankings and carry-over continuity.

export interface Total { sum: number; n: number }

/** Sum of every headline figure over reports that state it, with how many reports contributed. */
export function totals(reports: readonly Lean[]): Record<string, Total> {
  const out: Record<string, Total> = {};
  for (const r of reports) {
    for (const [k, v] of Object.entries(r.f)) {
      const t = (out[k] ??= { sum: 0, n: 0 });
      t.sum += v;
      t.n += 1;
    }
  }
  return out;
}

/** Count of reports per key, in descending count order (ties by key). */
export function countBy<K>(reports: readonly Lean[], key: (r: Lean) => K): [K, number][] {
  const m = new Map<K, number>();
  for (const r of reports) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]), 'zh-CN'));
}

export interface Ranked { report: Lean; value: number; detail?: string }

/** Top n reports by a score (reports without a score are skipped); ties by year then id for stable output. */
export function rank(reports: readonly Lean[], score: (r: Lean) => number | null, n = 10): Ranked[] {
  const scored: Ranked[] = [];
  for (const r of reports) {
    const value = score(r);
    if (value !== null && value > 0) scored.push({ report: r, value });
  }
  return scored
    .sort((a, b) => b.value - a.value || (b.report.meta.year ?? 0) - (a.report.meta.year ?? 0) || a.report.id.localeCompare(b.report.id))
    .slice(0, n);
}

/** Results (（七）总计) must reach this before a share is ranked: tiny denominators mislead. */
export const MIN_FOR_SHARE = 10;

export const score = {
  requests: (r: Lean) => r.f.new ?? null,
  deniedShare: (r: Lean) => {
    const total = r.f.result_total;
    const denied = r.f.denied;
    return total !== undefined && denied !== undefined && total >= MIN_FOR_SHARE ? denied / total : null;
  },
  corrected: (r: Lean) => {
    const v = (r.f.review_corrected ?? 0) + (r.f.suit_corrected ?? 0);
    return r.f.review_corrected === undefined && r.f.suit_corrected === undefined ? null : v;
  },
};

export type CarryStatus = 'match' | 'mismatch' | 'unknown' | 'gap';
export interface CarryLink { from: Lean; to: Lean; forward: number | null; over: number | null; status: CarryStatus }

/**
 * Year-to-year continuity (spec §5.5 X-CARRY): what a report carries forward should reappear as the next
 * year's carried-over requests. `reports` is one agency's, oldest first.
 */
export function carryChain(reports: readonly Lean[]): CarryLink[] {
  const links: CarryLink[] = [];
  for (let i = 1; i < reports.length; i++) {
    const from = reports[i - 1]!;
    const to = reports[i]!;
    if (from.meta.year === null || to.meta.year === null || from.meta.year === to.meta.year) continue;
    const forward = from.f.carried_forward ?? null;
    const over = to.f.carried_over ?? null;
    const status: CarryStatus =
      to.meta.year - from.meta.year !== 1 ? 'gap' : forward === null || over === null ? 'unknown' : forward === over ? 'match' : 'mismatch';
    links.push({ from, to, forward, over, status });
  }
  return links;
}
