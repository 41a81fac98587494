import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { flattenCells } from '../src/model/cell-of.ts';
import { runIngest } from '../src/ingest/run.ts';
import type { Ledger } from '../src/model/ledger.ts';
import type { Report } from '../src/model/report.ts';
import { REAL_DIR } from './helpers/corpus.ts';

// The real reports of content/corpus/real (text, Markdown, HTML). Expected values were read off the source
// files by hand; where strict checks do not pass, the test names the real reason.

let ledger: Ledger;
const reports = new Map<string, Report>();

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'nianbao-real-'));
  ledger = (await runIngest({ inputs: [REAL_DIR], outDir: out, cacheDir: null })).ledger;
  for (const e of ledger.entries) {
    if (e.report_id) reports.set(e.file.split('/').at(-1)!, JSON.parse(readFileSync(join(out, 'reports', `${e.report_id}.json`), 'utf8')));
  }
});

function cells(file: string) {
  const r = reports.get(file)!;
  const all = new Map([...flattenCells(r.active, 'active'), ...flattenCells(r.requests, 'requests'), ...flattenCells(r.appeals, 'appeals')]);
  return (key: string) => all.get(key)?.value ?? r.derived[key]?.value;
}
const strictNotPassing = (file: string) =>
  reports.get(file)!.checks.filter((c) => c.severity === 'error' && c.status !== 'pass').map((c) => `${c.id}:${c.scope}:${c.status}`).sort();
const failedWarnings = (file: string) => reports.get(file)!.checks.filter((c) => c.severity === 'warning' && c.status === 'fail');

