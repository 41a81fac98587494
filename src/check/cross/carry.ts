import { FORMS } from '../../forms/index.ts';
import type { Check } from '../../model/report.ts';
import { known } from '../values.ts';
import { noPrevious, warn, type Link } from './chain.ts';

/** The cells X-CARRY reads, every format's columns. */
export const CARRY_KEYS = Object.values(FORMS).flatMap((f) => f.requests.columns.flatMap((c) => [`requests.carried_over.${c.key}`, `requests.carried_forward.${c.key}`]));

/**
 * X-CARRY (spec §5.5): this year's 上年结转 = last year's 结转下年度继续办理, per applicant column. The strongest
 * cross-report rule; a mismatch is a warning, and uncertain where a dash or an aggregate report's scope may explain it.
 */
export function checkCarry(link: Link): Check[] {
  const { report: r, year } = link;
  if (r.meta.era === 'legacy') return [];
  const base = { ...warn, id: 'X-CARRY' };
  const none = noPrevious('X-CARRY', link);
  if (none) return [none];
  const p = link.previous[0]!;
  const skip = (message: string, message_zh: string): Check[] => [{ ...base, scope: 'report', status: 'not_assessable', cells: [], expected: null, actual: null, message, message_zh }];
  if (p.meta.era === 'legacy') {
    return skip(`the ${year - 1} report (${p.id}) uses the pre-2019 format, which has no carried-forward row`, `${year - 1}年度报告（${p.id}）为2019年以前格式，无“结转下年度继续办理”`);
  }
  if (r.tables.requests.status === 'absent' || p.tables.requests.status === 'absent') {
    const which = r.tables.requests.status === 'absent' ? 'this report' : `the ${year - 1} report (${p.id})`;
    return skip(`table 3 absent in ${which}`, `${r.tables.requests.status === 'absent' ? '本报告' : `${year - 1}年度报告（${p.id}）`}缺少依申请公开情况表`);
  }
  const scopeChange = r.meta.is_aggregate !== p.meta.is_aggregate;
  return FORMS[r.meta.era].requests.columns.map((col): Check => {
    const key = `requests.carried_over.${col.key}`;
    const cur = known(r.cells[key]);
    const prev = known(p.cells[`requests.carried_forward.${col.key}`]);
    const cells = [key];
    if (!cur || !prev) {
      return {
        ...base, scope: col.key, status: 'uncertain', cells, expected: prev?.v ?? null, actual: cur?.v ?? null,
        message: `${col.en}: ${!cur ? 'carried over this year' : `carried forward in ${year - 1} (${p.id})`} is blank or unreadable`,
        message_zh: `${col.zh}：${!cur ? '本年上年结转' : `${year - 1}年度（${p.id}）结转下年度`}为空或无法识别`,
      };
    }
    const ok = cur.v === prev.v;
    const status = ok ? 'pass' : cur.dash || prev.dash || scopeChange ? 'uncertain' : 'fail';
    const why = ok ? '' : cur.dash || prev.dash ? ' (a dash cell may mean 0 or n/a)' : scopeChange ? ' (one report is a region-wide aggregate)' : '';
    return {
      ...base, scope: col.key, status, cells, expected: prev.v, actual: cur.v,
      message: ok ? null : `${col.en}: carried over ${cur.v}, but the ${year - 1} report (${p.id}) carried forward ${prev.v}${why}`,
      message_zh: ok ? null : `${col.zh}：上年结转${cur.v}件，但${year - 1}年度报告（${p.id}）结转下年度继续办理${prev.v}件`,
    };
  });
}
