import { groupAgencies, type Agency } from '../publish/agencies.ts';
import type { Report } from '../model/report.ts';
import type { Lean } from '../publish/lean.ts';
import { regionId } from './paths.ts';
import { agencyPlacePath, placePath } from './place.ts';

// Every lookup the aggregate pages need, built once per build from the lean entries (no per-page scans).

export interface RegionNode {
  id: string;
  name: string;
  path: string[];
  parent: string | null;
  children: string[];
  /** Reports anywhere below this node (including itself). */
  reports: Lean[];
  /** Agencies whose region path ends exactly here. */
  agencies: Agency[];
}

export interface SiteModel {
  reports: Lean[];
  byId: Map<string, Lean>;
  /** Years ascending; reports with an unknown year are under null. */
  years: (number | null)[];
  byYear: Map<number | null, Lean[]>;
  agencies: Agency[];
  agencyById: Map<string, Agency>;
  /** Reports of an agency, oldest first. */
  agencyReports: Map<string, Lean[]>;
  regions: Map<string, RegionNode>;
  regionRoots: RegionNode[];
  unplaced: Lean[];
  /** Reports with at least one failed error-severity check, and how many reports fail each check id. */
  failing: Lean[];
  failCounts: [string, number][];
}

const byYearThenName = (a: Lean, b: Lean) =>
  (b.meta.year ?? 0) - (a.meta.year ?? 0) || (a.meta.agency_name ?? '').localeCompare(b.meta.agency_name ?? '', 'zh-CN') || a.id.localeCompare(b.id);

export function buildModel(input: readonly Lean[]): SiteModel {
  const reports = [...input].sort(byYearThenName);
  const byId = new Map(reports.map((r) => [r.id, r]));

  const byYear = new Map<number | null, Lean[]>();
  for (const r of reports) {
    const list = byYear.get(r.meta.year) ?? [];
    list.push(r);
    byYear.set(r.meta.year, list);
  }
  const years = [...byYear.keys()].sort((a, b) => (a ?? Infinity) - (b ?? Infinity));

  // groupAgencies reads only id and meta.{agency_name, agency_kind, admin_level, year, region}, which lean entries carry.
  const agencies = groupAgencies(reports as unknown as Report[]);
  const agencyById = new Map(agencies.map((a) => [a.id, a]));
  const agencyReports = new Map(agencies.map((a) => [a.id, a.report_ids.map((id) => byId.get(id)!)]));

  const regions = new Map<string, RegionNode>();
  const node = (path: string[]): RegionNode => {
    const id = regionId(path);
    let n = regions.get(id);
    if (!n) {
      const parent = path.length > 1 ? node(path.slice(0, -1)) : null;
      n = { id, name: path.at(-1)!, path, parent: parent?.id ?? null, children: [], reports: [], agencies: [] };
      regions.set(id, n);
      parent?.children.push(id);
    }
    return n;
  };
  const unplaced: Lean[] = [];
  for (const r of reports) {
    const path = placePath(r.meta.region);
    if (path.length === 0) unplaced.push(r);
    for (let i = 1; i <= path.length; i++) node(path.slice(0, i)).reports.push(r);
  }
  for (const a of agencies) {
    const path = agencyPlacePath(a);
    if (path.length) node(path).agencies.push(a);
  }
  const zh = (x: string, y: string) => x.localeCompare(y, 'zh-CN');
  for (const n of regions.values()) n.children.sort((x, y) => zh(regions.get(x)!.name, regions.get(y)!.name));
  const regionRoots = [...regions.values()].filter((n) => n.parent === null).sort((x, y) => zh(x.name, y.name));

  const failing = reports.filter((r) => r.checks.fail.length > 0);
  const counts = new Map<string, number>();
  for (const r of failing) for (const id of new Set(r.checks.fail.map((c) => c.id))) counts.set(id, (counts.get(id) ?? 0) + 1);
  const failCounts = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

  return { reports, byId, years, byYear, agencies, agencyById, agencyReports, regions, regionRoots, unplaced, failing, failCounts };
}
