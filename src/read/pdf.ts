// PDF reader: unpdf (pdf.js 6) text items + ruling lines → the document model. Lines are rebuilt from positioned
// text items, page furniture is dropped, hard-wrapped paragraphs are re-joined, ruled tables become TableBlocks
// (cells placed by position, merged cells with rowspan/colspan, tables continued across pages).

import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import type { PDFDocumentProxy } from 'unpdf/pdfjs';
import { ReadError, type Block, type Document, type Reader, type TableCell, type TextBlock } from '../model/document.ts';
import type { Loc } from '../model/location.ts';
import { normaliseText } from '../text/normalise.ts';
import { findTables, type PdfTable } from './pdf/grid.ts';
import { clusterLines, joinWrapped, midY, pageItems, type Item, type PhysLine } from './pdf/items.ts';
import { continues, inMarginBand, isPageNumber, margins, signature } from './pdf/layout.ts';
import { pageRules, type OpCodes } from './pdf/rules.ts';

/** Tables on consecutive pages whose left and right edges agree within this are one table. */
const CONTINUE_TOL = 8;

type Entry =
  | { kind: 'line'; line: PhysLine; no: number; page: number; top: number }
  | { kind: 'table'; table: PdfTable; no: number; page: number; top: number; cellLines: number[] };

interface PageLayout {
  page: number;
  height: number;
  entries: Entry[];
  textItems: number;
}

let opCodes: OpCodes | null = null;

async function ops(): Promise<OpCodes> {
  if (opCodes) return opCodes;
  const pdfjs = await getResolvedPDFJS();
  const O = pdfjs.OPS as unknown as Record<string, number>;
  const get = (k: string): number => {
    const v = O[k];
    if (typeof v !== 'number') throw new Error(`pdf.js OPS.${k} missing`);
    return v;
  };
  opCodes = {
    save: get('save'), restore: get('restore'), transform: get('transform'), constructPath: get('constructPath'),
    paintFormXObjectBegin: get('paintFormXObjectBegin'), paintFormXObjectEnd: get('paintFormXObjectEnd'),
    stroke: get('stroke'), closeStroke: get('closeStroke'), fill: get('fill'), eoFill: get('eoFill'),
    fillStroke: get('fillStroke'), eoFillStroke: get('eoFillStroke'), closeFillStroke: get('closeFillStroke'),
    closeEOFillStroke: get('closeEOFillStroke'), setFillRGBColor: get('setFillRGBColor'), setStrokeRGBColor: get('setStrokeRGBColor'),
  };
  return opCodes;
}

async function open(bytes: Uint8Array, file: string): Promise<PDFDocumentProxy> {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) throw new ReadError('not-pdf', `${file} does not start like a PDF (no %PDF- header); re-download the report`);
  try {
    // pdf.js may transfer (detach) the buffer it is given and refuses Node's Buffer subclass: pass a plain copy.
    return await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, useSystemFonts: false, disableFontFace: true, stopAtErrors: false });
  } catch (e) {
    const err = e as { name?: string; message?: string };
    if (err?.name === 'PasswordException') {
      throw new ReadError('encrypted', `${file} is password-protected (encrypted PDF); it cannot be read without the password — ask the publisher for an unprotected copy`);
    }
    if (err?.name === 'InvalidPDFException') {
      throw new ReadError('broken-pdf', `${file} is not a valid PDF (${err.message ?? 'invalid structure'}); the download is probably truncated or damaged — re-download it`);
    }
    throw new ReadError('broken-pdf', `${file} could not be opened as a PDF (${err?.message ?? String(e)}); re-download it or save it again as PDF`);
  }
}

/** Physical line numbers of a page: all items (text flow and table cells) clustered by baseline, top to bottom. */
function lineNumberer(all: Item[]): (y: number) => number {
  const mids = clusterLines(all).map((l) => l.items.reduce((s, i) => s + midY(i), 0) / l.items.length);
  return (y: number) => {
    let best = 0;
    let d = Infinity;
    mids.forEach((m, i) => { const dd = Math.abs(m - y); if (dd < d) { d = dd; best = i; } });
    return best + 1;
  };
}