describe('2019/2021-format reports', () => {
  it('上海市人民政府办公厅 2019 (HTML, rowspan/colspan, blanks for zeros): complete, strict checks pass', () => {
    const f = '2019_shanghai-govoffice_html.html';
    const v = cells(f);
    expect(reports.get(f)!.meta.era).toBe('gov2019');
    expect([v('requests.new.natural_person'), v('requests.new.org_commercial'), v('requests.new.total')]).toEqual([821, 35, 859]);
    expect([v('requests.carried_over.total'), v('requests.result.total.natural_person'), v('requests.result.total.total'), v('requests.carried_forward.total')]).toEqual([18, 767, 805, 72]);
    expect([v('requests.result.granted.natural_person'), v('requests.result.unavailable.not_held.natural_person'), v('requests.result.not_processed.petition.natural_person')]).toEqual([258, 252, 148]);
    // The 总计 column is blank in every result row: derived (D2) once the blank applicant cells are pinned to 0 (D1).
    const granted = flattenCells(reports.get(f)!.requests, 'requests').get('requests.result.granted.total')!;
    expect(granted).toMatchObject({ value: 272, raw: '', state: 'inferred', inferred_from: 'D2' });
    expect([v('active.rules.made_new'), v('active.rules.published_total'), v('active.normative_docs.made_new'), v('active.procurement.projects')]).toEqual([13, 524, 60, 6]);
    const amount = flattenCells(reports.get(f)!.active, 'active').get('active.procurement.amount_wan_yuan')!;
    expect(amount).toMatchObject({ raw: '251000元', unit: '元', value: 25.1 });
    expect([v('appeals.review.upheld'), v('appeals.review.pending'), v('appeals.review.total'), v('appeals.suit_direct.upheld'), v('appeals.suit_direct.total')]).toEqual([5, 2, 7, 8, 9]);
    // Reason: every 复议后起诉 cell is blank, so that group cannot be checked.
    expect(strictNotPassing(f)).toEqual(['T4-SUM:suit_after_review:uncertain']);
    expect(failedWarnings(f).map((c) => `${c.scope}:${c.actual}:${c.expected}`)).toEqual(expect.arrayContaining([
      'requests.result.granted_or_partial.total:258:275', 'requests.result.unavailable.subtotal.total:265:337',
    ]));
  });

  it('沭阳县发展和改革局 2023 (Word-export HTML span soup): complete, every strict check passes', () => {
    const f = '2023_shuyang-fgj_html.html';
    const v = cells(f);
    expect([v('requests.new.natural_person'), v('requests.new.total'), v('requests.result.granted.total'), v('requests.result.total.total')]).toEqual([26, 26, 26, 26]);
    expect([v('active.normative_docs.issued'), v('active.normative_docs.in_force'), v('appeals.review.pending'), v('appeals.review.total')]).toEqual([8, 18, 1, 1]);
    expect(Object.values(reports.get(f)!.tables).map((t) => t.status)).toEqual(['complete', 'complete', 'complete']);
    expect(strictNotPassing(f)).toEqual([]);
  });

  it('沭阳县人民政府 2025 (Markdown tables exploded per row): complete, strict checks pass', () => {
    const f = '2025_shuyang-county_txt.txt';
    const v = cells(f);
    expect([v('requests.new.natural_person'), v('requests.new.org_commercial'), v('requests.new.org_legal_service'), v('requests.new.total')]).toEqual([705, 3, 5, 713]);
    expect([v('requests.carried_over.total'), v('requests.result.granted.total'), v('requests.result.other.misc.total'), v('requests.result.total.total'), v('requests.carried_forward.total')]).toEqual([36, 294, 143, 718, 31]);
    expect([v('appeals.review.upheld'), v('appeals.review.corrected'), v('appeals.review.total'), v('appeals.suit_direct.total'), v('appeals.suit_after_review.total')]).toEqual([27, 10, 61, 3, 10]);
    expect([v('active.licensing.decisions'), v('active.penalty.decisions'), v('active.coercion.decisions'), v('active.admin_fees.amount_wan_yuan')]).toEqual([517645, 693957, 2154, 4068.208]);
    expect(strictNotPassing(f)).toEqual([]);
    // The prose's 749 received requests counts the 36 carried over as well (713 + 36).
    expect(failedWarnings(f).map((c) => `${c.id}:${c.actual}:${c.expected}`)).toEqual(['NARRATIVE:749:713']);
  });

  it('平潭综合实验区 2019 and 2021 (tables flattened, digits run together): cut by arithmetic, strict checks pass', () => {
    const v19 = cells('2019_pingtan-zone_txt.txt');
    expect([v19('requests.new.natural_person'), v19('requests.new.total'), v19('requests.result.granted.total'), v19('requests.result.partial.total')]).toEqual([23, 23, 7, 1]);
    expect([v19('requests.result.unavailable.not_held.total'), v19('requests.result.unavailable.unclear.total'), v19('requests.result.not_processed.duplicate.total'), v19('requests.result.total.total')]).toEqual([7, 5, 3, 23]);
    expect(strictNotPassing('2019_pingtan-zone_txt.txt')).toEqual([]);
    const v21 = cells('2021_pingtan-zone_txt.txt');
    expect(['natural_person', 'org_commercial', 'org_research', 'org_social_welfare', 'org_legal_service', 'org_other', 'total'].map((c) => v21(`requests.new.${c}`))).toEqual([64, 0, 0, 2, 0, 4, 70]);
    expect([v21('requests.result.granted.total'), v21('requests.result.unavailable.not_held.total'), v21('requests.result.total.total'), v21('requests.carried_forward.total')]).toEqual([30, 25, 69, 1]);
    expect([v21('appeals.review.upheld'), v21('appeals.review.other'), v21('appeals.review.total'), v21('active.penalty.decisions'), v21('active.licensing.decisions')]).toEqual([1, 2, 3, 1282, 2293]);
    expect(strictNotPassing('2021_pingtan-zone_txt.txt')).toEqual([]);
    const cell = flattenCells(reports.get('2021_pingtan-zone_txt.txt')!.requests, 'requests').get('requests.new.total')!;
    expect(cell).toMatchObject({ raw: '70', inferred_from: 'split-by-arithmetic' });
  });

  it('平潭综合实验区 2020: the cut is unique per row, and the report itself does not add up (T3-RES)', () => {
    const f = '2020_pingtan-zone_txt.txt';
    const v = cells(f);
    expect([v('requests.new.total'), v('requests.result.granted.total'), v('requests.result.other.subtotal.total'), v('requests.result.total.natural_person')]).toEqual([21, 7, 4, 20]);
    // Real reason: the printed result rows add up to 26 (natural persons) and 27 (total), the printed （七）总计 says 20 and 21.
    expect(strictNotPassing(f)).toEqual(['T3-RES:natural_person:fail', 'T3-RES:total:fail']);
    const res = reports.get(f)!.checks.find((c) => c.id === 'T3-RES' && c.scope === 'total')!;
    expect([res.actual, res.expected]).toEqual([21, 27]);
  });

  it('Markdown made from PDFs with scrambled tables: values read where rows survive, the rest named as missing', () => {
    const sh = cells('2025_shanghai-govoffice_md.md');
    expect([sh('requests.new.natural_person'), sh('requests.new.total'), sh('requests.carried_over.total'), sh('requests.result.total.total'), sh('requests.carried_forward.total')]).toEqual([1259, 1295, 189, 1191, 293]);
    expect([sh('appeals.review.upheld'), sh('appeals.review.total'), sh('appeals.suit_direct.total'), sh('appeals.suit_after_review.total')]).toEqual([40, 55, 12, 22]);
    const shTable = reports.get('2025_shanghai-govoffice_md.md')!.tables.requests;
    // Real reason: the PDF-to-Markdown conversion detached two rows' labels from their numbers.
    expect(shTable.status).toBe('partial');
    expect(shTable.notes.join(' ')).toContain('5.要求行政机关确认或重新出具已获取信息');
    expect(strictNotPassing('2025_shanghai-govoffice_md.md').every((c) => c.endsWith(':uncertain'))).toBe(true);
    const kw = cells('2024_shanghai-stcsm_md.md');
    expect([kw('requests.new.natural_person'), kw('requests.new.total'), kw('requests.carried_over.total'), kw('requests.result.total.total'), kw('appeals.review.upheld')]).toEqual([32, 34, 2, 35, 1]);
    expect(reports.get('2024_shanghai-stcsm_md.md')!.tables.requests.status).toBe('partial');
    expect(strictNotPassing('2024_shanghai-stcsm_md.md').every((c) => c.endsWith(':uncertain'))).toBe(true);
  });
});

