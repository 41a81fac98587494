// Character-level normalisation shared by every reader and extractor (spec §7.1).

/** CJK Radicals Supplement code points that NFKC leaves alone; PDF text layers emit them for common characters. */
const RADICALS: Record<string, string> = {
  '⺀': '冫', '⺁': '厂', '⺂': '乛', '⺃': '乚', '⺄': '乙', '⺅': '亻', '⺆': '冂', '⺇': '几', '⺈': '𠂊', '⺉': '刂',
  '⺊': '卜', '⺋': '卩', '⺌': '小', '⺍': '⺍', '⺎': '尢', '⺏': '尣', '⺐': '尢', '⺑': '尣', '⺒': '巳', '⺓': '幺',
  '⺔': '彑', '⺕': '彐', '⺖': '忄', '⺗': '心', '⺘': '扌', '⺙': '攵', '⺛': '旡', '⺜': '日', '⺝': '月', '⺞': '歺',
  '⺟': '母', '⺠': '民', '⺡': '氵', '⺢': '氺', '⺣': '灬', '⺤': '爫', '⺥': '爫', '⺦': '丬', '⺧': '牛', '⺨': '犭',
  '⺩': '王', '⺪': '疋', '⺫': '罒', '⺬': '示', '⺭': '礻', '⺮': '竹', '⺯': '糸', '⺰': '纟', '⺱': '网', '⺲': '罒',
  '⺳': '网', '⺴': '网', '⺵': '网', '⺶': '羊', '⺷': '羊', '⺸': '羊', '⺹': '耂', '⺺': '肀', '⺻': '聿', '⺼': '月',
  '⺽': '臼', '⺾': '艹', '⺿': '艹', '⻀': '艹', '⻁': '虎', '⻂': '衤', '⻃': '覀', '⻄': '西', '⻅': '见', '⻆': '角',
  '⻇': '角', '⻈': '讠', '⻉': '贝', '⻊': '足', '⻋': '车', '⻌': '辶', '⻍': '辶', '⻎': '辶', '⻏': '阝', '⻐': '金',
  '⻑': '長', '⻒': '镸', '⻓': '长', '⻔': '门', '⻕': '阝', '⻖': '阝', '⻗': '雨', '⻘': '青', '⻙': '韦', '⻚': '页',
  '⻛': '风', '⻜': '飞', '⻝': '食', '⻞': '食', '⻟': '食', '⻠': '饣', '⻡': '飠', '⻢': '马', '⻣': '骨', '⻤': '鬼',
  '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻫': '齐', '⻬': '齐', '⻭': '齿', '⻮': '齿',
  '⻯': '龙', '⻰': '龙', '⻱': '龟', '⻲': '龟', '⻳': '龟',
};
const RADICAL_RE = /[\u2E80-\u2EFF]/g;
const ZERO_WIDTH_RE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const SPACE_LIKE_RE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

/**
 * Text as extraction sees it: NFKC (full-width digits, letters, punctuation and Kangxi radicals fold to
 * ordinary characters), radicals supplement mapped, zero-width characters removed, NBSP and other spaces
 * turned into plain spaces. Line structure is kept.
 */
export function normaliseText(s: string): string {
  if (NEEDS_FULL_PASS_RE.test(s)) return fullNormalise(s);
  return WIDE_RE.test(s) ? s.normalize('NFKC') : s;
}

/** The definition of normaliseText; the shortcut above must agree with it (tests try every code point). */
export function fullNormalise(s: string): string {
  return s
    .normalize('NFKC')
    .replace(RADICAL_RE, (c) => RADICALS[c] ?? c)
    .replace(ZERO_WIDTH_RE, '')
    .replace(SPACE_LIKE_RE, ' ')
    .replace(/\r\n?/g, '\n');
}

// Report lines almost always consist only of characters the full pass leaves alone (ASCII but CR, CJK
// ideographs, the usual Chinese punctuation) or that NFKC alone maps to such characters (NBSP, the ideographic
// space, full-width ASCII forms; none composes with a neighbour). For them the four regex passes after NFKC have
// nothing to do, and NFKC itself only runs when a full-width character or special space is present. Running all
// five passes on every line made normalisation the costliest step of reading.
const NEEDS_FULL_PASS_RE = /[^\x00-\x0C\x0E-\x7F\u00A0\u00A7\u00B7\u2013\u2014\u2018\u2019\u201C\u201D\u25CB\u3000-\u3002\u3007-\u3011\u3014\u3015\u4E00-\u9FFF\uFF01-\uFF5E]/;
const WIDE_RE = /[\u00A0\u3000\uFF01-\uFF5E]/;

const LABEL_STRIP_RE = /[\s()（）【】\[\]{}<>《》〈〉「」『』“”"'‘’`、，,。.．:：;；!！?？·・\-—–_~～|／/\\]/g;

/** Punctuation- and space-insensitive form used to match printed labels against the forms (spec §7.3). */
export function labelKey(s: string): string {
  return stripLabel(normaliseText(s));
}

/** labelKey for text that is already normalised (everything readers emit): skips the NFKC pass. */
export function stripLabel(normalised: string): string {
  return normalised.replace(LABEL_STRIP_RE, '');
}

/** Remove spaces between CJK characters ("年 度 报 告" → "年度报告") while keeping spaces between Latin words/numbers. */
export function squeezeCjkSpaces(s: string): string {
  return s.replace(/(?<=[\u3000-\u9FFF\uF900-\uFAFF（），。：；、])\s+(?=[\u3000-\u9FFF\uF900-\uFAFF（），。：；、\d])/g, '')
    .replace(/(?<=\d)\s+(?=[\u3400-\u9FFF])/g, '');
}
