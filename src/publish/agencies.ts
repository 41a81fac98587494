import { createHash } from 'node:crypto';
import { completeAgencyName, placeChain } from '../extract/meta/agency.ts';
import type { Report, ResolvedRegion } from '../model/report.ts';

// Agency identity (spec §8.2, issue 7). A report's agency key is its normalised name anchored to a division code:
// the deepest place of the name that the resolved region names ("通化县人民政府东安街道办事处" → 220521002|办事处),
// or the resolved region itself when the title omits the place ("区政府办" at 东安区 → 231002|人民政府办公室). A
// name whose region is unresolved or ambiguous keys on the name alone. The id is a hash of the key, so it depends
// only on the report and stays stable as the corpus grows. Possible renames and same-place matches across keys
// are recorded as links with their reasons — never merged.

/** What identity reads from a report; lean site entries (no region.resolved) qualify too. */
export interface AgencySubject {
  id?: string;
  meta: {
    agency_name: string | null;
    agency_kind?: Report['meta']['agency_kind'];
    region?: { resolved?: ResolvedRegion | null };
  };
}

export interface Reason {
  en: string;
  zh: string;
}

export interface AgencyLink {
  kind: 'possible_rename' | 'possibly_same';
  agency_id: string;
  name: string;
  reason: Reason;
}

export interface Agency {
  id: string;
  /** The latest report's normalised name. */
  name: string;
  kind: Report['meta']['agency_kind'];
  level: Report['meta']['admin_level'];
  region_code_hint: string | null;
  region_path_hint: string[];
  years: number[];
  report_ids: string[];
  /** The identity key the id hashes ("231002|人民政府办公室", or "name:西岗街道办事处"). */
  key: string;
  /** Place chain from the province down, re-attached to the organ: "黑龙江省牡丹江市东安区人民政府办公室". */
  full_name: string;
  /** Names as printed, with the years and reports that use each. */
  names: { name: string; years: number[]; report_ids: string[] }[];
  /** The most confident resolved region among its reports. */
  region: ResolvedRegion | null;
  /** Why these reports are one agency, one line per distinct name. */
  reasoning: Reason[];
  /** Other agencies that may be this one under another name or region (never merged). */
  links: AgencyLink[];
  /** Years between the first and last report with no report: where a continuity chain breaks. */
  missing_years: number[];
}

/** Long and short forms that name the same organ (spec §8.2). */
const ALIASES: [RegExp, string][] = [
  [/街道$/, '街道办事处'],
  [/(镇|乡)(?:政府)?$/, '$1人民政府'],
  [/(区|县|市|省)政府办$/, '$1人民政府办公室'],
  [/(区|县|市|省)政府(办公室|办公厅)$/, '$1人民政府$2'],
  [/(区|县|市|省)政府$/, '$1人民政府'],
  [/(?:党工委)?(?:管理委员会|管委会)$/, '管委会'],
  [/科委$/, '科学技术委员会'],
  [/发改委$/, '发展和改革委员会'],
  [/发改局$/, '发展和改革局'],
  [/人社局$/, '人力资源和社会保障局'],
  [/住建局$/, '住房和城乡建设局'],
  [/卫健委$/, '卫生健康委员会'],
  [/市场监管局$/, '市场监督管理局'],
  [/国资委$/, '国有资产监督管理委员会'],
];

export function normaliseAgencyName(name: string): string {
  let n = completeAgencyName(name.replace(/\s+/g, ''));
  for (const [re, to] of ALIASES) n = n.replace(re, to);
  return n;
}

/** A functional zone named only by its kind ("高新区社会发展局"): the same words exist in many cities. */
const GENERIC_ZONE_RE = /^(?:高新区|经开区|开发区|新区|高新技术产业开发区|经济技术开发区)/;
/** "区统计局", "市科委": the title's own-place shorthand, completed from the resolved region. */
const RELATIVE_RE = /^(区|县|市|旗)(?=[\u4e00-\u9fff]{2})/;

interface Identity {
  key: string;
  full: string;
  reason: Reason;
}

const pathText = (path: ResolvedRegion['path']) => path.map((p) => p.name).join('');

