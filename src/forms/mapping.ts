import { allFields } from './index.ts';
import type { ModernEra } from './types.ts';

// How fields of the 2019 and 2021 formats relate, for cross-year series (spec §3.4). Fields printed in both
// formats under the same key are "same" without a rule; every field that only one format has needs a rule
// here (tests/datasets-codebook.test.ts fails otherwise), so no mapping is ever guessed.

export type Comparability =
  /** Same key, same concept in both formats. */
  | 'same'
  /** The other format only has a sum of this field and its siblings (or this field is that sum). */
  | 'derived'
  /** Similar concept, not identical wording or scope: compare with care. */
  | 'approximate'
  /** The other format has a column in the same place, but it measures something else: never join them. */
  | 'not_comparable'
  /** No counterpart in the other format. */
  | 'none';

export interface MappingRule {
  /** The format the matched field belongs to. */
  era: ModernEra;
  /** Field key pattern; `*` matches one key segment. */
  key: string;
  /** Counterpart key in the other format; `$1`, `$2` … stand for the segments the `*`s of `key` matched. */
  counterpart: string | null;
  comparability: Exclude<Comparability, 'same'>;
  note_en: string;
  note_zh: string;
}

export const ERA_MAPPING: readonly MappingRule[] = [
  {
    era: 'gov2019', key: 'requests.result.other.subtotal.*', counterpart: 'requests.result.other.subtotal.$1', comparability: 'derived',
    note_en: 'Printed as one row in 2019; in 2021 it is the derived sum of the three （六） sub-rows.',
    note_zh: '2019年版为单独一行；2021年版拆为三行，其合计为推导值。',
  },
  {
    era: 'gov2021', key: 'requests.result.other.*.*', counterpart: 'requests.result.other.subtotal.$2', comparability: 'derived',
    note_en: 'The 2019 format prints only the （六）其他处理 total; compare the sum of the three 2021 sub-rows with it.',
    note_zh: '2019年版只有（六）其他处理合计一行，应与2021年版三行之和比较。',
  },
  {
    era: 'gov2019', key: 'active.*.made_new', counterpart: 'active.$1.issued', comparability: 'approximate',
    note_en: '"Newly made" (2019) vs "issued" (2021): close, not identical.',
    note_zh: '“本年新制作”与“本年制发”口径相近但不完全相同。',
  },
  {
    era: 'gov2021', key: 'active.*.issued', counterpart: 'active.$1.made_new', comparability: 'approximate',
    note_en: '"Issued" (2021) vs "newly made" (2019): close, not identical.',
    note_zh: '“本年制发”与“本年新制作”口径相近但不完全相同。',
  },
  {
    era: 'gov2019', key: 'active.*.published_total', counterpart: 'active.$1.in_force', comparability: 'not_comparable',
    note_en: 'Cumulative number ever published is not the number currently in force.',
    note_zh: '对外公开总数量为累计公开数，不等于现行有效件数。',
  },
  {
    era: 'gov2021', key: 'active.*.in_force', counterpart: 'active.$1.published_total', comparability: 'not_comparable',
    note_en: 'Number currently in force is not the 2019 cumulative number ever published.',
    note_zh: '现行有效件数不等于2019年版的对外公开总数量（累计数）。',
  },
  {
    era: 'gov2021', key: 'active.*.repealed', counterpart: null, comparability: 'none',
    note_en: 'Not in the 2019 format.', note_zh: '2019年版无此项。',
  },
  {
    era: 'gov2019', key: 'active.admin_fees.*', counterpart: 'active.admin_fees.amount_wan_yuan', comparability: 'not_comparable',
    note_en: '2019 counts fee items; 2021 reports money collected. Never map one onto the other.',
    note_zh: '2019年版为收费项目数，2021年版为收费金额（万元），不可互相换算。',
  },
  {
    era: 'gov2021', key: 'active.admin_fees.amount_wan_yuan', counterpart: 'active.admin_fees.items_prev', comparability: 'not_comparable',
    note_en: 'Money collected (2021) vs counts of fee items (2019). Never map one onto the other.',
    note_zh: '2021年版为收费金额（万元），2019年版为收费项目数，不可互相换算。',
  },
  {
    era: 'gov2019', key: 'active.other_services.*', counterpart: null, comparability: 'none',
    note_en: 'No 2021 equivalent.', note_zh: '2021年版无对应项。',
  },
  {
    era: 'gov2019', key: 'active.procurement.*', counterpart: null, comparability: 'none',
    note_en: 'Article 20 item (9) was dropped from the 2021 format.', note_zh: '2021年版删去第二十条第（九）项。',
  },
  {
    era: 'gov2019', key: 'active.*.published_new', counterpart: null, comparability: 'none',
    note_en: 'No 2021 equivalent.', note_zh: '2021年版无对应项。',
  },
  {
    era: 'gov2019', key: 'active.*.items_prev', counterpart: null, comparability: 'none',
    note_en: 'Counts of items, not kept in 2021.', note_zh: '事项数量，2021年版不再统计。',
  },
  {
    era: 'gov2019', key: 'active.*.items_delta', counterpart: null, comparability: 'none',
    note_en: 'Change in counts of items, not kept in 2021.', note_zh: '事项增减数，2021年版不再统计。',
  },
];

export interface EraLink {
  key: string;
  gov2019_key: string | null;
  gov2021_key: string | null;
  comparability: Comparability;
  note_en: string;
  note_zh: string;
}

/** Segments matched by each `*` of `pattern`, or null when `key` does not match. */
function match(pattern: string, key: string): string[] | null {
  const p = pattern.split('.');
  const k = key.split('.');
  if (p.length !== k.length) return null;
  const caught: string[] = [];
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '*') caught.push(k[i]!);
    else if (p[i] !== k[i]) return null;
  }
  return caught;
}

function fill(pattern: string, caught: string[]): string {
  return pattern.replace(/\$(\d)/g, (_, n: string) => caught[Number(n) - 1]!);
}

/** The cross-format link of one field key; the first matching rule wins. Throws for a key no rule covers. */
export function eraLink(key: string, eras: readonly ModernEra[]): EraLink {
  if (eras.includes('gov2019') && eras.includes('gov2021')) {
    return { key, gov2019_key: key, gov2021_key: key, comparability: 'same', note_en: '', note_zh: '' };
  }
  for (const rule of ERA_MAPPING) {
    if (!eras.includes(rule.era)) continue;
    const caught = match(rule.key, key);
    if (!caught) continue;
    const other = rule.counterpart === null ? null : fill(rule.counterpart, caught);
    return {
      key,
      gov2019_key: rule.era === 'gov2019' ? key : other,
      gov2021_key: rule.era === 'gov2021' ? key : other,
      comparability: rule.comparability, note_en: rule.note_en, note_zh: rule.note_zh,
    };
  }
  throw new Error(`no 2019↔2021 mapping rule covers ${key} (${eras.join(', ')}): add one to src/forms/mapping.ts`);
}

/** The link of every form field, in form order. */
export function eraLinks(): EraLink[] {
  return allFields().map((f) => eraLink(f.key, f.eras));
}
