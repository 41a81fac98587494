import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { crossReportChecks } from '../src/check/cross/index.ts';
import { corpusCard } from '../src/ingest/card.ts';
import { isJump } from '../src/check/cross/series.ts';
import { FORMS } from '../src/forms/index.ts';
import { extractReport } from '../src/ingest/extract-report.ts';
import type { Check, Report } from '../src/model/report.ts';
import { synthValues } from '../src/synth/numbers.ts';
import { rng } from '../src/synth/random.ts';
import { renderReport, type SynthMeta } from '../src/synth/render.ts';
import { REAL_DIR } from './helpers/corpus.ts';

// Cross-report rules (spec §5.5) on two-year pairs written by the synthetic generator — one continuous, one with a
// deliberate carry-over break — and on the real 平潭综合实验区 chain.

type Values = Map<string, number>;
const COLS = FORMS.gov2021.requests.columns.map((c) => c.key).filter((c) => c !== 'total');
const META: Omit<SynthMeta, 'year' | 'published'> = { agency: '沭阳县司法局', phone: '0527-83593059', postcode: '223600', address: '宿迁市沭阳县人民路42号' };

/** Add d to a row's cell in one applicant column and in its 总计 column. */
function bump(v: Values, row: string, col: string, d: number): void {
  for (const c of [col, 'total']) v.set(`${row}.${c}`, v.get(`${row}.${c}`)! + d);
}

/** Set 上年结转 of one column, keeping every strict identity: the difference is answered (予以公开) or offset in 新收. */
function setCarriedOver(v: Values, col: string, n: number): void {
  const d = n - v.get(`requests.carried_over.${col}`)!;
  bump(v, 'requests.carried_over', col, d);
  if (d >= 0) {
    bump(v, 'requests.result.granted', col, d);
    bump(v, 'requests.result.total', col, d);
  } else bump(v, 'requests.new', col, -d);
}

async function report(year: number, v: Values): Promise<Report> {
  const text = renderReport('L2', 'gov2021', { ...META, year, published: `${year + 1}-01-20` }, v, 120);
  return extractReport({ bytes: Buffer.from(text), file: `synth-${year}.txt`, sidecar: null, sidecarFile: null });
}

/** Year 2: fresh numbers whose carry-over and in-force stock continue year 1's. */
function continuing(v1: Values): Values {
  const v2 = synthValues('gov2021', rng(13), 5);
  for (const c of COLS) setCarriedOver(v2, c, v1.get(`requests.carried_forward.${c}`)!);
  for (const row of ['rules', 'normative_docs']) {
    const k = (col: string) => `active.${row}.${col}`;
    // Repeal no more than there is.
    v2.set(k('repealed'), Math.min(v2.get(k('repealed'))!, v1.get(k('in_force'))! + v2.get(k('issued'))!));
    v2.set(k('in_force'), v1.get(k('in_force'))! + v2.get(k('issued'))! - v2.get(k('repealed'))!);
  }
  return v2;
}

const byRule = (checks: Check[], id: string) => checks.filter((c) => c.id === id);
const strictFails = (r: Report) => r.checks.filter((c) => c.severity === 'error' && c.status !== 'pass');

let v1: Values;
let first: Report;

beforeAll(async () => {
  v1 = synthValues('gov2021', rng(12), 5);
  first = await report(2022, v1);
});

describe('X-CARRY', () => {
  it('a continuous pair passes in every column', async () => {
    // Seed 12 leaves 18 requests open at the end of year 1, so there is something to carry.
    expect(v1.get('requests.carried_forward.total')).toBe(18);
    const second = await report(2023, continuing(v1));
    expect([strictFails(first), strictFails(second)]).toEqual([[], []]);
    const checks = crossReportChecks([first, second].map(corpusCard)).get(second.id)!;
    const carry = byRule(checks, 'X-CARRY');
    expect(carry.map((c) => [c.scope, c.status])).toEqual([...COLS, 'total'].map((c) => [c, 'pass']));
    expect(carry.map((c) => c.actual)).toEqual([...COLS, 'total'].map((c) => v1.get(`requests.carried_forward.${c}`)));
    expect(byRule(checks, 'X-STOCK').map((c) => [c.scope, c.status])).toEqual([['rules', 'pass'], ['normative_docs', 'pass']]);
  });

  it('a deliberate mismatch is flagged in its column and the total, naming last year\'s report', async () => {
    const v2 = continuing(v1);
    const forward = v1.get('requests.carried_forward.natural_person')!;
    setCarriedOver(v2, 'natural_person', forward + 3);
    const second = await report(2023, v2);
    expect(strictFails(second)).toEqual([]);
    const carry = byRule(crossReportChecks([first, second].map(corpusCard)).get(second.id)!, 'X-CARRY');
    const failed = carry.filter((c) => c.status === 'fail');
    expect(failed.map((c) => [c.scope, c.expected, c.actual])).toEqual([
      ['natural_person', forward, forward + 3],
      ['total', v1.get('requests.carried_forward.total'), v1.get('requests.carried_forward.total')! + 3],
    ]);
    expect(failed[0]!.severity).toBe('warning');
    expect(failed[0]!.cells).toEqual(['requests.carried_over.natural_person']);
    expect(failed[0]!.message).toContain(`the 2022 report (${first.id}) carried forward ${forward}`);
    expect(failed[0]!.message_zh).toContain('结转下年度继续办理');
    expect(carry.filter((c) => c.status === 'pass').map((c) => c.message)).toEqual([null, null, null, null, null]);
  });

  it('the first year of a chain is not assessable', () => {
    const checks = crossReportChecks([corpusCard(first)]).get(first.id)!;
    expect(checks.map((c) => [c.id, c.status, c.message])).toEqual([
      ['X-CARRY', 'not_assessable', 'no 2021 report of this agency in the archive'],
      ['X-STOCK', 'not_assessable', 'no 2021 report of this agency in the archive'],
      ['X-SERIES', 'not_assessable', 'no 2021 report of this agency in the archive'],
    ]);
  });
});

