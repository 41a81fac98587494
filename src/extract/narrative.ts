// Figures stated in prose (spec §5.4, §7.6), keyed by the table field they are compared with. A keyword and its
// number must sit in one clause (no ，。；between them); request counts need request context (the clause, the
// section 三, or a sub-heading about 依申请) so that "行政服务中心共受理申请121510件" is not read as one.

import type { Document } from '../model/document.ts';
import type { Figure, Section, SectionKey } from '../model/report.ts';
import { codeSet } from '../text/chars.ts';
import { NUMBER_SRC, parseNumber } from '../text/numerals.ts';
import { joinProse } from './meta/text.ts';
import { sectionSegments, segmentProse } from './sections.ts';

type Scope = 'requests' | 'appeals' | 'none';

interface Rule {
  key: string;
  re: RegExp;
  /** Words the paragraph must contain one of for the rule to run (a cheap filter before the full pattern). */
  need: readonly string[];
  scope: Scope;
  /** A match without a number: the prose says "none" ("未收到…申请"). */
  zero?: boolean;
  /** Generic verbs (收到, 办结, 结转) that also count other business (审批, 诉求, 信访) in the same words. */
  generic?: boolean;
}

/** Same clause, no digits: the gap between a keyword and its number. */
const G = '[^,，。;；!！?？\\n\\d]';
const NUM = `(?<pre>约|近|超过|超|逾|多达)?(?<num>${NUMBER_SRC})(?<post>余|多)?`;
const unit = (u: string, optional = false) => `\\s*(?<unit>${u})${optional ? '?' : ''}(?<plus>以上)?`;
const COUNT = '件|条|个|宗|份|次';
const r = (src: string) => new RegExp(src, 'g');
const RECEIVED = ['收到', '受理', '新收', '接到', '接收', '收悉'];
const CARRIED_FORWARD = ['结转', '顺延', '转下', '转到下', '转至下', '转入下'];

