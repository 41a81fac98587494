import { seriesValue, SERIES } from '../check/cross/series.ts';
import { similarPairs } from '../check/cross/similarity.ts';
import type { Timeliness } from '../check/timeliness.ts';
import { known } from '../check/values.ts';
import type { CorpusCard } from '../ingest/card.ts';
import { APPEAL_GROUPS, SHARE_KEYS } from './lead-cells.ts';
import type { Agency } from './agencies.ts';

// Leads for journalists: places in the corpus worth a closer look, each with the reports, fields and checks that
// are its evidence and a one-line explanation in Chinese and English. Leads point; they do not conclude.

export type LeadKind =
  | 'failed_check' | 'appeals_without_requests' | 'carry_break' | 'yoy_swing' | 'non_disclosure_share' | 'corrected'
  | 'late' | 'near_duplicate';

export interface Lead {
  /** Stable: kind plus the report ids. */
  id: string;
  kind: LeadKind;
  /** Ranking within a kind (larger = stronger). */
  score: number;
  report_ids: string[];
  agency_ids: string[];
  /** Field keys that carry the evidence. */
  fields: string[];
  /** Check ids that carry the evidence. */
  checks: string[];
  zh: string;
  en: string;
}

/** At most this many leads of a ranked kind (swings, shares, duplicates) — the top of the list is the point. */
const TOP = 50;
const SWING_MIN_CHANGE = 10;
const SWING_MIN_RATIO = 2;
const SHARE_MIN_RESULTS = 10;

interface Ctx {
  reports: readonly CorpusCard[];
  agencyOf: Map<string, Agency>;
}

/** `part` tells apart several leads of one kind on the same reports (one swing per series). */
function lead(ctx: Ctx, kind: LeadKind, reports: readonly CorpusCard[], rest: Omit<Lead, 'id' | 'kind' | 'report_ids' | 'agency_ids'>, part = ''): Lead {
  const ids = reports.map((r) => r.id);
  return { id: [kind, ...ids, ...(part ? [part] : [])].join('-'), kind, report_ids: ids, agency_ids: [...new Set(ids.map((id) => ctx.agencyOf.get(id)!.id))], ...rest };
}

const who = (ctx: Ctx, r: CorpusCard) => `${ctx.agencyOf.get(r.id)?.name ?? r.meta.agency_name ?? '?'} ${r.meta.year ?? ''}`.trim();
const top = (leads: Lead[]) => leads.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, TOP);

function failedChecks(ctx: Ctx): Lead[] {
  return ctx.reports.flatMap((r) => {
    const failed = r.checks.filter((c) => c.severity === 'error' && c.status === 'fail');
    if (!failed.length) return [];
    const ids = [...new Set(failed.map((c) => c.id))];
    return [lead(ctx, 'failed_check', [r], {
      score: failed.length, fields: [...new Set(failed.flatMap((c) => c.cells))], checks: ids,
      zh: `${who(ctx, r)}：统计表未通过勾稽校验（${ids.join('、')}）：${failed[0]!.message_zh}`,
      en: `${who(ctx, r)}: tables fail consistency checks (${ids.join(', ')}): ${failed[0]!.message}`,
    })];
  });
}

function checkLeads(ctx: Ctx, checkId: string, kind: LeadKind, zh: string, en: string): Lead[] {
  return ctx.reports.flatMap((r) => {
    const failed = r.checks.filter((c) => c.id === checkId && c.status === 'fail');
    if (!failed.length) return [];
    return [lead(ctx, kind, [r], {
      score: Math.max(...failed.map((c) => Math.abs((c.actual ?? 0) - (c.expected ?? 0)))), fields: [...new Set(failed.flatMap((c) => c.cells))], checks: [checkId],
      zh: `${who(ctx, r)}：${zh}（${failed.map((c) => c.message_zh).join('；')}）`,
      en: `${who(ctx, r)}: ${en} (${failed.map((c) => c.message).join('; ')})`,
    })];
  });
}

/** Year-on-year swings in the count series (new requests, decisions); fees are left to X-SERIES's unit check. */
function swings(ctx: Ctx, pairs: [CorpusCard, CorpusCard][]): Lead[] {
  return top(SERIES.filter((s) => !s.money).flatMap((s) => pairs.flatMap(([p, r]) => {
    const [a, b] = [seriesValue(p, s), seriesValue(r, s)];
    if (!a || !b) return [];
    const ratio = (Math.max(a.v, b.v) + 1) / (Math.min(a.v, b.v) + 1);
    if (Math.abs(b.v - a.v) < SWING_MIN_CHANGE || ratio < SWING_MIN_RATIO) return [];
    const dir = b.v > a.v ? ['增至', 'rose to'] : ['降至', 'fell to'];
    return [lead(ctx, 'yoy_swing', [p, r], {
      score: Math.log(ratio), fields: [a.key, b.key], checks: [],
      zh: `${ctx.agencyOf.get(r.id)!.name}：${s.zh}由${p.meta.year}年度${a.v}件${dir[0]}${r.meta.year}年度${b.v}件`,
      en: `${ctx.agencyOf.get(r.id)!.name}: ${s.en.toLowerCase()} ${dir[1]} ${b.v} in ${r.meta.year} from ${a.v} in ${p.meta.year}`,
    }, s.key)];
  })));
}

