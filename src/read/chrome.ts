// Web-page chrome and page furniture (spec §7.7), shared by the text and HTML readers. Chrome lines leave the
// body but are kept in hints.chrome, because they carry metadata (dates, 网站标识码, 公网安备 …). Only short
// lines that consist of chrome patterns qualify: a report sentence that mentions 网站 stays in the body.

import { memoised } from '../text/memo.ts';
import { normaliseText } from '../text/normalise.ts';

export type ChromeKind = 'date-source' | 'toolbar' | 'breadcrumb' | 'footer' | 'crawler' | 'page-number';

/** Longer lines, or lines with a full stop, are prose, never chrome. */
const MAX_CHROME_LENGTH = 160;

const PAGE_NUMBER_RES = [
  /^[-—–―~]{1,3}\s*\d{1,4}\s*[-—–―~]{1,3}$/, // "— 1 —"
  /^第\s*\d+\s*页(?:\s*[,/]?\s*共\s*\d+\s*页)?$/,
  /^Page\s+\d+\b.{0,40}$/i, // "Page 9 - 2020年报_审计局"
  /^P\.\s*\d+$/,
];

const CRAWLER_RES = [
  /^(?:标题|原文链接|本地目录|采集时间|抓取时间|页面链接与图片详见)\s*:?/,
  /^来源\s*:\s*https?:\/\//,
];

const BREADCRUMB_RE = /^您?(?:(?:当前|现在|目前)的?(?:所在)?|所在的?)位置\s*:/;

const FOOTER_RES = [
  /网站标识码\s*:?\s*[0-9A-Za-z]{6,}/,
  /公网安备\s*\d{6,}/,
  /ICP\s*[备证]\s*\d{5,}/i,
  /(?:主办|承办|协办)单位\s*:/,
  /(?:网站制作|技术支持|网站维护|维护单位|运维单位|网站建设)\s*:/,
  /版权所有|Copyright|©/i,
  /(?:建议|推荐)使用.{0,30}(?:浏览器|分辨率)/,
];

// Metadata keys printed above or below an article ("发布日期:2017-02-23 点击数:").
const META_KEYS = [
  '公文生成日期', '发布日期', '发布时间', '更新日期', '更新时间', '成文日期', '发文日期', '公开日期', '生成日期', '日期', '时间',
  '信息来源', '文章来源', '稿件来源', '来源', '责任编辑', '编辑', '作者', '发布者', '发布人', '点击数', '点击量', '点击率',
  '浏览次数', '浏览量', '阅读次数', '阅读量', '访问次数', '访问量', '索引号', '发文字号', '文号', '发布机构', '发文机关', '主题分类',
  '体裁分类', '信息分类', '组配分类', '分类', '有效性', '关键词', '所属机构',
].join('|');
const DATE = String.raw`\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?`;
const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?`;
const WEEKDAY = '星期[一二三四五六日天]';
const DATE_SOURCE_TOKEN_RE = new RegExp(
  String.raw`(?:${META_KEYS})\s*:\s*(?:${DATE}(?:\s*${TIME})?|(?!(?:${META_KEYS})\s*:)[^\s:|]+)?` +
    String.raw`|${DATE}\s*${TIME}|${DATE}\s*${WEEKDAY}`,
  'g',
);

/** Every date-source token has a "key:" colon or a date's digits: without either, no need to try them. */
const DATE_SOURCE_CUE_RE = /[:\d]/;

// Toolbar and navigation words: a line made only of these is chrome.
const TOOL_TOKEN_RE = new RegExp(
  [
    String.raw`字[体号]\s*:?(?:\s*[大中小默认])*`, '扫一扫在手机上查看当前页面', '正文内容区域请使用tab按钮切换浏览', '打印本页', '打印此页',
    '打印', '关闭窗口', '关闭本页', '关闭', '保存本页', '下载', '我要纠错', '纠错', '加入收藏', '收藏', '设为首页', '分享到', '分享', '登录',
    '注册', '繁體版', '繁体版', '简体版', '无障碍', '适老化', '长者版', '关怀版', '智能问答', '微信', '微博', 'QQ空间', '全真版', '文字版',
    '返回顶部', '返回', '上一篇', '下一篇', '发表评论', '互动社区', '首页', '网站地图', '网站声明', '联系我们', '站点地图', '手机版',
    '视力保护色',
  ].join('|'),
  'gi',
);
const SEPARATORS_RE = /[\s|【】\[\]·•/>»:]+/g;

/** Does the line consist only of matches of `re` (and separators), with at least one match? */
function onlyTokens(text: string, re: RegExp): boolean {
  let found = false;
  const rest = text.replace(re, () => {
    found = true;
    return ' ';
  });
  return found && rest.replace(SEPARATORS_RE, '') === '';
}

/** What kind of page chrome this line is, or null for report text. */
export function chromeKind(line: string): ChromeKind | null {
  return normalisedChromeKind(normaliseText(line));
}

/** chromeKind for text that is already normalised (what the readers emit). */
export function normalisedChromeKind(normalised: string): ChromeKind | null {
  const text = normalised.trim();
  if (!text || text.length > MAX_CHROME_LENGTH || text.includes('。')) return null;
  return judge(text);
}

/** Short lines repeat across reports (table cells: numbers and the forms' labels), and judging one runs some twenty regexes. */
const judge = memoised((text: string): ChromeKind | null => {
  if (PAGE_NUMBER_RES.some((re) => re.test(text))) return 'page-number';
  if (CRAWLER_RES.some((re) => re.test(text))) return 'crawler';
  if (BREADCRUMB_RE.test(text)) return 'breadcrumb';
  if (FOOTER_RES.some((re) => re.test(text))) return 'footer';
  if (DATE_SOURCE_CUE_RE.test(text) && onlyTokens(text, DATE_SOURCE_TOKEN_RE)) return 'date-source';
  if (onlyTokens(text, TOOL_TOKEN_RE)) return 'toolbar';
  return null;
});

export function isChromeLine(line: string): boolean {
  return chromeKind(line) !== null;
}

// Archive dumps glue the page's breadcrumb and toolbar to the start of the body, ending at a leaked "-->".
const CHROME_PREFIX_RE = /^您?(?:当前|现在)的?(?:所在)?位置\s*[:：][^。]{0,400}?-->\s*/;

/** Split a breadcrumb/toolbar prefix off a long body line ("当前位置: 首页… 相关链接: --> 本报告…"). */
export function splitChromePrefix(line: string): { chrome: string; rest: string } | null {
  const m = CHROME_PREFIX_RE.exec(line);
  if (!m) return null;
  return { chrome: m[0].trim(), rest: line.slice(m[0].length) };
}
