import { placePath } from './place.ts';
import type { ReportHead } from '../ingest/report-head.ts';
import { ERAS, levelLabel } from './labels.ts';
import type { Lean } from '../publish/lean.ts';
import { url } from './paths.ts';
import { provinceOf } from './shards.ts';
import { keySentence } from './summary.ts';

// One Pagefind custom record per report, built from the report JSON rather than the page HTML: the index
// holds what a journalist searches (title, agency, region, prose, key figures), never the table labels.

/** Word separator inserted into indexed Chinese text (invisible; the search page strips it again). */
export const SEP = '\u200B';
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/**
 * Chinese text split into words with the same ICU segmenter browsers use for queries, so indexed words and
 * query words agree (jieba at index time and ICU at query time disagree: 长通 would never match).
 */
export function segment(text: string): string {
  let out = '';
  let prevWord = false;
  for (const s of segmenter.segment(text)) {
    const word = s.isWordLike === true;
    if (word && prevWord) out += SEP;
    out += s.segment;
    prevWord = word;
  }
  return out;
}

export const FILTERS = { year: '年度', province: '省份', level: '级别', era: '格式', checks: '勾稽' } as const;

export function searchFilters(lean: Lean): Record<string, string[]> {
  return {
    [FILTERS.year]: [String(lean.meta.year ?? '未知')],
    [FILTERS.province]: [placePath(lean.meta.region)[0] ?? '未知'],
    [FILTERS.level]: [levelLabel(lean.meta.admin_level).zh],
    [FILTERS.era]: [ERAS[lean.meta.era].zh],
    [FILTERS.checks]: [lean.checks.fail.length ? '有不符' : '无不符'],
  };
}

export interface SearchRecord {
  url: string; content: string; language: string;
  meta: Record<string, string>; filters: Record<string, string[]>; sort: Record<string, string>;
}

export function searchRecord(report: ReportHead, lean: Lean): SearchRecord {
  const m = report.meta;
  const title = m.title ?? `${m.agency_name ?? ''}${m.year ?? ''}年政府信息公开工作年度报告`;
  const region = placePath(m.region).join(' › ');
  const parts = [title, m.agency_name, m.agency_short, region, keySentence(lean)];
  for (const s of Object.values(report.sections)) if (s) parts.push(s.heading, s.text);
  return {
    url: url.report(report.id),
    content: segment(parts.filter((p): p is string => !!p).join('\n')),
    language: 'zh-cn',
    meta: { title, agency: m.agency_name ?? '', region, year: String(m.year ?? '') },
    // Province as the search bundles are split (the resolved region's province), so a province filter and
    // the bundles it loads agree.
    filters: { ...searchFilters(lean), [FILTERS.province]: [provinceOf(report)] },
    sort: { year: String(m.year ?? 0) },
  };
}