describe('PDF reports (text layer)', () => {
  it('淮安市人民政府 2024: complete tables, the values printed on the pages, every strict check passes', () => {
    const f = '2024_huaian-city_pdf.pdf';
    const v = cells(f);
    expect(['natural_person', 'org_commercial', 'org_research', 'org_social_welfare', 'org_legal_service', 'org_other', 'total'].map((c) => v(`requests.new.${c}`))).toEqual([3001, 53, 0, 0, 61, 4, 3119]);
    expect([v('requests.carried_over.total'), v('requests.result.granted.total'), v('requests.result.partial.total'), v('requests.result.unavailable.not_held.total'), v('requests.result.other.misc.total')]).toEqual([34, 1362, 454, 769, 110]);
    expect([v('requests.result.total.natural_person'), v('requests.result.total.total'), v('requests.carried_forward.total')]).toEqual([2932, 3050, 103]);
    expect([v('appeals.review.upheld'), v('appeals.review.corrected'), v('appeals.review.total'), v('appeals.suit_direct.total'), v('appeals.suit_after_review.total')]).toEqual([72, 64, 351, 26, 20]);
    expect([v('active.rules.issued'), v('active.normative_docs.in_force'), v('active.licensing.decisions'), v('active.penalty.decisions'), v('active.admin_fees.amount_wan_yuan')]).toEqual([1, 66, 447228, 3985758, 96171.6]);
    const loc = flattenCells(reports.get(f)!.requests, 'requests').get('requests.new.total')!.loc;
    expect(loc).toMatchObject({ page: 4, col: 7 });
    expect(Object.values(reports.get(f)!.tables).map((t) => t.status)).toEqual(['complete', 'complete', 'complete']);
    expect(strictNotPassing(f)).toEqual([]);
  });

  it('洪泽区人民政府 2023: complete; table 4 does not add up on the page itself (T4-SUM)', () => {
    const f = '2023_huaian-hongze-district_pdf.pdf';
    const v = cells(f);
    expect([v('requests.new.total'), v('requests.result.partial.total'), v('requests.result.unavailable.not_held.total'), v('requests.result.total.total')]).toEqual([21, 4, 10, 21]);
    // A 2021-format report printing （六）其他处理 as one row, and a label whose glyphs pdf.js lost.
    const notes = reports.get(f)!.tables.requests.notes.join(' ');
    expect(notes).toContain('（六）其他处理 is printed as a single row');
    expect(notes).toContain('printed label garbled ("2.其他法律行政止公开")');
    expect(v('requests.result.other.subtotal.total')).toBe(0);
    // Real reason: page 4 prints 复议 10 维持 + 1 纠正 with 总计 0, and 复议后起诉 5 维持 with 总计 0.
    expect([v('appeals.review.upheld'), v('appeals.review.corrected'), v('appeals.review.total'), v('appeals.suit_after_review.upheld'), v('appeals.suit_after_review.total')]).toEqual([10, 1, 0, 5, 0]);
    expect(strictNotPassing(f)).toEqual(['T4-SUM:review:fail', 'T4-SUM:suit_after_review:fail']);
  });
});

