// Browser code of the search page.
//
// The index is split into bundles (src/site/shards.ts): a year each, and groups of provinces within large years.
// The page first reads only the small manifest (bundles, filter values with counts). A search loads just the
// bundles its chosen years and provinces need — newest first, a few thousand reports' worth at a time — so
// the bytes a query fetches stay bounded however large the archive grows; "更多" (more) shows further results
// and then searches the next, older bundles.
//
// Precision: a one-term query runs as an exact phrase (Pagefind's quoted search on the same word segmentation
// the index used, src/site/searchdoc.ts), so the reports listed are those that contain the text, and their
// number is exact. When the phrase matches nothing (a fragment of a word, such as 东安 in 东安区), the words are
// searched on their own (prefix matching) and each candidate is kept only if its text contains the query.
// Several terms must all occur. When nothing contains the query, the page says so.

import { bundlesFor, type Bundle, type SearchManifest } from './shards.ts';

interface PFData { url: string; content: string; meta: Record<string, string>; filters: Record<string, string[]> }
interface PFResult { id: string; data: () => Promise<PFData> }
interface PFSearch { results: PFResult[] }
type Filters = Record<string, { any: string[] }>;
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(url: string, o?: Record<string, unknown>): Promise<void>;
  search(q: string | null, o?: { filters?: Filters }): Promise<PFSearch | null>;
}

const SEP = /\u200B/g;
/** Results shown at a time. */
const SHOW = 20;
/** Bundles are loaded together until they hold this many reports (at least one bundle per step). */
const STEP_REPORTS = 5000;
/** Candidates checked per step when the words have to be checked one by one (fallback search). */
const CHECK_STEP = 20;
const YEAR = '年度';
const PROVINCE = '省份';