describe('X-STOCK and X-SERIES', () => {
  it('flags a broken in-force roll-forward and a ×10 jump in decisions', async () => {
    const v2 = continuing(v1);
    v2.set('active.normative_docs.in_force', v2.get('active.normative_docs.in_force')! + 4);
    const penalty = v1.get('active.penalty.decisions')!;
    v2.set('active.penalty.decisions', Math.max(penalty, 1) * 20 + 30);
    const second = await report(2023, v2);
    const checks = crossReportChecks([first, second].map(corpusCard)).get(second.id)!;
    const stock = byRule(checks, 'X-STOCK').find((c) => c.scope === 'normative_docs')!;
    expect([stock.status, stock.actual! - stock.expected!]).toEqual(['fail', 4]);
    const jump = byRule(checks, 'X-SERIES').find((c) => c.scope === 'active.penalty.decisions')!;
    expect([jump.status, jump.expected, jump.actual]).toEqual(['fail', penalty, Math.max(penalty, 1) * 20 + 30]);
  });

  it('needs ×10 and a real size for counts, ×10 between non-zero amounts for money', () => {
    expect([isJump(3, 25, false), isJump(5, 60, false), isJump(0, 40, false), isJump(40, 3, false)]).toEqual([false, true, true, true]);
    expect([isJump(1.5, 15000, true), isJump(0, 300, true), isJump(12, 60, true)]).toEqual([true, false, false]);
  });
});

describe('the real 平潭综合实验区 chain', () => {
  const read = (f: string) => extractReport({ bytes: readFileSync(join(REAL_DIR, f)), file: join(REAL_DIR, f), sidecar: null, sidecarFile: null });
  let checks: Map<string, Check[]>;
  let r: Record<string, Report>;
  beforeAll(async () => {
    r = Object.fromEntries(await Promise.all(['2018', '2019', '2020', '2021'].map(async (y) => [y, await read(`${y}_pingtan-zone_txt.txt`)])));
    checks = crossReportChecks(Object.values(r).map(corpusCard));
  });

  it('2020 → 2021 carry-over holds in every column (2019 format into 2021 format)', () => {
    const carry = byRule(checks.get(r['2021']!.id)!, 'X-CARRY');
    expect(carry.map((c) => c.status)).toEqual(Array(7).fill('pass'));
    const total = (rep: Report, row: 'carried_forward' | 'carried_over') => (rep.requests as Record<string, Record<string, { value: number | null }>>)[row]!.total!.value;
    expect([carry.at(-1)!.scope, carry.at(-1)!.actual, carry.at(-1)!.expected]).toEqual(['total', total(r['2021']!, 'carried_over'), total(r['2020']!, 'carried_forward')]);
  });

  it('2019 has no carried-forward row to compare with (2018 is pre-2019 format); 2021 has no 2020 in-force count', () => {
    expect(byRule(checks.get(r['2019']!.id)!, 'X-CARRY').map((c) => c.status)).toEqual(['not_assessable']);
    expect(byRule(checks.get(r['2021']!.id)!, 'X-STOCK').map((c) => c.status)).toEqual(['not_assessable']);
    const series = byRule(checks.get(r['2021']!.id)!, 'X-SERIES').find((c) => c.scope === 'requests.new.total')!;
    expect([series.expected, series.actual, series.status]).toEqual([21, 70, 'pass']);
  });
});
