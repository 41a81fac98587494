import type { CorpusCard } from '../../ingest/card.ts';
import type { Check } from '../../model/report.ts';
import { known } from '../values.ts';
import { noPrevious, warn, type Link } from './chain.ts';

/** The series X-SERIES watches (spec §5.5): new requests, decisions, fees; legacy reports map where they can (§4.3). */
export const SERIES = [
  { key: 'requests.new.total', legacy: 'legacy.requests.received', en: 'New requests', zh: '本年新收申请', money: false },
  { key: 'active.licensing.decisions', legacy: null, en: 'Licensing decisions', zh: '行政许可决定', money: false },
  { key: 'active.penalty.decisions', legacy: null, en: 'Penalty decisions', zh: '行政处罚决定', money: false },
  { key: 'active.coercion.decisions', legacy: null, en: 'Coercion decisions', zh: '行政强制决定', money: false },
  { key: 'active.admin_fees.amount_wan_yuan', legacy: null, en: 'Administrative fees (10k CNY)', zh: '行政事业性收费（万元）', money: true },
] as const;

type SeriesField = (typeof SERIES)[number];

/** The cells X-SERIES reads. */
export const SERIES_KEYS = SERIES.flatMap((s) => (s.legacy ? [s.key, s.legacy] : [s.key]));

/** The value of a series in one report, from its form table or its legacy statistics. */
export function seriesValue(r: CorpusCard, s: SeriesField): { v: number; key: string } | null {
  const key = r.meta.era === 'legacy' ? s.legacy : s.key;
  const k = key ? known(r.cells[key]) : null;
  return k && key ? { v: k.v, key } : null;
}

/** Small counts swing naturally (0 → 12 requests): a count jump needs ×10 and at least this much. */
const MIN_COUNT_JUMP = 30;
const FACTOR = 10;

export function isJump(a: number, b: number, money: boolean): boolean {
  const [lo, hi] = [Math.min(a, b), Math.max(a, b)];
  return money ? lo > 0 && hi >= FACTOR * lo : hi >= MIN_COUNT_JUMP && hi >= FACTOR * Math.max(lo, 1);
}

/** X-SERIES: ×10 year-on-year jumps, often a unit (元 vs 万元) or column-shift error. */
export function checkSeries(link: Link): Check[] {
  const { report: r, year } = link;
  const none = noPrevious('X-SERIES', link);
  if (none) return [none];
  const p = link.previous[0]!;
  const out: Check[] = [];
  for (const s of SERIES) {
    const [now, before] = [seriesValue(r, s), seriesValue(p, s)];
    if (!now || !before) continue;
    const jump = isJump(before.v, now.v, s.money);
    out.push({
      ...warn, id: 'X-SERIES', scope: s.key, status: jump ? 'fail' : 'pass', cells: [now.key], expected: before.v, actual: now.v,
      message: jump ? `${s.en}: ${before.v} in ${year - 1} (${p.id}) → ${now.v} in ${year} — a ×${FACTOR} jump; check units and columns` : null,
      message_zh: jump ? `${s.zh}：${year - 1}年度（${p.id}）${before.v} → ${year}年度${now.v}，变化超过${FACTOR}倍，请核对单位和列` : null,
    });
  }
  return out.length ? out : [{ ...warn, id: 'X-SERIES', scope: 'report', status: 'not_assessable', cells: [], expected: null, actual: null, message: `no series value known in both ${year - 1} and ${year}`, message_zh: `${year - 1}、${year}年度无可比数值` }];
}
