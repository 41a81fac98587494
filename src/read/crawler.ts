// Metadata written by the archive or crawler that collected a page (not by the publishing agency): the pingtan
// archive's "标题: / 发布时间: / 原文链接: … ==== 正文 ====" header and a crawler's "来源: URL / 采集时间:" block.

import type { DocumentHints } from '../model/document.ts';
import { normaliseText } from '../text/normalise.ts';

type CrawlerHints = Pick<DocumentHints, 'title' | 'published_at' | 'source_url' | 'retrieved_at'>;

const KEY_VALUE_RE = /^([^:]{1,12}?)\s*:\s*(.*)$/;
const BODY_MARKER_RE = /^=+\s*正文\s*=+$/;
/** The archive header is short; a 正文 marker further down is body text. */
const MAX_HEADER_LINES = 40;

/** Hints carried by crawler key-value lines (values as printed, normalised). Later lines do not override. */
export function crawlerHints(lines: readonly string[]): CrawlerHints {
  const hints: CrawlerHints = {};
  for (const line of lines) {
    const m = KEY_VALUE_RE.exec(normaliseText(line).trim());
    if (!m) continue;
    const key = (m[1] ?? '').trim();
    const value = (m[2] ?? '').trim();
    if (!value) continue;
    if (key === '标题') hints.title ??= value;
    else if (key === '发布时间' || key === '发布日期') hints.published_at ??= value;
    else if (key === '原文链接' || (key === '来源' && /^https?:\/\//.test(value))) hints.source_url ??= value;
    else if (key === '采集时间' || key === '抓取时间') hints.retrieved_at ??= value;
  }
  return hints;
}

/**
 * The archive header at the top of a text dump: returns the index of the "==== 正文 ====" line, or -1 when the
 * file has no such header (it must open with "标题:" and reach the marker within a few lines).
 */
export function archiveHeaderEnd(lines: readonly string[]): number {
  if (!/^标题\s*:/.test(normaliseText(lines[0] ?? '').trim())) return -1;
  const limit = Math.min(lines.length, MAX_HEADER_LINES);
  for (let i = 1; i < limit; i++) {
    if (BODY_MARKER_RE.test(normaliseText(lines[i] ?? '').trim())) return i;
  }
  return -1;
}