describe('every 2019/2021-format text, Markdown or HTML file', () => {
  // Either all three tables complete with every strict check passing, or the real reason, named here.
  const reasons: Record<string, { tables: string; strict: string[]; why?: RegExp }> = {
    '2019_pingtan-zone_txt.txt': { tables: 'ambiguous complete complete', strict: [], why: /flattened table 2, 规范性文件: \d+ possible cuts of "898989"/ },
    '2020_pingtan-zone_txt.txt': { tables: 'ambiguous complete complete', strict: ['T3-RES:natural_person:fail', 'T3-RES:total:fail'], why: /flattened table 2, 规范性文件: \d+ possible cuts of "7777166"/ },
    '2021_pingtan-zone_txt.txt': { tables: 'ambiguous complete complete', strict: [], why: /flattened table 2, 行政规范性文件: \d+ possible cuts of "693665"/ },
    // Every 复议后起诉 cell is blank: that group cannot be checked.
    '2019_shanghai-govoffice_html.html': { tables: 'complete complete complete', strict: ['T4-SUM:suit_after_review:uncertain'] },
    '2024_shanghai-stcsm_md.md': { tables: 'partial partial complete', strict: [], why: /rows not found: （二）部分公开/ },
    '2025_shanghai-govoffice_md.md': { tables: 'partial partial complete', strict: [], why: /rows not found: 5\.要求行政机关确认/ },
  };
  const modern = ['2019_pingtan-zone_txt.txt', '2020_pingtan-zone_txt.txt', '2021_pingtan-zone_txt.txt', '2019_shanghai-govoffice_html.html', '2023_shuyang-fgj_html.html', '2024_shanghai-stcsm_md.md', '2025_shanghai-govoffice_md.md', '2025_shuyang-county_txt.txt'];
  it.each(modern)('%s', (f) => {
    const r = reports.get(f)!;
    expect(r.meta.era).toMatch(/^gov20(19|21)$/);
    const expected = reasons[f] ?? { tables: 'complete complete complete', strict: [] };
    expect(Object.values(r.tables).map((t) => t.status).join(' ')).toBe(expected.tables);
    if (expected.why) expect(Object.values(r.tables).flatMap((t) => t.notes).join('\n')).toMatch(expected.why);
    const notPassing = strictNotPassing(f);
    if (expected.tables.includes('partial')) expect(notPassing.every((c) => c.endsWith(':uncertain'))).toBe(true);
    else expect(notPassing).toEqual(expected.strict);
  });
});

describe('pre-2019 reports', () => {
  const legacy = ['2011_pingtan-county_txt.txt', '2011_pingtan-zone_txt.txt', '2012_pingtan-county_txt.txt', '2013_pingtan-localtax_txt.txt', '2014_pingtan-zone_txt.txt', '2015_pingtan-zone_txt.txt', '2016_pingtan-zone_txt.txt', '2018_pingtan-zone_txt.txt'];
  it.each(legacy)('%s yields meta and sections without crashing', (f) => {
    const r = reports.get(f)!;
    expect(r.meta.era).toBe('legacy');
    expect(r.meta.year).toBe(Number(f.slice(0, 4)));
    expect(r.meta.agency_name).toMatch(/^平潭/);
    expect(Object.values(r.sections).filter(Boolean).length).toBeGreaterThanOrEqual(3);
    expect(r.checks.find((c) => c.id === 'S-MISSING')!.status).toBe('not_assessable');
  });
});

describe('ledger', () => {
  it('lists every file, including the manifest rejected as not a report', () => {
    expect(ledger.entries.find((e) => e.file.endsWith('MANIFEST.md'))).toMatchObject({ status: 'rejected', reason: 'not-a-report' });
    expect(ledger.entries).toHaveLength(19);
  });
});
