import type { Cell } from '../model/cell.ts';
import type { Check, Figure, Meta, TableStatus } from '../model/report.ts';
import { known } from './values.ts';

const warn = { severity: 'warning' as const };

/** S-MISSING: a 2019-or-later report must carry tables 3 and 4 (spec §5.3). */
export function checkMissing(year: number | null, tables: { requests: TableStatus; appeals: TableStatus }): Check {
  const base = { ...warn, id: 'S-MISSING', scope: 'report', cells: [], expected: null, actual: null };
  if (year === null) return { ...base, status: 'not_assessable', message: 'report year unknown', message_zh: '报告年度不明' };
  if (year < 2019) return { ...base, status: 'not_assessable', message: `report year ${year} predates the statistical tables`, message_zh: `${year}年度报告无统一统计表要求` };
  const missing = (['requests', 'appeals'] as const).filter((t) => tables[t].status === 'absent');
  return missing.length === 0
    ? { ...base, status: 'pass', message: null, message_zh: null }
    : {
      ...base, status: 'fail',
      message: `tables missing for a report year that requires them (${missing.join(', ')})`,
      message_zh: `${year}年度报告应有统计表，但未找到（${missing.map((t) => (t === 'requests' ? '依申请公开情况表' : '行政复议、行政诉讼情况表')).join('、')}）`,
    };
}

/** T4-VS-T3: reviews or lawsuits reported although no request was received or carried over. */
export function checkAppealsWithoutRequests(cells: Map<string, Cell>): Check {
  const base = { ...warn, id: 'T4-VS-T3', scope: 'report' };
  const reqKeys = ['requests.new.total', 'requests.carried_over.total'];
  const appealKeys = [...cells.keys()].filter((k) => k.startsWith('appeals.') && k.endsWith('.total'));
  const req = reqKeys.map((k) => known(cells.get(k)));
  const appeals = appealKeys.map((k) => known(cells.get(k)));
  if (req.some((r) => !r) || appeals.length === 0 || appeals.some((a) => !a)) {
    return { ...base, status: 'not_assessable', cells: [...reqKeys, ...appealKeys], expected: null, actual: null, message: 'tables 3 or 4 incomplete', message_zh: '表三或表四不完整' };
  }
  const requests = req.reduce((a, r) => a + r!.v, 0);
  const appealTotal = appeals.reduce((a, r) => a + r!.v, 0);
  const nonzero = appealKeys.filter((k) => known(cells.get(k))!.v > 0);
  const fail = requests === 0 && appealTotal > 0;
  return {
    ...base, status: fail ? 'fail' : 'pass', cells: [...reqKeys, ...nonzero], expected: 0, actual: appealTotal,
    message: fail ? `appeals/lawsuits reported although no requests were received or carried over (${appealTotal} in table 4, 0 requests)` : null,
    message_zh: fail ? `未收到也无结转的公开申请，却报告了行政复议或诉讼${appealTotal}件` : null,
  };
}

/** Narrative-vs-table: figures stated in prose against the table value of the same key (spec §5.4). */
export function checkNarrative(narrative: Record<string, Figure>, lookup: (key: string) => Cell | undefined): Check[] {
  const out: Check[] = [];
  for (const [key, fig] of Object.entries(narrative)) {
    const cell = lookup(key);
    const k = known(cell);
    if (!k) continue;
    const ok = fig.approx === 'at_least' ? k.v >= fig.value : fig.approx === 'about' ? Math.abs(k.v - fig.value) <= Math.max(1, fig.value * 0.1) : k.v === fig.value;
    out.push({
      ...warn, id: 'NARRATIVE', scope: key, status: ok ? 'pass' : 'fail', cells: [key], expected: k.v, actual: fig.value,
      message: ok ? null : `prose states ${fig.raw} (“${fig.context}”) but the table has ${k.v}`,
      message_zh: ok ? null : `正文称“${fig.context}”，表格为${k.v}`,
    });
  }
  return out;
}

/** YEAR: the report is published after its year ends, and the statistics period matches the title year. */
export function checkYear(meta: Pick<Meta, 'year' | 'published_at' | 'period'>): Check {
  const base = { ...warn, id: 'YEAR', scope: 'report', cells: [], expected: meta.year, actual: null };
  if (meta.year === null) return { ...base, status: 'not_assessable', message: 'report year unknown', message_zh: '报告年度不明' };
  const problems: string[] = [];
  const problemsZh: string[] = [];
  if (meta.published_at && meta.published_at <= `${meta.year}-12-31`) {
    problems.push(`published ${meta.published_at}, before the report year ${meta.year} ended`);
    problemsZh.push(`发布日期${meta.published_at}早于${meta.year}年度结束`);
  }
  const periodYear = meta.period ? Number(meta.period.start.slice(0, 4)) : null;
  if (periodYear !== null && periodYear !== meta.year) {
    problems.push(`statistics period starts in ${periodYear}, title year is ${meta.year}`);
    problemsZh.push(`统计期限为${periodYear}年，标题年度为${meta.year}年`);
  }
  return problems.length
    ? { ...base, status: 'fail', actual: periodYear, message: problems.join('; '), message_zh: problemsZh.join('；') }
    : meta.published_at || periodYear
      ? { ...base, status: 'pass', message: null, message_zh: null }
      : { ...base, status: 'not_assessable', message: 'no publication date or statistics period to compare with the year', message_zh: '无发布日期或统计期限可与年度核对' };
}