const RULES: Rule[] = [
  {
    key: 'active_items',
    need: ['主动公开'],
    re: r(`(?<!应)主动公开(?:了)?(?:${G}{0,8}?(?:政府|政务)信息|(?:的|各类|各种)?信息)(?:数量|总数|总量|数)?(?:共计|合计|共|总计|累计)?(?:为|达到|达|有)?${NUM}${unit('条|件|项|篇')}`),
    scope: 'none',
  },
  { key: 'requests.new.total', need: RECEIVED, re: r(`(?:收到|受理|新收|接到|接收|收悉)(?:了)?(?<gap>${G}{0,24}?)(?:共计|合计|共)?(?<is>为|是|有|达)?${NUM}${unit(COUNT, true)}`), scope: 'requests', generic: true },
  { key: 'requests.new.total', need: RECEIVED, re: r(`(?:收到|受理|新收|接到)(?:了)?(?:共计|共)?${NUM}${unit('件|条|个|宗|份')}(?<gap>${G}{0,8}?)申请`), scope: 'requests', generic: true },
  { key: 'requests.new.total', need: ['申请'], re: r(`(?:未|没有)(?:收到|受理|接到|发生|有)(?<gap>${G}{0,30}?)申请`), scope: 'requests', zero: true },
  { key: 'requests.new.total', need: ['零报告'], re: r('零报告'), scope: 'requests', zero: true },
  { key: 'requests.carried_over.total', need: ['结转'], re: r(`(?:上年度?|上一年度?|去年)结转(?:的)?(?<gap>${G}{0,12}?)(?:共|为)?${NUM}${unit('件|条')}`), scope: 'requests', generic: true },
  { key: 'requests.result.total.total', need: ['答复', '办结', '办理', '处理'], re: r(`(?<!不予|其他|年度?|下一?年|公开)(?:答复|办结|办理完毕|办理|处理)(?:了)?(?<gap>${G}{0,12}?)(?:共计|共)?${NUM}${unit('件|条')}`), scope: 'requests', generic: true },
  { key: 'requests.carried_forward.total', need: CARRIED_FORWARD, re: r(`(?:结转|顺延|转)(?:到|至|入)?下一?年度?(?<gap>${G}{0,10}?)(?:共|有)?${NUM}${unit('件|条')}`), scope: 'requests', generic: true },
  { key: 'requests.carried_forward.total', need: CARRIED_FORWARD, re: r(`${NUM}${unit('件|条')}(?<gap>${G}{0,12}?)(?:结转|顺延|转)(?:到|至|入)?下一?年`), scope: 'requests', generic: true },
  { key: 'requests.result.granted_or_partial.total', need: ['部分公开'], re: r(`予以公开(?:及|和|与|、|或)部分公开(?:的)?(?:共)?${NUM}${unit('件|条')}`), scope: 'requests' },
  { key: 'requests.result.denied.subtotal.total', need: ['不予公开'], re: r(`不予公开(?:答复|的|申请)?(?:共)?${NUM}${unit('件|条')}`), scope: 'requests' },
  { key: 'requests.result.unavailable.subtotal.total', need: ['无法提供'], re: r(`无法提供(?:的)?(?:共)?${NUM}${unit('件|条')}`), scope: 'requests' },
  { key: 'requests.result.not_processed.subtotal.total', need: ['不予处理'], re: r(`不予处理(?:的)?(?:共)?${NUM}${unit('件|条')}`), scope: 'requests' },
  { key: 'requests.result.other.subtotal.total', need: ['其他处理'], re: r(`其他处理(?:的)?(?:共)?${NUM}${unit('件|条')}`), scope: 'requests' },
  { key: 'appeals.review.total', need: ['复议'], re: r(`行政复议(?:案件|申请)?(?<gap>${G}{0,6}?)(?:数量|数|共计|共)?(?:为|有)?${NUM}${unit('件|起|宗|个|次')}`), scope: 'appeals' },
  { key: 'appeals.review.total', need: ['复议'], re: r(`${NUM}${unit('件|起|宗')}(?<gap>${G}{0,15}?)行政复议`), scope: 'appeals' },
  { key: 'appeals.review.total', need: ['复议'], re: r(`(?:未|没有|无)(?:发生|收到|接到|出现|被)?(?<gap>${G}{0,30}?)(?:行政)?复议`), scope: 'appeals', zero: true },
  { key: 'appeals.suit_all.total', need: ['诉讼'], re: r(`(?<adm>行政)?诉讼(?:案件)?(?<gap>${G}{0,6}?)(?:数量|数|共计|共)?(?:为|有)?${NUM}${unit('件|起|宗|个|次')}`), scope: 'appeals' },
  { key: 'appeals.suit_all.total', need: ['诉讼'], re: r(`${NUM}${unit('件|起|宗')}(?<gap>${G}{0,10}?)行政诉讼`), scope: 'appeals' },
  { key: 'appeals.suit_all.total', need: ['诉讼'], re: r(`(?:未|没有|无)(?:发生|收到|接到|出现|被)?(?<gap>${G}{0,30}?)复议${G}{0,12}?诉讼`), scope: 'appeals', zero: true },
  { key: 'active.normative_docs.issued', need: ['规范性文件'], re: r(`(?:制发|出台|印发|制定)(?:了)?(?:行政)?规范性文件(?:总数|数量)?(?:共计|共)?(?:为)?${NUM}${unit('件|份|个|条')}`), scope: 'none' },
];

/**
 * All the rules' words, found in one scan of a paragraph instead of one test per rule, as a bit mask. The scan
 * resumes one character after each match, so a word inside another ("处理" in "不予处理") is found too: the
 * longest word starting at a position is matched, and it carries the bits of the words it begins with.
 */
const NEED_WORDS = [...new Set(RULES.flatMap((rule) => rule.need))].sort((a, b) => b.length - a.length);
if (NEED_WORDS.length > 31) throw new Error('narrative: more need words than bits in a mask');
const bitsOf = (words: readonly string[]) => words.reduce((mask, w) => mask | (1 << NEED_WORDS.indexOf(w)), 0);
const NEED_RE = new RegExp(NEED_WORDS.join('|'), 'g');
const WORD_BITS = new Map(NEED_WORDS.map((w) => [w, bitsOf(NEED_WORDS.filter((v) => w.startsWith(v)))]));
const RULE_BITS = RULES.map((rule) => bitsOf(rule.need));

function needBits(text: string): number {
  let bits = 0;
  NEED_RE.lastIndex = 0;
  for (let m = NEED_RE.exec(text); m; m = NEED_RE.exec(text)) {
    bits |= WORD_BITS.get(m[0])!;
    NEED_RE.lastIndex = m.index + 1;
  }
  return bits;
}

