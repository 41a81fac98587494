// Browser code of the search page: loads the year shards of the Pagefind index (merged), runs the query, and
// keeps only results whose text contains every query term, so single-character matches never show as hits.

interface PFData { url: string; content: string; meta: Record<string, string>; filters: Record<string, string[]> }
interface PFResult { id: string; data: () => Promise<PFData> }
interface PFSearch { results: PFResult[] }
type Counts = Record<string, Record<string, number>>;
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(url: string): Promise<void>;
  search(q: string | null, o?: { filters?: Record<string, { any: string[] }> }): Promise<PFSearch | null>;
  filters(): Promise<Counts>;
}

const SEP = /\u200B/g;
const SHOW = 20;
const SCAN_CAP = 300;
const BATCH = 10;

const clean = (s: string) => s.replace(SEP, '');
const norm = (s: string) => clean(s).toLowerCase().replace(/\s+/g, '');
export const queryTerms = (q: string) => q.replace(/["“”「」]/g, ' ').split(/\s+/).filter(Boolean).map(norm);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...kids);
  return e;
}

/** Up to ~80 characters around the first term, terms marked (built as DOM nodes: report text is untrusted). */
function excerpt(text: string, terms: string[]): HTMLElement {
  const t = clean(text).replace(/\s+/g, ' ');
  const lower = t.toLowerCase();
  const at = terms.length ? Math.max(0, lower.indexOf(terms[0]!)) : 0;
  const start = Math.max(0, at - 30);
  const slice = t.slice(start, start + 90);
  const p = el('p', { className: 'excerpt' }, start > 0 ? '…' : '');
  const re = terms.length ? new RegExp(terms.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi') : null;
  let last = 0;
  for (const m of re ? slice.matchAll(re) : []) {
    p.append(slice.slice(last, m.index), el('mark', {}, m[0]));
    last = m.index + m[0].length;
  }
  p.append(slice.slice(last), start + 90 < t.length ? '…' : '');
  return p;
}

export function mountSearch(root: HTMLElement): void {
  const shards: string[] = JSON.parse(root.dataset.shards ?? '[]');
  const form = root.querySelector('form')!;
  const input = root.querySelector<HTMLInputElement>('input[type=search]')!;
  const filterBox = root.querySelector<HTMLElement>('.filters')!;
  const summary = root.querySelector<HTMLElement>('.summary')!;
  const list = root.querySelector<HTMLOListElement>('.results')!;
  const more = root.querySelector<HTMLButtonElement>('.more')!;
  let pf: Promise<Pagefind> | null = null;
  let run = 0;
  let candidates: PFResult[] = [];
  let cursor = 0;
  let found = 0;
  let terms: string[] = [];

  // One load per page: merging a shard twice would list its reports twice.
  function load(): Promise<Pagefind> {
    pf ??= (async () => {
      const mod = (await import(/* @vite-ignore */ `${shards[0]}pagefind.js`)) as Pagefind;
      await mod.options({ excerptLength: 0 });
      for (const s of shards.slice(1)) await mod.mergeIndex(s);
      return mod;
    })();
    return pf;
  }

  function selected(): Record<string, { any: string[] }> {
    const out: Record<string, { any: string[] }> = {};
    for (const box of filterBox.querySelectorAll<HTMLInputElement>('input:checked')) (out[box.name] ??= { any: [] }).any.push(box.value);
    return out;
  }

  async function renderFilters(): Promise<void> {
    const counts = await (await load()).filters();
    const order: string[] = JSON.parse(root.dataset.filters ?? '[]');
    const rank = (n: string) => (order.includes(n) ? order.indexOf(n) : order.length);
    const params = new URLSearchParams(location.search);
    filterBox.replaceChildren(...Object.entries(counts).sort((a, b) => rank(a[0]) - rank(b[0])).map(([name, values]) => {
      const entries = Object.entries(values).sort((a, b) => (name === order[0] ? b[0].localeCompare(a[0]) : b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN')));
      const want = params.getAll(`f.${name}`);
      return el('fieldset', {}, el('legend', {}, name), ...entries.map(([v, n]) =>
        el('label', {}, el('input', { type: 'checkbox', name, value: v, checked: want.includes(v) }), ` ${v} (${n})`)));
    }));
  }

  function saveState(q: string, filters: Record<string, { any: string[] }>): void {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    for (const [k, v] of Object.entries(filters)) for (const x of v.any) params.append(`f.${k}`, x);
    history.replaceState(null, '', params.size ? `?${params}` : location.pathname);
  }

  async function showMore(id: number): Promise<void> {
    let shown = 0;
    while (shown < SHOW && cursor < candidates.length && cursor < SCAN_CAP) {
      const batch = candidates.slice(cursor, Math.min(cursor + BATCH, SCAN_CAP));
      cursor += batch.length;
      const data = await Promise.all(batch.map((r) => r.data()));
      if (id !== run) return;
      for (const d of data) {
        const text = norm(`${d.meta.title ?? ''} ${d.content}`);
        if (!terms.every((t) => text.includes(t))) continue;
        found++;
        shown++;
        list.append(el('li', {},
          el('a', { href: d.url }, d.meta.title ?? d.url),
          el('span', { className: 'where' }, ` ${[d.meta.region, d.meta.year && `${d.meta.year} 年度`].filter(Boolean).join(' · ')}`),
          excerpt(d.content, terms)));
      }
    }
    const q = input.value.trim();
    const rest = cursor < candidates.length;
    const capped = rest && cursor >= SCAN_CAP;
    summary.textContent = !terms.length ? `${candidates.length} 份报告符合筛选条件。`
      : found === 0 && !rest ? `没有报告包含“${q}”。`
      : `${rest && !capped ? '已找到' : '共'} ${found} 份报告包含“${q}”${capped ? `（只检查了前 ${SCAN_CAP} 个候选结果，可加筛选条件缩小范围）` : ''}。`;
    more.hidden = !rest || capped;
  }

  async function search(): Promise<void> {
    const id = ++run;
    const q = input.value.trim();
    const filters = selected();
    saveState(q, filters);
    list.replaceChildren();
    more.hidden = true;
    terms = queryTerms(q);
    if (!terms.length && !Object.keys(filters).length) { summary.textContent = ''; return; }
    summary.textContent = '正在搜索…';
    const res = await (await load()).search(terms.length ? terms.join(' ') : null, { filters });
    if (id !== run || !res) return;
    candidates = res.results;
    cursor = 0;
    found = 0;
    await showMore(id);
  }

  form.addEventListener('submit', (e) => { e.preventDefault(); void search(); });
  filterBox.addEventListener('change', () => void search());
  more.addEventListener('click', () => void showMore(run));
  input.value = new URLSearchParams(location.search).get('q') ?? '';
  void renderFilters().then(search);
}