async function layoutPage(pdf: PDFDocumentProxy, n: number, notes: string[]): Promise<PageLayout> {
  const page = await pdf.getPage(n);
  const [, , , yMax] = page.view as number[];
  const [, yMin] = page.view as number[];
  const height = (yMax ?? 842) - (yMin ?? 0);
  const items = (await pageItems(page)).map((it) => ({ ...it, y: it.y - (yMin ?? 0) }));
  let rules = { h: [], v: [] } as Awaited<ReturnType<typeof pageRules>>;
  try {
    rules = await pageRules(page, await ops());
    if (yMin) rules = { h: rules.h.map((s) => ({ ...s, y: s.y - yMin })), v: rules.v.map((s) => ({ ...s, y1: s.y1 - yMin, y2: s.y2 - yMin })) };
  } catch (e) {
    notes.push(`page ${n}: ruling lines unavailable (${(e as Error).message}); tables on it are read as text lines`);
  }
  const { tables, rest } = findTables(rules, items);
  const lineAt = lineNumberer(items);
  const entries: Entry[] = [];
  for (const line of clusterLines(rest)) {
    entries.push({ kind: 'line', line, no: lineAt(midY(line.items[0]!)), page: n, top: line.y + line.size * 0.8 });
  }
  for (const table of tables) {
    const cellLines = table.cells.map((c) => {
      const first = c.items.slice().sort((a, b) => midY(b) - midY(a) || a.x - b.x)[0];
      return lineAt(first ? midY(first) : c.yTop - 4);
    });
    entries.push({ kind: 'table', table, no: Math.min(...cellLines), page: n, top: table.top, cellLines });
  }
  entries.sort((a, b) => b.top - a.top);
  page.cleanup();
  return { page: n, height, entries, textItems: items.length };
}

/** Remove page numbers and lines repeated in the margin band of most pages; keep the latter as chrome hints. */
function dropFurniture(pages: PageLayout[], doc: Document): void {
  let pageNumbers = 0;
  const bandLines = (p: PageLayout) => {
    const lines = p.entries.filter((e): e is Extract<Entry, { kind: 'line' }> => e.kind === 'line');
    const edge = new Set([...lines.slice(0, 2), ...lines.slice(-2)]);
    return lines.filter((e) => edge.has(e) && inMarginBand(e.line, p.height));
  };
  const sigPages = new Map<string, Set<number>>();
  for (const p of pages) {
    for (const e of bandLines(p)) {
      const sig = signature(e.line.text);
      if (!sig || isPageNumber(e.line.text)) continue;
      const set = sigPages.get(sig) ?? new Set<number>();
      set.add(p.page);
      sigPages.set(sig, set);
    }
  }
  const need = Math.max(2, Math.ceil(pages.length * 0.5));
  const running = new Set([...sigPages].filter(([, s]) => s.size >= need && pages.length >= 2).map(([k]) => k));
  const kept = new Set<string>();
  for (const p of pages) {
    const drop = new Set<Entry>();
    for (const e of bandLines(p)) {
      if (isPageNumber(e.line.text)) { drop.add(e); pageNumbers++; continue; }
      const sig = signature(e.line.text);
      if (running.has(sig)) {
        drop.add(e);
        if (!kept.has(sig)) {
          kept.add(sig);
          doc.hints.chrome.push({ text: normaliseText(e.line.text), loc: { page: p.page, line: e.no } });
        }
      }
    }
    p.entries = p.entries.filter((e) => !drop.has(e));
  }
  if (pageNumbers) doc.notes.push(`${pageNumbers} page-number line(s) removed`);
  if (running.size) doc.notes.push(`${running.size} running header/footer line(s) removed from every page (kept in hints.chrome)`);
}

function tableRows(t: PdfTable, page: number, index: number, rowOffset: number, cellLines: number[]): TableCell[][] {
  const rows = new Map<number, TableCell[]>();
  t.cells.forEach((c, i) => {
    const list = rows.get(c.r) ?? [];
    const loc: Loc = { page, line: cellLines[i] ?? 1, table: index, row: 0, col: list.length };
    const cell: TableCell = { text: normaliseText(c.text).trim(), loc };
    if (c.rowspan > 1) cell.rowspan = c.rowspan;
    if (c.colspan > 1) cell.colspan = c.colspan;
    list.push(cell);
    rows.set(c.r, list);
  });
  return [...rows.keys()].sort((a, b) => a - b).map((r, i) => {
    const cells = rows.get(r)!;
    for (const c of cells) c.loc.row = rowOffset + i;
    return cells;
  });
}