const clean = (s: string) => s.replace(SEP, '');
const norm = (s: string) => clean(s).toLowerCase().replace(/\s+/g, '');
/** Whitespace separates terms (all must occur); quotes only mark a phrase, which a term already is. */
export const queryTerms = (q: string) => q.replace(/["“”「」『』]/g, ' ').split(/\s+/).filter(Boolean).map(norm).filter(Boolean);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...kids);
  return e;
}

/** Up to ~90 characters around the first term, terms marked (built as DOM nodes: report text is untrusted). */
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

/**
 * What a set of bundles covers: "2024、2023 年度", "2019–2024 年度", or for a year split by province
 * "2024 年度的 8 个省份（河北省、山西省、辽宁省等）".
 */
function scopeLabel(bundles: readonly Bundle[]): string {
  const ys = [...new Set(bundles.flatMap((b) => b.years))].sort().reverse();
  const known = ys.filter((y) => y !== 'unknown').map(Number);
  const contiguous = known.length > 2 && known.every((y, i) => i === 0 || known[i - 1]! - y === 1);
  const text = contiguous ? `${known.at(-1)}–${known[0]}` : known.join('、');
  const years = `${text}${text ? ' 年度' : ''}${ys.includes('unknown') ? `${text ? '及' : ''}年度未知` : ''}`;
  if (bundles.every((b) => b.provinces === null)) return years;
  const provinces = [...new Set(bundles.flatMap((b) => b.provinces ?? []))];
  return `${years}的 ${provinces.length} 个省份（${provinces.slice(0, 3).join('、')}${provinces.length > 3 ? '等' : ''}）`;
}

export function mountSearch(root: HTMLElement): void {
  const form = root.querySelector('form')!;
  const input = root.querySelector<HTMLInputElement>('input[type=search]')!;
  const filterBox = root.querySelector<HTMLElement>('.filters')!;
  const summary = root.querySelector<HTMLElement>('.summary')!;
  const list = root.querySelector<HTMLOListElement>('.results')!;
  const more = root.querySelector<HTMLButtonElement>('.more')!;
  const base = new URL(root.dataset.manifest ?? '/pagefind/shards.json', location.href);
  let manifest: SearchManifest | null = null;
  let pf: Promise<Pagefind> | null = null;
  const loaded = new Set<string>();
  let run = 0;

  // State of the current search.
  let terms: string[] = [];
  let filters: Filters = {};
  let scope: Bundle[] = [];
  let results: PFResult[] = [];
  /** Results already known to contain every term (exact phrase search), or checked one by one. */
  let exact = true;
  let cursor = 0;
  let shown = 0;
  /** Results listed on the page (they contain the query). */
  const displayed = new Set<string>();

  const bundleUrl = (b: Bundle) => new URL(`${b.id}/`, base).pathname;

  /** Load these bundles (the first one loaded becomes Pagefind's primary index; the rest are merged in). */
  async function load(bundles: readonly Bundle[]): Promise<Pagefind> {
    const todo = bundles.filter((b) => !loaded.has(b.id));
    for (const b of todo) loaded.add(b.id);
    if (!pf) {
      const first = todo.shift();
      if (!first) throw new Error('no search bundle to load');
      pf = (async () => {
        const mod = (await import(/* @vite-ignore */ `${bundleUrl(first)}pagefind.js`)) as Pagefind;
        await mod.options({ excerptLength: 0 });
        return mod;
      })();
    }
    const mod = await pf;
    for (const b of todo) await mod.mergeIndex(bundleUrl(b));
    return mod;
  }

  /** The next bundles of the scope not yet loaded, up to STEP_REPORTS reports (at least one). */
  function nextStep(): Bundle[] {
    const out: Bundle[] = [];
    let n = 0;
    for (const b of scope) {
      if (loaded.has(b.id)) continue;
      if (out.length && n + b.reports > STEP_REPORTS) break;
      out.push(b);
      n += b.reports;
    }
    return out;
  }

  const searched = () => scope.filter((b) => loaded.has(b.id));
  const pending = () => scope.some((b) => !loaded.has(b.id));

  function renderFilters(): void {
    const order: string[] = JSON.parse(root.dataset.filters ?? '[]');
    const rank = (n: string) => (order.includes(n) ? order.indexOf(n) : order.length);
    const params = new URLSearchParams(location.search);
    const counts = manifest!.filters;
    filterBox.replaceChildren(...Object.entries(counts).sort((a, b) => rank(a[0]) - rank(b[0])).map(([name, values]) => {
      const entries = Object.entries(values).sort((a, b) => (name === YEAR ? b[0].localeCompare(a[0]) : b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN')));
      const want = params.getAll(`f.${name}`);
      return el('fieldset', {}, el('legend', {}, name), ...entries.map(([v, n]) =>
        el('label', {}, el('input', { type: 'checkbox', name, value: v, checked: want.includes(v) }), ` ${v} (${n})`)));
    }));
  }

  function selected(): Filters {
    const out: Filters = {};
    for (const box of filterBox.querySelectorAll<HTMLInputElement>('input:checked')) (out[box.name] ??= { any: [] }).any.push(box.value);
    return out;
  }

  function saveState(q: string): void {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    for (const [k, v] of Object.entries(filters)) for (const x of v.any) params.append(`f.${k}`, x);
    history.replaceState(null, '', params.size ? `?${params}` : location.pathname);
  }

  function item(d: PFData): HTMLLIElement {
    return el('li', {},
      el('a', { href: d.url }, d.meta.title ?? d.url),
      el('span', { className: 'where' }, ` ${[d.meta.region, d.meta.year && `${d.meta.year} 年度`].filter(Boolean).join(' · ')}`),
      excerpt(d.content, terms));
  }

  const contains = (d: PFData) => {
    const text = norm(`${d.meta.title ?? ''} ${d.content}`);
    return terms.every((t) => text.includes(t));
  };

  /** Pagefind query for the current terms: one term as an exact phrase, several as words that must all occur. */
  async function query(mod: Pagefind): Promise<PFResult[]> {
    if (!terms.length) return (await mod.search(null, { filters }))?.results ?? [];
    if (terms.length === 1) {
      const phrase = (await mod.search(`"${terms[0]}"`, { filters }))?.results ?? [];
      if (phrase.length) { exact = true; return phrase; }
    }
    exact = false;
    return (await mod.search(terms.join(' '), { filters }))?.results ?? [];
  }

  /** Show up to SHOW more results of the current list (checking candidates when the search was not exact). */
  async function showMore(id: number): Promise<void> {
    let added = 0;
    let checked = 0;
    while (added < SHOW && cursor < results.length && (exact || checked < CHECK_STEP)) {
      const batch = results.slice(cursor, cursor + (exact ? SHOW - added : Math.min(10, CHECK_STEP - checked)));
      cursor += batch.length;
      checked += batch.length;
      const data = await Promise.all(batch.map((r) => r.data()));
      if (id !== run) return;
      data.forEach((d, i) => {
        if (terms.length && !contains(d)) return;
        list.append(item(d));
        displayed.add(batch[i]!.id);
        added++;
        shown++;
      });
    }
  }

  /**
   * What the next step searches: the rest of a year split into several bundles (groups of provinces, or parts of
   * one province) when the next bundle is of a year already partly searched, else older years.
   */
  function laterLabel(): { zh: string; en: string } {
    const done = new Set(searched().flatMap((b) => b.years));
    const year = nextStep().flatMap((b) => b.years).find((y) => done.has(y));
    return year ? { zh: `${year} 年度的其余报告`, en: `the rest of ${year}` } : { zh: '更早年度', en: 'older years' };
  }

  function describe(): void {
    const q = input.value.trim();
    const where = scopeLabel(searched());
    const all = !pending();
    const later = laterLabel();
    const rest = cursor < results.length;
    const within = all ? '' : `在${where}中，`;
    const none = `${within}没有报告包含“${q}”`;
    if (!terms.length) {
      summary.textContent = `${where}有 ${results.length} 份报告符合筛选条件${all ? '' : `（可继续加载${later.zh}）`}。`;
    } else if (exact || !rest) {
      const count = exact ? results.length : shown;
      summary.textContent = count
        ? `${within}共 ${count} 份报告包含“${q}”${all ? '' : `；${later.zh}尚未搜索`}。`
        : `${none}${all ? '' : `；可继续搜索${later.zh}`}。`;
    } else {
      // Not an exact phrase match: candidates that share words with the query are checked a few at a time.
      const left = results.length - cursor;
      summary.textContent = shown === 0
        ? `${none}。另有 ${left} 个结果含有其中的部分字词，可点“更多”逐一核对。`
        : `${within}已找到 ${shown} 份报告包含“${q}”（还有 ${left} 个用词相近的结果未核对）。`;
    }
    more.hidden = !rest && all;
    more.textContent = rest ? '更多结果 More' : `搜索${later.zh} Search ${later.en}`;
  }

  /** Load the next bundles of the scope and search again; results already shown are not shown twice. */
  async function step(id: number): Promise<void> {
    const next = nextStep();
    const mod = await load(next);
    if (id !== run) return;
    const found = await query(mod);
    if (id !== run) return;
    // The results shown so far keep their place (they contain the query); the new ones follow.
    const earlier = results.slice(0, cursor).filter((r) => displayed.has(r.id));
    results = [...earlier, ...found.filter((r) => !displayed.has(r.id))];
    cursor = earlier.length;
    await showMore(id);
  }

  async function search(): Promise<void> {
    const id = ++run;
    const q = input.value.trim();
    filters = selected();
    saveState(q);
    list.replaceChildren();
    more.hidden = true;
    terms = queryTerms(q);
    results = [];
    cursor = 0;
    shown = 0;
    displayed.clear();
    exact = true;
    if (!terms.length && !Object.keys(filters).length) { summary.textContent = ''; return; }
    summary.textContent = '正在搜索…';
    scope = bundlesFor(manifest!.bundles, filters[YEAR]?.any ?? [], filters[PROVINCE]?.any ?? []);
    if (!scope.length) { summary.textContent = '没有符合筛选条件的报告。'; return; }
    // The newest bundles of the scope first; bundles loaded for an earlier search are searched again too (their
    // index chunks are already fetched).
    const mod = await load(loaded.has(scope[0]!.id) ? [] : nextStep());
    if (id !== run) return;
    results = await query(mod);
    if (id !== run) return;
    await showMore(id);
    if (id === run) describe();
  }

  async function onMore(): Promise<void> {
    const id = run;
    more.disabled = true;
    summary.textContent = '正在搜索…';
    try {
      if (cursor < results.length) await showMore(id);
      else if (pending()) await step(id);
      if (id === run) describe();
    } finally {
      more.disabled = false;
    }
  }

  form.addEventListener('submit', (e) => { e.preventDefault(); void search(); });
  filterBox.addEventListener('change', () => void search());
  more.addEventListener('click', () => void onMore());
  input.value = new URLSearchParams(location.search).get('q') ?? '';
  void fetch(base).then((r) => {
    if (!r.ok) throw new Error(`search manifest ${base.pathname}: HTTP ${r.status}`);
    return r.json() as Promise<SearchManifest>;
  }).then((m) => {
    manifest = m;
    renderFilters();
    return search();
  }).catch((e: unknown) => {
    summary.textContent = `搜索索引无法加载（${(e as Error).message}）。可以按年度、地区或机关浏览。`;
  });
}
