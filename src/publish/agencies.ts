import { createHash } from 'node:crypto';
import type { Report } from '../model/report.ts';

// Agency identity, first cut: reports group by their normalised agency name. Aliases, renames and the
// region gazetteer (issue 7) refine this later without changing the id scheme's callers.

export interface Agency {
  id: string;
  name: string;
  kind: Report['meta']['agency_kind'];
  level: Report['meta']['admin_level'];
  region_code_hint: string | null;
  region_path_hint: string[];
  years: number[];
  report_ids: string[];
}

/** Long and short forms that name the same organ (spec §8.2). */
const ALIASES: [RegExp, string][] = [
  [/街道$/, '街道办事处'],
  [/(区|县|市)政府办$/, '$1人民政府办公室'],
  [/(区|县|市)政府$/, '$1人民政府'],
];

export function normaliseAgencyName(name: string): string {
  let n = name.replace(/\s+/g, '');
  for (const [re, to] of ALIASES) n = n.replace(re, to);
  return n;
}

export function agencyId(name: string | null): string {
  const key = name ? normaliseAgencyName(name) : '(unknown)';
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

/** One Agency per normalised name, reports sorted by year then id; agencies sorted by name. */
export function groupAgencies(reports: readonly Report[]): Agency[] {
  const byId = new Map<string, Agency>();
  const sorted = [...reports].sort((a, b) => (a.meta.year ?? 0) - (b.meta.year ?? 0) || a.id.localeCompare(b.id));
  for (const r of sorted) {
    const id = agencyId(r.meta.agency_name);
    let a = byId.get(id);
    if (!a) {
      a = {
        id, name: r.meta.agency_name ? normaliseAgencyName(r.meta.agency_name) : '(unknown)', kind: r.meta.agency_kind,
        level: r.meta.admin_level, region_code_hint: r.meta.region.code_hint, region_path_hint: r.meta.region.path_hint,
        years: [], report_ids: [],
      };
      byId.set(id, a);
    }
    if (r.meta.year !== null && !a.years.includes(r.meta.year)) a.years.push(r.meta.year);
    a.report_ids.push(r.id);
    a.region_code_hint ??= r.meta.region.code_hint;
    if (a.region_path_hint.length === 0) a.region_path_hint = r.meta.region.path_hint;
  }
  return [...byId.values()].sort((x, y) => x.name.localeCompare(y.name, 'zh-CN') || x.id.localeCompare(y.id));
}
