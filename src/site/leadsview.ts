import { LEGACY_BY_KEY } from '../forms/legacy.ts';
import { buildCodebook } from '../publish/datasets/codebook.ts';
import type { Report, SectionKey } from '../model/report.ts';
import type { Lead, LeadKind } from '../publish/leads.ts';
import { checkNumbers } from './checks.ts';
import type { Bi } from './labels.ts';
import type { SiteModel } from './model.ts';
import { url } from './paths.ts';
import { SECTION_NAMES } from './reportview.ts';

// Leads as the leads pages show them: each with links to its reports (at the check or table that is its
// evidence), its agencies, and the fields and checks named in words.

/** Every kind in the order the corpus pass lists them, with what it means. */
export const LEAD_KINDS: (Bi & { kind: LeadKind; about: Bi })[] = [
  { kind: 'failed_check', zh: '统计表对不上', en: 'Tables that do not add up',
    about: { zh: '报告自己的统计表未通过勾稽校验（错误级）：合计与分项不符。可能是填报错误，也可能是提取问题，请对照原文。', en: 'The report\'s own tables fail a strict consistency check: totals and parts disagree. A filing error or an extraction problem — check the source.' } },
  { kind: 'appeals_without_requests', zh: '没有申请却有复议或诉讼', en: 'Reviews or lawsuits without requests',
    about: { zh: '本年度没有新收、也没有结转的公开申请，却报告了行政复议或行政诉讼。可能是填错了表格，也可能是上一年度申请引起的。', en: 'No requests received or carried over, yet reviews or lawsuits are reported: a misfiled table, or appeals from earlier years.' } },
  { kind: 'carry_break', zh: '结转不衔接', en: 'Carry-over breaks',
    about: { zh: '本年“上年结转”与同一机关上一年度报告的“结转下年度继续办理”不相等（X-CARRY）。', en: 'This year\'s carried-over requests differ from what the agency\'s previous report carried forward (X-CARRY).' } },
  { kind: 'yoy_swing', zh: '年度间大幅变化', en: 'Large year-on-year swings',
    about: { zh: '同一机关相邻两个年度的申请数或决定数相差很大，按变化倍数排列。', en: 'Requests or decisions change sharply between two consecutive years of one agency, largest ratio first.' } },
  { kind: 'non_disclosure_share', zh: '不予公开比例高', en: 'High shares not disclosed',
    about: { zh: '办理结果中“不予公开”所占比例最高的报告（办理结果较少的报告不计）。', en: 'Reports with the highest share of requests refused (reports with few results are left out).' } },
  { kind: 'corrected', zh: '决定被纠正', en: 'Decisions corrected',
    about: { zh: '政府信息公开决定在行政复议或行政诉讼中被纠正的件数。', en: 'Disclosure decisions corrected on administrative review or in court.' } },
  { kind: 'late', zh: '逾期发布', en: 'Published late',
    about: { zh: '发布日期晚于该类机关的法定期限（2019年条例：政府部门1月31日前，人民政府3月31日前；此前各机关3月31日前）。', en: 'Published after the statutory deadline for that kind of agency (2019 regulations: departments by 31 January, governments by 31 March; earlier, all by 31 March).' } },
  { kind: 'near_duplicate', zh: '正文雷同', en: 'Near-duplicate prose',
    about: { zh: '不同机关或同一机关不同年度的报告正文高度相似（按文本相似度），可能是照搬。', en: 'Report prose largely shared between agencies or years (text similarity): possibly copied.' } },
];

/** Leads shown per kind on /leads/; the rest are on the kind's own page. */
export const LEADS_PER_KIND = 10;
/** Evidence fields named per lead (a failed check can involve dozens of cells). */
const FIELDS_SHOWN = 6;

