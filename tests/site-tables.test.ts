import { describe, expect, it } from 'vitest';
import { FORMS, MODERN_ERAS, formFields, type ModernEra } from '../src/forms/index.ts';
import { ReportSchema, SCHEMA_VERSION, SectionKeySchema, type Report } from '../src/model/report.ts';
import { fmt } from '../src/site/format.ts';
import { activeTable, appealsTable, checksByCell, requestsTable, type TableModel } from '../src/site/tables.ts';

// A schema-valid report with every table cell absent: the layout must come from the forms alone.
function skeleton(era: ModernEra): Report {
  const status = { status: 'absent', found: 0, expected: 0, notes: [] };
  return ReportSchema.parse({
    schema_version: SCHEMA_VERSION, id: '0123456789abcdef',
    source: { file: 'x.txt', sha256: '0'.repeat(64), bytes: 0, format: 'txt', encoding: 'utf-8', sidecar: null, retrieved_at: null },
    meta: {
      title: null, agency_name: null, agency_short: null, agency_kind: null, admin_level: null, year: null, year_source: null, era,
      era_evidence: [], published_at: null, published_at_raw: null, published_at_source: null, period: null,
      contact: { phone: [], fax: null, postcode: null, email: null, address: null, office: null }, portal_url: null, source_url: null,
      doc_number: null, index_no: null, region: { code_hint: null, path_hint: [], cues: [] }, is_aggregate: false, format_declared: null, has_tables: false,
    },
    sections: Object.fromEntries(SectionKeySchema.options.map((k) => [k, null])),
    tables: { active: status, requests: status, appeals: status },
    active: {}, requests: {}, appeals: {}, derived: {}, ext: {}, legacy: {}, narrative: {}, checks: [], notes: [],
  });
}

const dataKeys = (t: TableModel) => t.body.flat().flatMap((c) => (c.kind === 'td' ? [c.key] : []));

/** Width of every row once rowspans from earlier rows are counted: a well-formed grid has one width. */
function rowWidths(rows: { colspan?: number; rowspan?: number }[][]): number[] {
  const carry: number[] = [];
  return rows.map((row, i) => {
    const fromAbove = carry.filter((end) => end > i).length;
    let w = fromAbove;
    for (const c of row) {
      w += c.colspan ?? 1;
      for (let k = 0; k < (c.colspan ?? 1); k++) if ((c.rowspan ?? 1) > 1) carry.push(i + (c.rowspan ?? 1));
    }
    return w;
  });
}

describe.each(MODERN_ERAS)('official layout, %s', (era) => {
  const report = skeleton(era);
  const none = new Map<string, number[]>();
  const fields = formFields(era);

  it('has one data cell per form field, in form order, and nothing else', () => {
    const keys = [activeTable, requestsTable, appealsTable].flatMap((f) => dataKeys(f(report, era, none)));
    expect(keys).toEqual(fields.map((f) => f.key));
  });

  it('table 3 is a rectangular grid with the 勾稽 header over three label columns', () => {
    const t = requestsTable(report, era, none);
    expect(t.body).toHaveLength(FORMS[era].requests.rows.length);
    expect(new Set(rowWidths(t.head))).toEqual(new Set([t.cols]));
    expect(new Set(rowWidths(t.body))).toEqual(new Set([t.cols]));
    expect(t.head[0]![0]!.zh).toContain('勾稽关系');
    const results = t.body.flat().find((c) => c.kind === 'th' && c.zh === '三、本年度办理结果');
    const resultRows = FORMS[era].requests.rows.filter((r) => r.key.startsWith('result.')).length;
    expect(results && 'rowspan' in results ? results.rowspan : 0).toBe(resultRows);
  });

  it('table 4 has 行政复议 and 行政诉讼 over 15 leaf columns', () => {
    const t = appealsTable(report, era, none);
    expect(t.cols).toBe(15);
    expect(t.head[0]!.map((h) => [h.zh, h.colspan])).toEqual([['行政复议', 5], ['行政诉讼', 10]]);
    expect(new Set(rowWidths(t.head))).toEqual(new Set([15]));
    expect(dataKeys(t)).toHaveLength(15);
  });

  it('table 2 blocks share one grid', () => {
    const t = activeTable(report, era, none);
    expect(new Set(rowWidths(t.body))).toEqual(new Set([t.cols]));
    expect(t.body.filter((r) => r.length === 1).map((r) => r[0]!.kind === 'th' && r[0]!.zh)).toEqual(FORMS[era].active.blocks.map((b) => b.anchor.zh));
  });

  it('absent cells stay absent (never shown as 0)', () => {
    const cells = requestsTable(report, era, none).body.flat().filter((c) => c.kind === 'td');
    expect(cells.every((c) => c.kind === 'td' && c.cell === undefined)).toBe(true);
  });
});

describe('checksByCell', () => {
  it('marks only the cells of failed or uncertain checks', () => {
    const check = (status: 'pass' | 'fail' | 'uncertain', cells: string[]) =>
      ({ id: 'T', severity: 'error' as const, status, scope: 's', expected: 1, actual: 2, cells, message: '', message_zh: '' });
    const m = checksByCell([check('pass', ['a']), check('fail', ['a', 'b']), check('uncertain', ['b'])]);
    expect(m.get('a')).toEqual([1]);
    expect(m.get('b')).toEqual([1, 2]);
  });
});

describe('fmt', () => {
  it('prints numbers as zh-CN Intl.NumberFormat does, small whole numbers included', () => {
    const intl = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 });
    for (const n of [0, 7, 999, 1000, 12345, 1234567, 0.5, 2.125, -3, -0, 1e21]) expect(fmt(n), String(n)).toBe(intl.format(n));
    expect(fmt(null)).toBe('—');
  });
});
