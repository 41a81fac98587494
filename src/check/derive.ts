import type { Cell } from '../model/cell.ts';
import type { Equation } from './equations.ts';
import { known, round, sumKnown } from './values.ts';

/**
 * Derivations run before the checks (spec §5.1). They only ever fill printed-blank cells, mark them
 * `inferred` with the rule and the state they replaced, and never look past one unknown:
 *  D1 zero-fill — when one side of an equation is known and the printed cells of the other side already
 *     add up to it, that side's blank cells are 0 (every count is non-negative). A known 0 total with blank
 *     parts (seed 004) is the simplest case;
 *  D2 single unknown — when exactly one cell of an equation is blank and the rest are known, solve for it.
 */
export function derive(cells: Map<string, Cell>, eqs: readonly Equation[]): string[] {
  const notes: string[] = [];
  const fill = (key: string, value: number, rule: 'D1' | 'D2', eq: Equation) => {
    const cell = cells.get(key)!;
    cells.set(key, { ...cell, value, state: 'inferred', was: cell.state, inferred_from: rule });
    notes.push(`${key} = ${value} inferred by ${rule} from ${eq.id} (${eq.scope})`);
  };
  const isBlank = (k: string) => cells.get(k)?.state === 'blank';

  let changed = true;
  while (changed) {
    changed = false;
    for (const eq of eqs) {
      // Both rules only fill blanks: an equation without one (most, in a complete table) has nothing to do.
      if (!eq.lhs.some(isBlank) && !eq.rhs.some(isBlank)) continue;
      for (const [side, other] of [[eq.lhs, eq.rhs], [eq.rhs, eq.lhs]] as const) {
        const s = sumKnown(side.map((k) => cells.get(k)));
        if (!s || s.dash || !other.some(isBlank)) continue;
        const printed = other.filter((k) => !isBlank(k));
        const rest = sumKnown(printed.map((k) => cells.get(k)));
        if (rest && !rest.dash && rest.v === s.v) {
          for (const k of other) if (isBlank(k)) fill(k, 0, 'D1', eq);
          changed = true;
        }
      }
      const all = [...eq.lhs, ...eq.rhs];
      const blanks = all.filter(isBlank);
      if (blanks.length !== 1) continue;
      if (!all.every((k) => isBlank(k) || known(cells.get(k)))) continue;
      const target = blanks[0]!;
      const onLeft = eq.lhs.includes(target);
      const sum = (keys: readonly string[]) => keys.filter((k) => k !== target).reduce((a, k) => a + known(cells.get(k))!.v, 0);
      const value = round(onLeft ? sum(eq.rhs) - sum(eq.lhs) : sum(eq.lhs) - sum(eq.rhs));
      if (value < 0) {
        notes.push(`${target} left blank: ${eq.id} (${eq.scope}) would make it ${value}`);
        continue;
      }
      fill(target, value, 'D2', eq);
      changed = true;
    }
  }
  return [...new Set(notes)];
}
