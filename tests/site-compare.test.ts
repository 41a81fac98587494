import { describe, expect, it } from 'vitest';
import type { ResolvedRegion } from '../src/model/report.ts';
import {
  MAX_AGENCIES, MAX_PEERS, allShards, compareRecords, figureRow, parseSelection, peerGroup, selectionSearch, shardOf, shardWidth,
  unionYears, yearFigures, type CompareAgency,
} from '../src/site/compare.ts';
import type { Lean } from '../src/publish/lean.ts';
import { buildModel } from '../src/site/model.ts';

type Level = 'province' | 'prefecture' | 'county' | 'township';
const HLJ = { code: '230000', name: '黑龙江省', level: 'province' as const };
const MDJ = { code: '231000', name: '牡丹江市', level: 'prefecture' as const };
const DONGAN = { code: '231002', name: '东安区', level: 'county' as const };
const AIMIN = { code: '231004', name: '爱民区', level: 'county' as const };
const XIAN = { code: '231005', name: '西安区', level: 'county' as const };

function region(path: ResolvedRegion['path'], confidence: ResolvedRegion['confidence'] = 'high'): ResolvedRegion {
  return { code: path.at(-1)?.code ?? null, path, confidence, method: 'test', candidates: [], unmatched: [], evidence: [], source: 'test' };
}

let n = 0;
/** A lean entry with what compare reads: agency name, level, year, resolved region, figures. */
function lean(o: { name: string; level: Level | null; year: number | null; region: ResolvedRegion | null; f?: Record<string, number>; kind?: Lean['meta']['agency_kind'] }): Lean {
  const id = (n++).toString(16).padStart(16, '0');
  return {
    id, title: null, agency_id: '',
    meta: { agency_name: o.name, agency_kind: o.kind ?? 'government_office', admin_level: o.level, year: o.year, era: 'gov2021', published_at: null,
      is_aggregate: false, has_tables: true, region: { code_hint: null, path_hint: [], resolved: o.region } },
    source: { ext: 'txt', format: 'txt', bytes: 0, sha256: '0'.repeat(64), retrieved_at: null },
    tables: { active: 'complete', requests: 'complete', appeals: 'complete' },
    f: o.f ?? {}, checks: { fail: [], warn: [], uncertain: 0, pass: 0 },
  };
}

function records(reports: Lean[]): Map<string, CompareAgency> {
  const m = buildModel(reports);
  return new Map(compareRecords(m.agencies, (id) => m.agencyReports.get(id)!).map((r) => [r.name, r]));
}

describe('peer groups', () => {
  it('are the level and the division one level up; nationwide for provinces; none without a level or that division', () => {
    expect(peerGroup({ level: 'county', region: region([HLJ, MDJ, DONGAN]) })).toBe('231000|county');
    expect(peerGroup({ level: 'prefecture', region: region([HLJ, MDJ]) })).toBe('230000|prefecture');
    expect(peerGroup({ level: 'province', region: region([HLJ]) })).toBe('|province');
    expect(peerGroup({ level: null, region: region([HLJ, MDJ, DONGAN]) })).toBeNull();
    expect(peerGroup({ level: 'county', region: region([HLJ]) })).toBeNull();
    expect(peerGroup({ level: 'county', region: null })).toBeNull();
    // An ambiguous region keeps the part its candidates share: enough when it holds the parent.
    expect(peerGroup({ level: 'county', region: region([HLJ, MDJ], 'ambiguous') })).toBe('231000|county');
  });

  it('pair agencies of one level under one parent, the same kind and most shared years first, never the agency itself', () => {
    const recs = records([
      lean({ name: '东安区人民政府办公室', level: 'county', year: 2020, region: region([HLJ, MDJ, DONGAN]) }),
      lean({ name: '东安区人民政府办公室', level: 'county', year: 2021, region: region([HLJ, MDJ, DONGAN]) }),
      lean({ name: '爱民区人民政府办公室', level: 'county', year: 2021, region: region([HLJ, MDJ, AIMIN]) }),
      lean({ name: '西安区人民政府办公室', level: 'county', year: 2020, region: region([HLJ, MDJ, XIAN]) }),
      lean({ name: '西安区人民政府办公室', level: 'county', year: 2021, region: region([HLJ, MDJ, XIAN]) }),
      lean({ name: '爱民区财政局', level: 'county', year: 2020, region: region([HLJ, MDJ, AIMIN]), kind: 'department' }),
      lean({ name: '爱民区财政局', level: 'county', year: 2021, region: region([HLJ, MDJ, AIMIN]), kind: 'department' }),
      lean({ name: '牡丹江市人民政府办公室', level: 'prefecture', year: 2021, region: region([HLJ, MDJ]) }),
    ]);
    const dongan = recs.get('东安区人民政府办公室')!;
    expect(dongan.peers).toEqual(['西安区人民政府办公室', '爱民区人民政府办公室', '爱民区财政局'].map((name) => recs.get(name)!.id));
    expect(dongan.peer_total).toBe(3);
    expect(recs.get('牡丹江市人民政府办公室')!.peers).toEqual([]);
    expect(dongan.place).toEqual(['黑龙江省', '牡丹江市', '东安区']);
  });

  it(`list at most ${MAX_PEERS} peers but count them all`, () => {
    const towns = Array.from({ length: MAX_PEERS + 3 }, (_, i) => {
      const code = `2310021${String(i).padStart(2, '0')}`;
      return lean({ name: `第${i}街道办事处`, level: 'township', year: 2021, region: region([HLJ, MDJ, DONGAN, { code, name: `第${i}街道`, level: 'township' }]) });
    });
    const rec = [...records(towns).values()][0]!;
    expect(rec.peers).toHaveLength(MAX_PEERS);
    expect(rec.peer_total).toBe(MAX_PEERS + 2);
  });
});

