// The six prose sections (spec §7.8): heading detection by keyword first, ordinal second, tolerant of the
// numbering chaos of real reports, with table-row labels ("三、本年度办理结果") never starting a section.

import type { Document } from '../model/document.ts';
import type { Loc } from '../model/location.ts';
import type { Section, SectionKey } from '../model/report.ts';
import { FORMS, labelTest, type Label } from '../forms/index.ts';
import { codeSet, isDigitCode, isSpaceCode } from '../text/chars.ts';
import { memoised, ownCopy } from '../text/memo.ts';
import { labelKey, squeezeCjkSpaces } from '../text/normalise.ts';
import { isAgencyName } from './meta/agency.ts';
import { CN_DATE_SRC, DATE_SRC } from './meta/dates.ts';

export const SECTION_KEYS: readonly SectionKey[] = ['s1_overview', 's2_active', 's3_requests', 's4_appeals', 's5_problems', 's6_other'];

export interface SegmentLine {
  text: string;
  loc: Loc;
}

/** A run of body text under one heading, in document order. key null = preamble, or text after a 统计表/附件 stop. */
export interface Segment {
  key: SectionKey | null;
  heading: SegmentLine | null;
  lines: SegmentLine[];
}

/** 0 = "一、" / "第一部分"; 1 = "（一）" / "（1）"; 2 = "1、" / "1.". */
type Level = 0 | 1 | 2;
type HeadingKey = SectionKey | 'stop' | 'table' | null;

interface Candidate {
  line: number;
  start: number;
  end: number;
  level: Level;
  key: HeadingKey;
  /** A full section title ("…情况", "…措施"), not a sub-topic ("主动公开方面"). */
  strong: boolean;
  text: string;
}

