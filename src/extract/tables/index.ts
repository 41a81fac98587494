import type { Era } from '../../forms/index.ts';
import { FORMS } from '../../forms/index.ts';
import type { Cell } from '../../model/cell.ts';
import type { Document } from '../../model/document.ts';
import type { TableStatus } from '../../model/report.ts';
import { extractActive } from './active.ts';
import { extractAppeals } from './appeals.ts';
import { detectEra } from './era.ts';
import { extractRequests } from './requests.ts';
import { recoverFlattened } from './flattened.ts';
import { tokenize, type Token } from './tokens.ts';

export interface TablesResult {
  era: Era;
  era_evidence: string[];
  cells: Map<string, Cell>;
  tables: { active: TableStatus; requests: TableStatus; appeals: TableStatus };
  /** （六）其他处理 printed as one row in a 2021-format report. */
  singleRowOther: boolean;
  notes: string[];
}

const absent = (expected: number): TableStatus => ({ status: 'absent', found: 0, expected, notes: [] });

/** Distinct table-3 row labels inside one long token: the table was flattened into a line of prose. */
function flattenedLine(tokens: readonly Token[]): Token | undefined {
  const frags = FORMS.gov2021.requests.rows.map((r) => r.match?.[0] ?? '').filter((f) => f.length >= 3);
  return tokens.find((t) => t.cls === 'text' && t.key.length > 80 && frags.filter((f) => t.key.includes(f)).length >= 5);
}

export function extractTables(doc: Document, year: number | null): TablesResult {
  const tokens = tokenize(doc);
  const notes: string[] = [];
  // A first read with the era the year suggests tells whether modern tables exist; it is reused when the
  // structure confirms that era.
  const probe = extractRequests(tokens, year !== null && year < 2021 ? 'gov2019' : 'gov2021');
  const appealsProbe = extractAppeals(tokens, 'gov2021', probe.end >= 0 ? probe.end : 0);
  const hasModern = probe.status.status !== 'absent' || appealsProbe.status.status !== 'absent';
  const decision = detectEra(tokens, year, hasModern, doc);
  if (decision.mismatch) notes.push(decision.mismatch);
  const base = { era: decision.era, era_evidence: decision.evidence, singleRowOther: false, notes };

  if (decision.era === 'legacy') {
    return { ...base, cells: new Map(), tables: { active: absent(0), requests: absent(0), appeals: absent(0) } };
  }
  const flat = hasModern ? undefined : flattenedLine(tokens);
  if (flat) {
    const rec = recoverFlattened(flat.text, flat.loc, decision.era);
    notes.push(`tables flattened into one line of text (line ${flat.loc.line ?? '?'}): digits run together`);
    return { ...base, cells: rec.cells, tables: rec.tables };
  }
  const requests = probe.era === decision.era ? probe : extractRequests(tokens, decision.era);
  const active = extractActive(tokens, decision.era, requests.start >= 0 ? requests.start : tokens.length);
  const appeals = extractAppeals(tokens, decision.era, requests.end >= 0 ? requests.end : 0);
  const tables = { active: active.status, requests: requests.status, appeals: appeals.status };
  const cells = new Map([...active.cells, ...requests.cells, ...appeals.cells]);
  return { ...base, cells, tables, singleRowOther: requests.singleRowOther };
}