function assemble(pages: PageLayout[], doc: Document): void {
  const allLines = pages.flatMap((p) => p.entries.flatMap((e) => (e.kind === 'line' ? [e.line] : [])));
  const m = margins(allLines);
  let tableCount = 0;
  let continued = 0;
  let open: { block: Extract<Block, { kind: 'table' }>; geom: PdfTable; page: number; index: number } | null = null;
  let para: { text: string; loc: Loc; last: PhysLine; page: number } | null = null;
  const flush = () => {
    if (para) {
      const text = normaliseText(para.text).trim();
      if (text) doc.blocks.push({ kind: 'text', text, loc: para.loc } satisfies TextBlock);
    }
    para = null;
  };
  for (const p of pages) {
    p.entries.forEach((e, i) => {
      if (e.kind === 'line') {
        const atTop = i === 0;
        if (para && (para.page === p.page || atTop) && continues(para.last, e.line, m, para.page === p.page)) {
          para.text = joinWrapped(para.text, e.line.text);
          para.last = e.line;
          para.page = p.page;
        } else {
          flush();
          para = { text: e.line.text, loc: { page: p.page, line: e.no }, last: e.line, page: p.page };
        }
        open = null;
        return;
      }
      flush();
      const t = e.table;
      const canContinue = open && i === 0 && open.page === p.page - 1 &&
        Math.abs(open.geom.x1 - t.x1) <= CONTINUE_TOL && Math.abs(open.geom.x2 - t.x2) <= CONTINUE_TOL;
      if (open && canContinue) {
        open.block.rows.push(...tableRows(t, p.page, open.index, open.block.rows.length, e.cellLines));
        open.page = p.page;
        open.geom = t;
        continued++;
      } else {
        const index = tableCount++;
        const block: Extract<Block, { kind: 'table' }> = { kind: 'table', rows: tableRows(t, p.page, index, 0, e.cellLines), loc: { page: p.page, line: e.no, table: index } };
        doc.blocks.push(block);
        open = { block, geom: t, page: p.page, index };
      }
      // A table that is not the last thing on its page cannot continue onto the next one.
      if (i !== p.entries.length - 1) open = null;
    });
    // Paragraphs only carry over a page break when the page ends in text.
    const last = p.entries.at(-1);
    if (last && last.kind === 'table') flush();
  }
  flush();
  if (tableCount) doc.notes.push(`${tableCount} ruled table(s) rebuilt from ruling lines${continued ? `, ${continued} continued across a page break` : ''}`);
}

function cleanTitle(t: unknown): string | undefined {
  if (typeof t !== 'string') return undefined;
  const s = normaliseText(t).replace(/^Microsoft (?:Word|PowerPoint) - /, '').replace(/\.(?:docx?|wps|pdf)$/i, '').trim();
  return s || undefined;
}

export const readPdf: Reader = async (bytes, file) => {
  const pdf = await open(bytes, file);
  try {
    const doc: Document = { format: 'pdf', encoding: 'pdf-text-layer', blocks: [], hints: { chrome: [] }, notes: [] };
    try {
      const meta = await pdf.getMetadata();
      const info = (meta?.info ?? {}) as Record<string, unknown>;
      const title = cleanTitle(info['Title']);
      if (title) doc.hints.title = title;
      const made = [info['Creator'], info['Producer']].filter((x) => typeof x === 'string' && x.trim()).join(' / ');
      doc.notes.push(`pdf: ${pdf.numPages} page(s)${made ? `, made with ${normaliseText(made)}` : ''}${typeof info['CreationDate'] === 'string' ? `, created ${info['CreationDate']}` : ''}`);
    } catch {
      doc.notes.push(`pdf: ${pdf.numPages} page(s); document info unreadable`);
    }
    const pages: PageLayout[] = [];
    for (let n = 1; n <= pdf.numPages; n++) pages.push(await layoutPage(pdf, n, doc.notes));
    const empty = pages.filter((p) => p.textItems === 0).map((p) => p.page);
    if (empty.length === pages.length) {
      throw new ReadError('no-text-layer', 'scanned PDF without a text layer; OCR is not supported');
    }
    if (empty.length) doc.notes.push(`page(s) ${empty.join(', ')} have no text layer (scanned images?); their content is missing`);
    dropFurniture(pages, doc);
    assemble(pages, doc);
    return doc;
  } finally {
    await pdf.loadingTask.destroy();
  }
};
