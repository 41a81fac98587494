import { describe, expect, it } from 'vitest';
import type { Check, Report } from '../src/model/report.ts';
import { checkAnchor, fieldAnchor, fieldName } from '../src/site/leadsview.ts';

const check = (id: string, status: Check['status']): Check =>
  ({ id, status, severity: 'error', scope: 'total', expected: null, actual: null, cells: [], message: '', message_zh: '' }) as unknown as Check;

/** Only what the anchors read: era, tables, sections, pre-2019 figures, checks. */
function report(o: { era?: Report['meta']['era']; has_tables?: boolean; sections?: string[]; legacy?: boolean; checks?: Check[] }): Report {
  return {
    meta: { era: o.era ?? 'gov2021', has_tables: o.has_tables ?? true },
    sections: Object.fromEntries((o.sections ?? []).map((k) => [k, { heading: '', text: 'x', loc: {} }])),
    legacy: o.legacy ? { 'legacy.requests.received': {} } : {}, ext: {}, checks: o.checks ?? [],
  } as unknown as Report;
}

describe('lead anchors on report pages', () => {
  it('number checks as the report page lists them (failed and uncertain only)', () => {
    const r = report({ checks: [check('T3-ID', 'pass'), check('T3-RES', 'uncertain'), check('T4-SUM', 'pass'), check('T3-RES', 'fail'), check('T4-VS-T3', 'fail')] });
    expect(checkAnchor(r, 'T3-RES')).toBe('chk-1');
    expect(checkAnchor(r, 'T4-VS-T3')).toBe('chk-3');
    expect(checkAnchor(r, 'T3-ID')).toBeNull();
  });

  it('point fields at the table, section or pre-2019 list that the page renders, or nowhere', () => {
    const modern = report({ sections: ['s1_overview'] });
    expect(fieldAnchor(modern, 'requests.new.total')).toBe('table-requests');
    expect(fieldAnchor(modern, 'appeals.review.corrected')).toBe('table-appeals');
    expect(fieldAnchor(modern, 'sections.s1_overview')).toBe('s1_overview');
    expect(fieldAnchor(modern, 'sections.s3_requests')).toBe('s3_requests'); // the table makes the section
    expect(fieldAnchor(modern, 'sections.s5_problems')).toBeNull();
    expect(fieldAnchor(modern, 'meta.published_at')).toBeNull();
    const old = report({ era: 'legacy', has_tables: false, legacy: true });
    expect(fieldAnchor(old, 'requests.new.total')).toBeNull();
    expect(fieldAnchor(old, 'legacy.requests.received')).toBe('h-extra');
    expect(fieldAnchor(report({}), 'legacy.requests.received')).toBeNull();
  });

  it('name form, derived, pre-2019 and section fields in Chinese and English', () => {
    expect(fieldName('requests.result.denied.subtotal.total').zh).toContain('不予公开');
    expect(fieldName('requests.new.total').en).toContain('New requests');
    expect(fieldName('legacy.requests.received').zh).not.toBe('legacy.requests.received');
    expect(fieldName('sections.s5_problems').zh).toContain('存在的主要问题');
  });
});
