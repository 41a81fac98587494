import { FORMS, allFields, type ModernEra } from '../forms/index.ts';
import type { Cell } from '../model/cell.ts';
import { sumKnown } from './values.ts';

/** A derived (never printed) field and the printed fields it sums. */
export interface DerivedDef {
  key: string;
  inputs: string[];
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
  return out;
}

/** Keys some form prints (2019 （六）其他处理 subtotals): the codebook lists them as form fields, without a formula. */
const PRINTED = new Set(allFields().map((f) => f.key));
const rules = new Map<string, string>();

/**
 * Derived values of one report, stored only when every input is known; state "inferred". Their rule is their
 * key's codebook formula, the same in every report, so only a key the codebook gives no formula names its sum.
 */
export function derivedValues(era: ModernEra, cells: Map<string, Cell>, singleRowOther: boolean): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const { key, inputs } of derivedDefinitions(era, singleRowOther)) {
    const s = sumKnown(inputs.map((k) => cells.get(k)));
    if (!s) continue;
    out[key] = { value: s.v, raw: '', state: 'inferred', loc: null };
    if (PRINTED.has(key)) {
      let rule = rules.get(key);
      if (rule === undefined) rules.set(key, (rule = `sum of ${inputs.join(' + ')}`));
      out[key].inferred_from = rule;
    }
  }
  return out;
}
