import { z } from 'zod';
import { LocSchema } from './location.ts';

/**
 * The one document model every reader produces and every extractor consumes. Text is already normalised
 * (normaliseText) but otherwise as printed; readers never interpret report content.
 */
export const TextBlockSchema = z.strictObject({
  kind: z.literal('text'),
  /** One physical line (or paragraph, for HTML/DOCX). May be empty: blank lines carry layout information. */
  text: z.string(),
  loc: LocSchema,
  /** Heading level when the source marked it (h1–h6, Word heading styles); absent otherwise. */
  heading: z.number().int().min(1).max(6).optional(),
});
export type TextBlock = z.infer<typeof TextBlockSchema>;

export const TableCellSchema = z.strictObject({
  text: z.string(),
  loc: LocSchema,
  rowspan: z.number().int().positive().optional(),
  colspan: z.number().int().positive().optional(),
});
export type TableCell = z.infer<typeof TableCellSchema>;

export const TableBlockSchema = z.strictObject({
  kind: z.literal('table'),
  /** Rows of cells as printed (spanned cells appear once, in the row where they start). */
  rows: z.array(z.array(TableCellSchema)),
  loc: LocSchema,
});
export type TableBlock = z.infer<typeof TableBlockSchema>;

export const BlockSchema = z.discriminatedUnion('kind', [TextBlockSchema, TableBlockSchema]);
export type Block = z.infer<typeof BlockSchema>;

export const SourceFormatSchema = z.enum(['txt', 'md', 'html', 'pdf', 'docx']);
export type SourceFormat = z.infer<typeof SourceFormatSchema>;

/** Metadata the container itself carries (HTML <title>/<meta>, a crawler's header block, PDF info). */
export const DocumentHintsSchema = z.strictObject({
  title: z.string().optional(),
  published_at: z.string().optional(),
  source_url: z.string().optional(),
  retrieved_at: z.string().optional(),
  /** Footer and chrome lines removed from the body but kept for metadata cues (网站标识码, 公网安备, 主办单位 …). */
  chrome: z.array(z.strictObject({ text: z.string(), loc: LocSchema })).default([]),
});
export type DocumentHints = z.infer<typeof DocumentHintsSchema>;

export const DocumentSchema = z.strictObject({
  format: SourceFormatSchema,
  encoding: z.string(),
  blocks: z.array(BlockSchema),
  hints: DocumentHintsSchema,
  /** Reader notes worth keeping (e.g. "decoded as gb18030", "3 <script> elements removed"). */
  notes: z.array(z.string()).default([]),
});
export type Document = z.infer<typeof DocumentSchema>;

/** A reader turns raw bytes into the document model, or throws a ReadError whose message says why not. */
export type Reader = (bytes: Uint8Array, file: string) => Promise<Document> | Document;

export class ReadError extends Error {
  /** Short machine-readable reason for the ledger, e.g. "empty", "binary", "ole2-doc", "no-text-layer". */
  readonly reason: string;
  constructor(reason: string, message: string) {
    super(message);
    this.reason = reason;
  }
}