/** Form and derived fields (subtotals such as （三）不予公开 › 总计) by key, with their printed labels. */
const FIELDS = new Map(buildCodebook().fields.map((f) => [f.key, { zh: f.label_zh, en: f.label_en }]));
const META: Record<string, Bi> = { 'meta.published_at': { zh: '发布日期', en: 'Publication date' } };

export function fieldName(key: string): Bi {
  if (key.startsWith('sections.')) return SECTION_NAMES[key.slice('sections.'.length) as SectionKey] ?? { zh: key, en: key };
  return FIELDS.get(key) ?? LEGACY_BY_KEY.get(key) ?? META[key] ?? { zh: key, en: key };
}

const TABLE_IDS: Record<string, string> = { active: 'table-active', requests: 'table-requests', appeals: 'table-appeals' };

/**
 * Id of the element that shows a field on its report page, or null. Mirrors what src/pages/reports/[id].astro
 * renders (the build's link check fails if the two drift apart): the three tables (modern forms with tables),
 * the prose sections, and the "other statistics" list of pre-2019 figures.
 */
export function fieldAnchor(r: Report, key: string): string | null {
  const [head, rest] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
  const tables = r.meta.era !== 'legacy' && r.meta.has_tables;
  if (TABLE_IDS[head]) return tables ? TABLE_IDS[head]! : null;
  if (head === 'sections') {
    const table = tables && ['s2_active', 's3_requests', 's4_appeals'].includes(rest);
    return r.sections[rest as SectionKey] || table ? rest : null;
  }
  if (head === 'legacy') return Object.keys(r.legacy).length + Object.keys(r.ext).length > 0 ? 'h-extra' : null;
  return null;
}

/** Id of the first listed result of a check on its report page (chk-<n>, numbered as the page numbers them). */
export function checkAnchor(r: Report, checkId: string): string | null {
  const numbers = checkNumbers(r.checks);
  const i = r.checks.findIndex((c, k) => c.id === checkId && numbers.has(k));
  return i < 0 ? null : `chk-${numbers.get(i)}`;
}

export interface LeadLink { href: string; label: string }
export interface LeadView {
  lead: Lead;
  reports: LeadLink[];
  agencies: LeadLink[];
  checks: LeadLink[];
  fields: (Bi & { key: string; href: string | null })[];
  /** Fields involved beyond those named. */
  more_fields: number;
}

const withHash = (href: string, id: string | null) => (id ? `${href}#${id}` : href);

/** A lead with its links; reports missing from this build (a shard) are named but not linked. */
export function leadView(lead: Lead, s: SiteModel, load: (id: string) => Report): LeadView {
  const reports = lead.report_ids.filter((id) => s.byId.has(id)).map((id) => ({ lean: s.byId.get(id)!, full: load(id) }));
  const first = reports[0];
  const fields = lead.fields.slice(0, FIELDS_SHOWN).map((key) => {
    const at = reports.find((r) => fieldAnchor(r.full, key) !== null);
    return { key, ...fieldName(key), href: at ? withHash(url.report(at.lean.id), fieldAnchor(at.full, key)) : null };
  });
  return {
    lead,
    reports: reports.map(({ lean, full }) => {
      const anchor = lead.checks.map((c) => checkAnchor(full, c)).find((a) => a !== null)
        ?? lead.fields.map((k) => fieldAnchor(full, k)).find((a) => a !== null) ?? null;
      const agency = s.agencyById.get(lean.agency_id)?.name ?? lean.meta.agency_name ?? '?';
      return { href: withHash(url.report(lean.id), anchor), label: `${agency} ${lean.meta.year ?? '年度未知'}` };
    }),
    agencies: lead.agency_ids.filter((id) => s.agencyById.has(id)).map((id) => ({ href: url.agency(id), label: s.agencyById.get(id)!.name })),
    checks: first ? lead.checks.map((c) => ({ href: withHash(url.report(first.lean.id), checkAnchor(first.full, c)), label: c })) : [],
    fields,
    more_fields: Math.max(0, lead.fields.length - FIELDS_SHOWN),
  };
}
