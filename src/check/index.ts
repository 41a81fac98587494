import type { Era } from '../forms/index.ts';
import type { Cell } from '../model/cell.ts';
import type { Check, Figure, Meta, TableStatus } from '../model/report.ts';
import { checkAppealsWithoutRequests, checkMissing, checkNarrative, checkYear } from './advisory.ts';
import { derive } from './derive.ts';
import { derivedValues } from './derived.ts';
import { equations } from './equations.ts';
import { checkEquation, checkNonNegative } from './strict.ts';

export interface CheckInput {
  era: Era;
  /** Printed cells by field key; derivations fill blanks in place. */
  cells: Map<string, Cell>;
  tables: { active: TableStatus; requests: TableStatus; appeals: TableStatus };
  singleRowOther: boolean;
  meta: Pick<Meta, 'year' | 'published_at' | 'period'>;
  narrative: Record<string, Figure>;
}

export interface CheckOutput {
  checks: Check[];
  derived: Record<string, Cell>;
  notes: string[];
}

const tableState = (t: TableStatus) => (t.status === 'absent' ? 'absent' : t.status === 'ambiguous' ? 'ambiguous' : 'ok') as 'ok' | 'absent' | 'ambiguous';

/** Derivations, then strict and advisory checks (spec §5). Checks flag; nothing is dropped or overwritten. */
export function runChecks(input: CheckInput): CheckOutput {
  const { era, cells, tables } = input;
  const checks: Check[] = [];
  let derived: Record<string, Cell> = {};
  let notes: string[] = [];
  if (era !== 'legacy') {
    const eqs = equations(era, input.singleRowOther);
    notes = derive(cells, eqs);
    const notAssessed = new Set<string>();
    for (const eq of eqs) {
      const state = tableState(eq.id === 'T4-SUM' ? tables.appeals : tables.requests);
      // A missing or ambiguous table gets one not_assessable result per rule, not one per row and column.
      if (state !== 'ok' && notAssessed.has(eq.id)) continue;
      if (state !== 'ok') notAssessed.add(eq.id);
      checks.push(checkEquation(state === 'ok' ? eq : { ...eq, scope: 'table', lhs: [], rhs: [] }, cells, state));
    }
    checks.push(...checkNonNegative(cells, { active: tables.active.status !== 'absent', requests: tables.requests.status !== 'absent', appeals: tables.appeals.status !== 'absent' }));
    derived = derivedValues(era, cells, input.singleRowOther);
    checks.push(checkAppealsWithoutRequests(cells));
  }
  checks.push(checkMissing(input.meta.year, tables));
  checks.push(...checkNarrative(input.narrative, (k) => cells.get(k) ?? derived[k]));
  checks.push(checkYear(input.meta));
  return { checks, derived, notes };
}
