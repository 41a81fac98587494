import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModernEra } from '../forms/index.ts';
import { agencyLevels, synthAgencyValues } from './numbers.ts';
import { synthAgency, type SynthAgency } from './places.ts';
import { synthProse } from './prose.ts';
import { rng } from './random.ts';
import { LAYOUTS, renderReport, type Layout, type SynthMeta } from './render.ts';

// Synthetic corpus for benchmarks and round-trip tests: real places (every province, ~2,900 counties and
// their townships) and the organs that report there, each agency reporting for consecutive years in its own
// style (src/synth/prose.ts), both formats and every layout family, consistent numbers in tables and prose.
// The same (index, seed) always gives the same file.

/** Report years: report i belongs to agency ⌊i / 6⌋ and year YEARS[i mod 6]. */
export const YEARS = [2019, 2020, 2021, 2022, 2023, 2024] as const;

export interface SynthReport {
  file: string;
  layout: Layout;
  era: ModernEra;
  meta: SynthMeta;
  values: Map<string, number>;
  activeItems: number;
  agency: SynthAgency;
}

/** Agency j of a corpus: the same for every report and year of it. */
export function agencyAt(j: number, seed = 1): SynthAgency {
  return synthAgency(rng(seed * 7_919 + j * 104_729 + 17));
}

export interface SynthOptions {
  /** Agency index (default ⌊i / 6⌋). */
  agency?: number;
  /** Report year (default YEARS[i mod 6]). */
  year?: number;
}

const eraOf = (year: number): ModernEra => (year >= 2021 ? 'gov2021' : 'gov2019');

/** Table values of agency j for `year`, chained from its first year (carry-over and stock follow on). */
function valuesOf(j: number, year: number, seed: number): Map<string, number> {
  const levels = agencyLevels('gov2021', rng(seed * 13 + j * 7_727 + 5), rng(seed * 17 + j * 3_571 + 11).pick([1, 1, 1, 2, 5, 20]));
  let prev: Map<string, number> | null = null;
  for (let y = YEARS[0]; y <= year; y++) prev = synthAgencyValues(eraOf(y), rng(seed * 1_000_003 + j * 101 + y), levels, prev);
  return prev!;
}

export function synthReport(i: number, seed = 1, opts: SynthOptions = {}): SynthReport {
  const j = opts.agency ?? Math.floor(i / YEARS.length);
  const year = opts.year ?? YEARS[i % YEARS.length]!;
  const agency = agencyAt(j, seed);
  const house = rng(seed * 31 + j * 7_727 + 3);
  const r = rng(seed * 1_000_003 + i);
  const era = eraOf(year);
  const layout = LAYOUTS[i % LAYOUTS.length]!;
  const values = valuesOf(j, year, seed);
  const v = (k: string) => values.get(k) ?? 0;
  const activeItems = house.int(10, 3000) + r.int(0, 200);
  const prose = synthProse(agency, year, {
    activeItems, newTotal: v('requests.new.total'), carriedOver: v('requests.carried_over.total'), resultTotal: v('requests.result.total.total'),
    carriedForward: v('requests.carried_forward.total'), granted: v('requests.result.granted.total'),
    reviews: v('appeals.review.total'), suits: v('appeals.suit_direct.total') + v('appeals.suit_after_review.total'),
  }, house, r);
  const { place } = agency;
  const where = agency.level === 'province' ? place.province : agency.level === 'prefecture' ? `${place.province}${place.city}` : `${place.city === place.province ? '' : place.city}${place.county}`;
  const meta: SynthMeta = {
    agency: agency.name, year, published: `${year + 1}-0${r.int(1, 3)}-${String(r.int(10, 28))}`,
    phone: place.capital && place.capitalAreaCode ? `${place.capitalAreaCode}-${r.int(2000000, 8999999)}` : null,
    postcode: `${place.postcode}${String(house.int(0, 9999)).padStart(4, '0')}`,
    address: `${where}${house.pick(['人民路', '解放路', '中山路', '建设路', '政府街', '府前路', '新华路', '文化路'])}${house.int(1, 300)}号`,
    prose,
  };
  return { file: `synth-${String(i).padStart(6, '0')}.${layout === 'html' ? 'html' : 'txt'}`, layout, era, meta, values, activeItems, agency };
}

/** Write synthetic reports `start`..`start + n - 1` into dir (in sub-folders of 1,000), returning their descriptions. */
export async function writeSynthCorpus(dir: string, n: number, seed = 1, onProgress?: (done: number) => void, opts: { start?: number; year?: number } = {}): Promise<SynthReport[]> {
  const out: SynthReport[] = [];
  const start = opts.start ?? 0;
  for (let k = 0; k < n; k++) {
    const i = start + k;
    // A new year's batch: the first n agencies report for opts.year.
    const s = synthReport(i, seed, opts.year ? { agency: k, year: opts.year } : {});
    const sub = join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (k === 0 || i % 1000 === 0) await mkdir(sub, { recursive: true });
    await writeFile(join(sub, s.file), renderReport(s.layout, s.era, s.meta, s.values, s.activeItems));
    out.push(s);
    if (onProgress && k % 500 === 0) onProgress(k);
  }
  return out;
}
