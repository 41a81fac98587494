// Small helpers over the page tree for the HTML reader: what is never rendered, how HTML whitespace collapses,
// table structure and cell text.

import type { HtmlElement as Element, HtmlNode, HtmlRoot as Root } from './html-tree.ts';
import { memoised, ownCopy } from '../text/memo.ts';
import { normaliseText } from '../text/normalise.ts';
import { joinAll } from './join.ts';

/** Elements whose content never reaches a reader of the page (or is interactive, not text). */
const NOT_RENDERED = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg',
  'math', 'canvas', 'audio', 'video', 'map', 'input', 'select', 'option', 'optgroup', 'datalist', 'textarea', 'button',
  'title', 'meta', 'link', 'base',
]);

/** Elements that start a new line of text. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

const HIDDEN_STYLE_RE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

function isHidden(el: Element): boolean {
  const { style } = el.attrs;
  return el.attrs.hidden !== undefined || (style !== undefined && HIDDEN_STYLE_RE.test(style));
}

/** Skipped entirely: not rendered, or hidden (hidden text is where spam and stale copies hide). */
export function isSkipped(el: Element): boolean {
  return NOT_RENDERED.has(el.tag) || isHidden(el);
}

/** Class tokens and id joined by spaces (what a selector sees). */
export function classAndId(el: Element): string {
  const cls = el.attrs.class?.trim();
  return `${cls ? cls.split(/[ \t\n\r\f]+/).join(' ') : ''} ${el.attrs.id ?? ''}`.trim();
}

export function lineOf(node: HtmlNode): number | undefined {
  return node.line;
}

const CJK = String.raw`[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]`;
/** A source line break between two CJK characters renders as nothing (CSS segment-break rules for Chinese). */
const CJK_BREAK_RE = new RegExp(String.raw`(${CJK})[ \t\r\f]*\n[ \t\r\n\f]*(?=${CJK})`, 'g');

/**
 * Collapse HTML whitespace and normalise: what the reader sees for a run of inline text. Cells are cleaned twice
 * (classifying the table, then reading it) and hold the same few values, so short runs are remembered.
 */
export const cleanText = memoised((raw: string): string => {
  const joined = raw.includes('\n') ? raw.replace(CJK_BREAK_RE, '$1') : raw; // most text runs have no line break
  return normaliseText(joined).replace(/[ \t\r\n\f]+/g, ' ').trim();
}, ownCopy);

/** Rendered text of an element, at most `limit` characters (enough to classify a container cheaply). */
export function textSample(el: Element, limit: number): string {
  let out = '';
  const visit = (node: Element): void => {
    for (const c of node.children) {
      if (out.length > limit) return;
      if (c.type === 'text') out += c.value;
      else if (c.type === 'element' && !isSkipped(c)) visit(c);
    }
  };
  visit(el);
  return cleanText(out);
}

export function hasDescendant(el: Element, test: (e: Element) => boolean): boolean {
  return el.children.some((c) => c.type === 'element' && !isSkipped(c) && (test(c) || hasDescendant(c, test)));
}

/** The rows of this table (not of tables nested in its cells), in document order. */
export function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const c of table.children) {
    if (c.type !== 'element') continue;
    if (c.tag === 'tr') rows.push(c);
    else if (c.tag === 'thead' || c.tag === 'tbody' || c.tag === 'tfoot') {
      for (const r of c.children) if (r.type === 'element' && r.tag === 'tr') rows.push(r);
    }
  }
  return rows;
}

export function rowCells(tr: Element): Element[] {
  return tr.children.filter((c): c is Element => c.type === 'element' && (c.tag === 'td' || c.tag === 'th') && !isHidden(c));
}

/** Text of a table cell: lines split by <br>, <p> … joined without a space between CJK characters. */
export function cellText(cell: Element): string {
  const segments: string[] = [];
  let current = '';
  const cut = (): void => {
    segments.push(current);
    current = '';
  };
  const visit = (node: Element): void => {
    for (const c of node.children) {
      if (c.type === 'text') current += c.value;
      else if (c.type === 'element' && !isSkipped(c)) {
        const breaks = c.tag === 'br' || BLOCK_TAGS.has(c.tag);
        if (breaks) cut();
        visit(c);
        if (breaks) cut();
      }
    }
  };
  visit(cell);
  cut();
  return joinAll(segments.map(cleanText));
}

/** Integer span attribute greater than 1, else undefined (the model omits default spans). */
export function span(cell: Element, name: 'rowspan' | 'colspan'): number | undefined {
  const v = Number(cell.attrs[name]);
  return Number.isInteger(v) && v > 1 ? v : undefined;
}

/** Every element below `node` in document order (an array: nested generators cost a frame per level per element). */
export function elements(node: Root | Element, out: Element[] = []): Element[] {
  for (const c of node.children) {
    if (c.type !== 'element') continue;
    out.push(c);
    elements(c, out);
  }
  return out;
}
