import { z } from 'zod';

/**
 * Where something was printed in its source file. Text-like inputs give `line` (1-based); PDFs give `page`
 * (and `line` within the page); explicit tables (HTML, DOCX, Markdown/pipe rows) add `table`, `row`, `col`
 * (0-based, in reading order; `col` counts cells as printed, not grid columns).
 */
export const LocSchema = z.strictObject({
  line: z.number().int().positive().optional(),
  page: z.number().int().positive().optional(),
  table: z.number().int().nonnegative().optional(),
  row: z.number().int().nonnegative().optional(),
  col: z.number().int().nonnegative().optional(),
});
export type Loc = z.infer<typeof LocSchema>;

export function formatLoc(loc: Loc | null | undefined): string {
  if (!loc) return '';
  const parts: string[] = [];
  if (loc.page !== undefined) parts.push(`p${loc.page}`);
  if (loc.line !== undefined) parts.push(`L${loc.line}`);
  if (loc.table !== undefined) parts.push(`t${loc.table}`);
  if (loc.row !== undefined) parts.push(`r${loc.row}`);
  if (loc.col !== undefined) parts.push(`c${loc.col}`);
  return parts.join(':');
}
