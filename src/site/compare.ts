import type { Agency } from '../publish/agencies.ts';
import type { Meta } from '../model/report.ts';
import type { Lean } from '../publish/lean.ts';
import { OUTCOMES } from './outcomes.ts';

// The compare page's data, shaped at build time and read by its browser code (src/site/compare-client.ts).
//
// Per agency: its headline figures per year (lean entries) and its peers — agencies of the same administrative
// level under the same resolved parent region. Records are split into shards by the first hex digits of the agency
// id, so a shared URL (?a=<id>&a=<id> or ?peers=<id>) finds each agency's file from its id alone and no file grows
// with the archive. An index per province (id, name, level, place) lets the page pick agencies by name.

export type Level = NonNullable<Meta['admin_level']>;

/** Headline figures compared, grouped by the official table they come from (lean `f` keys). */
export const FIGURE_GROUPS: { zh: string; en: string; figures: { key: string; zh: string; en: string }[] }[] = [
  {
    zh: '收到和处理政府信息公开申请情况（表三）', en: 'Requests received and handled (table 3)',
    figures: [
      { key: 'new', zh: '本年新收申请', en: 'New requests' },
      { key: 'carried_over', zh: '上年结转', en: 'Carried over' },
      { key: 'result_total', zh: '办理结果总计', en: 'Handled (total)' },
      ...OUTCOMES.map((o) => ({ key: o.key, zh: o.zh, en: o.en })),
      { key: 'carried_forward', zh: '结转下年度', en: 'Carried forward' },
    ],
  },
  {
    zh: '行政复议、行政诉讼情况（表四）', en: 'Review and litigation (table 4)',
    figures: [
      { key: 'review_total', zh: '行政复议', en: 'Reviews' },
      { key: 'review_upheld', zh: '复议维持', en: 'Reviews: upheld' },
      { key: 'review_corrected', zh: '复议纠正', en: 'Reviews: corrected' },
      { key: 'suit_total', zh: '行政诉讼', en: 'Lawsuits' },
      { key: 'suit_upheld', zh: '诉讼维持', en: 'Lawsuits: upheld' },
      { key: 'suit_corrected', zh: '诉讼纠正', en: 'Lawsuits: corrected' },
    ],
  },
];
const FIGURE_KEYS = FIGURE_GROUPS.flatMap((g) => g.figures.map((f) => f.key));

/** Figures drawn as one line per agency. */
export const CHARTS: { key: string; zh: string; en: string }[] = [
  { key: 'new', zh: '本年新收申请', en: 'New requests' },
  { key: 'review_total', zh: '行政复议', en: 'Reviews' },
  { key: 'suit_total', zh: '行政诉讼', en: 'Lawsuits' },
];

export const MIN_AGENCIES = 2;
export const MAX_AGENCIES = 5;
/** Peers listed for one agency (a chart of dozens of lines says nothing). */
export const MAX_PEERS = 11;
/** Agencies per shard file the shard width aims at (at most). */
const SHARD_TARGET = 128;
const ID_RE = /^[0-9a-f]{12}$/;

export interface CompareYear {
  y: number;
  /** Report id (a link to its page). */
  r: string;
  /** Headline figures that report gives. */
  f: Record<string, number>;
}

export interface CompareAgency {
  id: string;
  name: string;
  level: Level | null;
  /** Resolved place names, province first. */
  place: string[];
  years: CompareYear[];
  /** Peer agency ids: the same kind of agency first, then most shared years. */
  peers: string[];
  /** All peers, of which `peers` lists at most MAX_PEERS. */
  peer_total: number;
}

/** Index row for the picker: id, name, level, place (joined). */
export type IndexRow = [string, string, Level | null, string];

const LEVEL_ORDER: Level[] = ['province', 'prefecture', 'county', 'township'];

/**
 * Peer group of an agency: its level and the code of the division one level above it on its resolved path
 * (nationwide for a province-level agency). Null when the level or that division is unknown — an ambiguous
 * region still has one when every candidate shares it.
 */
export function peerGroup(a: Pick<Agency, 'level' | 'region'>): string | null {
  if (!a.level) return null;
  const above = LEVEL_ORDER[LEVEL_ORDER.indexOf(a.level) - 1];
  if (!above) return `|${a.level}`;
  const parent = a.region?.path.find((p) => p.level === above);
  return parent ? `${parent.code}|${a.level}` : null;
}

