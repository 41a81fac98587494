import { FORMS, type ModernEra } from '../forms/index.ts';

/**
 * The strict 勾稽 rules (spec §5.2) as equations Σ lhs = Σ rhs over field keys, generated from the form
 * definitions so every era (and a mixed single-row （六）) gets the right rows and leaves.
 */
export interface Equation {
  id: 'T3-ID' | 'T3-RES' | 'T3-COL' | 'T4-SUM';
  /** Column key, row key or appeals group the equation is about. */
  scope: string;
  lhs: string[];
  rhs: string[];
}

const memo = new Map<string, Equation[]>();

/** The equations of an era's form (memoised: they depend only on the form). */
export function equations(era: ModernEra, singleRowOther: boolean): Equation[] {
  const key = `${era}:${singleRowOther}`;
  let eqs = memo.get(key);
  if (!eqs) memo.set(key, (eqs = buildEquations(era, singleRowOther)));
  return eqs;
}

function buildEquations(era: ModernEra, singleRowOther: boolean): Equation[] {
  const form = FORMS[era];
  const cols = form.requests.columns.map((c) => c.key);
  const parts = cols.filter((c) => c !== 'total');
  let rows = form.requests.rows.map((r) => r.key);
  let leaves = form.requests.rows.filter((r) => r.leaf).map((r) => r.key);
  if (singleRowOther) {
    const drop = (k: string) => k.startsWith('result.other.');
    rows = [...rows.filter((k) => !drop(k)), 'result.other.subtotal'];
    leaves = [...leaves.filter((k) => !drop(k)), 'result.other.subtotal'];
  }
  const out: Equation[] = [];
  for (const c of cols) {
    out.push({
      id: 'T3-ID', scope: c,
      lhs: [`requests.new.${c}`, `requests.carried_over.${c}`],
      rhs: [`requests.result.total.${c}`, `requests.carried_forward.${c}`],
    });
  }
  for (const c of cols) {
    out.push({ id: 'T3-RES', scope: c, lhs: [`requests.result.total.${c}`], rhs: leaves.map((l) => `requests.${l}.${c}`) });
  }
  for (const r of rows) {
    out.push({ id: 'T3-COL', scope: r, lhs: [`requests.${r}.total`], rhs: parts.map((c) => `requests.${r}.${c}`) });
  }
  for (const g of form.appeals.groups) {
    out.push({
      id: 'T4-SUM', scope: g.key, lhs: [`appeals.${g.key}.total`],
      rhs: form.appeals.leaves.filter((l) => l.key !== 'total').map((l) => `appeals.${g.key}.${l.key}`),
    });
  }
  return out;
}
