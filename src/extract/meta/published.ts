// Publication date (spec §8.1, §8.4), by source priority: web date lines (page chrome, crawler header), the
// "（2021年1月12日）" line under the title, the signature date at the end, catalogue 发文日期, the URL.
// Damaged or month-only dates are kept raw when nothing better exists.

import type { Line } from './text.ts';
import { squeezeLine } from './text.ts';
import type { CatalogueEntry } from './catalogue.ts';
import { webDate } from './catalogue.ts';
import { CN_DATE_SRC, DATE_SRC, mayEndWithDate, parseDate, urlDate, type ParsedDate } from './dates.ts';

export interface Published {
  iso: string | null;
  raw: string | null;
  source: string | null;
}

export interface PublishedInput {
  hintDate: string | undefined;
  chrome: readonly string[];
  /** Lines of the title block and preamble (before the first section heading). */
  head: readonly Line[];
  /** Prose of the last section before any attachment, squeezed (signature sits at its end). */
  closing: string;
  catalogue: readonly CatalogueEntry[];
  url: string | null;
  year: number | null;
}

/** Web date lines and the date under the title sit in the first lines of the title block. */
const TOP_LINES = 10;
const MAX_DATE_LINE = 40;
/** A line that is only a date, optionally bracketed: "（2021年1月12日）", "2021年1月12日", "二○一二年二月二十日". */
const DATE_LINE_RE = new RegExp(`^[(（]?\\s*(?:${DATE_SRC}|${CN_DATE_SRC})\\s*[)）]?$`);
/** A date that closes the text (the signature: "…日常化。平潭县人民政府 2013年1月16日"); one ending a sentence has a 。 after it. */
const CLOSING_DATE_RE = new RegExp(`(?<![\\d〇○零一二三四五六七八九])((?:${DATE_SRC}|${CN_DATE_SRC}))\\s*$`);

function plausible(d: ParsedDate, year: number | null): boolean {
  if (!d.iso || year === null) return true;
  const y = +d.iso.slice(0, 4);
  return y >= year && y <= year + 3;
}

export function findPublished(input: PublishedInput): Published {
  const candidates: [ParsedDate | null, string][] = [];
  const add = (raw: string | null | undefined, source: string) => {
    if (raw) candidates.push([parseDate(raw), source]);
  };
  add(input.hintDate, 'web');
  for (const c of input.chrome) add(webDate(c), 'web');
  const top = input.head.slice(0, TOP_LINES);
  for (const l of top) add(webDate(l.text), 'web');
  for (const l of top) {
    const t = l.text.length <= MAX_DATE_LINE ? squeezeLine(l.text) : '';
    if (DATE_LINE_RE.test(t)) add(t, 'title_date');
  }
  if (mayEndWithDate(input.closing)) add(CLOSING_DATE_RE.exec(input.closing)?.[1], 'signature');
  for (const e of input.catalogue) if (e.field === 'date') add(e.value, 'catalogue');
  if (input.url) {
    const d = urlDate(input.url);
    if (d) candidates.push([d, 'url']);
  }
  const usable = candidates.filter((c): c is [ParsedDate, string] => c[0] !== null && plausible(c[0], input.year));
  const best = usable.find(([d]) => d.confident) ?? usable[0];
  if (!best) return { iso: null, raw: null, source: null };
  const [d, source] = best;
  return { iso: d.confident ? d.iso : null, raw: d.raw, source: d.confident ? source : `${source} (low confidence)` };
}
