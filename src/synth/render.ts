import { FORMS, type ModernEra } from '../forms/index.ts';

/** Layout families the generator writes (spec §7.2): docx tab text, web text, pipe rows, HTML tables. */
export const LAYOUTS = ['L1', 'L2', 'L3a', 'html'] as const;
export type Layout = (typeof LAYOUTS)[number];

export interface SynthMeta {
  agency: string;
  year: number;
  published: string;
  /** Telephone with area code, or null (printed only where the area code is unambiguous). */
  phone: string | null;
  postcode: string;
  address: string;
  /** Prose of sections 一, 五 and 六 (src/synth/prose.ts); the short fixed text when absent. */
  prose?: { overview: string[]; problems: string[]; other: string[] };
}

type Row = string[];

/** The three tables as rows of printed cells (labels then values), in printed order. */
function tableRows(era: ModernEra, v: Map<string, number>): { t2: Row[]; t3: Row[]; t4: Row[] } {
  const form = FORMS[era];
  const val = (k: string) => String(v.get(k) ?? 0);
  const t2: Row[] = [];
  for (const b of form.active.blocks) {
    t2.push([b.anchor.zh]);
    t2.push(['信息内容', ...b.columns.map((c) => c.zh)]);
    for (const row of b.rows) t2.push([row.zh, ...b.columns.map((c) => val(`active.${row.key}.${c.key}`))]);
  }
  const t3: Row[] = [
    ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'],
    ['自然人', '法人或其他组织', '总计'],
    form.requests.columns.filter((c) => c.key.startsWith('org_')).map((c) => c.zh),
  ];
  const groupsShown = new Set<string>();
  for (const row of form.requests.rows) {
    const group = form.requests.groups.find((g) => g.key === row.group && !groupsShown.has(g.key));
    const lead: string[] = [];
    if (row.group?.startsWith('result') && !groupsShown.has('result')) { lead.push('三、本年度办理结果'); groupsShown.add('result'); }
    if (group && group.key !== 'result') { lead.push(group.zh); groupsShown.add(group.key); }
    t3.push([...lead, row.zh, ...form.requests.columns.map((c) => val(`requests.${row.key}.${c.key}`))]);
  }
  const leaves = form.appeals.leaves.map((l) => l.zh);
  const t4: Row[] = [
    ['行政复议', '行政诉讼'],
    [...leaves, '未经复议直接起诉', '复议后起诉'],
    [...leaves, ...leaves],
    form.appeals.groups.flatMap((g) => form.appeals.leaves.map((l) => val(`appeals.${g.key}.${l.key}`))),
  ];
  return { t2, t3, t4 };
}

const HEADINGS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

function prose(meta: SynthMeta, v: Map<string, number>, activeItems: number): string[][] {
  if (meta.prose) return [meta.prose.overview, [], [], [], meta.prose.problems, meta.prose.other];
  return [
    [`${meta.year}年，${meta.agency}认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息${activeItems}条，本年度共收到政府信息公开申请${v.get('requests.new.total')}件。`],
    [], [], [],
    ['一是公开内容的针对性有待加强；二是工作人员业务能力有待提升。下一步将加强培训，完善制度。'],
    ['本年度未收取信息处理费。'],
  ];
}

/** One synthetic report in the given layout. */
export function renderReport(layout: Layout, era: ModernEra, meta: SynthMeta, v: Map<string, number>, activeItems: number): string {
  const { t2, t3, t4 } = tableRows(era, v);
  const title = `${meta.agency}${meta.year}年政府信息公开工作年度报告`;
  const contact = [`地址：${meta.address}`, `邮编：${meta.postcode}`, ...(meta.phone ? [`电话：${meta.phone}`] : [])].join('；');
  const preamble = `本报告根据《中华人民共和国政府信息公开条例》编制，所列数据统计期限为${meta.year}年1月1日至${meta.year}年12月31日。如有疑问请与本机关办公室联系（${contact}）。`;
  const body = prose(meta, v, activeItems);
  const tables: Record<number, Row[]> = { 1: t2, 2: t3, 3: t4 };
  if (layout === 'html') {
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const table = (rows: Row[]) => `<table border="1">${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</table>`;
    const parts = [`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>`, `<h1>${esc(title)}</h1>`, `<p>${esc(preamble)}</p>`];
    HEADINGS.forEach((h, i) => {
      parts.push(`<h2>${esc(h)}</h2>`, ...body[i]!.map((p) => `<p>${esc(p)}</p>`));
      if (tables[i]) parts.push(table(tables[i]));
    });
    parts.push(`<p>${esc(meta.agency)}</p><p>${meta.published.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}</p></body></html>`);
    return parts.join('\n');
  }
  const lines: string[] = [title, '', preamble, ''];
  const emitTable = (rows: Row[]) => {
    for (const r of rows) {
      if (layout === 'L1') lines.push(...r.map((c) => `\t${c}`), '');
      else if (layout === 'L2') for (const c of r) lines.push(/^\d/.test(c) ? `${c}\u00a0` : c, '');
      else lines.push(r.join(' | '));
    }
    lines.push('');
  };
  HEADINGS.forEach((h, i) => {
    lines.push(h, ...body[i]!, '');
    if (tables[i]) emitTable(tables[i]);
  });
  lines.push(meta.agency, meta.published.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日'), '');
  return lines.join('\n');
}
