// Key-value metadata printed around a report: disclosure-catalogue blocks ("索引号 | 014416330/2018-04736 | 发布机构
// | 市政府办 | 发文日期 | 2018-02-28"), bullet forms ("• 索 引 号:XM02100-… • 发布机构:…"), label lines followed by a
// value line, and web date/source lines ("2022/1/29 14:59:38 来源:区政府办"). Spec §7.7.

import type { Loc } from '../../model/location.ts';
import type { Line } from './text.ts';

export type CatalogueField = 'index_no' | 'doc_number' | 'publisher' | 'date' | 'name';

export interface CatalogueEntry {
  field: CatalogueField;
  /** The printed key (发文日期, 公文生成日期, 发布时间 …). */
  key: string;
  value: string;
  loc: Loc;
}

const KEYS: [CatalogueField, string[]][] = [
  ['index_no', ['索引号']],
  ['doc_number', ['发文字号', '备注/文号', '文号']],
  ['publisher', ['发布机构', '发文机关', '发布单位', '发文单位']],
  ['date', ['公文生成日期', '发文日期', '成文日期', '生成日期', '公开日期', '发布日期', '发布时间']],
  ['name', ['信息名称', '名称', '标题']],
];

/** A cheap filter before the key-value patterns: every key contains one of these. */
const KEY_CHAR_RE = /索|文号|字号|机构|机关|单位|日期|时间|名称|标题/;
const spaced = (k: string) => [...k].map((c) => c.replace(/[/]/g, '\\/')).join('\\s*');
const FIELD_OF = new Map<string, CatalogueField>();
for (const [field, keys] of KEYS) for (const k of keys) FIELD_OF.set(k, field);
const KEY_ALT = [...FIELD_OF.keys()].sort((a, b) => b.length - a.length).map(spaced).join('|');
/** "key: value" up to the next key, a separator (| • two spaces) or the end. */
const PAIR_RE = new RegExp(`(${KEY_ALT})\\s*[:：]\\s*(.*?)(?=\\s*(?:[|•·]|\\s{2,}|(?:${KEY_ALT})\\s*[:：]|$))`, 'g');
/** "key | value" table-row form. */
const CELL_PAIR_RE = new RegExp(`(?:^|\\|)\\s*(${KEY_ALT})\\s*\\|\\s*([^|]*?)\\s*(?=\\||$)`, 'g');
/** Each pair pattern with the separator it cannot match without (a substring test is cheaper than the pattern). */
const PAIR_RES: [RegExp, string[]][] = [
  [PAIR_RE, [':', '：']],
  [CELL_PAIR_RE, ['|']],
];
const KEY_ONLY_RE = new RegExp(`^(?:${KEY_ALT})\\s*[:：]?$`);
/** A "label: value" line of its own. */
const LABELLED_RE = /^[^:：\s]{1,8}\s*[:：]/;
/** Other catalogue labels: never a value. */
const OTHER_LABEL_RE = /^(?:分类|主题分类|体裁分类|信息分类|组配分类|关键词|主题词|时效|有效性|文件下载|发布者|所属机构)\s*[:：]?$/;

function fieldOf(printedKey: string): { field: CatalogueField; key: string } | null {
  const key = printedKey.replace(/\s+/g, '');
  const field = FIELD_OF.get(key);
  return field ? { field, key } : null;
}

/** Catalogue entries in the given lines, in order. */
export function readCatalogue(lines: readonly Line[]): CatalogueEntry[] {
  const out: CatalogueEntry[] = [];
  const add = (printedKey: string, value: string, loc: Loc) => {
    const f = fieldOf(printedKey);
    const v = value.trim();
    if (f && v) out.push({ ...f, value: v, loc });
  };
  lines.forEach((line, i) => {
    const t = line.text.trim();
    if (t.length > 300 || !KEY_CHAR_RE.test(t)) return;
    for (const [re, separators] of PAIR_RES) {
      if (!separators.some((sep) => t.includes(sep))) continue;
      re.lastIndex = 0;
      for (let m = re.exec(t); m; m = re.exec(t)) add(m[1]!, m[2]!, line.loc);
    }
    // Label on its own line, value on the next (HTML catalogue tables flattened to lines).
    if (KEY_ONLY_RE.test(t)) {
      const next = lines[i + 1]?.text.trim() ?? '';
      if (next && !KEY_ONLY_RE.test(next) && !OTHER_LABEL_RE.test(next) && !LABELLED_RE.test(next) && next.length <= 120) add(t.replace(/[:：]$/, ''), next, line.loc);
    }
  });
  return out;
}

/** Web date lines: a date-time next to 来源/发布/时间 words, or a bare "2022/1/29 14:59:38". */
const WEB_DATE_RE =
  /(?:(?:发布|更新|成文|公开)?(?:日期|时间)\s*[:：]\s*)?((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?/;
const WEB_DATE_CUE_RE = /来源|发布|日期|时间|点击|浏览|\d{1,2}:\d{2}/;
/** The crawl time and the site header's clock ("2025年12月30日 星期二") are not publication dates. */
const NOT_PUBLICATION_RE = /采集|抓取|爬取|星期|周[一二三四五六日]/;

/** The date of a web date/source line ("2022/1/29 14:59:38 来源:区政府办"), or null for other lines. */
export function webDate(line: string): string | null {
  const t = line.trim();
  if (t.length > 200 || t.includes('。') || !WEB_DATE_CUE_RE.test(t) || NOT_PUBLICATION_RE.test(t)) return null;
  return WEB_DATE_RE.exec(t)?.[1]?.trim() ?? null;
}
