import { FORMS, type ModernEra } from '../forms/index.ts';
import type { Rng } from './random.ts';

/**
 * Consistent table values for one synthetic report: every strict rule (T3-ID, T3-RES, T3-COL, T4-SUM)
 * holds by construction, so an ingest that reads the layout right passes all strict checks.
 */
export function synthValues(era: ModernEra, r: Rng, scale: number): Map<string, number> {
  const form = FORMS[era];
  const v = new Map<string, number>();
  for (const b of form.active.blocks) {
    for (const row of b.rows) {
      for (const c of b.columns) {
        const value = c.kind === 'money' ? Math.round(r.next() * 500 * 100) / 100 : c.kind === 'signed_count' ? r.int(-5, 5) : r.sparse(0.6, 40 * scale);
        v.set(`active.${row.key}.${c.key}`, value);
      }
    }
  }
  const cols = form.requests.columns.filter((c) => c.key !== 'total').map((c) => c.key);
  const leaves = form.requests.rows.filter((x) => x.leaf).map((x) => x.key);
  for (const c of cols) {
    const isPerson = c === 'natural_person';
    const fresh = r.sparse(isPerson ? 0.8 : 0.25, (isPerson ? 60 : 6) * scale);
    const carried = r.sparse(0.3, 3 * scale);
    const forward = Math.min(fresh + carried, r.sparse(0.3, 3 * scale));
    let left = fresh + carried - forward;
    const share = new Map(leaves.map((l) => [l, 0]));
    while (left > 0) {
      const l = r.next() < 0.5 ? leaves[0]! : r.pick(leaves);
      const n = Math.min(left, r.int(1, Math.max(1, Math.ceil(left / 2))));
      share.set(l, share.get(l)! + n);
      left -= n;
    }
    v.set(`requests.new.${c}`, fresh);
    v.set(`requests.carried_over.${c}`, carried);
    v.set(`requests.carried_forward.${c}`, forward);
    for (const l of leaves) v.set(`requests.${l}.${c}`, share.get(l)!);
    v.set(`requests.result.total.${c}`, fresh + carried - forward);
  }
  for (const row of form.requests.rows) v.set(`requests.${row.key}.total`, cols.reduce((a, c) => a + v.get(`requests.${row.key}.${c}`)!, 0));
  for (const g of form.appeals.groups) {
    let total = 0;
    for (const l of form.appeals.leaves.filter((x) => x.key !== 'total')) {
      const n = r.sparse(0.15, 3 * scale);
      v.set(`appeals.${g.key}.${l.key}`, n);
      total += n;
    }
    v.set(`appeals.${g.key}.total`, total);
  }
  return v;
}
