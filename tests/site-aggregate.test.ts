import { describe, expect, it } from 'vitest';
import { carryChain, countBy, rank, score, totals } from '../src/site/aggregate.ts';
import type { Lean } from '../src/publish/lean.ts';
import { buildModel } from '../src/site/model.ts';
import { regionId } from '../src/site/paths.ts';

let n = 0;
/** A lean entry with only what a test sets (aggregates must not depend on anything else). */
function lean(o: { agency?: string; year?: number | null; path?: string[]; f?: Record<string, number>; fail?: string[] }): Lean {
  const id = (n++).toString(16).padStart(16, '0');
  return {
    id, title: null, agency_id: o.agency ?? 'a',
    meta: { agency_name: o.agency ?? 'a', agency_kind: null, admin_level: null, year: o.year === undefined ? 2021 : o.year, era: 'gov2021',
      published_at: null, is_aggregate: false, has_tables: true, region: { code_hint: null, path_hint: o.path ?? [] } },
    source: { ext: 'txt', format: 'txt', bytes: 0, sha256: '0'.repeat(64), retrieved_at: null },
    tables: { active: 'complete', requests: 'complete', appeals: 'complete' },
    f: o.f ?? {}, checks: { fail: (o.fail ?? []).map((id) => ({ id, scope: 'total' })), warn: [], uncertain: 0, pass: 0 },
  };
}

describe('aggregates', () => {
  it('totals only count reports that state a figure', () => {
    const t = totals([lean({ f: { new: 3 } }), lean({ f: { new: 4, denied: 1 } }), lean({})]);
    expect(t.new).toEqual({ sum: 7, n: 2 });
    expect(t.denied).toEqual({ sum: 1, n: 1 });
  });

  it('ranks by score, skipping missing and zero scores, shares only above the minimum', () => {
    const small = lean({ f: { result_total: 2, denied: 2 } });
    const big = lean({ f: { result_total: 100, denied: 30, new: 100 } });
    const none = lean({ f: { new: 0 } });
    expect(rank([small, big, none], score.deniedShare).map((r) => r.report)).toEqual([big]);
    expect(rank([small, big, none], score.requests).map((r) => r.value)).toEqual([100]);
  });

  it('counts by key, largest first', () => {
    expect(countBy([lean({ year: 2020 }), lean({ year: 2021 }), lean({ year: 2021 })], (r) => r.meta.year)).toEqual([[2021, 2], [2020, 1]]);
  });

  it('follows carry-over from one year to the next', () => {
    const chain = carryChain([
      lean({ year: 2019, f: { carried_forward: 2 } }), lean({ year: 2020, f: { carried_over: 2, carried_forward: 1 } }),
      lean({ year: 2021, f: { carried_over: 0 } }), lean({ year: 2023, f: { carried_over: 5 } }),
    ]);
    expect(chain.map((l) => l.status)).toEqual(['match', 'mismatch', 'gap']);
  });
});

describe('site model', () => {
  const reports = [
    lean({ agency: '甲', year: 2021, path: ['吉林省', '长春市', '南关区'], fail: ['T3-RES'] }),
    lean({ agency: '甲', year: 2022, path: ['吉林省', '长春市', '南关区'] }),
    lean({ agency: '乙', year: 2022, path: ['吉林省', '通化市'] }),
    lean({ agency: '丙', year: null }),
  ];
  const m = buildModel(reports);

  it('groups by year (unknown last) and by agency', () => {
    expect(m.years).toEqual([2021, 2022, null]);
    expect(m.agencies).toHaveLength(3);
    const jia = m.agencies.find((a) => a.name === '甲')!;
    expect(m.agencyReports.get(jia.id)!.map((r) => r.meta.year)).toEqual([2021, 2022]);
  });

  it('builds the region tree from path hints, reports counted at every level', () => {
    const jilin = m.regions.get(regionId(['吉林省']))!;
    expect(m.regionRoots.map((r) => r.name)).toEqual(['吉林省']);
    expect(jilin.reports).toHaveLength(3);
    expect(jilin.children.map((id) => m.regions.get(id)!.name).sort()).toEqual(['通化市', '长春市'].sort());
    expect(m.regions.get(regionId(['吉林省', '长春市', '南关区']))!.agencies.map((a) => a.name)).toEqual(['甲']);
    expect(m.unplaced).toHaveLength(1);
  });

  it('lists failing reports and counts each failed check once per report', () => {
    expect(m.failing).toHaveLength(1);
    expect(m.failCounts).toEqual([['T3-RES', 1]]);
  });
});