/** The identity of one report's agency: key, re-attached full name, and why. */
export function identify(s: AgencySubject): Identity {
  const printed = s.meta.agency_name;
  if (!printed) return { key: 'name:(unknown)', full: '(unknown)', reason: { en: 'no agency name found', zh: '未识别机关名称' } };
  const n = normaliseAgencyName(printed);
  const alias = n === printed ? '' : ` (read as ${n})`;
  const aliasZh = n === printed ? '' : `（按${n}处理）`;
  const r = s.meta.region?.resolved;
  if (r && r.code && r.confidence !== 'ambiguous') {
    const { places } = placeChain(n);
    let pos = 0;
    const ends = places.map((p) => (pos = n.indexOf(p, pos) + p.length));
    for (let i = places.length - 1; i >= 0; i--) {
      const at = r.path.findIndex((p) => p.name === places[i]);
      if (at < 0) continue;
      const organ = n.slice(ends[i]!);
      const anchor = r.path[at]!;
      return {
        key: `${anchor.code}|${organ}`, full: pathText(r.path.slice(0, at + 1)) + organ,
        reason: { en: `“${printed}”${alias}: ${anchor.name} matches region ${anchor.code} (${r.confidence}, ${r.method})`, zh: `“${printed}”${aliasZh}：${anchor.name}对应区划代码${anchor.code}（${r.confidence}，${r.method}）` },
      };
    }
    const deepest = r.path.at(-1)!;
    const rel = places.length === 0 ? RELATIVE_RE.exec(n) : null;
    if (rel) {
      const anchor = [...r.path].reverse().find((p) => p.name.endsWith(rel[1]!) && p.level !== 'township') ?? deepest;
      const organ = n.slice(1);
      return {
        key: `${anchor.code}|${organ}`, full: pathText(r.path.slice(0, r.path.indexOf(anchor) + 1)) + organ,
        reason: { en: `“${printed}”${alias}: the title omits its place; “${rel[1]}” re-attached to ${anchor.name} ${anchor.code}`, zh: `“${printed}”${aliasZh}：标题省略地名，“${rel[1]}”按${anchor.name}（${anchor.code}）补全` },
      };
    }
    if (places.length === 0 || GENERIC_ZONE_RE.test(n)) {
      return {
        key: `${deepest.code}|${n}`, full: pathText(r.path) + n,
        reason: { en: `“${printed}”${alias}: no place of its own in the name; placed in ${deepest.name} ${deepest.code} (${r.method})`, zh: `“${printed}”${aliasZh}：名称不含本级地名，归入${deepest.name}（${deepest.code}）` },
      };
    }
  }
  const ambiguous = r?.confidence === 'ambiguous';
  const why = ambiguous ? `region ambiguous (${r!.candidates.length} candidates)` : !r?.code ? 'region unresolved' : 'its place names are not divisions (a functional zone)';
  const whyZh = ambiguous ? `地区有歧义（${r!.candidates.length}个候选）` : !r?.code ? '地区未能确定' : '名称中的地名不是行政区划（功能区）';
  return { key: `name:${n}`, full: n, reason: { en: `“${printed}”${alias}: ${why}; identified by its name alone`, zh: `“${printed}”${aliasZh}：${whyZh}，仅按名称识别` } };
}

const hash = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 12);

/**
 * Stable agency id. Pass the report (or a lean entry) so the resolved region anchors the name; a bare name gives
 * the id of that name with no region, which equals the report's id only when its region is unresolved.
 */
export function agencyId(subject: string | null | AgencySubject): string {
  const s: AgencySubject = subject === null || typeof subject === 'string' ? { meta: { agency_name: subject } } : subject;
  return hash(identify(s).key);
}

const CONFIDENCE_RANK = { high: 3, medium: 2, low: 1, ambiguous: 0 } as const;

type Reportish = AgencySubject & { id: string; meta: AgencySubject['meta'] & Pick<Report['meta'], 'agency_kind' | 'admin_level' | 'year'> & { region: Pick<Report['meta']['region'], 'code_hint' | 'path_hint'> & { resolved?: ResolvedRegion | null } } };

/** One Agency per identity key, reports sorted by year then id; agencies sorted by name. */
export function groupAgencies(reports: readonly Reportish[]): Agency[] {
  const byId = new Map<string, Agency>();
  const sorted = [...reports].sort((a, b) => (a.meta.year ?? 0) - (b.meta.year ?? 0) || a.id.localeCompare(b.id));
  for (const r of sorted) {
    const ident = identify(r);
    const id = hash(ident.key);
    let a = byId.get(id);
    if (!a) {
      a = {
        id, name: '', kind: null, level: null, region_code_hint: r.meta.region.code_hint, region_path_hint: r.meta.region.path_hint,
        years: [], report_ids: [], key: ident.key, full_name: ident.full, names: [], region: null, reasoning: [], links: [], missing_years: [],
      };
      byId.set(id, a);
    }
    // Sorted by year: the latest report names the agency and gives its kind and level.
    a.name = r.meta.agency_name ? normaliseAgencyName(r.meta.agency_name) : '(unknown)';
    a.kind = r.meta.agency_kind;
    a.level = r.meta.admin_level;
    a.full_name = ident.full;
    if (r.meta.year !== null && !a.years.includes(r.meta.year)) a.years.push(r.meta.year);
    a.report_ids.push(r.id);
    a.region_code_hint ??= r.meta.region.code_hint;
    if (a.region_path_hint.length === 0) a.region_path_hint = r.meta.region.path_hint;
    const res = r.meta.region.resolved;
    if (res && (!a.region || CONFIDENCE_RANK[res.confidence] >= CONFIDENCE_RANK[a.region.confidence])) a.region = res;
    const printed = r.meta.agency_name ?? '(unknown)';
    let named = a.names.find((x) => x.name === printed);
    if (!named) {
      a.names.push((named = { name: printed, years: [], report_ids: [] }));
      a.reasoning.push(ident.reason);
    }
    if (r.meta.year !== null && !named.years.includes(r.meta.year)) named.years.push(r.meta.year);
    named.report_ids.push(r.id);
  }
  const agencies = [...byId.values()];
  for (const a of agencies) {
    const [first, last] = [a.years[0], a.years.at(-1)];
    if (first !== undefined && last !== undefined) for (let y = first; y < last; y++) if (!a.years.includes(y)) a.missing_years.push(y);
  }
  linkAgencies(agencies);
  return agencies.sort((x, y) => x.name.localeCompare(y.name, 'zh-CN') || x.id.localeCompare(y.id));
}

