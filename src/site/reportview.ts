import { FORMS, type ModernEra } from '../forms/index.ts';
import type { Report, SectionKey } from '../model/report.ts';
import { cellValue } from '../model/cell-of.ts';
import { OUTCOME_KEYS, type OutcomeKey } from '../publish/lean.ts';

// Per-report figures for the report page (the lean entry only has the total column).

export const SECTION_NAMES: Record<SectionKey, { zh: string; en: string }> = {
  s1_overview: { zh: '一、总体情况', en: 'I. Overview' },
  s2_active: { zh: '二、主动公开政府信息情况', en: 'II. Proactive disclosure' },
  s3_requests: { zh: '三、收到和处理政府信息公开申请情况', en: 'III. Requests received and handled' },
  s4_appeals: { zh: '四、政府信息公开行政复议、行政诉讼情况', en: 'IV. Administrative review and litigation' },
  s5_problems: { zh: '五、存在的主要问题及改进情况', en: 'V. Main problems and improvements' },
  s6_other: { zh: '六、其他需要报告的事项', en: 'VI. Other matters' },
};

/** Outcome categories for the given applicant columns (summed), from the result leaves; null when nothing is known. */
export function outcomeMix(r: Report, era: ModernEra, cols: string[]): Record<OutcomeKey, number> | null {
  const leaves = FORMS[era].requests.rows.filter((row) => row.leaf);
  const out = {} as Record<OutcomeKey, number>;
  let known = false;
  for (const o of OUTCOME_KEYS) {
    const prefix = `result.${o}`;
    out[o] = 0;
    for (const row of leaves) {
      if (row.key !== prefix && !row.key.startsWith(prefix + '.')) continue;
      for (const c of cols) {
        const v = cellValue(r, `requests.${row.key}.${c}`);
        if (v !== null) { out[o] += v; known = true; }
      }
    }
  }
  return known ? out : null;
}

export const ORG_COLS = (era: ModernEra) => FORMS[era].requests.columns.filter((c) => c.key.startsWith('org_')).map((c) => c.key);
