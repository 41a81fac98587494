import type { Document } from '../../model/document.ts';
import type { Loc } from '../../model/location.ts';
import { memoised, ownCopy } from '../../text/memo.ts';
import { stripLabel } from '../../text/normalise.ts';
import { classifyValue, type ValueClass } from './value.ts';

/**
 * The statistical tables are read from one token stream built from every block of the document, whatever
 * its layout family: each table cell, each non-empty text line, or each whitespace-separated part of a line
 * that reads "label value value …", becomes a token. Tokens from the same printed row share `row`, so a
 * value run stops at the row's end where the source says where rows end (tables, label+values lines).
 */
export interface Token {
  text: string;
  /** labelKey(text) (readers already normalised the text), worked out on first use (see TextToken). */
  readonly key: string;
  cls: ValueClass;
  loc: Loc;
  /** Printed-row id when the source marks rows; undefined for one-cell-per-line text. */
  row?: number;
}

/**
 * A token whose label key is made when first asked for: most prose lines are ruled out as labels by their
 * final 。 and never need one, and stripping a paragraph was a large part of tokenising.
 */
class TextToken implements Token {
  readonly text: string;
  readonly cls: ValueClass;
  readonly loc: Loc;
  readonly row: number | undefined;
  private label: string | undefined;

  constructor(text: string, cls: ValueClass, loc: Loc, row: number | undefined) {
    this.text = text;
    this.cls = cls;
    this.loc = loc;
    this.row = row;
  }

  get key(): string {
    return (this.label ??= labelOf(this.text));
  }
}

/** Table labels and numbers repeat from report to report. */
const labelOf = memoised(stripLabel, ownCopy);

/** Longest text that can still be a table label rather than a prose sentence. */
const MAX_LABEL_CHARS = 80;

/** A sentence's end: text ending so is prose, never a label. */
const SENTENCE_END = new Set(['。', '；', ';']);

export function isLabelLike(t: Token): boolean {
  return t.cls === 'text' && !SENTENCE_END.has(t.text.at(-1) ?? '') && t.key.length > 0 && t.key.length <= MAX_LABEL_CHARS;
}

/** A line (or cell) "label v1 v2 …" or "v1 v2 …" split into its parts; null when it is not such a row. */
function splitRow(text: string): string[] | null {
  const parts = text.trim().split(/\s+/);
  if (parts.length < 2) return null;
  let firstValue = parts.findIndex((p) => classifyValue(p) === 'value');
  if (firstValue < 0) return null;
  if (!parts.slice(firstValue).every((p) => classifyValue(p) === 'value')) return null;
  if (firstValue === 0) return parts;
  // Label words before the values are one label ("一、本年新收 … 数量", "商 业 企 业").
  const label = parts.slice(0, firstValue).join('');
  return [label, ...parts.slice(firstValue)];
}

export function tokenize(doc: Document): Token[] {
  const out: Token[] = [];
  let rowId = 0;
  const push = (text: string, loc: Loc, row?: number) => {
    const t = text.trim();
    out.push(new TextToken(t, classifyValue(t), loc, row));
  };
  for (const block of doc.blocks) {
    if (block.kind === 'text') {
      if (block.text.trim() === '') continue;
      const parts = splitRow(block.text);
      if (parts) {
        rowId++;
        for (const p of parts) push(p, block.loc, rowId);
      } else push(block.text, block.loc);
      continue;
    }
    for (const cells of block.rows) {
      rowId++;
      for (const cell of cells) {
        const parts = cell.text.includes(' ') ? splitRow(cell.text) : null;
        if (parts) for (const p of parts) push(p, cell.loc, rowId);
        else push(cell.text, cell.loc, rowId);
      }
    }
  }
  return out;
}
