import type { Token } from './tokens.ts';

/**
 * The value slots printed after a row label: consecutive value/empty tokens, at most `max`, stopping at
 * any other text and, where the source marks rows, at the end of the label's row. Empty tokens are slots
 * only where the layout emits placeholders for blank cells (tables, docx tab runs); in one-cell-per-line
 * text there are none. A run stays within one printed row where rows are marked.
 */
export function valueRun(tokens: readonly Token[], labelAt: number, max: number): Token[] {
  const label = tokens[labelAt]!;
  const run: Token[] = [];
  for (let j = labelAt + 1; j < tokens.length && run.length < max; j++) {
    const t = tokens[j]!;
    if (label.row !== undefined && t.row !== label.row) break;
    // A run never spans two printed rows: a stray number line must not borrow the next row's cells.
    if (run.length > 0 && t.row !== run[0]!.row) break;
    if (t.cls === 'text') break;
    run.push(t);
  }
  return run;
}

/** Index of the next token at or after `from` for which `pred` holds, or -1. */
export function findToken(tokens: readonly Token[], from: number, pred: (t: Token) => boolean): number {
  for (let i = Math.max(0, from); i < tokens.length; i++) if (pred(tokens[i]!)) return i;
  return -1;
}
