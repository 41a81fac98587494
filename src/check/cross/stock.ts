import type { Check } from '../../model/report.ts';
import { known } from '../values.ts';
import { noPrevious, warn, type Link } from './chain.ts';

const ROWS = [
  { key: 'rules', en: 'Rules', zh: '规章' },
  { key: 'normative_docs', en: 'Normative documents', zh: '行政规范性文件' },
];
const COLUMNS = ['in_force', 'issued', 'repealed'];

/** The cells X-STOCK reads. */
export const STOCK_KEYS = ROWS.flatMap((row) => COLUMNS.map((c) => `active.${row.key}.${c}`));

/**
 * X-STOCK (spec §5.5), 2021 format both years: in force now = in force last year + issued − repealed. Documents
 * that expire by term (失效 ≠ 废止) and cleanup campaigns break it legitimately: a warning, never an error.
 */
export function checkStock(link: Link): Check[] {
  const { report: r, year } = link;
  if (r.meta.era !== 'gov2021') return [];
  const base = { ...warn, id: 'X-STOCK' };
  const none = noPrevious('X-STOCK', link);
  if (none) return [none];
  const p = link.previous[0]!;
  if (p.meta.era !== 'gov2021' || r.tables.active.status === 'absent' || p.tables.active.status === 'absent') {
    const message = p.meta.era !== 'gov2021' ? `the ${year - 1} report (${p.id}) has no in-force count (2019 or older format)` : 'table 2 absent in one of the two reports';
    const message_zh = p.meta.era !== 'gov2021' ? `${year - 1}年度报告（${p.id}）无“现行有效件数”（2019年版或更早格式）` : '两份报告之一缺少主动公开情况表';
    return [{ ...base, scope: 'report', status: 'not_assessable', cells: [], expected: null, actual: null, message, message_zh }];
  }
  return ROWS.map((row): Check => {
    const k = (c: string) => `active.${row.key}.${c}`;
    const cells = COLUMNS.map(k);
    const [now, issued, repealed] = cells.map((c) => known(r.cells[c]));
    const before = known(p.cells[k('in_force')]);
    if (!now || !issued || !repealed || !before) {
      return { ...base, scope: row.key, status: 'uncertain', cells, expected: null, actual: now?.v ?? null, message: `${row.en}: a cell is blank or unreadable`, message_zh: `${row.zh}：有单元格为空或无法识别` };
    }
    const expected = before.v + issued.v - repealed.v;
    const ok = expected === now.v;
    if (ok) return { ...base, scope: row.key, status: 'pass', cells, expected, actual: now.v, message: null, message_zh: null };
    const dash = [now, issued, repealed, before].some((x) => x.dash);
    return {
      ...base, scope: row.key, status: dash ? 'uncertain' : 'fail', cells, expected, actual: now.v,
      message: `${row.en}: in force ${now.v} ≠ ${before.v} in force in ${year - 1} (${p.id}) + ${issued.v} issued − ${repealed.v} repealed`,
      message_zh: `${row.zh}：现行有效${now.v}件≠${year - 1}年度（${p.id}）现行有效${before.v}件+本年制发${issued.v}件−本年废止${repealed.v}件`,
    };
  });
}
