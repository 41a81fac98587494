// Browser code of the compare page (/compare/).
//
// The selection lives in the URL: ?a=<agency id>&a=… (two to five agencies) or ?peers=<agency id> (one agency
// against its peers). Each agency's figures come from its shard file (/compare/data/<first hex digits>.json,
// src/site/compare.ts), so a shared link restores itself with a few small requests. The picker loads one
// province's index at a time. Charts use the same d3 geometry as the build-time charts (src/site/charts.ts).

import { lineGeometry, stackGeometry, type Series } from './charts.ts';
import {
  CHARTS, FIGURE_GROUPS, MAX_AGENCIES, MIN_AGENCIES, figureRow, parseSelection, selectionSearch, shardOf, unionYears,
  type CompareAgency, type IndexRow, type Selection,
} from './compare.ts';
import { LEVELS } from './labels.ts';
import { OUTCOMES } from './outcomes.ts';

/** Okabe–Ito colours (colour-blind safe), one per chosen agency. */
const COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00'];
const PEER_COLOUR = '#9a9a9a';
/** Picker matches shown at a time. */
const MATCHES = 30;
const SVG_NS = 'http://www.w3.org/2000/svg';

const num = new Intl.NumberFormat('zh-CN');
const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '—' : num.format(v));

/** An element with properties (and data-* attributes from `dataset`) and children. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> & { dataset?: Record<string, string> } = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const { dataset, ...rest } = props;
  const e = Object.assign(document.createElement(tag), rest);
  Object.assign(e.dataset, dataset);
  e.append(...kids);
  return e;
}

function svg(tag: string, attrs: Record<string, string | number> = {}, ...kids: (Node | string)[]): SVGElement {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  e.append(...kids);
  return e;
}

const en = (text: string) => el('span', { className: 'en', lang: 'en' }, text);

interface Shown { agency: CompareAgency; colour: string; focus: boolean }

function lineChart(id: string, title: string, summary: string, years: number[], shown: Shown[], key: string): HTMLElement {
  const series: Series[] = shown.map((s) => {
    const row = figureRow(s.agency, key, years);
    return { key: s.agency.id, label: s.agency.name, colour: s.colour, points: years.map((x, i) => ({ x, y: row[i]! })) };
  });
  const g = lineGeometry(series);
  const chart = svg('svg', { viewBox: `0 0 ${g.width} ${g.height}`, width: g.width, height: g.height, role: 'img', 'aria-labelledby': `${id}-st ${id}-s` },
    svg('title', { id: `${id}-st` }, title),
    svg('g', { class: 'axis' }, ...g.yTicks.map((t) => svg('line', { x1: g.plot.left, x2: g.plot.right, y1: t.y, y2: t.y }))),
    ...g.yTicks.map((t) => svg('text', { class: 'tick', x: g.plot.left - 6, y: t.y, dy: '0.35em', 'text-anchor': 'end' }, fmt(t.value))),
    ...g.xTicks.map((t) => svg('text', { class: 'tick', x: t.x, y: g.height - 8, 'text-anchor': 'middle' }, String(t.value))),
    // Peers first, so the chosen agency's line is drawn on top.
    ...[...g.paths].reverse().map((p) => svg('g', {},
      svg('path', { d: p.d, fill: 'none', stroke: p.colour, 'stroke-width': p.colour === PEER_COLOUR ? 1.5 : 2.5 }),
      ...p.dots.map((d) => svg('circle', { cx: d.cx, cy: d.cy, r: 3, fill: p.colour }, svg('title', {}, `${p.label} ${d.x}: ${fmt(d.y)}`))))),
  );
  return el('figure', { className: 'chart' },
    el('figcaption', { id: `${id}-t` }, title),
    el('p', { className: 'summary', id: `${id}-s` }, summary),
    chart);
}

/** "东安区… 2021年 6件；…" — each agency's latest stated value of a figure. */
function latestSummary(shown: Shown[], key: string): string {
  const parts = shown.map((s) => {
    const last = [...s.agency.years].reverse().find((y) => y.f[key] !== undefined);
    return last ? `${s.agency.name} ${last.y}年 ${fmt(last.f[key])}件` : `${s.agency.name} 无数据`;
  });
  return `最近一年：${parts.join('；')}。逐年数字见上方对照表。`;
}

