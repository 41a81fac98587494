import { FORMS, type ModernEra } from '../forms/index.ts';
import type { Rng } from './random.ts';

/**
 * An agency's usual volumes: which columns and rows it has business in and how much. Each year varies around
 * these (×0.6–1.4), so one agency's series never jumps tenfold (X-SERIES) unless the data is wrong.
 */
export interface AgencyLevels {
  /** New requests per applicant column. */
  fresh: Record<string, number>;
  /** Decisions (licensing, penalties, coercion, other services) per table 2 row. */
  decisions: Record<string, number>;
  /** Administrative fees, 10k CNY. */
  fees: number;
  /** Rules and normative documents in force before the first report. */
  stock: Record<string, number>;
}

export function agencyLevels(era: ModernEra, house: Rng, scale: number): AgencyLevels {
  const fresh: Record<string, number> = {};
  for (const c of FORMS[era].requests.columns.filter((x) => x.key !== 'total')) {
    fresh[c.key] = c.key === 'natural_person' ? house.sparse(0.8, 40 * scale) : house.sparse(0.25, 4 * scale);
  }
  const decisions: Record<string, number> = {};
  for (const row of ['licensing', 'other_services', 'penalty', 'coercion']) decisions[row] = house.sparse(0.6, 40 * scale);
  return {
    fresh, decisions, fees: house.next() < 0.5 ? Math.round(house.next() * 500 * 100) / 100 : 0,
    stock: { rules: house.sparse(0.5, 30), normative_docs: house.sparse(0.8, 80) },
  };
}

const vary = (r: Rng, level: number) => (level === 0 ? 0 : Math.max(1, Math.round(level * (0.6 + 0.8 * r.next()))));

/**
 * Consistent table values for one synthetic report: every strict rule (T3-ID, T3-RES, T3-COL, T4-SUM)
 * holds by construction, so an ingest that reads the layout right passes all strict checks. Given the same
 * agency's previous year (`prev`), carried-over requests are what it carried forward and rules in force
 * follow from last year's stock (X-CARRY, X-STOCK).
 */
export function synthAgencyValues(era: ModernEra, r: Rng, levels: AgencyLevels, prev: Map<string, number> | null = null): Map<string, number> {
  const form = FORMS[era];
  const v = new Map<string, number>();
  const prevEra2021 = prev?.has('active.rules.in_force') ?? false;
  for (const b of form.active.blocks) {
    for (const row of b.rows) {
      for (const c of b.columns) {
        const key = `active.${row.key}.${c.key}`;
        let value: number;
        if (c.key === 'decisions') value = vary(r, levels.decisions[row.key] ?? 0);
        else if (c.key === 'amount_wan_yuan' && row.key === 'admin_fees') value = levels.fees ? Math.round(levels.fees * (0.6 + 0.8 * r.next()) * 100) / 100 : 0;
        else if (c.kind === 'money') value = Math.round(r.next() * 500 * 100) / 100;
        else if (c.kind === 'signed_count') value = r.int(-5, 5);
        else if (c.key === 'issued') value = r.sparse(0.5, 8);
        else if (c.key === 'repealed' || c.key === 'in_force') continue; // below, from the stock
        else value = r.sparse(0.6, 40);
        v.set(key, value);
      }
      if (b.columns.some((c) => c.key === 'in_force')) {
        const before = prevEra2021 ? prev!.get(`active.${row.key}.in_force`)! : levels.stock[row.key] ?? 0;
        const repealed = Math.min(before, r.sparse(0.3, 4));
        v.set(`active.${row.key}.repealed`, repealed);
        v.set(`active.${row.key}.in_force`, before + v.get(`active.${row.key}.issued`)! - repealed);
      }
    }
  }
  const cols = form.requests.columns.filter((c) => c.key !== 'total').map((c) => c.key);
  const leaves = form.requests.rows.filter((x) => x.leaf).map((x) => x.key);
  for (const c of cols) {
    const fresh = vary(r, levels.fresh[c] ?? 0);
    const carried = prev ? prev.get(`requests.carried_forward.${c}`) ?? 0 : r.sparse(0.3, 3);
    const forward = Math.min(fresh + carried, r.sparse(0.3, 3));
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
  // Reviews and lawsuits only follow requests (T4-VS-T3 flags them otherwise).
  const anyRequests = v.get('requests.new.total')! + v.get('requests.carried_over.total')! > 0;
  for (const g of form.appeals.groups) {
    let total = 0;
    for (const l of form.appeals.leaves.filter((x) => x.key !== 'total')) {
      const n = anyRequests ? r.sparse(0.15, 3) : 0;
      v.set(`appeals.${g.key}.${l.key}`, n);
      total += n;
    }
    v.set(`appeals.${g.key}.total`, total);
  }
  return v;
}

/**
 * One report's values on their own, with no agency history (tests build pairs from it; the generator uses
 * synthAgencyValues). Kept exactly as first written: tests depend on the values of given seeds.
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
