// HTML reports (whole crawled pages or fragments): block elements become TextBlocks in document order, data
// tables become TableBlocks with their spans, page chrome (header, nav, footer, toolbars, crawler block) goes to
// hints.chrome. Only text leaves this module: markup, attributes and scripts never reach a block.

import { ReadError, type Block, type Document, type DocumentHints, type TableBlock, type TableCell } from '../model/document.ts';
import { chromeKind, normalisedChromeKind } from './chrome.ts';
import { crawlerHints } from './crawler.ts';
import {
  BLOCK_TAGS, cellText, classAndId, cleanText, elements, hasDescendant, isSkipped, lineOf, rowCells, span, tableRows,
  textSample,
} from './html-dom.ts';
import { parseHtmlTree, type HtmlElement as Element, type HtmlRoot as Root } from './html-tree.ts';
import { decodeInput } from './input.ts';

/** Site chrome by tag; <header> only outside the article (an article's own header holds its title). */
const CHROME_TAGS = new Set(['nav', 'footer', 'aside']);
/** Site chrome by class/id: "head" as a leading token, or header/footer/nav/menu/crumb/toolbar/sidebar anywhere. */
const CHROME_CLASS_RE = /(?:^|\s)head(?:$|[\s_-])|header|footer|nav|menu|crumb|toolbar|sidebar/i;
/** A "chrome" container holding this much text, a big table or the page's h1 is really the content. */
const MAX_CHROME_TEXT = 1500;
/** A table cell with this much text is page layout, not data. */
const MAX_DATA_CELL_TEXT = 400;
/** CMS <meta> names (政府网站 standard) worth keeping for metadata: 网站标识码, publication date, title, source. */
const USEFUL_META = new Set(['siteidcode', 'sitename', 'articletitle', 'pubdate', 'contentsource', 'url']);

function isChromeContainer(el: Element, inArticle: boolean): boolean {
  const tag = el.tag;
  const candidate = CHROME_TAGS.has(tag) || (tag === 'header' && !inArticle) || CHROME_CLASS_RE.test(classAndId(el));
  if (!candidate) {
    // A crawler's own block ("来源: URL / 采集时间: …") above the page.
    const sample = tag === 'div' || tag === 'section' ? textSample(el, 600) : '';
    return sample.length <= 600 && sample.includes('采集时间') && !hasDescendant(el, (e) => e.tag === 'table');
  }
  return (
    textSample(el, MAX_CHROME_TEXT).length <= MAX_CHROME_TEXT &&
    !hasDescendant(el, (e) => e.tag === 'h1' || (e.tag === 'table' && tableRows(e).length >= 3))
  );
}

/** Layout tables (one cell, nested tables, headings or whole paragraphs in cells) are read as ordinary content. */
function isLayoutTable(table: Element): boolean {
  const cells = tableRows(table).flatMap(rowCells);
  if (cells.length <= 1) return true;
  return cells.some(
    (c) =>
      hasDescendant(c, (e) => e.tag === 'table' || /^h[1-6]$/.test(e.tag)) ||
      textSample(c, MAX_DATA_CELL_TEXT).length > MAX_DATA_CELL_TEXT,
  );
}

interface State {
  heading?: number;
  inChrome: boolean;
  inArticle: boolean;
  pre: boolean;
}