/** One report per year: the one stating most headline figures (a year published twice keeps its fuller report). */
export function yearFigures(reports: readonly Lean[]): CompareYear[] {
  const best = new Map<number, Lean>();
  const count = (r: Lean) => FIGURE_KEYS.filter((k) => r.f[k] !== undefined).length;
  for (const r of reports) {
    if (r.meta.year === null) continue;
    const had = best.get(r.meta.year);
    if (!had || count(r) > count(had)) best.set(r.meta.year, r);
  }
  return [...best.values()].sort((a, b) => a.meta.year! - b.meta.year!).map((r) => ({
    y: r.meta.year!, r: r.id, f: Object.fromEntries(FIGURE_KEYS.filter((k) => r.f[k] !== undefined).map((k) => [k, r.f[k]!])),
  }));
}

/** Every agency's compare record, peers included. */
export function compareRecords(agencies: readonly Agency[], reportsOf: (id: string) => readonly Lean[]): CompareAgency[] {
  const groups = new Map<string, Agency[]>();
  for (const a of agencies) {
    const g = peerGroup(a);
    if (g === null) continue;
    let members = groups.get(g);
    if (!members) groups.set(g, (members = []));
    members.push(a);
  }
  // Each group is ordered once (most years, then name); the per-agency sort below is stable and numeric only,
  // which keeps a nationwide group (every province-level agency) fast.
  const zh = new Intl.Collator('zh-CN');
  for (const members of groups.values()) members.sort((x, y) => y.years.length - x.years.length || zh.compare(x.name, y.name) || (x.id < y.id ? -1 : 1));
  return agencies.map((a) => {
    const g = peerGroup(a);
    const others = g === null ? [] : groups.get(g)!.filter((p) => p !== a);
    // Same kind of agency first (government offices with government offices), then most shared years.
    const ranked = others.map((p) => ({ p, kind: p.kind === a.kind ? 1 : 0, n: p.years.filter((y) => a.years.includes(y)).length }))
      .sort((x, y) => y.kind - x.kind || y.n - x.n);
    return {
      id: a.id, name: a.name, level: a.level, place: a.region?.path.map((p) => p.name) ?? [],
      years: yearFigures(reportsOf(a.id)), peers: ranked.slice(0, MAX_PEERS).map((x) => x.p.id), peer_total: others.length,
    };
  });
}

/** Hex digits of the id that name its shard: as few as keep shards near SHARD_TARGET agencies. */
export function shardWidth(agencies: number): number {
  let w = 1;
  while (agencies / 16 ** w > SHARD_TARGET) w++;
  return w;
}

export const shardOf = (id: string, width: number) => id.slice(0, width);

/** Every shard name of a width (empty shards too, so a valid id never asks for a missing file). */
export const allShards = (width: number) => Array.from({ length: 16 ** width }, (_, i) => i.toString(16).padStart(width, '0'));

/** Province of an agency for the picker index; agencies placed nowhere are under "unknown". */
export const provinceOf = (a: Pick<Agency, 'region'>) => a.region?.path[0] ?? null;
export const UNKNOWN_PROVINCE = 'unknown';

export const indexRow = (a: Agency): IndexRow => [a.id, a.name, a.level, a.region?.path.map((p) => p.name).join(' ') ?? ''];

// ---------------------------------------------------------------------------------------------------------
// The selection in the URL (shared by the page's browser code and the tests)

export type Selection = { mode: 'agencies'; ids: string[] } | { mode: 'peers'; id: string } | { mode: 'none' };

/** ?peers=<id> wins over ?a=…; ids that are not agency ids are dropped, duplicates and any beyond five too. */
export function parseSelection(search: string): { selection: Selection; dropped: string[] } {
  const q = new URLSearchParams(search);
  const peers = q.get('peers');
  const dropped: string[] = [];
  if (peers !== null) {
    if (ID_RE.test(peers)) return { selection: { mode: 'peers', id: peers }, dropped };
    dropped.push(peers);
  }
  const ids: string[] = [];
  for (const id of q.getAll('a')) {
    if (ID_RE.test(id) && !ids.includes(id) && ids.length < MAX_AGENCIES) ids.push(id);
    else if (!ids.includes(id)) dropped.push(id);
  }
  return { selection: ids.length ? { mode: 'agencies', ids } : { mode: 'none' }, dropped };
}

export function selectionSearch(s: Selection): string {
  if (s.mode === 'peers') return `?peers=${s.id}`;
  if (s.mode === 'agencies') return `?${s.ids.map((id) => `a=${id}`).join('&')}`;
  return '';
}

/** Union of the years the agencies report, ascending. */
export const unionYears = (agencies: readonly CompareAgency[]) => [...new Set(agencies.flatMap((a) => a.years.map((y) => y.y)))].sort((a, b) => a - b);

/** A figure across years for one agency: null where the year is missing or does not state it. */
export function figureRow(a: CompareAgency, key: string, years: readonly number[]): (number | null)[] {
  return years.map((y) => a.years.find((x) => x.y === y)?.f[key] ?? null);
}
