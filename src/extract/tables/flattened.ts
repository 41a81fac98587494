import { FORMS, type Column, type ModernEra } from '../../forms/index.ts';
import type { Cell } from '../../model/cell.ts';
import type { Loc } from '../../model/location.ts';
import type { TableStatus } from '../../model/report.ts';
import { normaliseText } from '../../text/normalise.ts';
import type { CellMap } from './cells.ts';
import { splits } from './splits.ts';
import { parseCell } from './value.ts';

/**
 * Tables flattened into one line with the digits run together ("…申请数量640020470二、上年结转…", as in the
 * 2019–2021 平潭 files). Labels are found by their printed text; the digits between two labels are one row.
 * A row's cut into cells is accepted only when exactly one cut (jointly across rows, for table 3 and 4)
 * satisfies the strict rules — otherwise the table stays ambiguous. Recovered cells keep the printed digits
 * as raw text and say how they were cut (inferred_from "split-by-arithmetic").
 */

const SPLIT = 'split-by-arithmetic';
const squash = (s: string) => normaliseText(s).replace(/\s+/g, '');

interface Found { key: string; start: number; end: number }

function locate(s: string, labels: { key: string; zh: string }[], from: number): Found[] {
  const out: Found[] = [];
  let cursor = from;
  for (const l of labels) {
    const zh = squash(l.zh);
    const at = s.indexOf(zh, cursor);
    if (at < 0) continue;
    out.push({ key: l.key, start: at, end: at + zh.length });
    cursor = at + zh.length;
  }
  return out;
}

/** The digits printed between a label's end and the next label, with group labels removed; null if other text. */
function digitsBetween(s: string, from: number, to: number, drop: string[]): string | null {
  let seg = s.slice(from, to);
  for (const d of drop) seg = seg.split(d).join('');
  return /^[\d.\-]*$/.test(seg) ? seg : null;
}