function outcomeChart(shown: Shown[]): HTMLElement | null {
  const rows = shown.flatMap((s) => {
    const last = [...s.agency.years].reverse().find((y) => OUTCOMES.some((o) => y.f[o.key] !== undefined));
    return last ? [{ label: `${s.agency.name.slice(0, 10)} ${last.y}`, full: `${s.agency.name} ${last.y}`, parts: OUTCOMES.map((o) => ({ key: o.key, value: last.f[o.key] ?? 0, colour: o.colour })) }] : [];
  });
  if (!rows.length) return null;
  const g = stackGeometry(rows, 640, 180);
  const id = 'cmp-mix';
  const title = '最近一年办理结果构成 Outcome mix, latest year';
  const name = new Map<string, string>(OUTCOMES.map((o) => [o.key, o.zh]));
  const chart = svg('svg', { viewBox: `0 0 ${g.width} ${g.height}`, width: g.width, height: g.height, role: 'img', 'aria-labelledby': `${id}-st ${id}-s` },
    svg('title', { id: `${id}-st` }, title),
    svg('g', { class: 'axis' }, ...g.ticks.map((t) => svg('line', { x1: t.x, x2: t.x, y1: 0, y2: g.height - 18 }))),
    ...g.ticks.map((t) => svg('text', { class: 'tick', x: t.x, y: g.height - 4, 'text-anchor': 'middle' }, fmt(t.value))),
    ...g.rows.map((r, i) => svg('g', {},
      svg('text', { x: g.labelWidth - 6, y: r.y + r.h / 2, dy: '0.35em', 'text-anchor': 'end' }, svg('title', {}, rows[i]!.full), r.label),
      ...r.segs.map((s) => svg('rect', { x: s.x, y: r.y, width: Math.max(s.w, 0.5), height: r.h, fill: s.colour }, svg('title', {}, `${name.get(s.key)} ${fmt(s.value)}`))))),
  );
  const summary = rows.map((r) => {
    const total = r.parts.reduce((a, p) => a + p.value, 0);
    const top = r.parts.reduce((a, b) => (b.value > a.value ? b : a));
    return total ? `${r.full}：共${fmt(total)}件，最多为“${name.get(top.key)}”${fmt(top.value)}件` : `${r.full}：各项均为0`;
  }).join('；');
  return el('figure', { className: 'chart' },
    el('figcaption', { id: `${id}-t` }, title),
    el('p', { className: 'summary', id: `${id}-s` }, `${summary}。`),
    el('ul', { className: 'legend' }, ...OUTCOMES.map((o) => el('li', {}, el('span', { className: 'sw', style: `background:${o.colour}` }), `${o.zh} `, en(o.en)))),
    chart);
}

/** Figures × agencies down, years across: the side-by-side table of one official table's headline figures. */
function figureTable(group: (typeof FIGURE_GROUPS)[number], shown: Shown[], years: number[], id: string): HTMLElement | null {
  // A figure no chosen agency states (e.g. table 3 rows before 2019) would only be a row of dashes.
  const figures = group.figures.filter((f) => shown.some((s) => s.agency.years.some((y) => y.f[f.key] !== undefined)));
  if (!figures.length) return null;
  const head = el('tr', {}, el('th', { scope: 'col' }, '项目 Item'), el('th', { scope: 'col' }, '机关 Agency'), ...years.map((y) => el('th', { scope: 'col', className: 'n' }, String(y))));
  const body = figures.flatMap((f) => shown.map((s, i) => el('tr', { className: i === 0 ? 'first' : '', dataset: { agency: s.agency.id, figure: f.key } },
    ...(i === 0 ? [el('th', { scope: 'rowgroup', rowSpan: shown.length }, `${f.zh} `, en(f.en))] : []),
    el('th', { scope: 'row' }, swatch(s.colour), s.agency.name),
    ...figureRow(s.agency, f.key, years).map((v, k) => el('td', { className: 'n', dataset: { year: String(years[k]) } }, fmt(v))))));
  const table = el('table', { className: 'list cmp', id }, el('caption', {}, `${group.zh} `, en(group.en)), el('thead', {}, head), el('tbody', {}, ...body));
  return el('div', { className: 'scroll', tabIndex: 0, role: 'region', ariaLabel: group.zh }, table);
}

/** Which report each year's figures come from. */
function reportTable(shown: Shown[], years: number[]): HTMLElement {
  const head = el('tr', {}, el('th', { scope: 'col' }, '机关 Agency'), ...years.map((y) => el('th', { scope: 'col', className: 'n' }, String(y))));
  const body = shown.map((s) => el('tr', {}, el('th', { scope: 'row' }, swatch(s.colour), el('a', { href: `/agencies/${s.agency.id}/` }, s.agency.name)),
    ...years.map((y) => {
      const r = s.agency.years.find((x) => x.y === y);
      return el('td', { className: 'n' }, r ? el('a', { href: `/reports/${r.r}/`, ariaLabel: `${s.agency.name} ${y} 年度报告` }, '报告') : '—');
    })));
  const table = el('table', { className: 'list cmp', id: 'cmp-reports' }, el('caption', {}, '各年度报告 ', en('Reports by year')), el('thead', {}, head), el('tbody', {}, ...body));
  return el('div', { className: 'scroll', tabIndex: 0, role: 'region', ariaLabel: '各年度报告' }, table);
}

