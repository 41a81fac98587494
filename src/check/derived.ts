import { FORMS, type ModernEra } from '../forms/index.ts';
import type { Cell } from '../model/cell.ts';
import { sumKnown } from './values.ts';

/**
 * Derived (never printed) values for comparison across eras (spec §2.3, §2.4): org_all per row, result
 * subtotals, granted_or_partial, suit_all. Stored only when every input is known; state "inferred".
 */
export function derivedValues(era: ModernEra, cells: Map<string, Cell>, singleRowOther: boolean): Record<string, Cell> {
  const form = FORMS[era];
  const out: Record<string, Cell> = {};
  const put = (key: string, inputs: string[]) => {
    const s = sumKnown(inputs.map((k) => cells.get(k)));
    if (s) out[key] = { value: s.v, raw: '', state: 'inferred', loc: null, inferred_from: `sum of ${inputs.join(' + ')}` };
  };
  const orgCols = form.requests.columns.filter((c) => c.key.startsWith('org_')).map((c) => c.key);
  for (const row of form.requests.rows) put(`requests.${row.key}.org_all`, orgCols.map((c) => `requests.${row.key}.${c}`));
  const groups = ['result.denied', 'result.unavailable', 'result.not_processed', ...(era === 'gov2021' && !singleRowOther ? ['result.other'] : [])];
  for (const col of form.requests.columns) {
    for (const g of groups) {
      put(`requests.${g}.subtotal.${col.key}`, form.requests.rows.filter((r) => r.group === g).map((r) => `requests.${r.key}.${col.key}`));
    }
    put(`requests.result.granted_or_partial.${col.key}`, [`requests.result.granted.${col.key}`, `requests.result.partial.${col.key}`]);
  }
  for (const leaf of form.appeals.leaves) {
    put(`appeals.suit_all.${leaf.key}`, [`appeals.suit_direct.${leaf.key}`, `appeals.suit_after_review.${leaf.key}`]);
  }
  return out;
}
