// Facts the report states about itself: where it is published (portal URL), the format notice it cites
// (informational only, spec §7.9), and whether it is a region-wide aggregate (spec §4.1, §8.1).

const URL_RE = /https?:\/\/[A-Za-z0-9._~:/?#@!$&'*+=%-]+|www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:\/[A-Za-z0-9._~/?#=&%-]*)?/g;
const PUBLISH_CUE_RE = /公开|下载|查阅|发布|刊登|公布/;

/** URLs in the text, trailing punctuation trimmed. */
export function findUrls(text: string): string[] {
  return [...text.matchAll(URL_RE)].map((m) => m[0].replace(/[.,:;/]+$/, (t) => (t === '/' ? t : '')));
}

/** The first URL in a sentence saying the report is published or downloadable there. */
export function portalUrl(text: string): string | null {
  if (!text.includes('http') && !text.includes('www.')) return null; // no URL anywhere: skip the sentence scan
  for (const sentence of text.split(/[。\n]/)) {
    if (!PUBLISH_CUE_RE.test(sentence)) continue;
    const url = findUrls(sentence)[0];
    if (url) return url;
  }
  return null;
}

// "国办公开办函〔2021〕30号", tolerating spaces and ASCII brackets; the 2019/2021 format notices.
const NOTICE_RE = /国办公开办函\s*[〔[(（]\s*((?:19|20)\d{2})\s*[〕\])）]\s*(\d{1,3})\s*号/;

export function formatDeclared(text: string): string | null {
  const m = text.includes('国办公开办函') ? NOTICE_RE.exec(text) : null;
  return m ? `国办公开办函〔${m[1]}〕${m[2]}号` : null;
}

/** Each pattern with a word it cannot match without (a substring search is cheaper than the pattern). */
const AGGREGATE_RES: [RegExp, string][] = [
  // "根据…各相关部门、…各乡镇人民政府的政府信息公开年度报告编制", "综合各县（市、区）…编制而成"
  [/(?:综合|汇总|根据)[^。]{0,80}?各(?:县|区|乡镇|部门|单位|相关部门|级)[^。]{0,60}?(?:年度报告|报告)[^。]{0,10}?编制/, '编制'],
  // "全区各级行政机关共受理…", "全市共受理政府信息公开申请…"
  [/全(?:省|市|区|县)(?:各级(?:行政机关|政府|单位)|各地各部门)?共(?:受理|收到|主动公开|公开)/, '共'],
  // Breakdown by sub-units: "区直各部门…各乡镇…主动公开政府信息"
  [/(?:区|县|市)直各(?:部门|单位)[^。]{0,40}各乡镇|各乡镇[^。]{0,40}(?:区|县|市)直各(?:部门|单位)/, '各乡镇'],
];

export function isAggregate(text: string): boolean {
  return AGGREGATE_RES.some(([re, cue]) => text.includes(cue) && re.test(text));
}