const CN_ORD = '[一二三四五六七八九十]{1,3}';
const LINE_HEAD_RE = new RegExp(
  String.raw`^(?:(第${CN_ORD}部分)\s*[、:：]?|(${CN_ORD})\s*[、.．]|[（(]\s*(?:${CN_ORD}|\d{1,2})\s*[）)]|(\d{1,2})\s*(?:[、．]|\.(?!\d)))\s*`,
);
// Headings inside a long line: only top-level ordinals after a sentence, field or table-value boundary (flattened
// tables end in a digit or 元 right before "三、收到和处理…"), and 附件 markers. The boundary is checked by hand
// (inlineBoundary): as a lookbehind it made the scan try every position of every line.
const INLINE_HEAD_RE = new RegExp(String.raw`${CN_ORD}\s*、|(附件)\s*(?:\d*\s*[:：]|下载)`, 'g');
const INLINE_BOUNDARY = codeSet('。;；!！?？>)）"”0123456789元');
const LEAD_JUNK_RE = /^(?:\s|#+|\*+|\[bookmark:[^\]]*\]|<!--.*?-->)+/;
const PHRASE_STOP_RE = /[。;；:：,，(（\s]/;
const PHRASE_END_RE = /(?:情况|措施|事项|概述|概况|问题|统计表|附表)/g;
const SPACED_END_RE = /^(.*?(?:情况|措施|事项|概述|概况|问题|统计表|附表))\s+\S/;
const STRONG_END_RE = /(?:情况|措施|事项|概述|概况|问题|改进|整改)$/;
const MAX_PHRASE = 40;

// Keyword → section (spec §7.8, §4.1 legacy headings mapped to the nearest of the six keys). Order matters.
const KEYWORDS: [RegExp, SectionKey | 'stop'][] = [
  [/其他需要|其他需报告|需要说明的事项|其他事项|^其他$/, 's6_other'],
  [/统计表|附表|^附件/, 'stop'],
  [/行政复议|行政诉讼|复议.{0,4}诉讼/, 's4_appeals'],
  [/存在的?(?:主要)?问题|主要问题|存在不足|改进(?:情况|措施)|整改措施/, 's5_problems'],
  // The 2021 format puts fees (信息处理费) in 六; legacy 收费及减免 is its nearest home.
  [/收费|减免/, 's6_other'],
  [/收到和处理|依申请|公开申请|申请(?:公开)?的?(?:办理|处理)?情况|咨询/, 's3_requests'],
  [/主动公开|解读|回应|审批事项/, 's2_active'],
  [/总体|概述|概况|基本(?:工作)?情况|政府信息管理|平台建设|监督保障|机构建设|保障经费|培训|工作人员|事务支出|工作机制/, 's1_overview'],
];

const tableRowLabels: Label[] = [];
const cellLabels: Label[] = [];
for (const form of Object.values(FORMS)) {
  tableRowLabels.push(...form.requests.rows, ...form.requests.groups);
  cellLabels.push(...form.requests.rows, ...form.requests.groups, ...form.requests.columns);
  for (const block of form.active.blocks) cellLabels.push(block.anchor, ...block.rows, ...block.columns);
  cellLabels.push(...form.appeals.groups, ...form.appeals.leaves);
}
// Header cells of tables 3 and 4 that are not form labels, and wrapped pieces of long table-3 labels.
for (const zh of ['信息内容', '申请人情况', '法人或其他组织', '勾稽关系', '未经复议直接起诉', '复议后起诉', '行政诉讼', '第三项加第四项', '只计这一情形', '不计其他情形', '区分处理的']) {
  cellLabels.push({ zh, en: zh });
}
const isTableRowLabel = labelTest(tableRowLabels);
const isCellLabel = labelTest(cellLabels);

const VALUE_CELL_RE = /^(?:[-+−]?\d[\d,.]*\s*(?:件|项|个|条|万元|元)?|[-—–/／]+|零|〇)$/;
const NUMBERS_ONLY_RE = /^[\d\s.,+\-−—–/]+$/;
/** A row label followed by its values, as PDF text prints table rows ("规章 0 0 0"). */
const VALUE_ROW_RE = /(?:^|\s)[-+−]?\d[\d.,]*(?:\s+[-+−]?\d[\d.,]*)+\s*$/;
const FRAGMENT_RE = /^[\u4e00-\u9fff]{0,4}$/;
const ORDINAL_PREFIX_RE = /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、]|[一二三四五六七八九十]{1,3}、)/;
const CAPTION_RE = /^表[一二三四五]\s*[:：]/;

const PIPE_START_RE = /^\s*\|/;
const COUNT_RE = /\d\s*件/;

/** A line of ASCII digits only: the commonest cell, answered without hashing the line for the memo. */
function isNumberCell(raw: string): boolean {
  if (!raw || raw.length > 60) return false;
  for (let i = 0; i < raw.length; i++) if (!isDigitCode(raw.charCodeAt(i))) return false;
  return true;
}

/** A line that is a flattened table cell (web text one cell per line, docx tab cells, Markdown or PDF rows). */
const isCellLine = (raw: string): boolean => isNumberCell(raw) || cellLineVerdict(raw);

const cellLineVerdict = memoised((raw: string): boolean => {
  if (raw.startsWith('\t') || PIPE_START_RE.test(raw)) return true;
  const t = raw.replace(LEAD_JUNK_RE, '').trim();
  // Sentences, counts in prose ("收到申请 34 件，…") and a section's bare "无" are never cells.
  if (!t || t.endsWith('。') || t.length > 60 || COUNT_RE.test(t) || t === '无') return false;
  const squeezed = t.replace(/\s+/g, '');
  if (VALUE_CELL_RE.test(t) || NUMBERS_ONLY_RE.test(t) || VALUE_ROW_RE.test(t) || FRAGMENT_RE.test(squeezed.replace(ORDINAL_PREFIX_RE, '')) || CAPTION_RE.test(t)) return true;
  return isCellLabel(labelKey(t));
});

const isTableRowHeading = memoised((printed: string) => isTableRowLabel(labelKey(printed)));

