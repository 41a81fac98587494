import { z } from 'zod';

/**
 * Optional collection metadata for one input file, in `<file>.meta.json` beside it. Whatever it states
 * overrides what the report text says (spec §8.3: the collection manifest is the strongest cue).
 */
export const SidecarSchema = z.strictObject({
  source_url: z.string().url().optional(),
  retrieved_at: z.string().optional(),
  agency_name: z.string().min(1).optional(),
  year: z.number().int().min(1990).max(2100).optional(),
  published_at: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** Place names from province down, e.g. ["辽宁省", "大连市", "西岗区"]. */
  region_hint: z.array(z.string().min(1)).optional(),
  /** 6-digit administrative division code when the collector knows it. */
  region_code: z.string().regex(/^\d{6}$/).optional(),
  notes: z.string().optional(),
});
export type Sidecar = z.infer<typeof SidecarSchema>;

export const SIDECAR_SUFFIX = '.meta.json';
