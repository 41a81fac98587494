import { active2019, active2021 } from './active.ts';
import { appeals } from './appeals.ts';
import { requests2019, requests2021 } from './requests.ts';
import type { FieldDef, Form, Label, ModernEra } from './types.ts';
import { MODERN_ERAS } from './types.ts';
import { labelKey } from '../text/normalise.ts';

export * from './types.ts';

export const FORMS: Record<ModernEra, Form> = {
  gov2021: {
    era: 'gov2021', zh: '2021年版格式', en: '2021 format', notice: '国办公开办函〔2021〕30号', years: '2021–',
    active: active2021, requests: requests2021, appeals,
  },
  gov2019: {
    era: 'gov2019', zh: '2019年版格式', en: '2019 format', notice: '国办公开办函〔2019〕60号', years: '2019–2020',
    active: active2019, requests: requests2019, appeals,
  },
};

/** Default fragments, computed once per label: matching runs for every printed cell against every row. */
const defaultKeys = new WeakMap<Label, string[]>();

/** Normalised match fragments of a label (defaults to its Chinese text). */
export function matchKeys(label: Label): string[] {
  if (label.match) return label.match;
  let keys = defaultKeys.get(label);
  if (!keys) defaultKeys.set(label, (keys = [labelKey(label.zh)]));
  return keys;
}

/** Does a printed cell (already labelKey-normalised) carry this label? */
export function labelMatches(label: Label, cellKey: string): boolean {
  if (!cellKey) return false;
  return matchKeys(label).some((m) => (label.exact ? cellKey === m : cellKey.includes(m)));
}

/** One test for a set of labels, with labelMatches' semantics (substring, or equality for exact labels). */
export function labelTest(labels: readonly Label[]): (key: string) => boolean {
  const exact = new Set<string>();
  const parts: string[] = [];
  for (const l of labels) for (const m of matchKeys(l)) (l.exact ? exact.add(m) : parts.push(m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  const re = new RegExp(parts.join('|'));
  return (key) => !!key && (exact.has(key) || re.test(key));
}

/** Every field of one era's form, in printed order (table 2, 3, 4). */
export function formFields(era: ModernEra): FieldDef[] {
  const form = FORMS[era];
  const out: FieldDef[] = [];
  for (const block of form.active.blocks) {
    for (const row of block.rows) {
      for (const col of block.columns) {
        out.push({
          key: `active.${row.key}.${col.key}`, table: 'active', row: row.key, col: col.key,
          zh: `${row.zh} › ${col.zh}`, en: `${row.en} — ${col.en}`, row_zh: row.zh, col_zh: col.zh,
          row_en: row.en, col_en: col.en, unit: col.unit, kind: col.kind, anchor: block.anchor.zh,
        });
      }
    }
  }
  for (const row of form.requests.rows) {
    for (const col of form.requests.columns) {
      out.push({
        key: `requests.${row.key}.${col.key}`, table: 'requests', row: row.key, col: col.key,
        zh: `${row.zh} › ${col.zh}`, en: `${row.en} — ${col.en}`, row_zh: row.zh, col_zh: col.zh,
        row_en: row.en, col_en: col.en, unit: col.unit, kind: col.kind,
      });
    }
  }
  for (const group of form.appeals.groups) {
    for (const leaf of form.appeals.leaves) {
      out.push({
        key: `appeals.${group.key}.${leaf.key}`, table: 'appeals', row: group.key, col: leaf.key,
        zh: `${group.zh} › ${leaf.zh}`, en: `${group.en} — ${leaf.en}`, row_zh: group.zh, col_zh: leaf.zh,
        row_en: group.en, col_en: leaf.en, unit: leaf.unit, kind: leaf.kind,
      });
    }
  }
  return out;
}

/** Union of all modern eras' fields, each listed once with the eras that have it (2021 order first). */
export function allFields(): (FieldDef & { eras: ModernEra[] })[] {
  const byKey = new Map<string, FieldDef & { eras: ModernEra[] }>();
  for (const era of MODERN_ERAS) {
    for (const f of formFields(era)) {
      const seen = byKey.get(f.key);
      if (seen) seen.eras.push(era);
      else byKey.set(f.key, { ...f, eras: [era] });
    }
  }
  return [...byKey.values()];
}
