// The report title (spec §7.10): joined from the first lines, spaced characters squeezed, matched against
// "[year] agency [year] (政府|政务)信息公开(工作)年度报告". Falls back to a short title-shaped line further down,
// the catalogue 名称, then the container's title (HTML <title>, the archive header's 标题).

import type { Line } from './text.ts';
import { squeezeLine } from './text.ts';

export interface TitleMatch {
  title: string;
  /** Agency as printed in the title ("" when the title names none, e.g. "2019年度政府信息公开工作年度报告"). */
  agency: string;
  year: number | null;
  source: 'body' | 'catalogue' | 'hints';
}

const TITLE_RE = /^(?:((?:19|20)\d{2})年度?)?(.*?)(?:(?:关于)?((?:19|20)\d{2})年度?)?(?:政府|政务)?信息公开(?:工作)?年度?报告/;
/** Lines that end the title block: a preamble sentence, a section heading, a date line. */
const STOP_RE = /^(?:根据|依据|按照|本年度报告|本报告|本年报|现将|为进一步|[一二三四五六七八九十]{1,3}、|[(（]?(?:19|20)\d{2}年\d{1,2}月)/;
const JUNK_LINE_RE = /^(?:正文|目录)$/;
const BAD_AGENCY_CHARS_RE = /[《》“”"'，,。:：;；()（）[\]【】<>|]|信息公开|年度报告|首页|当前位置/;
const WINDOW_START = 8;
const WINDOW_LINES = 3;
const SCAN_LINES = 60;
const MAX_TITLE_CHARS = 200;

function clean(line: string): string {
  return squeezeLine(line.replace(/^[#*\s]+|[*\s]+$/g, ''));
}

export function matchTitle(text: string): Omit<TitleMatch, 'source'> | null {
  const m = TITLE_RE.exec(text.slice(0, MAX_TITLE_CHARS));
  if (!m) return null;
  const agency = (m[2] ?? '').replace(/^关于|关于$|的$/g, '').trim();
  if (agency.length > 40 || BAD_AGENCY_CHARS_RE.test(agency)) return null;
  const y = m[3] ?? m[1];
  return { title: m[0], agency, year: y ? +y : null };
}

/** The first SCAN_LINES non-blank lines, cleaned: `at(k)` is the k-th, or undefined. Cleaned only when asked for. */
function titleHead(lines: readonly Line[]): (k: number) => string | undefined {
  const head: string[] = [];
  let next = 0;
  return (k) => {
    while (head.length <= k && head.length < SCAN_LINES && next < lines.length) {
      const t = clean(lines[next++]!.text);
      if (t && !JUNK_LINE_RE.test(t)) head.push(t);
    }
    return head[k];
  };
}

/** Title from the body's first lines, a title-shaped line further down, the catalogue name, or the hints. */
export function findTitle(lines: readonly Line[], catalogueName: string | null, hintTitle: string | undefined): TitleMatch | null {
  const at = titleHead(lines);
  for (let start = 0; start < WINDOW_START && at(start) !== undefined; start++) {
    if (STOP_RE.test(at(start)!)) continue;
    let text = '';
    for (let n = 0; n < WINDOW_LINES; n++) {
      const next = at(start + n);
      if (next === undefined || (n > 0 && STOP_RE.test(next))) break;
      text += next;
      const hit = matchTitle(text);
      if (hit) return { ...hit, source: 'body' };
    }
  }
  for (let k = WINDOW_START; at(k) !== undefined; k++) {
    const t = at(k)!;
    const hit = t.length <= 80 ? matchTitle(t) : null;
    if (hit && hit.title.length >= t.length - 2) return { ...hit, source: 'body' };
  }
  for (const [text, source] of [[catalogueName, 'catalogue'], [hintTitle, 'hints']] as const) {
    const hit = text ? matchTitle(clean(text)) : null;
    if (hit) return { ...hit, source };
  }
  return null;
}
