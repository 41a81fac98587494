// Pre-2019 statistics tables (spec §4): "指标名称 | 计量单位 | 数值" lists, with or without 历年累计 columns, found
// either as real tables (HTML/DOCX/PDF) or flattened into text — including text whose digits run together with
// no separator ("主动公开信息数条4251516" = 425 this year, 1516 cumulative). Run-together digits are split only when
// exactly one split is plausible: cumulative ≥ annual, a "其中" part never exceeds its whole, parts add up to their
// whole, and — as a last step — the report's own prose states the annual figure ("主动公开政府信息2026条").
// Otherwise the cell is kept as text with a note that it is ambiguous.

import { LEGACY_BY_KEY, LEGACY_INDICATORS, legacyMatchKeys, type LegacyIndicator } from '../forms/legacy.ts';
import type { Cell } from '../model/cell.ts';
import type { Block, Document, TableBlock } from '../model/document.ts';
import type { Loc } from '../model/location.ts';
import { labelKey, normaliseText } from '../text/normalise.ts';
import { parseCell } from './tables/value.ts';

type ColKind = 'year' | 'cumulative' | 'period';

interface RawRow {
  /** Printed label without its numbering prefix. */
  label: string;
  unit: string | null;
  tokens: string[];
  loc: Loc | null;
  /** Numbering printed before the label ("2." → 2). */
  ordinal: number | null;
}

interface StatTable { columns: ColKind[]; rows: RawRow[]; notes: string[] }

const SUFFIX: Record<ColKind, string> = { year: '', cumulative: '.cumulative', period: '.period' };

const UNITS = '万元|人次|条|件|元|个|次|篇|项|人|%';
const NUM = String.raw`[-+]?\d[\d,]*(?:\.\d+)?`;
const VAL = String.raw`(?:${NUM}|[—–-]{1,2}|[/／])`;
const ORD = String.raw`(?:\d{1,2}|[一二三四五六七八九十]{1,3})`;
const PREFIX = String.raw`(?:其\s*中\s*[:：]?\s*)?(?:[(（]\s*(?<ordp>${ORD})\s*[)）]\s*[.、．]?\s*|(?<ord>${ORD})\s*[.、．]\s*)?`;
const ROW_RE = new RegExp(String.raw`\s*(?<pre>${PREFIX})(?<label>[^\d\s.、．,:：;；][^\d]{0,90}?)\s*(?<unit>${UNITS})?\s*(?<vals>${VAL}(?:\s+${VAL})*)`, 'y');
const PREFIX_RE = new RegExp(`^\\s*${PREFIX}`);
const HEADER_RE = /指\s*标\s*名\s*称|指\s*标\s*项\s*目/g;
const COL_RES: [RegExp, ColKind][] = [
  [/^\s*[|｜]?\s*历\s*年\s*累\s*计/, 'cumulative'],
  [/^\s*[|｜]?\s*本\s*年\s*累\s*计/, 'year'],
  [/^\s*[|｜]?\s*累\s*计/, 'cumulative'],
  [/^\s*[|｜]?\s*(?:19|20)\d{2}\s*年\s*度?/, 'year'],
  [/^\s*[|｜]?\s*本\s*年\s*度?/, 'year'],
  [/^\s*[|｜]?\s*本\s*期\s*(?:实\s*际)?/, 'period'],
  [/^\s*[|｜]?\s*(?:数\s*值|数\s*量|合\s*计)/, 'year'],
];
const UNIT_HEADER_RE = /^\s*[|｜]?\s*(?:计\s*量\s*)?单\s*位/;

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
function ordinalOf(s: string | undefined): number | null {
  if (!s) return null;
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 1) return CN_DIGITS[s] ?? null;
  if (s.startsWith('十')) return 10 + (CN_DIGITS[s[1] ?? ''] ?? 0);
  return (CN_DIGITS[s[0]!] ?? 0) * 10 + (CN_DIGITS[s[2] ?? ''] ?? 0);
}

/** Parenthetical remarks inside labels ("（不同渠道和方式公开相同信息计1条）") carry digits that would end the label. */
function dropRemarks(s: string): string {
  // Same length (spaces), so that offsets still point into the source text.
  return s.replace(/[（(][^（()）]{2,40}[)）]/g, (m) => (/[\u4e00-\u9fff]{2}/.test(m) ? ' '.repeat(m.length) : m));
}

