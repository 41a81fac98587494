// mammoth's HTML (a small, regular subset: p, h1–h6, ul/ol/li, table/tr/td with colspan/rowspan, a, img, br,
// strong/em/sup/sub) → document blocks. Private to the DOCX reader; deliberately independent of the HTML reader.

import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Block, TableCell } from '../../model/document.ts';
import { normaliseText } from '../../text/normalise.ts';

const HEADING_RE = /^h([1-6])$/;

function isElement(n: RootContent | ElementContent | Root): n is Element {
  return n.type === 'element';
}

/** Text of an inline run: <br> → newline, images and bookmark anchors contribute nothing. */
function inlineText(node: Element | Root): string {
  let s = '';
  for (const c of node.children) {
    if (c.type === 'text') s += c.value;
    else if (isElement(c)) {
      if (c.tagName === 'br') s += '\n';
      else if (c.tagName === 'img') continue;
      else if (c.tagName === 'p' || c.tagName === 'li' || HEADING_RE.test(c.tagName)) {
        const inner = inlineText(c);
        s += s && inner ? `\n${inner}` : inner;
      } else if (c.tagName === 'table') {
        const inner = tableText(c);
        s += s && inner ? `\n${inner}` : inner;
      } else s += inlineText(c);
    }
  }
  return s;
}

function tableText(table: Element): string {
  return rowsOf(table).map((tr) => cellsOf(tr).map((td) => clean(inlineText(td))).join(' | ')).join('\n');
}

/** Normalise and trim each line; drop trailing blank lines. */
function clean(s: string): string {
  return normaliseText(s).split('\n').map((l) => l.replace(/[ \t]+/g, ' ').trim()).join('\n').replace(/^\n+|\n+$/g, '');
}

function rowsOf(table: Element): Element[] {
  const out: Element[] = [];
  for (const c of table.children) {
    if (!isElement(c)) continue;
    if (c.tagName === 'tr') out.push(c);
    else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') out.push(...rowsOf(c));
  }
  return out;
}

function cellsOf(tr: Element): Element[] {
  return tr.children.filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th'));
}

function span(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number.parseInt(v, 10) : Number.NaN;
  return Number.isFinite(n) && n > 1 ? n : undefined;
}

export interface ConvertStats { images: number; nestedTables: number; lists: number }

/**
 * Walk mammoth's HTML fragment in document order. Paragraphs, headings and list items become text blocks
 * (loc.line = 1-based paragraph index); tables become table blocks (loc = table/row/col, 0-based).
 */
export function htmlToBlocks(html: string): { blocks: Block[]; stats: ConvertStats } {
  const root = fromHtml(html, { fragment: true });
  const blocks: Block[] = [];
  const stats: ConvertStats = { images: 0, nestedTables: 0, lists: 0 };
  let para = 0;
  let tables = 0;

  const countImages = (n: Element | Root) => {
    for (const c of n.children) if (isElement(c)) { if (c.tagName === 'img') stats.images++; else countImages(c); }
  };

  const text = (el: Element, heading?: number) => {
    para++;
    const t = clean(inlineText(el));
    blocks.push(heading ? { kind: 'text', text: t, loc: { line: para }, heading } : { kind: 'text', text: t, loc: { line: para } });
  };

  const table = (el: Element) => {
    const index = tables++;
    const rows: TableCell[][] = rowsOf(el).map((tr, r) => cellsOf(tr).map((td, c) => {
      if (td.children.some((x) => isElement(x) && x.tagName === 'table')) stats.nestedTables++;
      const cell: TableCell = { text: clean(inlineText(td)), loc: { table: index, row: r, col: c } };
      const rs = span(td.properties?.['rowSpan']);
      const cs = span(td.properties?.['colSpan']);
      if (rs) cell.rowspan = rs;
      if (cs) cell.colspan = cs;
      return cell;
    }));
    blocks.push({ kind: 'table', rows, loc: { table: index } });
  };

  const walk = (nodes: (RootContent | ElementContent)[]) => {
    for (const n of nodes) {
      if (n.type === 'text') {
        if (n.value.trim()) { para++; blocks.push({ kind: 'text', text: clean(n.value), loc: { line: para } }); }
        continue;
      }
      if (!isElement(n)) continue;
      countImages(n);
      const h = HEADING_RE.exec(n.tagName);
      if (n.tagName === 'table') table(n);
      else if (h) text(n, Number(h[1]));
      else if (n.tagName === 'p') text(n);
      else if (n.tagName === 'ul' || n.tagName === 'ol') {
        stats.lists++;
        for (const li of n.children) {
          if (!isElement(li) || li.tagName !== 'li') continue;
          // A list item's own text, then any nested list or table it holds.
          const own: Element = { ...li, children: li.children.filter((c) => !(isElement(c) && (c.tagName === 'ul' || c.tagName === 'ol' || c.tagName === 'table'))) };
          text(own);
          walk(li.children.filter((c) => isElement(c) && (c.tagName === 'ul' || c.tagName === 'ol' || c.tagName === 'table')));
        }
      } else walk(n.children);
    }
  };
  walk(root.children);
  return { blocks, stats };
}