describe('figures by year', () => {
  it('keep one report per year (the one stating most figures), ascending, headline keys only', () => {
    const thin = lean({ name: 'x', level: null, year: 2021, region: null, f: { new: 1 } });
    const full = lean({ name: 'x', level: null, year: 2021, region: null, f: { new: 2, review_total: 3, licensing: 9 } });
    const older = lean({ name: 'x', level: null, year: 2019, region: null, f: { new: 5 } });
    const undated = lean({ name: 'x', level: null, year: null, region: null, f: { new: 7 } });
    expect(yearFigures([thin, full, older, undated])).toEqual([
      { y: 2019, r: older.id, f: { new: 5 } },
      { y: 2021, r: full.id, f: { new: 2, review_total: 3 } },
    ]);
  });

  it('line up across the union of years, null where a year or a figure is missing', () => {
    const agency = (years: CompareAgency['years']): CompareAgency => ({ id: '', name: '', level: null, place: [], years, peers: [], peer_total: 0 });
    const a = agency([{ y: 2019, r: 'r1', f: { new: 5 } }, { y: 2021, r: 'r2', f: { new: 2 } }]);
    const b = agency([{ y: 2020, r: 'r3', f: {} }]);
    const years = unionYears([a, b]);
    expect(years).toEqual([2019, 2020, 2021]);
    expect(figureRow(a, 'new', years)).toEqual([5, null, 2]);
    expect(figureRow(b, 'new', years)).toEqual([null, null, null]);
  });
});

describe('shards', () => {
  it('grow one hex digit at a time as agencies grow, and every id has its shard', () => {
    expect(shardWidth(14)).toBe(1);
    expect(shardWidth(16 * 128)).toBe(1);
    expect(shardWidth(16 * 128 + 1)).toBe(2);
    expect(shardWidth(300_000)).toBe(3);
    expect(allShards(1)).toHaveLength(16);
    expect(allShards(2)).toContain('0f');
    expect(allShards(2)).toContain(shardOf('e55bc9e57494', 2));
  });
});

describe('selection in the URL', () => {
  const ids = ['e55bc9e57494', '0480c0eb9e78', '430cef3ec32a', '58a1bd2e2601', 'e30db99b3c80', '8b8c91a6fdea'];

  it('round-trips agencies and peers', () => {
    const two = { mode: 'agencies' as const, ids: ids.slice(0, 2) };
    expect(selectionSearch(two)).toBe(`?a=${ids[0]}&a=${ids[1]}`);
    expect(parseSelection(selectionSearch(two))).toEqual({ selection: two, dropped: [] });
    expect(parseSelection(`?peers=${ids[0]}`).selection).toEqual({ mode: 'peers', id: ids[0] });
    expect(parseSelection('').selection).toEqual({ mode: 'none' });
  });

  it(`keeps at most ${MAX_AGENCIES} distinct valid ids and names what it dropped`, () => {
    const q = `?${[...ids, ids[0], 'not-an-id'].map((id) => `a=${id}`).join('&')}`;
    const { selection, dropped } = parseSelection(q);
    expect(selection).toEqual({ mode: 'agencies', ids: ids.slice(0, MAX_AGENCIES) });
    expect(dropped).toEqual([ids[5], 'not-an-id']);
    expect(parseSelection('?peers=<script>&a=' + ids[1])).toEqual({ selection: { mode: 'agencies', ids: [ids[1]] }, dropped: ['<script>'] });
  });
});