const keywordOf = memoised((phrase: string): { key: HeadingKey; strong: boolean } => {
  const hit = KEYWORDS.find(([re]) => re.test(phrase));
  if (!hit) return { key: null, strong: false };
  const strong = phrase.length <= 32 && !phrase.includes('方面') && (STRONG_END_RE.test(phrase) || phrase.startsWith('其他'));
  return { key: hit[1], strong };
});

function classify(phrase: string, printed: string): { key: HeadingKey; strong: boolean } {
  return isTableRowHeading(printed) ? { key: 'table', strong: false } : keywordOf(phrase);
}

/** The heading phrase after an ordinal: the whole rest of a short line, else up to a stop or title ending. */
function headingPhrase(rest: string): { phrase: string; length: number } | null {
  const s = rest.trimStart();
  const lead = rest.length - s.length;
  if (s.length <= MAX_PHRASE && !/[。;；]./.test(s)) {
    // "六、其他需要报告的事项 无…": a title ending followed by a space and more text ends the heading there.
    const spaced = SPACED_END_RE.exec(s);
    if (spaced) return { phrase: spaced[1]!, length: lead + spaced[1]!.length };
    const phrase = s.replace(/[。:：;；\s]+$/, '');
    return phrase ? { phrase, length: rest.length } : null;
  }
  let cut = s.search(PHRASE_STOP_RE);
  if (cut < 0 || cut > MAX_PHRASE) cut = Math.min(s.length, MAX_PHRASE);
  let piece = s.slice(0, cut);
  let lastEnd = -1;
  PHRASE_END_RE.lastIndex = 0;
  for (let m = PHRASE_END_RE.exec(piece); m; m = PHRASE_END_RE.exec(piece)) lastEnd = m.index + m[0].length;
  if (lastEnd > 0) piece = piece.slice(0, lastEnd);
  return piece ? { phrase: piece, length: lead + piece.length } : null;
}

/** A heading read at some position: its length from there, what it opens, and its printed text. */
interface Heading {
  length: number;
  key: HeadingKey;
  strong: boolean;
  text: string;
}

/** The heading at the start of `s`, whose ordinal is `ordLen` characters long. */
function headingAt(s: string, ordLen: number): Heading | null {
  const ph = headingPhrase(s.slice(ordLen));
  if (!ph) return null;
  const printed = (s.slice(0, ordLen).trim() + ph.phrase).trim();
  return { length: ordLen + ph.length, ...classify(ph.phrase, printed), text: printed };
}

/** The heading a line starts with (after its leading junk), with its level. */
const lineHead = memoised(
  (s: string): (Heading & { level: Level }) | null => {
    const m = LINE_HEAD_RE.exec(s);
    if (!m) return null;
    const h = headingAt(s, m[0].length);
    const level: Level = m[1] || m[2] ? 0 : m[3] ? 2 : 1;
    return h && { ...h, level };
  },
  (h) => h && { ...h, text: ownCopy(h.text) },
);

function candidate(line: number, start: number, h: Heading, level: Level): Candidate {
  return { line, start, end: start + h.length, level, key: h.key, strong: h.strong, text: h.text };
}

const ORDINAL_START = codeSet('第一二三四五六七八九十（(0123456789');
const JUNK_START = codeSet('#*[<');

/** Length of the leading junk LEAD_JUNK_RE strips; most lines start with a character that cannot begin any. */
function junkLength(text: string): number {
  const c = text.charCodeAt(0);
  return JUNK_START.has(c) || isSpaceCode(c) ? (LEAD_JUNK_RE.exec(text)?.[0].length ?? 0) : 0;
}

/**
 * Whether LINE_HEAD_RE may match at `at`: it starts with an ordinal character, and a digit-led line continues
 * with 、 ． or . after one or two digits and spaces (so number cells such as "14" are turned away cheaply).
 */
