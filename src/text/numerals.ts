// Numbers as printed in report prose (spec §7.6): Arabic digits, Chinese numerals, 万 multipliers, zero words.
import { createRequire } from 'node:module';

type ChineseNumberCtor = new (source: string) => { toInteger(): number };
const ChineseNumber = createRequire(import.meta.url)('chinese-numbers-converter') as ChineseNumberCtor;

/** Characters a Chinese numeral is made of (including the circle zeros seen in dates: 二○一二). */
export const CN_DIGITS = '零〇○一二两三四五六七八九十百千万';

/** Regex source for one number token: Arabic (thousands separators, decimals) or Chinese, optional 万. */
export const NUMBER_SRC = `(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?万?|[${CN_DIGITS}]+`;

const ZERO_LOOKALIKES_RE = /[○〇ΟОoO◯]/g;
const CN_ONLY_RE = new RegExp(`^[${CN_DIGITS}]+$`);

/**
 * Value of a Chinese numeral: positional ("十八" 18, "一百零五" 105, "三万五千") or digit-by-digit as in years
 * ("二○一二" 2012). Returns null when the text is not a numeral.
 */
export function chineseToNumber(s: string): number | null {
  const t = s.trim().replace(ZERO_LOOKALIKES_RE, '〇');
  if (!t || !CN_ONLY_RE.test(t)) return null;
  const n = new ChineseNumber(t).toInteger();
  return Number.isFinite(n) ? n : null;
}

/**
 * Value of one number token matched by NUMBER_SRC: "1,234" → 1234, "3.5万" → 35000, "二十三" → 23, "零" → 0.
 * Returns null for anything else.
 */
export function parseNumber(raw: string): number | null {
  const t = raw.trim();
  if (!t) return null;
  if (/^\d/.test(t)) {
    const wan = t.endsWith('万');
    const n = Number((wan ? t.slice(0, -1) : t).replace(/,/g, ''));
    if (!Number.isFinite(n)) return null;
    // Round away binary noise from the ×10,000 (e.g. 4.52万 → 45200, not 45199.999…).
    return wan ? Math.round(n * 10_000 * 1e6) / 1e6 : n;
  }
  return chineseToNumber(t);
}