const REQUEST_CUE_RE = /依申请|公开申请|信息公开/;
const REQUEST_TOPIC_RE = /申请/;
/** Other kinds of applications and cases counted in the same words (service centres, hotlines, petitions). */
const OTHER_BUSINESS_RE = /审批|窗口|政务服务|便民服务|诉求|投诉|举报|信访|咨询|热线|留言|来信|来访|建议|提案|许可|事项/;
const APPEALS_CUE_RE = /信息公开|政府信息|依申请/;
/** "未发生…被行政复议纠错" says nothing about the number of reviews. */
const OUTCOME_RE = /纠错|纠正|败诉|撤销|确认违法/;
const CUMULATIVE_RE = /累计|历年|截至|截止/g;
const YEAR_SCOPE_RE = /全年|本年|今年|当年|年度/;
const SUBTOPIC_RE = /[(（][一二三四五六七八九十\d]{1,2}[)）]([^。;；,，:：]{1,24})/g;
const MAX_CONTEXT = 200;
const APPEAL_WORD_RE = /复议|诉讼/;
/** "转下一年度办理答复的有1件" is carried forward, not answered. */
const CARRIED_RE = /转下|结转|顺延/;
const ZERO_WORD_RE = /^[零〇0]$/;

interface Hit {
  index: number;
  figure: Figure;
}

type Stops = ReadonlySet<number>;
const CLAUSE_STOPS = codeSet(',，。;；!！?？\n');
const SENTENCE_STOPS = codeSet('。;；!！?？\n');

/** Bounds of the clause or sentence around [start, end). */
function bounds(text: string, start: number, end: number, stops: Stops): [number, number] {
  let a = start;
  while (a > 0 && !stops.has(text.charCodeAt(a - 1))) a--;
  let b = end;
  while (b < text.length && !stops.has(text.charCodeAt(b))) b++;
  return [a, b];
}

/** 累计/截至/历年 before the number make it cumulative, unless the sentence scopes it to the year ("全年累计"). */
function isCumulative(prefix: string): boolean {
  for (const m of prefix.matchAll(CUMULATIVE_RE)) {
    if (m[0] === '累计' && YEAR_SCOPE_RE.test(prefix.slice(Math.max(0, m.index - 2), m.index))) continue;
    if (YEAR_SCOPE_RE.test(prefix.slice(m.index))) continue;
    return true;
  }
  return false;
}

interface Para {
  text: string;
  section: SectionKey | null;
  /** Sub-heading in force at the start of the paragraph (a short ordinal line before it). */
  topic: string | null;
  /** In-line sub-headings ("（二）依申请公开方面。…") by position, found once per paragraph. */
  subtopics?: { index: number; topic: string }[];
}

/** The sub-heading in force at `index`: the last in-line one before it, else the paragraph's. */
function topicAt(para: Para, index: number): string | null {
  para.subtopics ??= subtopics(para.text);
  return para.subtopics.findLast((t) => t.index < index)?.topic ?? para.topic;
}

/** In-line sub-headings of a paragraph, by position (none without a bracket). */
function subtopics(text: string): { index: number; topic: string }[] {
  const out: { index: number; topic: string }[] = [];
  if (!text.includes('(') && !text.includes('（')) return out;
  SUBTOPIC_RE.lastIndex = 0;
  for (let m = SUBTOPIC_RE.exec(text); m; m = SUBTOPIC_RE.exec(text)) out.push({ index: m.index, topic: m[1]! });
  return out;
}