function nonDisclosure(ctx: Ctx): Lead[] {
  return top(ctx.reports.flatMap((r) => {
    const [deniedKey, totalKey] = r.meta.era === 'legacy' ? SHARE_KEYS.legacy : SHARE_KEYS.form;
    const [denied, total] = [known(r.cells[deniedKey]), known(r.cells[totalKey])];
    if (!denied || !total || total.v < SHARE_MIN_RESULTS || denied.v === 0) return [];
    const share = denied.v / total.v;
    const pct = Math.round(share * 100);
    return [lead(ctx, 'non_disclosure_share', [r], {
      score: share, fields: [deniedKey, totalKey], checks: [],
      zh: `${who(ctx, r)}：办理结果中不予公开${denied.v}件，占${total.v}件的${pct}%`,
      en: `${who(ctx, r)}: ${denied.v} of ${total.v} requests (${pct}%) refused disclosure`,
    })];
  }));
}


function corrected(ctx: Ctx): Lead[] {
  return ctx.reports.flatMap((r) => {
    const hits = APPEAL_GROUPS.map(([g, zh, en]) => ({ key: `appeals.${g}.corrected`, zh, en, v: known(r.cells[`appeals.${g}.corrected`])?.v ?? 0 })).filter((h) => h.v > 0);
    if (!hits.length) return [];
    return [lead(ctx, 'corrected', [r], {
      score: hits.reduce((a, h) => a + h.v, 0), fields: hits.map((h) => h.key), checks: [],
      zh: `${who(ctx, r)}：政府信息公开决定被纠正（${hits.map((h) => `${h.zh}${h.v}件`).join('，')}）`,
      en: `${who(ctx, r)}: disclosure decisions corrected (${hits.map((h) => `${h.v} in ${h.en}`).join(', ')})`,
    })];
  });
}

function late(ctx: Ctx, items: readonly Timeliness[]): Lead[] {
  const byId = new Map(ctx.reports.map((r) => [r.id, r]));
  return items.filter((t) => t.status === 'late').map((t) => {
    const r = byId.get(t.report_id)!;
    return lead(ctx, 'late', [r], {
      score: t.days_late ?? 0, fields: ['meta.published_at'], checks: [],
      zh: `${who(ctx, r)}：${t.published_at}发布，晚于法定期限${t.deadline}共${t.days_late}天（${t.reason.zh}，置信度${t.confidence}）`,
      en: `${who(ctx, r)}: published ${t.published_at}, ${t.days_late} days after the ${t.deadline} deadline (${t.reason.en}; ${t.confidence} confidence)`,
    });
  });
}

function duplicates(ctx: Ctx): Lead[] {
  const byId = new Map(ctx.reports.map((r) => [r.id, r]));
  return top(similarPairs(ctx.reports).map((p) => {
    const [a, b] = [byId.get(p.a)!, byId.get(p.b)!];
    const same = ctx.agencyOf.get(a.id) === ctx.agencyOf.get(b.id);
    const pct = Math.round(p.similarity * 100);
    return lead(ctx, 'near_duplicate', [a, b], {
      score: p.similarity, fields: ['sections.s1_overview', 'sections.s5_problems', 'sections.s6_other'], checks: [],
      zh: `${who(ctx, a)}与${who(ctx, b)}：正文约${pct}%相同（${same ? '同一机关不同年度' : '不同机关'}），可能内容雷同`,
      en: `${who(ctx, a)} and ${who(ctx, b)}: about ${pct}% of the prose is shared (${same ? 'same agency, different years' : 'different agencies'}) — possibly copied`,
    });
  }));
}

/** Every lead in the corpus, grouped by kind in a fixed order, strongest first within a kind. */
export function findLeads(reports: readonly CorpusCard[], agencies: readonly Agency[], timeliness: readonly Timeliness[]): Lead[] {
  const agencyOf = new Map<string, Agency>();
  for (const a of agencies) for (const id of a.report_ids) agencyOf.set(id, a);
  const ctx: Ctx = { reports, agencyOf };
  const byId = new Map(reports.map((r) => [r.id, r]));
  const pairs: [CorpusCard, CorpusCard][] = agencies.flatMap((a) => {
    const mine = a.report_ids.map((id) => byId.get(id)!).filter((r) => r.meta.year !== null);
    return mine.flatMap((r) => mine.filter((p) => p.meta.year === r.meta.year! - 1).map((p): [CorpusCard, CorpusCard] => [p, r]));
  });
  return [
    ...top(failedChecks(ctx)),
    ...top(checkLeads(ctx, 'T4-VS-T3', 'appeals_without_requests', '未收到也无结转公开申请，却有行政复议或诉讼', 'reviews or lawsuits although no requests were received or carried over')),
    ...top(checkLeads(ctx, 'X-CARRY', 'carry_break', '上年结转与上一年度报告的结转下年度不符', 'requests carried over do not match what last year\'s report carried forward')),
    ...swings(ctx, pairs),
    ...nonDisclosure(ctx),
    ...top(corrected(ctx)),
    ...top(late(ctx, timeliness)),
    ...duplicates(ctx),
  ];
}
