import { z } from 'zod';
import { FORMS, type ModernEra } from '../forms/index.ts';
import { agencyId } from './agencies.ts';
import { CROSS_RULES } from '../check/cross/index.ts';
import { EraSchema, MetaSchema, ResolvedRegionSchema, type Check, type Report } from '../model/report.ts';
import { cellValue } from '../model/cell-of.ts';

// The lean collection entry (STACK-NOTES §2): metadata, a handful of headline figures and check results.
// Everything else a page needs comes from the report JSON itself, read only by that report's page. The ingest
// writes every report's entry (<ingest>/lean.jsonl), so the site never reads the reports to list them.

export const OUTCOME_KEYS = ['granted', 'partial', 'denied', 'unavailable', 'not_processed', 'other'] as const;
export type OutcomeKey = (typeof OUTCOME_KEYS)[number];
export const APPEAL_LEAVES = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;

const CheckRefSchema = z.strictObject({ id: z.string(), scope: z.string() });

export const LeanSchema = z.strictObject({
  id: z.string(),
  title: z.string().nullable(),
  agency_id: z.string(),
  meta: z.strictObject({
    agency_name: z.string().nullable(),
    agency_kind: MetaSchema.shape.agency_kind,
    admin_level: MetaSchema.shape.admin_level,
    year: z.number().int().nullable(),
    era: EraSchema,
    published_at: z.string().nullable(),
    is_aggregate: z.boolean(),
    has_tables: z.boolean(),
    region: z.strictObject({ code_hint: z.string().nullable(), path_hint: z.array(z.string()), resolved: ResolvedRegionSchema.nullable().optional() }),
  }),
  source: z.strictObject({
    ext: z.string(), format: z.string(), bytes: z.number(), sha256: z.string(), retrieved_at: z.string().nullable(),
  }),
  tables: z.strictObject({ active: z.string(), requests: z.string(), appeals: z.string() }),
  /** Headline figures (total column / summed groups); a key is missing when the report does not give it. */
  f: z.record(z.string(), z.number()),
  checks: z.strictObject({
    fail: z.array(CheckRefSchema),
    warn: z.array(CheckRefSchema),
    uncertain: z.number().int(),
    pass: z.number().int(),
  }),
});
export type Lean = z.infer<typeof LeanSchema>;

function sumKnown(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
}

/** Which cells each headline figure sums, per era (worked out once from the forms): a missing cell is skipped. */
function figureKeys(era: ModernEra): [string, string[]][] {
  const form = FORMS[era];
  const out: [string, string[]][] = [];
  for (const row of ['new', 'carried_over', 'carried_forward']) out.push([row, [`requests.${row}.total`]]);
  out.push(['result_total', ['requests.result.total.total']]);
  out.push(['new_natural', ['requests.new.natural_person']]);
  out.push(['new_org', form.requests.columns.filter((c) => c.key.startsWith('org_')).map((c) => `requests.new.${c.key}`)]);
  const leaves = form.requests.rows.filter((row) => row.leaf);
  for (const o of OUTCOME_KEYS) {
    const prefix = `result.${o}`;
    out.push([o, leaves.filter((row) => row.key === prefix || row.key.startsWith(prefix + '.')).map((row) => `requests.${row.key}.total`)]);
  }
  for (const leaf of APPEAL_LEAVES) {
    out.push([`review_${leaf}`, [`appeals.review.${leaf}`]]);
    out.push([`suit_${leaf}`, [`appeals.suit_direct.${leaf}`, `appeals.suit_after_review.${leaf}`]]);
  }
  for (const row of ['licensing', 'penalty', 'coercion']) out.push([row, [`active.${row}.decisions`]]);
  return out;
}

/** Legacy statistics mapped as in spec §4.3 (medium confidence; the report page shows the originals). */
const LEGACY_FIGURES: [string, string[]][] = [
  ['new', ['legacy.requests.received']],
  ...['upheld', 'corrected', 'other', 'total'].flatMap((leaf): [string, string[]][] => [
    [`review_${leaf}`, [`legacy.appeals.review.${leaf}`]],
    [`suit_${leaf}`, [`legacy.appeals.suit.${leaf}`]],
  ]),
];

const FIGURE_KEYS: Record<Report['meta']['era'], [string, string[]][]> = {
  gov2021: figureKeys('gov2021'), gov2019: figureKeys('gov2019'), legacy: LEGACY_FIGURES,
};

/** Total-column figures for the headline numbers (2019 and 2021 forms share these keys); a figure no cell gives is left out. */
function figures(r: Report): Record<string, number> {
  const f: Record<string, number> = {};
  for (const [name, keys] of FIGURE_KEYS[r.meta.era]) {
    const v = sumKnown(keys.map((k) => cellValue(r, k)));
    if (v !== null) f[name] = v;
  }
  return f;
}

export function extOf(file: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(file);
  return m ? m[1]!.toLowerCase() : 'bin';
}

const ref = (c: Check) => ({ id: c.id, scope: c.scope });

function checkSummary(checks: readonly Check[]): Lean['checks'] {
  return {
    fail: checks.filter((c) => c.status === 'fail' && c.severity === 'error').map(ref),
    warn: checks.filter((c) => c.status === 'fail' && c.severity === 'warning').map(ref),
    uncertain: checks.filter((c) => c.status === 'uncertain').length,
    pass: checks.filter((c) => c.status === 'pass').length,
  };
}

/**
 * A report's entry as extraction leaves it, made by the ingest workers beside the report: its own checks only.
 * The corpus pass, which holds only these and not the reports, completes it (withCorpus).
 */
export type LeanCard = Omit<Lean, 'agency_id'>;

export function leanCard(r: Report): LeanCard {
  return {
    id: r.id,
    title: r.meta.title,
    meta: {
      agency_name: r.meta.agency_name, agency_kind: r.meta.agency_kind, admin_level: r.meta.admin_level, year: r.meta.year,
      era: r.meta.era, published_at: r.meta.published_at, is_aggregate: r.meta.is_aggregate, has_tables: r.meta.has_tables,
      region: { code_hint: r.meta.region.code_hint, path_hint: r.meta.region.path_hint, resolved: r.meta.region.resolved },
    },
    source: {
      ext: extOf(r.source.file), format: r.source.format, bytes: r.source.bytes, sha256: r.source.sha256, retrieved_at: r.source.retrieved_at,
    },
    tables: { active: r.tables.active.status, requests: r.tables.requests.status, appeals: r.tables.appeals.status },
    f: figures(r),
    checks: checkSummary(r.checks.filter((c) => !CROSS_RULES.has(c.id))),
  };
}

/** The entry once the corpus pass has run: its cross-report results counted after the report's own, its agency identified. */
export function withCorpus(card: LeanCard, cross: readonly Check[]): Lean {
  const { id, title, checks, ...rest } = card;
  const more = checkSummary(cross);
  return {
    id, title, agency_id: agencyId(card), ...rest,
    checks: {
      fail: [...checks.fail, ...more.fail], warn: [...checks.warn, ...more.warn],
      uncertain: checks.uncertain + more.uncertain, pass: checks.pass + more.pass,
    },
  };
}

/** The entry of a report as published (with its cross-report checks). */
export const toLean = (r: Report): Lean => withCorpus(leanCard(r), r.checks.filter((c) => CROSS_RULES.has(c.id)));
