import { z } from 'zod';
import { LocSchema } from './location.ts';

/** Value states (spec §1.2). Blank is never silently 0: zero-filling is an explicit, marked inference. */
export const CellStateSchema = z.enum(['num', 'zero_word', 'blank', 'dash', 'slash', 'text', 'absent', 'inferred']);
export type CellState = z.infer<typeof CellStateSchema>;

/** Compiled (see report.ts): a report has hundreds of cells. */
export const CellSchema = z.compile(z.strictObject({
  value: z.number().nullable(),
  /** The cell text exactly as printed (after character normalisation); "" for blank or absent cells. */
  raw: z.string(),
  state: CellStateSchema,
  loc: LocSchema.nullable(),
  /** Unit printed inside the cell ("251000元", "0件"); values are converted to the form's unit. */
  unit: z.string().optional(),
  /** For inferred cells: the derivation rule (D1 zero-fill, D2 single unknown) and the state it replaced. */
  inferred_from: z.string().optional(),
  was: CellStateSchema.optional(),
}));
export type Cell = z.infer<typeof CellSchema>;

export function absentCell(): Cell {
  return { value: null, raw: '', state: 'absent', loc: null };
}