function mayStartHeading(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (!isDigitCode(c)) return ORDINAL_START.has(c);
  let k = at + 1;
  if (isDigitCode(text.charCodeAt(k))) k++;
  while (isSpaceCode(text.charCodeAt(k))) k++;
  const next = text.charCodeAt(k);
  return next === 0x3001 || next === 0xff0e || next === 0x2e;
}

/** Heading candidates of one line, appended to `out`. */
function lineCandidates(index: number, text: string, out: Candidate[]): void {
  const junk = junkLength(text);
  const head = mayStartHeading(text, junk) ? lineHead(text.slice(junk)) : null;
  // Table-row labels and top-level phrases naming no section never act (accept): no candidate for them.
  if (head && head.key !== 'table' && (head.level !== 0 || head.key !== null)) out.push(candidate(index, junk, head, head.level));
  if (!text.includes('、') && !text.includes('附件')) return;
  INLINE_HEAD_RE.lastIndex = 0;
  for (let im = INLINE_HEAD_RE.exec(text); im; im = INLINE_HEAD_RE.exec(text)) {
    if (!inlineBoundary(text, im.index)) {
      // Not a heading here; a shorter one may start inside ("二十、" → "十、").
      INLINE_HEAD_RE.lastIndex = im.index + 1;
      continue;
    }
    // An attachment (附件1：统计表, 附件下载) ends the prose.
    if (im[1] !== undefined) {
      out.push({ line: index, start: im.index, end: im.index + im[0].length, level: 0, key: 'stop', strong: false, text: im[0] });
      continue;
    }
    if (im.index <= junk) continue;
    const h = headingAt(text.slice(im.index), im[0].length);
    // An ordinal inside running text is a heading only when its phrase names a section.
    if (h && h.key !== null && h.key !== 'table') out.push(candidate(index, im.index, h, 0));
  }
}

/** Line start, or a sentence, field or table-value boundary (whitespace included) before `at`. */
function inlineBoundary(text: string, at: number): boolean {
  if (at === 0) return true;
  const c = text.charCodeAt(at - 1);
  return INLINE_BOUNDARY.has(c) || isSpaceCode(c);
}

interface Walk {
  current: SectionKey | null;
  /** Level of the heading that opened `current`, and the section it interrupted (for sub-level openers). */
  openerLevel: Level;
  parent: SectionKey | null;
}

/** What a candidate does: open (or return to) a section, stop, or nothing (undefined). */
function accept(c: Candidate, claimed: ReadonlySet<HeadingKey>, w: Walk): { open: SectionKey | null; heading: boolean } | undefined {
  if (c.key === 'table') return undefined;
  if (c.level === 0) {
    if (c.key === null) return undefined;
    w.openerLevel = 0;
    w.parent = null;
    return { open: c.key === 'stop' ? null : c.key, heading: true };
  }
  if (c.key !== null && c.key !== 'stop' && c.strong && !claimed.has(c.key)) {
    // A sub-level heading stands in for a missing top-level one (seed 004 "3、", seed 000 "（1）").
    if (w.openerLevel === 0) w.parent = w.current;
    w.openerLevel = c.level;
    return { open: c.key, heading: true };
  }
  if (w.openerLevel !== 0 && c.level <= w.openerLevel && w.parent !== null) {
    // A sibling of a sub-level opener that is not itself a section returns to the enclosing section, and
    // stays a line of its text (seed 000: （三）政府信息管理 after （2）依申请公开… belongs to 一).
    w.openerLevel = 0;
    return { open: w.parent, heading: false };
  }
  return undefined;
}

// Documents are not changed after reading, so the segmentation can be shared by meta, sections and narrative.
const cache = new WeakMap<Document, Segment[]>();

