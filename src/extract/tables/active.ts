import { FORMS, labelMatches, type ModernEra } from '../../forms/index.ts';
import type { TableStatus } from '../../model/report.ts';
import { cellFromToken, isGluedLabel, looksRunTogether, type CellMap } from './cells.ts';
import { valueRun } from './runs.ts';
import { isLabelLike, type Token } from './tokens.ts';

/**
 * Table 2: four (2021) or five (2019) mini-tables, each introduced by its 第二十条第（X）项 anchor. Rows are
 * read inside their own block's span (anchor to next anchor), so 行政许可 under （五） cannot be confused
 * with a prose heading elsewhere; without anchors the whole span before table 3 is searched.
 */
export function extractActive(tokens: readonly Token[], era: ModernEra, end: number): { cells: CellMap; status: TableStatus } {
  const blocks = FORMS[era].active.blocks;
  const anchors = blocks.map((b) => tokens.findIndex((t, i) => i < end && isLabelLike(t) && labelMatches(b.anchor, t.key)));
  const sortedAnchors = anchors.filter((a) => a >= 0).sort((a, b) => a - b);
  const cells: CellMap = new Map();
  const notes: string[] = [];
  let ambiguous = false;
  let expected = 0;
  // Every row scans its block's tokens: strip each token's trailing digits once, not once per row.
  const rowKeys: (string | undefined)[] = [];
  const rowKey = (i: number): string => (rowKeys[i] ??= tokens[i]!.key.replace(/[\d.]+$/, ''));

  blocks.forEach((block, bi) => {
    const from = anchors[bi]! >= 0 ? anchors[bi]! : 0;
    const to = anchors[bi]! >= 0 ? (sortedAnchors.find((a) => a > from) ?? end) : end;
    expected += block.rows.length * block.columns.length;
    for (const row of block.rows) {
      for (let i = from; i < to; i++) {
        const t = tokens[i]!;
        if (!isLabelLike(t) || !labelMatches(row, rowKey(i))) continue;
        if (isGluedLabel(t)) {
          ambiguous = true;
          notes.push(`row ${row.zh} (line ${t.loc.line ?? '?'}): digits run together with the label (flattened table)`);
          break;
        }
        const run = valueRun(tokens, i, block.columns.length);
        if (run.length === 0) continue;
        if (run.some(looksRunTogether)) {
          ambiguous = true;
          notes.push(`row ${row.zh}: values with leading zeros — cells were run together`);
          break;
        }
        if (run.length < block.columns.length) {
          notes.push(`row ${row.zh}: ${run.length} of ${block.columns.length} cells printed`);
          if (block.columns.length > 1) ambiguous = true;
        }
        run.forEach((v, k) => {
          const col = block.columns[k]!;
          cells.set(`active.${row.key}.${col.key}`, cellFromToken(v, col));
        });
        break;
      }
    }
  });

  const found = cells.size;
  return {
    cells,
    status: {
      status: ambiguous ? 'ambiguous' : found === 0 ? 'absent' : found === expected ? 'complete' : 'partial',
      found,
      expected,
      notes,
    },
  };
}
