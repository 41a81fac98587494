import { FORMS, type Column, type ModernEra } from '../forms/index.ts';
import type { Cell } from '../model/cell.ts';
import type { Check, Report } from '../model/report.ts';
import { cellOf } from '../model/cell-of.ts';

// The three statistical tables in the official layout, generated from the form definitions (never from
// hand-written row lists): merged headers, row-group cells and one data cell per field key.

export interface HeadCell { zh: string; en?: string; colspan?: number; rowspan?: number; scope: 'col' | 'colgroup' | 'row' | 'rowgroup' }
export interface DataCell { key: string; cell: Cell | undefined; checks: number[] }
export type BodyCell = ({ kind: 'th' } & HeadCell) | ({ kind: 'td'; colspan?: number } & DataCell);
export interface TableModel { id: string; zh: string; en: string; cols: number; head: HeadCell[][]; body: BodyCell[][] }

/** Field key → indices (in report.checks) of the checks that did not pass and name that cell. */
export function checksByCell(checks: readonly Check[]): Map<string, number[]> {
  const m = new Map<string, number[]>();
  checks.forEach((c, i) => {
    if (c.status !== 'fail' && c.status !== 'uncertain') return;
    for (const key of c.cells) m.set(key, [...(m.get(key) ?? []), i]);
  });
  return m;
}

function data(report: Report, key: string, marks: Map<string, number[]>, colspan?: number): BodyCell {
  return { kind: 'td', key, cell: cellOf(report, key), checks: marks.get(key) ?? [], ...(colspan && colspan > 1 ? { colspan } : {}) };
}

/** Table 2: mini-tables per 第二十条 anchor, all sharing one grid as on the printed form. */
export function activeTable(report: Report, era: ModernEra, marks: Map<string, number[]>): TableModel {
  const blocks = FORMS[era].active.blocks;
  const width = Math.max(...blocks.map((b) => b.columns.length));
  const spans = (n: number) => Array.from({ length: n }, (_, i) => (i === n - 1 ? width - n + 1 : 1));
  const body: BodyCell[][] = [];
  for (const b of blocks) {
    body.push([{ kind: 'th', zh: b.anchor.zh, en: b.anchor.en, colspan: width + 1, scope: 'colgroup' }]);
    const s = spans(b.columns.length);
    body.push([
      { kind: 'th', zh: '信息内容', en: 'Item', scope: 'col' },
      ...b.columns.map((c, i): BodyCell => ({ kind: 'th', zh: c.zh, en: c.en, scope: 'col', ...(s[i]! > 1 ? { colspan: s[i] } : {}) })),
    ]);
    for (const row of b.rows) {
      body.push([
        { kind: 'th', zh: row.zh, en: row.en, scope: 'row' },
        ...b.columns.map((c, i) => data(report, `active.${row.key}.${c.key}`, marks, s[i])),
      ]);
    }
  }
  return { id: 'table-active', zh: '主动公开政府信息情况', en: 'Proactive disclosure', cols: width + 1, head: [], body };
}

/** Table 3: 申请人情况 header over 自然人 | 法人或其他组织 (5) | 总计; three label columns of nested row groups. */
export function requestsTable(report: Report, era: ModernEra, marks: Map<string, number[]>): TableModel {
  const { columns, rows, groups } = FORMS[era].requests;
  const orgs = columns.filter((c) => c.key.startsWith('org_'));
  const head: HeadCell[][] = [
    [
      { zh: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', en: 'Rows I + II = III + IV', colspan: 3, rowspan: 3, scope: 'col' },
      { zh: '申请人情况', en: 'Applicants', colspan: columns.length, scope: 'colgroup' },
    ],
    columns.flatMap((c: Column): HeadCell[] =>
      c.key === orgs[0]?.key ? [{ zh: '法人或其他组织', en: 'Legal persons and other organisations', colspan: orgs.length, scope: 'colgroup' }]
      : c.key.startsWith('org_') ? []
      : [{ zh: c.zh, en: c.en, rowspan: 2, scope: 'col' }]),
    orgs.map((c): HeadCell => ({ zh: c.zh, en: c.en, scope: 'col' })),
  ];

  const ancestors = rows.map((r) => groups.filter((g) => r.key.startsWith(g.key + '.')).sort((a, b) => a.key.length - b.key.length));
  const depth = 1 + Math.max(...ancestors.map((a) => a.length));
  const body: BodyCell[][] = rows.map((row, i) => {
    const cells: BodyCell[] = [];
    ancestors[i]!.forEach((g) => {
      if (i > 0 && ancestors[i - 1]!.includes(g)) return; // already opened above: spans down
      let span = 0;
      while (i + span < rows.length && ancestors[i + span]!.includes(g)) span++;
      cells.push({ kind: 'th', zh: g.zh, en: g.en, rowspan: span, scope: 'rowgroup' });
    });
    const colspan = depth - ancestors[i]!.length;
    cells.push({ kind: 'th', zh: row.zh, en: row.en, scope: 'row', ...(colspan > 1 ? { colspan } : {}) });
    for (const c of columns) cells.push(data(report, `requests.${row.key}.${c.key}`, marks));
    return cells;
  });
  return { id: 'table-requests', zh: '收到和处理政府信息公开申请情况', en: 'Requests received and handled', cols: depth + columns.length, head, body };
}

/** Table 4: 行政复议 (5) | 行政诉讼 › 未经复议直接起诉 (5) / 复议后起诉 (5); one row of 15 numbers. */
export function appealsTable(report: Report, era: ModernEra, marks: Map<string, number[]>): TableModel {
  const { groups, leaves } = FORMS[era].appeals;
  const paths = groups.map((g) => g.zh.split('·'));
  const enPaths = groups.map((g) => (g.en.startsWith('Lawsuit') ? ['Administrative litigation', g.en] : [g.en]));
  const levels = Math.max(...paths.map((p) => p.length));
  const head: HeadCell[][] = Array.from({ length: levels + 1 }, () => []);
  groups.forEach((g, gi) => {
    const path = paths[gi]!;
    path.forEach((label, level) => {
      if (gi > 0 && paths[gi - 1]![level] === label && level < path.length - 1) return; // shared parent label
      const siblings = paths.filter((p) => p.slice(0, level + 1).join('·') === path.slice(0, level + 1).join('·')).length;
      const last = level === path.length - 1;
      head[level]!.push({ zh: label, en: enPaths[gi]![level], colspan: siblings * leaves.length, scope: 'colgroup', ...(last && levels - level > 1 ? { rowspan: levels - level } : {}) });
    });
    for (const leaf of leaves) head[levels]!.push({ zh: leaf.zh, en: leaf.en, scope: 'col' });
  });
  const body: BodyCell[][] = [groups.flatMap((g) => leaves.map((leaf) => data(report, `appeals.${g.key}.${leaf.key}`, marks)))];
  return { id: 'table-appeals', zh: '政府信息公开行政复议、行政诉讼情况', en: 'Administrative review and litigation', cols: groups.length * leaves.length, head, body };
}