/** Does the match count, given its clause, sentence, section and sub-heading? */
function accepts(rule: Rule, m: RegExpMatchArray, para: Para): boolean {
  const g = m.groups ?? {};
  const gap = g['gap'] ?? '';
  const at = m.index!;
  const end = at + m[0].length;
  const [clauseStart, clauseEnd] = bounds(para.text, at, end, CLAUSE_STOPS);
  const clause = para.text.slice(clauseStart, clauseEnd);
  const [sentenceStart, sentenceEnd] = bounds(para.text, at, end, SENTENCE_STOPS);
  const sentence = para.text.slice(sentenceStart, sentenceEnd);
  if (rule.scope === 'requests') {
    if (rule.key === 'requests.new.total' && !rule.zero && !m[0].includes('申请')) return false;
    if (APPEAL_WORD_RE.test(rule.zero ? clause : gap) || OTHER_BUSINESS_RE.test(gap)) return false;
    if (rule.key === 'requests.result.total.total' && CARRIED_RE.test(para.text.slice(clauseStart, at))) return false;
    const contextual = para.section === 's3_requests' || REQUEST_TOPIC_RE.test(topicAt(para, at) ?? '') || REQUEST_CUE_RE.test(sentence);
    if (!REQUEST_CUE_RE.test(clause) && !(contextual && !(rule.generic && OTHER_BUSINESS_RE.test(clause)))) return false;
  }
  if (rule.scope === 'appeals') {
    if (rule.key === 'appeals.review.total' && gap.includes('诉讼')) return false;
    if (rule.key === 'appeals.suit_all.total' && !rule.zero && !g['adm'] && !sentence.includes('复议') && para.section !== 's4_appeals') return false;
    if (rule.zero && OUTCOME_RE.test(clause)) return false;
    // The cue may sit in the sentence before: "…1件涉及政府信息公开工作的行政复议。涉及的行政诉讼数为0件".
    const [previousStart] = sentenceStart > 0 ? bounds(para.text, sentenceStart - 1, sentenceStart - 1, SENTENCE_STOPS) : [0];
    if (!APPEALS_CUE_RE.test(para.text.slice(previousStart, sentenceEnd)) && para.section !== 's4_appeals') return false;
  }
  if (!rule.zero && !g['unit']) {
    // A bare number counts only as a zero word after 为/是: "受理申请的数量为零".
    return ZERO_WORD_RE.test(g['num'] ?? '') && (!!g['is'] || gap.endsWith('为') || gap.endsWith('是'));
  }
  return true;
}

function figureOf(rule: Rule, m: RegExpMatchArray, para: Para, locAt: (i: number) => Figure['loc'], base: number): Figure | null {
  const g = m.groups ?? {};
  const value = rule.zero ? 0 : parseNumber(g['num'] ?? '');
  if (value === null) return null;
  const start = m.index!;
  const end = start + m[0].length;
  const [a, b] = bounds(para.text, start, end, SENTENCE_STOPS);
  const sentence = para.text.slice(a, b).trim();
  const approx = g['pre'] === '约' || g['pre'] === '近' ? 'about' : g['pre'] || g['post'] || g['plus'] ? 'at_least' : null;
  const prefix = para.text.slice(a, end);
  return {
    value,
    raw: m[0],
    approx,
    // A cumulative zero ("截止2020年末未发生…") still says this year's count is zero.
    cumulative: value !== 0 && isCumulative(prefix),
    loc: locAt(base + start),
    context: sentence.length > MAX_CONTEXT ? `${sentence.slice(0, MAX_CONTEXT)}…` : sentence,
  };
}

const HEADING_LINE_RE = /^(?:[(（][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}[.、](?!\d))([^。]{1,30})$/;

/** Figures stated in prose, keyed by the field they compare with; the first mention in document order wins. */
export function extractNarrative(doc: Document, sections: Record<SectionKey, Section | null>): Record<string, Figure> {
  const out: Record<string, Figure> = {};
  const segments = sectionSegments(doc);
  segments.forEach((seg, i) => {
    // The preamble and the sections; text after a 统计表/附件 stop is table data, not prose.
    if (seg.key === null ? i !== 0 : !sections[seg.key]) return;
    const prose = joinProse(segmentProse(seg));
    let topic: string | null = null;
    let base = 0;
    for (const text of prose.text.split('\n')) {
      const para: Para = { text, section: seg.key, topic };
      const best = new Map<string, Hit>();
      const bits = needBits(text);
      for (let r = 0; r < RULES.length; r++) {
        const rule = RULES[r]!;
        if (!(bits & RULE_BITS[r]!) || out[rule.key]) continue;
        rule.re.lastIndex = 0;
        for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
          const prev = best.get(rule.key);
          if (prev && prev.index <= m.index) break;
          if (!accepts(rule, m, para)) continue;
          const figure = figureOf(rule, m, para, prose.locAt, base);
          if (figure) best.set(rule.key, { index: m.index, figure });
          break;
        }
      }
      for (const [key, hit] of best) out[key] = hit.figure;
      topic = HEADING_LINE_RE.exec(text)?.[1] ?? topicAt(para, text.length);
      base += text.length + 1;
    }
  });
  return out;
}