/** Digits right after `from`, up to the first character that cannot be part of a number. */
function leadingDigits(s: string, from: number): string {
  return /^[\d.\-]*/.exec(s.slice(from))![0];
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

/** Depth-first search for joint cuts: stops at the second solution, since only a unique one is used. */
function solveJoint(cands: string[][][], ok: (choice: (string[] | undefined)[]) => boolean): (string[][] | null) | 'many' {
  const order = cands.map((c, i) => i).sort((a, b) => cands[a]!.length - cands[b]!.length);
  const choice: (string[] | undefined)[] = cands.map(() => undefined);
  let found: string[][] | null = null;
  let many = false;
  const go = (d: number) => {
    if (many) return;
    if (d === order.length) {
      if (found) many = true;
      else found = choice.map((c) => c!);
      return;
    }
    for (const c of cands[order[d]!]!) {
      choice[order[d]!] = c;
      if (ok(choice)) go(d + 1);
      if (many) return;
    }
    choice[order[d]!] = undefined;
  };
  go(0);
  return many ? 'many' : found;
}

export interface FlatResult {
  cells: CellMap;
  tables: { active: TableStatus; requests: TableStatus; appeals: TableStatus };
}

export function recoverFlattened(text: string, loc: Loc, era: ModernEra): FlatResult {
  const form = FORMS[era];
  const s = squash(text);
  const cells: CellMap = new Map();
  const put = (key: string, raw: string, col: Column) => {
    const c: Cell = parseCell(raw, loc, col.kind);
    cells.set(key, { ...c, inferred_from: SPLIT });
  };

  // Table 3 first: its position bounds table 2 before it and table 4 after it.
  const t3Start = s.indexOf(squash(form.requests.rows[0]!.zh));
  const groupDrops = [...form.requests.groups.map((g) => squash(g.zh)), '三、本年度办理结果'];
  const rows = locate(s, form.requests.rows, Math.max(0, t3Start));
  const cols = form.requests.columns;
  const reqNotes: string[] = [];
  const cands: string[][][] = [];
  rows.forEach((r, i) => {
    const next = rows[i + 1];
    const seg = next ? digitsBetween(s, r.end, next.start, groupDrops) : leadingDigits(s, r.end);
    const all = seg === null ? [] : splits(seg, cols.length);
    cands.push(all.filter((p) => Number(p[6]) === sum(p.slice(0, 6).map(Number))));
  });
  const idx = new Map(rows.map((r, i) => [r.key, i]));
  const leaves = form.requests.rows.filter((r) => r.leaf).map((r) => r.key);
  const v = (choice: (string[] | undefined)[], row: string, c: number) => {
    const i = idx.get(row);
    const p = i === undefined ? undefined : choice[i];
    return p ? Number(p[c]) : null;
  };
  const t3ok = (choice: (string[] | undefined)[]) => {
    for (let c = 0; c < cols.length; c++) {
      const id = ['new', 'carried_over', 'result.total', 'carried_forward'].map((r) => v(choice, r, c));
      if (id.every((x) => x !== null) && id[0]! + id[1]! !== id[2]! + id[3]!) return false;
      const lv = leaves.map((l) => v(choice, l, c));
      if (id[2] !== null && lv.every((x) => x !== null) && sum(lv as number[]) !== id[2]) return false;
    }
    return true;
  };
  let reqStatus: TableStatus['status'] = 'absent';
  if (rows.length > 0) {
    const missing = form.requests.rows.length - rows.length;
    const empty = rows.filter((_, i) => cands[i]!.length === 0).map((r) => r.key);
    if (missing > 0 || empty.length > 0) {
      reqStatus = 'ambiguous';
      reqNotes.push(`flattened table 3: ${missing} row label(s) not found, no valid cut for ${empty.join(', ') || 'none'}`);
    } else {
      // Rows whose cut is already unique under their own sum (T3-COL) are fixed: if the columns then do not
      // add up, that is the report's own error for the checks to flag, not a reason to reject the cut.
      const sol = cands.every((c) => c.length === 1) ? cands.map((c) => c[0]!) : solveJoint(cands, t3ok);
      if (sol === 'many' || sol === null) {
        reqStatus = 'ambiguous';
        reqNotes.push(`flattened table 3: ${sol === 'many' ? 'more than one cut of the run-together digits' : 'no cut of the run-together digits'} satisfies the strict rules`);
      } else {
        reqStatus = 'complete';
        reqNotes.push(cands.every((c) => c.length === 1)
          ? 'flattened table 3: cell boundaries recovered — each row has exactly one cut satisfying T3-COL'
          : 'flattened table 3: cell boundaries recovered — exactly one cut satisfies T3-COL, T3-ID and T3-RES');
        rows.forEach((r, i) => cols.forEach((c, k) => put(`requests.${r.key}.${c.key}`, sol[i]![k]!, c)));
      }
    }
  }

  // Table 4: the 15 digits after the last header word, cut so every group sums.
  const appNotes: string[] = [];
  let appStatus: TableStatus['status'] = 'absent';
  const t3End = rows.length ? rows.at(-1)!.end : 0;
  const hdr = /行政复议行政诉讼[行政复议诉讼未经直接起后结果维持纠正其他尚审总计]*/g;
  hdr.lastIndex = t3End;
  const h = hdr.exec(s);
  if (h) {
    const run = leadingDigits(s, h.index + h[0].length);
    const sol = splits(run, 15).filter((p) => [0, 5, 10].every((g) => Number(p[g + 4]) === sum(p.slice(g, g + 4).map(Number))));
    if (sol.length === 1) {
      appStatus = 'complete';
      const slots = form.appeals.groups.flatMap((g) => form.appeals.leaves.map((l) => ({ key: `appeals.${g.key}.${l.key}`, col: l })));
      slots.forEach((sl, k) => put(sl.key, sol[0]![k]!, sl.col));
      appNotes.push('flattened table 4: cell boundaries recovered — exactly one cut satisfies T4-SUM');
    } else if (run) {
      appStatus = 'ambiguous';
      appNotes.push(`flattened table 4: ${sol.length} cuts of "${run}" satisfy T4-SUM`);
    }
  }

  // Table 2: per row, only a unique cut is used (its advisory rules are too weak to choose between cuts).
  const actNotes: string[] = [];
  let expected = 0;
  let found = 0;
  let ambiguous = false;
  const t2End = t3Start > 0 ? t3Start : s.length;
  const anchors = form.active.blocks.map((b) => s.indexOf(squash(b.anchor.zh))).filter((a) => a >= 0 && a < t2End);
  form.active.blocks.forEach((b) => {
    expected += b.rows.length * b.columns.length;
    const from = s.indexOf(squash(b.anchor.zh));
    if (from < 0 || from >= t2End) return;
    const to = Math.min(t2End, ...anchors.filter((a) => a > from));
    const rowsFound = locate(s.slice(0, to), b.rows, from);
    rowsFound.forEach((r, i) => {
      const next = rowsFound[i + 1];
      const seg = next ? digitsBetween(s, r.end, next.start, []) : leadingDigits(s.slice(0, to), r.end);
      const opts = { signed: b.columns.map((c) => c.kind === 'signed_count'), decimal: b.columns.map((c) => c.kind === 'money') };
      const cuts = seg === null ? [] : splits(seg, b.columns.length, opts);
      if (cuts.length === 1) {
        b.columns.forEach((c, k) => put(`active.${r.key}.${c.key}`, cuts[0]![k]!, c));
        found += b.columns.length;
      } else {
        ambiguous = true;
        actNotes.push(`flattened table 2, ${b.rows.find((x) => x.key === r.key)!.zh}: ${cuts.length} possible cuts of "${seg}"`);
      }
    });
  });
  return {
    cells,
    tables: {
      active: { status: found === 0 && !ambiguous ? 'absent' : ambiguous ? 'ambiguous' : found === expected ? 'complete' : 'partial', found, expected, notes: actNotes },
      requests: { status: reqStatus, found: reqStatus === 'complete' ? rows.length * cols.length : 0, expected: form.requests.rows.length * cols.length, notes: reqNotes },
      appeals: { status: appStatus, found: appStatus === 'complete' ? 15 : 0, expected: 15, notes: appNotes },
    },
  };
}