/** Column kinds from the header text that follows 指标名称. Returns the kinds and where the header ends. */
function headerColumns(text: string, from: number): { columns: ColKind[]; end: number; hasUnit: boolean } {
  let pos = from;
  let hasUnit = false;
  const columns: ColKind[] = [];
  for (;;) {
    const rest = text.slice(pos);
    const u = UNIT_HEADER_RE.exec(rest);
    if (u) { hasUnit = true; pos += u[0].length; continue; }
    const hit = COL_RES.map(([re, kind]) => ({ m: re.exec(rest), kind })).find((x) => x.m);
    if (!hit?.m) break;
    columns.push(hit.kind);
    pos += hit.m[0].length;
  }
  if (columns.includes('period') && !columns.includes('year')) columns[columns.indexOf('period')] = 'year';
  return { columns: columns.length ? columns : ['year'], end: pos, hasUnit };
}

function splitTokens(vals: string): string[] {
  return vals.trim().split(/\s+/).filter(Boolean);
}

/** Rows of a statistics table flattened into text, starting right after its header. */
function parseTextRows(text: string, from: number, nCols: number, locAt: (i: number) => Loc | null, notes: string[]): { rows: RawRow[]; end: number } {
  const rows: RawRow[] = [];
  let pos = from;
  let forced: number | null = null;
  for (;;) {
    if (forced !== null) {
      const p = /^[.、．]\s*/.exec(text.slice(pos));
      if (p) pos += p[0].length;
    }
    ROW_RE.lastIndex = pos;
    const m = ROW_RE.exec(text);
    if (!m?.groups) break;
    const g = m.groups;
    let label = (g['label'] ?? '').trim();
    let start = m.index + (m[0].length - m[0].trimStart().length);
    let ordinal: number | null = forced ?? ordinalOf(g['ord'] ?? g['ordp']);
    forced = null;
    // A group heading without values ("一、主动公开情况") on the line before: the row is the last line.
    const nl = label.lastIndexOf('\n');
    if (nl >= 0) {
      const tail = label.slice(nl + 1);
      const pre = PREFIX_RE.exec(tail);
      start = m.index + m[0].indexOf(label) + nl + 1;
      ordinal = ordinalOf(pre?.groups?.['ord'] ?? pre?.groups?.['ordp']);
      label = tail.slice(pre?.[0].length ?? 0).trim();
    }
    label = label.replace(/\s+/g, ' ');
    if (!label || label.length > 40 || /[。！？]/.test(label)) break;
    const vals = g['vals'] ?? '';
    let tokens = splitTokens(vals);
    let end = m.index + m[0].length;
    // The next row's numbering ("2.") may have been read as trailing digits of this row's values.
    if (/^[.、．]\s*[^\d\s]/.test(text.slice(end))) {
      const expect: number = (ordinal ?? 0) + 1;
      const last = tokens.at(-1) ?? '';
      if (tokens.length > nCols && /^\d{1,2}$/.test(last)) {
        forced = Number(last);
        tokens = tokens.slice(0, -1);
      } else if (last.length > String(expect).length && last.endsWith(String(expect))) {
        forced = expect;
        tokens = [...tokens.slice(0, -1), last.slice(0, -String(expect).length)];
      } else if (last.length > 1) {
        forced = Number(last.slice(-1));
        tokens = [...tokens.slice(0, -1), last.slice(0, -1)];
        notes.push(`statistics row "${label}": the next row's number was read as the last digit of "${last}" (expected ${expect})`);
      }
    } else if (tokens.length > nCols) {
      // More numbers than columns (a page number after the table, one-cell-per-line text): keep the row's own.
      const spans = [...vals.matchAll(/\S+/g)];
      const cut = spans[nCols - 1];
      if (cut) {
        end = end - vals.length + cut.index + cut[0].length;
        tokens = tokens.slice(0, nCols);
      }
    }
    rows.push({ label, unit: g['unit'] ?? null, tokens, loc: locAt(start), ordinal });
    pos = end;
  }
  return { rows, end: pos };
}

interface TextSource { text: string; starts: number[]; locs: Loc[] }

function textSource(blocks: Block[]): TextSource {
  let text = '';
  const starts: number[] = [];
  const locs: Loc[] = [];
  for (const b of blocks) {
    if (b.kind !== 'text') continue;
    starts.push(text.length);
    locs.push(b.loc);
    text += `${normaliseText(b.text).replace(/\n/g, ' ')}\n`;
  }
  return { text, starts, locs };
}

function locAtFn(src: TextSource): (i: number) => Loc | null {
  return (i) => {
    let k = -1;
    for (let j = 0; j < src.starts.length && src.starts[j]! <= i; j++) k = j;
    return k >= 0 ? src.locs[k]! : null;
  };
}

