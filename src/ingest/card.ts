import { createHash } from 'node:crypto';
import { CROSS_KEYS, CROSS_RULES } from '../check/cross/index.ts';
import { proseSignature } from '../check/cross/similarity.ts';
import type { Cell } from '../model/cell.ts';
import { cellOf } from '../model/cell-of.ts';
import type { Check, Report, TableStatus } from '../model/report.ts';
import { resolveRegion } from '../publish/gazetteer/resolve.ts';
import { LEAD_KEYS } from '../publish/lead-cells.ts';
import { leanCard, type LeanCard } from '../publish/lean.ts';

// The corpus pass (agencies, cross-report checks, timeliness, leads) needs a few hundred bytes of each report, not
// its ~60 KB: the card. Workers make it beside the report, ingest caches it, and the pass holds only cards, so its
// memory grows by a few KB per report and an unchanged report is never read again.

export type CardCell = Pick<Cell, 'state' | 'value'>;

export interface CorpusCard {
  id: string;
  meta: Report['meta'];
  tables: Record<keyof Report['tables'], Pick<TableStatus, 'status' | 'notes'>>;
  /** The cells the cross-report rules and the leads read (CROSS_KEYS, LEAD_KEYS), where the report has them. */
  cells: Record<string, CardCell>;
  /** The report's own failed checks (cross-report results are the pass's to add). */
  checks: Check[];
  /** MinHash signature of the prose, for near-duplicate leads; null when too short to judge. */
  prose: number[] | null;
  /** The report's site entry, to be completed by the pass (src/publish/lean.ts). */
  lean: LeanCard;
}

const CARD_KEYS = [...new Set([...CROSS_KEYS, ...LEAD_KEYS])];

export function corpusCard(r: Report): CorpusCard {
  const cells: Record<string, CardCell> = {};
  for (const key of CARD_KEYS) {
    const c = cellOf(r, key);
    if (c) cells[key] = { state: c.state, value: c.value };
  }
  const { active, requests, appeals } = r.tables;
  const table = (t: TableStatus) => ({ status: t.status, notes: t.notes.slice(0, 1) });
  return {
    id: r.id,
    // Reports cached before the gazetteer existed carry no resolution: resolve them here rather than re-ingest.
    meta: r.meta.region.resolved === undefined ? { ...r.meta, region: { ...r.meta.region, resolved: resolveRegion(r.meta) } } : r.meta,
    tables: { active: table(active), requests: table(requests), appeals: table(appeals) },
    cells,
    checks: r.checks.filter((c) => c.status === 'fail' && !CROSS_RULES.has(c.id)),
    prose: proseSignature(r),
    lean: leanCard(r),
  };
}

/** Digest of a report's cross-report results: the pass rewrites a report only when they change. */
export function crossDigest(checks: readonly Check[]): string {
  return createHash('sha256').update(JSON.stringify(checks.filter((c) => CROSS_RULES.has(c.id)))).digest('hex').slice(0, 16);
}

/** What a report without cross-report results (as extracted, before the corpus pass) has as its digest. */
export const NO_CROSS = crossDigest([]);

/** The report with its cross-report results replaced (earlier results dropped, never added to). */
export function withCrossChecks(r: Report, cross: readonly Check[]): Report {
  return { ...r, checks: [...r.checks.filter((c) => !CROSS_RULES.has(c.id)), ...cross] };
}