/** The document cut into preamble and section segments, in order (cached per document). */
export function sectionSegments(doc: Document): Segment[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  const lines: SegmentLine[] = [];
  const cands: Candidate[] = [];
  for (const b of doc.blocks) {
    if (b.kind !== 'text') continue;
    if (b.text) lineCandidates(lines.length, b.text, cands);
    lines.push(b);
  }
  const claimed = new Set<HeadingKey>();
  for (const c of cands) if (c.level === 0) claimed.add(c.key);

  let seg: Segment = { key: null, heading: null, lines: [] };
  const segments = [seg];
  const w: Walk = { current: null, openerLevel: 0, parent: null };
  let ci = 0;
  lines.forEach((line, i) => {
    if (cands[ci]?.line !== i) {
      if (line.text.trim()) seg.lines.push(line);
      return;
    }
    let pos = 0;
    const push = (text: string) => {
      if (text.trim()) seg.lines.push({ text, loc: line.loc });
    };
    for (; ci < cands.length && cands[ci]!.line === i; ci++) {
      const c = cands[ci]!;
      if (c.start < pos) continue;
      const act = accept(c, claimed, w);
      if (act === undefined) continue;
      push(line.text.slice(pos, c.start));
      w.current = act.open;
      seg = { key: act.open, heading: act.heading ? { text: c.text, loc: line.loc } : null, lines: [] };
      segments.push(seg);
      pos = act.heading ? c.end : c.start;
    }
    push(line.text.slice(pos));
  });
  cache.set(doc, segments);
  return segments;
}

// Sections and narrative both read each segment's prose.
const proseCache = new WeakMap<Segment, SegmentLine[]>();

/** Prose lines of a segment: table cells dropped in the table sections (二–四), blank lines dropped. Shared: read only. */
export function segmentProse(seg: Segment): SegmentLine[] {
  const hit = proseCache.get(seg);
  if (hit) return hit;
  const tableSection = seg.key === 's2_active' || seg.key === 's3_requests' || seg.key === 's4_appeals';
  const out: SegmentLine[] = [];
  for (const l of seg.lines) {
    if (tableSection ? isCellLine(l.text) : l.text.startsWith('\t') || PIPE_START_RE.test(l.text)) continue;
    const text = l.text.replace(LEAD_JUNK_RE, '').trim();
    if (text) out.push(text === l.text ? l : { text, loc: l.loc });
  }
  proseCache.set(seg, out);
  return out;
}

const DATE_LINE_RE = new RegExp(`^[(（]?(?:${DATE_SRC}|${CN_DATE_SRC})[)）]?$`);
const PAGE_NUMBER_RE = /^\d{1,3}$/;

/** The report's closing lines are no section's prose: a stray page number, the signature (organ, date). */
function trimSignature(lines: SegmentLine[]): SegmentLine[] {
  const out = [...lines];
  const dropIf = (test: (t: string) => boolean): boolean => {
    const last = out.at(-1);
    if (!last || !test(squeezeCjkSpaces(last.text))) return false;
    out.pop();
    return true;
  };
  dropIf((t) => PAGE_NUMBER_RE.test(t));
  if (dropIf((t) => DATE_LINE_RE.test(t))) dropIf(isAgencyName);
  return out;
}

/** The six sections (null when absent). A key found under several headings collects all their text. */
export function extractSections(doc: Document): Record<SectionKey, Section | null> {
  const out = Object.fromEntries(SECTION_KEYS.map((k) => [k, null])) as Record<SectionKey, Section | null>;
  const segments = sectionSegments(doc);
  const last = segments.findLastIndex((s) => s.key !== null);
  segments.forEach((seg, i) => {
    if (seg.key === null) return;
    const prose = segmentProse(seg);
    const text = (i === last ? trimSignature(prose) : prose).map((l) => l.text).join('\n');
    const prev = out[seg.key];
    // A later part keeps its heading as a line, so the joined text still shows where each part began.
    if (prev) prev.text = [prev.text, seg.heading?.text ?? '', text].filter(Boolean).join('\n');
    else out[seg.key] = { heading: seg.heading?.text ?? '', text, loc: seg.heading?.loc ?? seg.lines[0]?.loc ?? {} };
  });
  return out;
}
