import { z } from 'zod';

/** Every input file ends in the ledger: parsed, partial (published with gaps) or rejected with a reason. */
export const LedgerEntrySchema = z.strictObject({
  file: z.string(),
  sha256: z.string().nullable(),
  bytes: z.number().int().nonnegative(),
  status: z.enum(['parsed', 'partial', 'rejected']),
  /** Short machine-readable reason for partial/rejected (e.g. "empty", "binary", "tables-incomplete"). */
  reason: z.string().nullable(),
  /** Plain-language explanation: what failed, where, and what to do. */
  message: z.string().nullable(),
  report_id: z.string().nullable(),
  /** Another input with identical bytes already produced this report. */
  duplicate_of: z.string().nullable(),
});
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;

export const LedgerSchema = z.strictObject({
  schema_version: z.literal(1),
  counts: z.strictObject({ parsed: z.number().int(), partial: z.number().int(), rejected: z.number().int() }),
  entries: z.array(LedgerEntrySchema),
});
export type Ledger = z.infer<typeof LedgerSchema>;

/** Report ids of a ledger (the first file of each distinct report), sorted. */
export function ledgerReportIds(ledger: Ledger): string[] {
  return [...new Set(ledger.entries.map((e) => e.report_id).filter((id): id is string => id !== null))].sort();
}
