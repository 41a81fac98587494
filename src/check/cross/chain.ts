import type { CorpusCard } from '../../ingest/card.ts';
import type { Check } from '../../model/report.ts';

/** One report and the same agency's report(s) for the year before, as the cross-report rules see them. */
export interface Link {
  report: CorpusCard;
  year: number;
  /** The agency's reports for year - 1 (usually one; several when a report was re-published or duplicated). */
  previous: CorpusCard[];
}

export const warn = { severity: 'warning' as const };

/** The result when there is no single previous-year report to compare with. */
export function noPrevious(id: string, link: Link): Check | null {
  const base = { ...warn, id, scope: 'report', cells: [], expected: null, actual: null };
  const y = link.year - 1;
  if (link.previous.length === 0) {
    return { ...base, status: 'not_assessable', message: `no ${y} report of this agency in the archive`, message_zh: `档案中没有该机关${y}年度报告` };
  }
  if (link.previous.length > 1) {
    const ids = link.previous.map((r) => r.id).join(', ');
    return { ...base, status: 'uncertain', message: `several ${y} reports of this agency (${ids}); not compared`, message_zh: `该机关有多份${y}年度报告（${ids}），未比对` };
  }
  return null;
}
