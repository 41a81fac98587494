import { FORMS, allFields, type ModernEra } from '../forms/index.ts';
import type { Cell } from '../model/cell.ts';
import { sumKnown } from './values.ts';

/** A derived (never printed) field and the printed fields it sums. */
export interface DerivedDef {
  key: string;
  inputs: string[];
  /**
   * The rule its cells name ("sum of …"), only for a key some form prints (2019 （六）其他处理 subtotals): the
   * codebook lists those as form fields, without a formula. Every other key's rule is its codebook formula.
   */
  rule?: string;
}

/**
 * Derived fields for comparison across eras (spec §2.3, §2.4): org_all per row, result subtotals,
 * granted_or_partial, suit_all — defined once here, used by the checks and the codebook.
 */
export function derivedDefinitions(era: ModernEra, singleRowOther: boolean): DerivedDef[] {
  const key = `${era}:${singleRowOther}`;
  let defs = memo.get(key);
  if (!defs) memo.set(key, (defs = buildDefinitions(era, singleRowOther)));
  return defs;
}

const memo = new Map<string, DerivedDef[]>();

function buildDefinitions(era: ModernEra, singleRowOther: boolean): DerivedDef[] {
  const form = FORMS[era];
  const out: DerivedDef[] = [];
  const orgCols = form.requests.columns.filter((c) => c.key.startsWith('org_')).map((c) => c.key);
  for (const row of form.requests.rows) out.push({ key: `requests.${row.key}.org_all`, inputs: orgCols.map((c) => `requests.${row.key}.${c}`) });
  const groups = ['result.denied', 'result.unavailable', 'result.not_processed', ...(era === 'gov2021' && !singleRowOther ? ['result.other'] : [])];
  for (const col of form.requests.columns) {
    for (const g of groups) {
      out.push({ key: `requests.${g}.subtotal.${col.key}`, inputs: form.requests.rows.filter((r) => r.group === g).map((r) => `requests.${r.key}.${col.key}`) });
    }
    out.push({ key: `requests.result.granted_or_partial.${col.key}`, inputs: [`requests.result.granted.${col.key}`, `requests.result.partial.${col.key}`] });
  }
  for (const leaf of form.appeals.leaves) {
    out.push({ key: `appeals.suit_all.${leaf.key}`, inputs: [`appeals.suit_direct.${leaf.key}`, `appeals.suit_after_review.${leaf.key}`] });
  }
  const printed = new Set(allFields().map((f) => f.key));
  return out.map((d) => (printed.has(d.key) ? { ...d, rule: `sum of ${d.inputs.join(' + ')}` } : d));
}

/** Derived values of one report, stored only when every input is known; state "inferred". */
export function derivedValues(era: ModernEra, cells: Map<string, Cell>, singleRowOther: boolean): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const { key, inputs, rule } of derivedDefinitions(era, singleRowOther)) {
    const s = sumKnown(inputs.map((k) => cells.get(k)));
    if (s) out[key] = rule ? { value: s.v, raw: '', state: 'inferred', loc: null, inferred_from: rule } : { value: s.v, raw: '', state: 'inferred', loc: null };
  }
  return out;
}