/** Every year from the first to the last: a year no one reports breaks the lines instead of being skipped. */
const span = (years: number[]) => Array.from({ length: years.at(-1)! - years[0]! + 1 }, (_, i) => years[0]! + i);

const swatch = (colour: string) => el('span', { className: 'swatch', style: `background:${colour}`, ariaHidden: 'true' });

export function mountCompare(root: HTMLElement): void {
  const width = Number(root.dataset.width);
  const base = root.dataset.base!;
  const chosen = root.querySelector<HTMLElement>('.chosen')!;
  const status = root.querySelector<HTMLElement>('.status')!;
  const result = root.querySelector<HTMLElement>('.result')!;
  const picker = root.querySelector<HTMLFormElement>('.picker')!;
  const province = picker.querySelector<HTMLSelectElement>('select')!;
  const filter = picker.querySelector<HTMLInputElement>('input')!;
  const matches = root.querySelector<HTMLElement>('.matches')!;
  picker.hidden = false;

  const shards = new Map<string, Promise<Record<string, CompareAgency>>>();
  const indexes = new Map<string, Promise<IndexRow[]>>();
  const getJson = <T>(cache: Map<string, Promise<T>>, key: string, file: string): Promise<T> => {
    let p = cache.get(key);
    if (!p) cache.set(key, (p = fetch(file).then((r) => (r.ok ? (r.json() as Promise<T>) : Promise.reject(new Error(`${file}: HTTP ${r.status}`))))));
    return p;
  };
  const agency = async (id: string) => (await getJson(shards, shardOf(id, width), `${base}data/${shardOf(id, width)}.json`))[id] ?? null;

  let selection: Selection = { mode: 'none' };
  let current: string[] = [];
  /** Bumped by every show(): a slower earlier load must not overwrite a newer selection. */
  let generation = 0;

  /** A new selection: a new history entry (so Back restores the previous one), then drawn. */
  function go(next: Selection): void {
    history.pushState(null, '', `${base}${selectionSearch(next)}`);
    void show(next, []);
  }

  async function show(next: Selection, dropped: string[]): Promise<void> {
    const mine = ++generation;
    status.textContent = '正在载入… Loading…';
    const ids = next.mode === 'agencies' ? next.ids : next.mode === 'peers' ? [next.id] : [];
    let found = (await Promise.all(ids.map(agency))).filter((a): a is CompareAgency => a !== null);
    const missing = [...dropped, ...ids.filter((id) => !found.some((a) => a.id === id))];
    if (next.mode === 'peers' && found[0]) found = [found[0], ...(await Promise.all(found[0].peers.map(agency))).filter((a): a is CompareAgency => a !== null)];
    if (mine !== generation) return;
    selection = next;
    current = found.map((a) => a.id);
    const shown: Shown[] = found.map((a, i) => ({ agency: a, focus: i === 0, colour: next.mode === 'peers' ? (i === 0 ? COLOURS[0]! : PEER_COLOUR) : COLOURS[i]! }));
    renderChosen(shown);
    renderResult(shown);
    const notes: string[] = [];
    if (missing.length) notes.push(`未找到这些机关：${missing.join('、')}。 Not found.`);
    if (next.mode === 'agencies' && found.length < MIN_AGENCIES) notes.push(`请再选择至少 ${MIN_AGENCIES - found.length} 个机关。 Choose at least ${MIN_AGENCIES} agencies.`);
    if (next.mode === 'peers' && found[0]) {
      const f = found[0];
      notes.push(f.peer_total === 0 ? `${f.name} 没有可比的同级机关（同一上级地区、同一级别）。 No peers found.`
        : `${f.name} 与 ${f.peer_total} 个同级机关中的 ${found.length - 1} 个对比（同一上级地区、同一级别；同类机关、共同年度多的在前）。 Compared with ${found.length - 1} of ${f.peer_total} peers.`);
    }
    if (next.mode === 'none') notes.push('尚未选择机关。 No agency chosen yet.');
    status.textContent = notes.join(' ');
    void renderMatches();
  }

  function renderChosen(shown: Shown[]): void {
    chosen.replaceChildren(...shown.map((s) => el('li', { dataset: { agency: s.agency.id } },
      swatch(s.colour), el('a', { href: `/agencies/${s.agency.id}/` }, s.agency.name), ' ',
      el('span', { className: 'note' }, `${s.agency.place.join(' ') || '地区未定'} · ${s.agency.level ? LEVELS[s.agency.level].zh : '级别未知'} · ${s.agency.years.map((y) => y.y).join('、') || '无年度'}`), ' ',
      ...(selection.mode === 'peers'
        ? (s.focus ? [el('a', { href: `${base}?a=${s.agency.id}` }, '改为自选对比 Pick others')] : [])
        : [el('a', { href: `${base}?peers=${s.agency.id}` }, '与同级机关对比 Peers'), ' ',
          el('button', { type: 'button', onclick: () => go({ mode: 'agencies', ids: current.filter((id) => id !== s.agency.id) }) }, `移除 Remove`)]),
    )));
  }

  function renderResult(shown: Shown[]): void {
    const years = unionYears(shown.map((s) => s.agency));
    if (!shown.length || !years.length) {
      result.replaceChildren(...(shown.length ? [el('p', {}, '所选机关没有可比较的年度。 No comparable years.')] : []));
      return;
    }
    result.replaceChildren(
      el('h2', { id: 'h-cmp' }, `${years.length > 1 ? `${years[0]}–${years.at(-1)}` : years[0]} 年度对照 `, en('Years side by side')),
      el('p', { className: 'note' }, '“—”表示该年度没有报告或报告未给出该数字。', en('“—”: no report that year, or the report does not state the figure.')),
      reportTable(shown, years),
      ...FIGURE_GROUPS.map((g, i) => figureTable(g, shown, years, `cmp-t${i + 3}`)).filter((x): x is HTMLElement => x !== null),
      el('h2', { id: 'h-charts' }, '图表 ', en('Charts')),
      ...(selection.mode === 'peers' ? [el('p', { className: 'note' }, '彩色线为所选机关，灰色线为同级机关。', en('Coloured: the chosen agency; grey: its peers.'))] : []),
      el('ul', { className: 'legend' }, ...shown.filter((s) => s.colour !== PEER_COLOUR).map((s) => el('li', {}, swatch(s.colour), s.agency.name))),
      ...(years.length > 1 ? CHARTS.map((c) => lineChart(`cmp-${c.key}`, `${c.zh} ${c.en}`, latestSummary(shown, c.key), span(years), shown, c.key)) : []),
      ...[outcomeChart(shown)].filter((x): x is HTMLElement => x !== null),
    );
  }

  async function renderMatches(): Promise<void> {
    const code = province.value;
    if (!code) { matches.replaceChildren(); return; }
    const rows = await getJson(indexes, code, `${base}index/${code}.json`);
    const q = filter.value.trim();
    const hits = rows.filter((r) => !q || r[1].includes(q) || r[3].includes(q));
    const full = selection.mode === 'agencies' && current.length >= MAX_AGENCIES;
    matches.replaceChildren(
      el('p', { className: 'note', role: 'status' }, `${hits.length} 个机关${hits.length > MATCHES ? `，显示前 ${MATCHES} 个，请输入名称缩小范围` : ''}${full ? `；已选满 ${MAX_AGENCIES} 个` : ''}。`),
      el('ul', {}, ...hits.slice(0, MATCHES).map(([id, name, level, place]) => el('li', {},
        el('a', { href: `/agencies/${id}/` }, name), ' ', el('span', { className: 'note' }, `${place} · ${level ? LEVELS[level].zh : '级别未知'}`), ' ',
        el('button', {
          type: 'button', disabled: full || (selection.mode === 'agencies' && current.includes(id)), ariaLabel: `加入对比 Add：${name}`,
          onclick: () => go({ mode: 'agencies', ids: [...(selection.mode === 'agencies' ? current : []), id] }),
        }, '加入对比 Add'), ' ',
        el('a', { href: `${base}?peers=${id}`, ariaLabel: `同级对比 Peers：${name}` }, '同级对比 Peers'),
      ))),
    );
  }

  picker.addEventListener('submit', (e) => e.preventDefault());
  province.addEventListener('change', () => void renderMatches());
  filter.addEventListener('input', () => void renderMatches());
  window.addEventListener('popstate', () => { const p = parseSelection(location.search); void show(p.selection, p.dropped); });
  const first = parseSelection(location.search);
  void show(first.selection, first.dropped);
}
