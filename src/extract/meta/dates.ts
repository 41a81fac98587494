// Dates as printed: "2022/1/29 14:59:38", "2021年1月12日", "二○一二年二月二十日", and damaged scrapes
// ("2021926", "2017210日)") which are kept raw as low-confidence (spec §7.1, §8.4).

import { chineseToNumber } from '../../text/numerals.ts';
import { isDigitCode } from '../../text/chars.ts';

export interface ParsedDate {
  /** YYYY-MM-DD, or null when the date could not be read with confidence. */
  iso: string | null;
  raw: string;
  confident: boolean;
}

const CN_DATE_DIGITS = '〇○零一二三四五六七八九十';

/**
 * Whether `text` may end with a date (DATE_SRC or CN_DATE_SRC, then spaces): its last other character is 日, 月 or
 * a digit. Patterns anchored at the end are tried at every position of the text; this spares most texts that.
 */
export function mayEndWithDate(text: string): boolean {
  const t = text.trimEnd();
  const last = t.charCodeAt(t.length - 1);
  return last === 0x65e5 || last === 0x6708 || isDigitCode(last);
}
export const DATE_SRC = String.raw`(?:19|20)\d{2}\s*(?:[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|年\s*\d{1,2}\s*月)`;
export const CN_DATE_SRC = `[${CN_DATE_DIGITS}]{4}年[${CN_DATE_DIGITS}]{1,3}月(?:[${CN_DATE_DIGITS}]{1,3}日)?`;

const FULL_RE = /^((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/;
const MONTH_RE = /^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月/;
const CN_RE = new RegExp(`^([${CN_DATE_DIGITS}]{4})年([${CN_DATE_DIGITS}]{1,3})月(?:([${CN_DATE_DIGITS}]{1,3})日)?`);
/** Digits with dropped 年/月: "2021926", "2017210日". */
const RUN_RE = /^((?:19|20)\d{2})(\d{2,4})日?/;

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Read a date at the start of `raw` (after trimming brackets and spaces). */
export function parseDate(raw: string): ParsedDate | null {
  const t = raw.replace(/^[\s(（[【]+/, '').trim();
  let m = FULL_RE.exec(t);
  if (m) {
    const v = iso(+m[1]!, +m[2]!, +m[3]!);
    return { iso: v, raw: m[0].trim(), confident: v !== null };
  }
  m = CN_RE.exec(t);
  if (m) {
    const [y, mo, d] = [chineseToNumber(m[1]!), chineseToNumber(m[2]!), m[3] ? chineseToNumber(m[3]) : null];
    const v = y !== null && mo !== null && d !== null ? iso(y, mo, d) : null;
    return { iso: v, raw: m[0], confident: v !== null };
  }
  m = MONTH_RE.exec(t);
  if (m) return { iso: null, raw: m[0], confident: false };
  m = RUN_RE.exec(t);
  if (m) {
    // Dropped separators: keep raw; the day/month split is a guess.
    return { iso: null, raw: m[0], confident: false };
  }
  return null;
}

// URL dates (lowest priority; spec §8.1): /t20220130_…, /art/2018/2/28/…, /20230331/, /202401/.
const URL_DATE_RES: [RegExp, boolean][] = [
  [/\/t((?:19|20)\d{2})(\d{2})(\d{2})_/, true],
  [/\/art\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})\//, true],
  [/\/((?:19|20)\d{2})(\d{2})(\d{2})\//, true],
  [/\/((?:19|20)\d{2})(\d{2})\//, false],
];

export function urlDate(url: string): ParsedDate | null {
  for (const [re, full] of URL_DATE_RES) {
    const m = re.exec(url);
    if (!m) continue;
    if (!full) return { iso: null, raw: m[0], confident: false };
    const v = iso(+m[1]!, +m[2]!, +m[3]!);
    if (v) return { iso: v, raw: m[0], confident: true };
  }
  return null;
}

/**
 * Statistics period: "统计期限为2021年1月1日至12月31日", "统计期限自2011年1月1日起至2011年12月31日",
 * "统计周期为2024年1月1日至12月31日". Text must be squeezed (no spaces inside dates).
 */
const PERIOD_RE =
  /(?:统计|数据)[^。;；]{0,6}?(?:期限|时限|周期|期间|区间|时间)[^。;；\d]{0,6}?((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日[^。;；\d]{0,4}?(?:((?:19|20)\d{2})年)?(\d{1,2})月(\d{1,2})日/;

export function findPeriod(text: string): { start: string; end: string; year: number } | null {
  const m = PERIOD_RE.exec(text);
  if (!m) return null;
  const y1 = +m[1]!;
  const y2 = m[4] ? +m[4] : y1;
  const start = iso(y1, +m[2]!, +m[3]!);
  const end = iso(y2, +m[5]!, +m[6]!);
  return start && end ? { start, end, year: y2 } : null;
}

/** "所列数据截止日期为2022年12月31日": the covered year without a start date. */
const CUTOFF_RE = /数据[^。;；]{0,6}?截[止至](?:日期|时间)?(?:为|到)?((?:19|20)\d{2})年12月31日/;

export function findCutoffYear(text: string): number | null {
  const m = text.includes('截') ? CUTOFF_RE.exec(text) : null;
  return m ? +m[1]! : null;
}