function walkDocument(root: Root): { blocks: Block[]; chrome: DocumentHints['chrome'] } {
  const blocks: Block[] = [];
  const chrome: DocumentHints['chrome'] = [];
  let tables = 0;
  let buffer = '';
  let bufferLine: number | undefined;
  let state: State = { inChrome: false, inArticle: false, pre: false };

  const flush = (): void => {
    const text = cleanText(buffer);
    const loc = { line: bufferLine ?? 1 };
    buffer = '';
    bufferLine = undefined;
    if (!text) return;
    if (state.inChrome || normalisedChromeKind(text)) chrome.push({ text, loc });
    else blocks.push(state.heading ? { kind: 'text', text, loc, heading: state.heading } : { kind: 'text', text, loc });
  };

  const addText = (value: string, line: number | undefined): void => {
    if (!state.pre) {
      if (bufferLine === undefined && value.trim()) bufferLine = line;
      buffer += value;
      return;
    }
    // <pre>: every source line is a line of text.
    value.split('\n').forEach((part, k) => {
      if (k > 0) flush();
      if (bufferLine === undefined && part.trim()) bufferLine = line === undefined ? undefined : line + k;
      buffer += part;
    });
  };

  const emitTable = (table: Element): void => {
    const rows: TableCell[][] = [];
    for (const tr of tableRows(table)) {
      const cells = rowCells(tr);
      if (cells.length === 0) continue;
      rows.push(
        cells.map((td, col) => {
          const cell: TableCell = { text: cellText(td), loc: { line: lineOf(td) ?? lineOf(table) ?? 1, table: tables, row: rows.length, col } };
          const rowspan = span(td, 'rowspan');
          const colspan = span(td, 'colspan');
          if (rowspan) cell.rowspan = rowspan;
          if (colspan) cell.colspan = colspan;
          return cell;
        }),
      );
    }
    if (rows.length === 0) return;
    const block: TableBlock = { kind: 'table', rows, loc: { line: lineOf(table) ?? 1, table: tables } };
    blocks.push(block);
    tables++;
  };

  const walk = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type === 'text') {
        addText(child.value, lineOf(child));
        continue;
      }
      if (child.type !== 'element' || isSkipped(child)) continue;
      const tag = child.tag;
      if (tag === 'br') {
        flush();
        continue;
      }
      if (tag === 'table' && !state.inChrome && !isLayoutTable(child)) {
        flush();
        for (const c of child.children) {
          if (c.type !== 'element' || c.tag !== 'caption') continue;
          walk(c);
          flush();
        }
        emitTable(child);
        continue;
      }
      const chromeStart = !state.inChrome && isChromeContainer(child, state.inArticle);
      const isBlock = BLOCK_TAGS.has(tag) || chromeStart;
      if (isBlock) flush();
      const saved = state;
      const level = /^h([1-6])$/.exec(tag)?.[1];
      state = {
        heading: level ? Number(level) : state.heading,
        inChrome: state.inChrome || chromeStart,
        inArticle: state.inArticle || tag === 'article' || tag === 'main',
        pre: state.pre || tag === 'pre',
      };
      walk(child);
      if (isBlock) flush();
      state = saved;
    }
  };

  walk(root);
  flush();
  return { blocks, chrome };
}

/** <title>, CMS <meta> tags and the number of scripts, from one pass over the tree. */
function scanHead(root: Root): { title?: string; metas: { name: string; content: string; line: number }[]; scripts: number } {
  let title: string | undefined;
  const metas: { name: string; content: string; line: number }[] = [];
  let scripts = 0;
  for (const el of elements(root)) {
    if (el.tag === 'script') scripts++;
    else if (el.tag === 'title' && title === undefined) title = cleanText(el.children.map((c) => (c.type === 'text' ? c.value : '')).join('')) || undefined;
    else if (el.tag === 'meta') {
      const name = el.attrs.name ?? el.attrs.property ?? '';
      const content = cleanText(el.attrs.content ?? '');
      if (USEFUL_META.has(name.toLowerCase()) && content) metas.push({ name, content, line: lineOf(el) ?? 1 });
    }
  }
  return title === undefined ? { metas, scripts } : { title, metas, scripts };
}

/** Parse decoded HTML into blocks and hints. */
export function parseHtml(html: string, encoding: string, notes: string[] = []): Document {
  let walked: ReturnType<typeof walkDocument>;
  let head: ReturnType<typeof scanHead>;
  try {
    const root = parseHtmlTree(html);
    walked = walkDocument(root);
    head = scanHead(root);
  } catch (error) {
    // Only pathological nesting (tens of thousands of levels) gets here: the tree walks overflow the stack.
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw new ReadError('too-deep', `HTML nesting is too deep to read (${error.message}); save the page as text and ingest that`);
    }
    throw error;
  }
  const { blocks, chrome } = walked;
  const meta = (name: string): string | undefined => head.metas.find((m) => m.name.toLowerCase() === name)?.content;
  for (const m of head.metas) chrome.push({ text: `${m.name}: ${m.content}`, loc: { line: m.line } });
  const crawler = crawlerHints(chrome.filter((c) => chromeKind(c.text) === 'crawler').map((c) => c.text));
  chrome.sort((a, b) => (a.loc.line ?? 0) - (b.loc.line ?? 0));
  const hints: DocumentHints = { chrome };
  const title = head.title ?? meta('articletitle') ?? crawler.title;
  const publishedAt = meta('pubdate') ?? crawler.published_at;
  const sourceUrl = crawler.source_url ?? meta('url');
  if (title) hints.title = title;
  if (publishedAt) hints.published_at = publishedAt;
  if (sourceUrl) hints.source_url = sourceUrl;
  if (crawler.retrieved_at) hints.retrieved_at = crawler.retrieved_at;
  if (head.scripts > 0) notes.push(`${head.scripts} <script> element${head.scripts === 1 ? '' : 's'} removed`);
  if (blocks.length === 0) {
    throw new ReadError('empty', 'The HTML page has no report text (only scripts, markup or site chrome); check that the download is the report page itself');
  }
  return { format: 'html', encoding, blocks, hints, notes };
}

/** Reader for .html / .htm / .shtml / .xhtml files (and HTML found under other names). */
export function readHtml(bytes: Uint8Array, file: string): Document {
  const decoded = decodeInput(bytes, file, { html: true });
  return parseHtml(decoded.text, decoded.encoding, decoded.notes);
}