/** Character-bigram overlap (Dice) of two organ names: 地方税务局 vs 税务局 is high, 统计局 vs 审计局 low. */
function similarity(a: string, b: string): number {
  const grams = (s: string) => new Set([...s].slice(1).map((c, i) => s[i] + c));
  const [ga, gb] = [grams(a), grams(b)];
  let both = 0;
  for (const g of ga) if (gb.has(g)) both++;
  return ga.size + gb.size ? (2 * both) / (ga.size + gb.size) : 0;
}

const RENAME_SIMILARITY = 0.5;
const RENAME_MAX_GAP = 2;

function link(a: Agency, b: Agency, kind: AgencyLink['kind'], reason: Reason): void {
  a.links.push({ kind, agency_id: b.id, name: b.name, reason });
}

/** Record possible renames (same place, similar organ, one chain ends as the other begins) and same-place matches. */
function linkAgencies(agencies: Agency[]): void {
  // Scope: the anchoring code, or for a name-only key the places its name starts with ("平潭综合实验区").
  const split = new Map(agencies.map((a) => {
    if (!a.key.startsWith('name:')) return [a, { scope: a.key.slice(0, a.key.indexOf('|')), organ: a.key.slice(a.key.indexOf('|') + 1), anchored: true }];
    const { places, rest } = placeChain(a.key.slice('name:'.length));
    return [a, { scope: places.join(''), organ: rest, anchored: false }];
  }));
  // Only these can match: renames stay within one scope, and a name-only agency may be any anchored one. Visited
  // in list order, so each agency's links come out as from comparing every pair, at a fraction of the cost.
  const scopeOf = (x: { scope: string; anchored: boolean }) => `${x.anchored ? 1 : 0}|${x.scope}`;
  const byScope = new Map<string, Agency[]>();
  for (const a of agencies) {
    const sa = split.get(a)!;
    if (!sa.scope) continue;
    const list = byScope.get(scopeOf(sa));
    if (list) list.push(a);
    else byScope.set(scopeOf(sa), [a]);
  }
  const order = new Map(agencies.map((a, i) => [a, i]));
  const anchored = agencies.filter((a) => split.get(a)!.anchored);
  for (const a of agencies) {
    const sa = split.get(a)!;
    const same = sa.scope ? byScope.get(scopeOf(sa))! : [];
    const candidates = sa.anchored ? same : [...same, ...anchored].sort((x, y) => order.get(x)! - order.get(y)!);
    for (const b of candidates) {
      if (a === b || !a.years.length || !b.years.length) continue;
      const sb = split.get(b)!;
      if (sa.scope && sa.scope === sb.scope && sa.anchored === sb.anchored && a.kind === b.kind && a.years.at(-1)! < b.years[0]!
        && b.years[0]! - a.years.at(-1)! <= RENAME_MAX_GAP && similarity(sa.organ, sb.organ) >= RENAME_SIMILARITY) {
        const reason = { en: `same place ${sa.scope}, similar organ name, ${a.name} ends ${a.years.at(-1)} and ${b.name} starts ${b.years[0]}`, zh: `同一地方${sa.scope}，机关名称相近，${a.name}止于${a.years.at(-1)}年，${b.name}始于${b.years[0]}年` };
        link(a, b, 'possible_rename', reason);
        link(b, a, 'possible_rename', reason);
      }
      // An agency known only by name may be a resolved one elsewhere: "西岗街道办事处" vs "…栖霞区西岗街道办事处".
      if (!sa.anchored && sb.anchored && b.full_name.endsWith(a.name) && b.full_name !== a.name) {
        const listed = a.region?.candidates.some((c) => c.code === sb.scope) ?? false;
        const reason = { en: `${a.name} has no unique region; ${b.full_name} has the same name${listed ? ' and is one of its candidates' : ''}`, zh: `${a.name}地区未确定；${b.full_name}同名${listed ? '，且为其候选地区' : ''}` };
        link(a, b, 'possibly_same', reason);
        link(b, a, 'possibly_same', reason);
      }
    }
  }
}