/** Statistics tables flattened into text blocks. Also returns the text outside them (the prose). */
function textTables(doc: Document): { tables: StatTable[]; prose: string } {
  const src = textSource(doc.blocks);
  const text = dropRemarks(src.text);
  const tables: StatTable[] = [];
  const consumed: [number, number][] = [];
  HEADER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HEADER_RE.exec(text))) {
    const head = headerColumns(text, m.index + m[0].length);
    const notes: string[] = [];
    const { rows, end } = parseTextRows(text, head.end, head.columns.length, locAtFn(src), notes);
    if (rows.length) {
      tables.push({ columns: head.columns, rows, notes });
      consumed.push([m.index, end]);
      HEADER_RE.lastIndex = Math.max(end, HEADER_RE.lastIndex);
    }
  }
  let prose = '';
  let at = 0;
  for (const [a, b] of consumed) { prose += text.slice(at, a); at = b; }
  prose += text.slice(at);
  return { tables, prose };
}

/** Statistics tables that are real tables (HTML, DOCX, PDF): a header row with 指标名称 / 计量单位. */
function blockTables(doc: Document): StatTable[] {
  const out: StatTable[] = [];
  for (const b of doc.blocks) {
    if (b.kind !== 'table') continue;
    const t = b as TableBlock;
    const h = t.rows.findIndex((r) => r.some((c) => /指标名称|指标项目/.test(labelKey(c.text))));
    if (h < 0) continue;
    const header = t.rows[h]!;
    let unitCol = -1;
    const valueCols: { col: number; kind: ColKind }[] = [];
    header.forEach((c, i) => {
      const k = normaliseText(c.text);
      if (i === 0 || /指\s*标/.test(k)) return;
      if (UNIT_HEADER_RE.test(k)) { unitCol = i; return; }
      const hit = COL_RES.find(([re]) => re.test(k));
      valueCols.push({ col: i, kind: hit ? hit[1] : 'year' });
    });
    if (valueCols.some((v) => v.kind === 'period') && !valueCols.some((v) => v.kind === 'year')) valueCols.find((v) => v.kind === 'period')!.kind = 'year';
    const rows: RawRow[] = [];
    for (const r of t.rows.slice(h + 1)) {
      const labelCell = r[0];
      if (!labelCell || !labelCell.text.trim()) continue;
      const pre = PREFIX_RE.exec(normaliseText(labelCell.text));
      const label = normaliseText(labelCell.text).slice(pre?.[0].length ?? 0).trim();
      const values = valueCols.map((v) => normaliseText(r[v.col]?.text ?? '').trim());
      rows.push({
        label: dropRemarks(label).replace(/\s+/g, ' ').trim(),
        unit: unitCol >= 0 ? normaliseText(r[unitCol]?.text ?? '').trim() || null : null,
        tokens: values,
        loc: r[valueCols[0]?.col ?? 0]?.loc ?? labelCell.loc,
        ordinal: ordinalOf(pre?.groups?.['ord'] ?? pre?.groups?.['ordp']),
      });
    }
    if (rows.length) out.push({ columns: valueCols.map((v) => v.kind), rows, notes: [] });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Label → indicator

const MATCH_KEYS = LEGACY_INDICATORS.map((ind) => ({ ind, keys: legacyMatchKeys(ind) }));

function ancestors(key: string): string[] {
  const out: string[] = [];
  let cur = LEGACY_BY_KEY.get(key)?.parent;
  while (cur) { out.push(cur); cur = LEGACY_BY_KEY.get(cur)?.parent; }
  return out;
}

function matchIndicator(label: string, recent: string[]): LegacyIndicator | null {
  const k = labelKey(label).replace(/^其中/, '');
  if (!k) return null;
  let cands = MATCH_KEYS.filter((x) => x.keys.includes(k)).map((x) => x.ind);
  if (!cands.length) {
    let best = 0;
    for (const x of MATCH_KEYS) {
      for (const mk of x.keys) {
        const len = mk.length >= 3 && k.includes(mk) ? mk.length : k.length >= 4 && mk.includes(k) ? k.length : 0;
        if (len > best) { best = len; cands = [x.ind]; } else if (len === best && len > 0 && !cands.includes(x.ind)) cands.push(x.ind);
      }
    }
  }
  if (cands.length <= 1) return cands[0] ?? null;
  // Same wording under different wholes (被依法纠错数 under 行政复议 or 行政诉讼): the nearest preceding whole wins.
  for (const r of recent) {
    const scope = [r, ...ancestors(r)];
    const hit = cands.find((c) => c.parent && scope.includes(c.parent));
    if (hit) return hit;
  }
  return cands.find((c) => !c.parent) ?? cands[0]!;
}

// ---------------------------------------------------------------------------------------------------------------
// Values: candidates, constraints, cells

type Vec = (number | null)[];

interface Work {
  row: RawRow;
  ind: LegacyIndicator | null;
  /** Possible readings of the printed values, one number (or null) per column. Empty: unreadable. */
  cands: Vec[];
  /** The printed token when digits ran together. */
  run: string | null;
  how: string | null;
}

const VALID_PART = /^(?:0|[1-9]\d*)(?:\.\d+)?$/;

function num(token: string): number | null {
  const c = parseCell(token, null);
  return c.state === 'num' || c.state === 'zero_word' ? c.value : null;
}

function candidates(row: RawRow, columns: ColKind[]): { cands: Vec[]; run: string | null } {
  const n = columns.length;
  if (row.tokens.length === n) return { cands: [row.tokens.map(num)], run: null };
  const t = row.tokens[0] ?? '';
  if (row.tokens.length === 1 && n === 2 && /^\d{2,}$/.test(t)) {
    const cands: Vec[] = [];
    const cumulativeSecond = columns[1] === 'cumulative' || (columns[0] === 'period' && columns[1] === 'year');
    for (let i = 1; i < t.length; i++) {
      const a = t.slice(0, i);
      const b = t.slice(i);
      if (!VALID_PART.test(a) || !VALID_PART.test(b)) continue;
      if (cumulativeSecond && Number(b) < Number(a)) continue;
      cands.push([Number(a), Number(b)]);
    }
    return { cands, run: t };
  }
  return { cands: [], run: row.tokens.join(' ') };
}

const leq = (a: Vec, b: Vec) => a.every((v, i) => v === null || b[i] === null || b[i] === undefined || v <= b[i]!);
const same = (a: Vec, b: Vec) => a.length === b.length && a.every((v, i) => v === b[i]);

/** Filter a domain, but never to nothing (an inconsistent report keeps all its readings). */
function restrict(w: Work, keep: (v: Vec) => boolean, how: string): boolean {
  const next = w.cands.filter(keep);
  if (!next.length || next.length === w.cands.length) return false;
  w.cands = next;
  if (next.length === 1 && !w.how) w.how = how;
  return true;
}

function propagate(works: Work[]): void {
  const byKey = new Map(works.filter((w) => w.ind).map((w) => [w.ind!.key, w]));
  const families = new Map<Work, Work[]>();
  for (const w of works) {
    const p = w.ind?.parent ? byKey.get(w.ind.parent) : undefined;
    if (p && w.cands.length && p.cands.length) families.set(p, [...(families.get(p) ?? []), w]);
  }
  for (let round = 0; round < 6; round++) {
    let changed = false;
    for (const [p, kids] of families) {
      for (const c of kids) {
        changed = restrict(c, (v) => p.cands.some((u) => leq(v, u)), 'a part cannot exceed its whole') || changed;
        changed = restrict(p, (u) => c.cands.some((v) => leq(v, u)), 'its parts must fit inside it') || changed;
      }
      const domains = [p, ...kids];
      if (domains.every((d) => d.cands.length === 1)) continue;
      const size = domains.reduce((s, d) => s * d.cands.length, 1);
      if (size > 20_000) continue;
      const ok: Vec[][] = [];
      const walk = (i: number, acc: Vec[]) => {
        if (i === domains.length) {
          const [whole, ...parts] = acc;
          const adds = whole!.every((v, col) => {
            if (v === null) return true;
            let s = 0;
            for (const q of parts) { const x = q[col]; if (x === null || x === undefined) return true; s += x; }
            return Math.abs(s - v) < 1e-9;
          });
          if (adds) ok.push(acc.slice());
          return;
        }
        for (const v of domains[i]!.cands) { acc.push(v); walk(i + 1, acc); acc.pop(); }
      };
      walk(0, []);
      if (ok.length) {
        domains.forEach((d, i) => {
          changed = restrict(d, (v) => ok.some((combo) => same(combo[i]!, v)), 'the 其中 rows add up to their whole') || changed;
        });
      }
    }
    if (!changed) break;
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Does the prose state this annual figure for this indicator ("主动公开政府信息2026条")? */
function inProse(prose: string, ind: LegacyIndicator, unit: string | null, value: number): boolean {
  const words = ind.prose ?? [labelKey(ind.zh).replace(/数$/, '')];
  const u = unit ?? ind.unit;
  const re = new RegExp(`(?<![\\d.])${escapeRe(String(value))}(?![\\d.])\\s*(?:${escapeRe(u)}|条|件)`, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(prose))) {
    const before = prose.slice(Math.max(0, m.index - 30), m.index);
    const clause = before.split(/[。；;!?！？\n]/).at(-1) ?? '';
    if (words.some((w) => clause.includes(w))) return true;
  }
  return false;
}

function fmt(v: Vec): string {
  return v.map((x) => (x === null ? '·' : String(x))).join(' | ');
}

function makeCell(token: string, value: number | null, row: RawRow, ind: LegacyIndicator): Cell {
  const base = parseCell(token, row.loc);
  const cell: Cell = value === null ? base : { ...base, value, state: base.state === 'zero_word' ? 'zero_word' : 'num' };
  const unit = row.unit ?? base.unit ?? undefined;
  if (unit) cell.unit = unit;
  if (ind.unit === '万元' && unit === '元' && cell.value !== null) cell.value = cell.value / 10_000;
  return cell;
}

function emit(t: StatTable, prose: string, cells: Record<string, Cell>, notes: string[]): void {
  const works: Work[] = [];
  const recent: string[] = [];
  for (const row of t.rows) {
    const ind = matchIndicator(row.label, recent);
    if (ind && !ind.parent) recent.unshift(ind.key);
    else if (ind?.parent) recent.unshift(ind.key);
    const { cands, run } = candidates(row, t.columns);
    works.push({ row, ind, cands, run, how: null });
  }
  propagate(works);
  const yearCol = Math.max(0, t.columns.indexOf('year'));
  for (const w of works) {
    if (w.cands.length <= 1 || !w.ind) continue;
    const hits = w.cands.filter((v) => typeof v[yearCol] === 'number' && inProse(prose, w.ind!, w.row.unit, v[yearCol]));
    if (hits.length === 1) {
      w.cands = hits;
      w.how = `the report's prose states ${hits[0]![yearCol]}${w.row.unit ?? w.ind.unit}`;
    }
  }
  propagate(works);

  let runs = 0;
  for (const w of works) {
    const { row, ind } = w;
    const printed = row.tokens.join(' ');
    if (!ind) {
      notes.push(`legacy statistics: row "${row.label}"${row.unit ? ` (${row.unit})` : ''} = ${printed || '(blank)'} has no indicator definition; not stored`);
      continue;
    }
    if (cells[ind.key]) {
      notes.push(`legacy statistics: ${ind.key} printed twice ("${row.label}" = ${printed}); the first is kept`);
      continue;
    }
    const keys = t.columns.map((kind) => ind.key + SUFFIX[kind]);
    if (w.cands.length === 1) {
      const v = w.cands[0]!;
      if (w.run) {
        runs++;
        const parts = v.map((x) => String(x));
        keys.forEach((k, i) => { cells[k] = { ...makeCell(parts[i]!, v[i] ?? null, row, ind) }; });
        if (w.how) notes.push(`${ind.key}: "${w.run}" is printed without a separator; read as ${fmt(v)} because ${w.how}`);
      } else {
        keys.forEach((k, i) => { cells[k] = makeCell(row.tokens[i] ?? '', v[i] ?? null, row, ind); });
      }
      continue;
    }
    const options = w.cands.length ? `possible readings ${w.cands.map(fmt).join(', ')}` : `expected ${t.columns.length} value(s)`;
    notes.push(`${ind.key}: "${printed}" is ambiguous (${options}); kept as text`);
    keys.forEach((k) => { cells[k] = { value: null, raw: printed, state: 'text', loc: row.loc, ...(row.unit ? { unit: row.unit } : {}) }; });
  }
  if (runs) notes.push(`legacy statistics: digits run together in ${runs} row(s); each split is the only one consistent with the table`);
}

/**
 * Pre-2019 statistics tables of a document → `legacy.*` cells (annual figures under the indicator key,
 * 历年累计 under `<key>.cumulative`, 本期 under `<key>.period`). Reports without such a table give no cells.
 */
export function extractLegacyStats(doc: Document): { cells: Record<string, Cell>; notes: string[] } {
  const cells: Record<string, Cell> = {};
  const notes: string[] = [];
  const fromText = textTables(doc);
  const tables = [...blockTables(doc), ...fromText.tables];
  for (const t of tables) {
    notes.push(...t.notes);
    emit(t, fromText.prose, cells, notes);
  }
  return { cells, notes };
}
