import type { Report } from '../model/report.ts';

// Timeliness (spec §0 legal anchors, §8.4): the publication date against the statutory deadline for the kind of
// agency. 2019 条例 art. 49 (reports for 2019 on): departments by 31 Jan Y+1, governments by 31 Mar Y+1;
// townships and streets have local deadlines (treated as 31 Mar, low confidence). 2008 条例: everyone by 31 Mar.

export type TimelinessStatus = 'on_time' | 'late' | 'unknown';

export interface Timeliness {
  report_id: string;
  year: number | null;
  published_at: string | null;
  /** ISO date of the deadline applied, or null when none could be. */
  deadline: string | null;
  status: TimelinessStatus;
  confidence: 'high' | 'medium' | 'low';
  /** Days after the deadline (negative: before it); null when unknown. */
  days_late: number | null;
  /** The deadline rule applied, or why none could be. */
  reason: { en: string; zh: string };
}

type Kind = Report['meta']['agency_kind'];

const JAN = '01-31';
const MAR = '03-31';
/** The 2019 条例's deadlines apply from the 2019 reports on. */
const NEW_RULES_FROM = 2019;

interface Rule {
  day: string;
  confidence: Timeliness['confidence'];
  en: string;
  zh: string;
}

function ruleFor(kind: Kind, year: number): Rule | null {
  if (year < NEW_RULES_FROM) return { day: MAR, confidence: 'high', en: '2008 regulations: all organs by 31 March', zh: '2008年条例：各机关3月31日前' };
  switch (kind) {
    case 'department': return { day: JAN, confidence: 'high', en: 'government department: by 31 January', zh: '政府部门：1月31日前' };
    case 'government': return { day: MAR, confidence: 'high', en: 'people\'s government: by 31 March', zh: '人民政府：3月31日前' };
    // An office is one of the government's departments, though some publish the government's own report.
    case 'government_office': return { day: JAN, confidence: 'medium', en: 'government office, as a department: by 31 January', zh: '政府办公室按部门：1月31日前' };
    case 'dev_zone': return { day: MAR, confidence: 'medium', en: 'zone administration, as a government: by 31 March', zh: '管委会按政府：3月31日前' };
    case 'township_or_street': return { day: MAR, confidence: 'low', en: 'township/street: deadline set locally, taken as 31 March', zh: '乡镇街道：期限由地方规定，按3月31日计' };
    default: return null;
  }
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

export function timelinessOf(r: Pick<Report, 'id'> & { meta: Pick<Report['meta'], 'year' | 'agency_kind' | 'published_at' | 'published_at_source'> }): Timeliness {
  const { year, published_at: date } = r.meta;
  const base = { report_id: r.id, year, published_at: date };
  const unknown = (en: string, zh: string, deadline: string | null = null): Timeliness => ({ ...base, deadline, status: 'unknown', confidence: 'low', days_late: null, reason: { en, zh } });
  if (year === null) return unknown('report year unknown', '报告年度不明');
  if (!date) return unknown('no publication date found', '未找到发布日期');
  if (date <= `${year}-12-31`) return unknown(`published ${date}, before the report year ended: the date is likely wrong`, `发布日期${date}早于报告年度结束，日期可能有误`);
  const rule = ruleFor(r.meta.agency_kind, year);
  if (!rule) {
    // Kind unknown: only the earliest and latest possible deadlines decide.
    if (date <= `${year + 1}-${JAN}`) return { ...base, deadline: `${year + 1}-${JAN}`, status: 'on_time', confidence: 'medium', days_late: daysBetween(`${year + 1}-${JAN}`, date), reason: { en: 'agency kind unknown; before the earliest deadline (31 January)', zh: '机关类型不明；早于最早期限（1月31日）' } };
    if (date > `${year + 1}-${MAR}`) return { ...base, deadline: `${year + 1}-${MAR}`, status: 'late', confidence: 'medium', days_late: daysBetween(`${year + 1}-${MAR}`, date), reason: { en: 'agency kind unknown; after the latest deadline (31 March)', zh: '机关类型不明；晚于最晚期限（3月31日）' } };
    return unknown('agency kind unknown and published between 31 January and 31 March', '机关类型不明，发布于1月31日至3月31日之间');
  }
  const deadline = `${year + 1}-${rule.day}`;
  const late = daysBetween(deadline, date);
  // A date read from the URL can be a re-publication (spec §8.1): never better than low confidence.
  const confidence = r.meta.published_at_source === 'url' ? 'low' : rule.confidence;
  return {
    ...base, deadline, status: late > 0 ? 'late' : 'on_time', confidence, days_late: late,
    reason: { en: rule.en, zh: rule.zh },
  };
}

export interface TimelinessCount {
  on_time: number;
  late: number;
  unknown: number;
}

const empty = (): TimelinessCount => ({ on_time: 0, late: 0, unknown: 0 });

/** Per agency: counts and the years published late. */
export function timelinessByAgency(items: readonly Timeliness[], agencies: readonly { id: string; report_ids: string[] }[]): (TimelinessCount & { agency_id: string; late_years: number[] })[] {
  const byReport = new Map(items.map((t) => [t.report_id, t]));
  return agencies.map((a) => {
    const row = { agency_id: a.id, ...empty(), late_years: [] as number[] };
    for (const id of a.report_ids) {
      const t = byReport.get(id);
      if (!t) continue;
      row[t.status]++;
      if (t.status === 'late' && t.year !== null && !row.late_years.includes(t.year)) row.late_years.push(t.year);
    }
    return row;
  });
}

export interface RegionYearTimeliness extends TimelinessCount {
  /** Division code; null collects reports whose region is unresolved. */
  region_code: string | null;
  region_name: string | null;
  level: string | null;
  year: number | null;
}

/** Per region and year: every report counts at each level of its resolved path (province, prefecture, county, …). */
export function timelinessByRegionYear(items: readonly Timeliness[], reports: readonly Pick<Report, 'id' | 'meta'>[]): RegionYearTimeliness[] {
  const byReport = new Map(items.map((t) => [t.report_id, t]));
  const rows = new Map<string, RegionYearTimeliness>();
  for (const r of reports) {
    const t = byReport.get(r.id);
    if (!t) continue;
    const path = r.meta.region.resolved?.path ?? [];
    const places = path.length ? path : [null];
    for (const p of places) {
      const key = `${p?.code ?? ''}|${t.year ?? ''}`;
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { region_code: p?.code ?? null, region_name: p?.name ?? null, level: p?.level ?? null, year: t.year, ...empty() }));
      row[t.status]++;
    }
  }
  return [...rows.values()].sort((a, b) => (a.region_code ?? '~').localeCompare(b.region_code ?? '~') || (a.year ?? 0) - (b.year ?? 0));
}
