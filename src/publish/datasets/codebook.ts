import { derivedDefinitions } from '../../check/derived.ts';
import { FORMS, MODERN_ERAS, allFields, formFields, type FieldDef, type ModernEra } from '../../forms/index.ts';
import { eraLink, type Comparability } from '../../forms/mapping.ts';
import type { CellState } from '../../model/cell.ts';

// The codebook is generated from the form definitions (src/forms), the derivation rules (src/check/derived.ts)
// and the 2019↔2021 mapping (src/forms/mapping.ts); nothing in it is typed by hand except what the value
// states mean.

export interface CodebookEntry {
  position: number;
  key: string;
  /** form: printed on the official form; derived: computed from printed cells (never printed). */
  origin: 'form' | 'derived';
  /** For derived fields, the sum that defines them. */
  formula: string | null;
  table: 'active' | 'requests' | 'appeals';
  row: string;
  col: string;
  anchor: string | null;
  /** Row › column as printed on the newest form that has the field. */
  label_zh: string;
  /** As printed on the 2019 form, when it has the field (wording differs for a few shared fields). */
  label_zh_gov2019: string | null;
  label_en: string;
  row_zh: string;
  col_zh: string;
  row_en: string;
  col_en: string;
  unit: string;
  kind: string;
  eras: ModernEra[];
  gov2019_key: string | null;
  gov2021_key: string | null;
  comparability: Comparability;
  mapping_note_en: string;
  mapping_note_zh: string;
}

export interface Codebook {
  eras: { era: ModernEra; zh: string; en: string; notice: string; years: string; fields: number }[];
  states: { state: CellState; zh: string; en: string }[];
  fields: CodebookEntry[];
}

/** What each cell state means (spec §1.2); the same codes appear in cells.csv and report_states.csv. */
export const STATES: Codebook['states'] = [
  { state: 'num', zh: '数字（含明确填写的0）', en: 'A number as printed, including an explicit 0' },
  { state: 'zero_word', zh: '以“零”“〇”“无”表示的0', en: 'Zero written as a word (零, 〇, 无)' },
  { state: 'blank', zh: '空白单元格', en: 'Blank cell: nothing printed; the value is unknown' },
  { state: 'dash', zh: '横线（-、—）：可能为0或不适用', en: 'A dash (-, —): zero or not applicable, ambiguous' },
  { state: 'slash', zh: '斜线（/）：不适用', en: 'A slash (/): not applicable' },
  { state: 'text', zh: '其他文字，无法读作数字', en: 'Other text that is not a number; the value is unknown' },
  { state: 'absent', zh: '报告中未找到该行或该列', en: 'The row or column was not found in the report' },
  { state: 'inferred', zh: '由勾稽规则推导补填（见 inferred_from、was）', en: 'Filled in by a derivation rule (see inferred_from and was)' },
];

type Field = FieldDef & { eras: ModernEra[]; formula: string | null };

/** Joined labels of the addends, or their shared label when they all have the same one. */
function joinLabels(parts: FieldDef[], pick: (f: FieldDef) => string, sep: string): string {
  const labels = [...new Set(parts.map(pick))];
  return labels.join(sep);
}

/**
 * Derived fields as the check engine defines them. Keys that some form prints (2019 （六）其他处理) stay form
 * fields; the mapping explains them.
 */
function derivedFields(forms: Map<string, Field>): Field[] {
  const out = new Map<string, Field>();
  for (const era of MODERN_ERAS) {
    const defs = new Map(formFields(era).map((f) => [f.key, f]));
    for (const { key, inputs: terms } of derivedDefinitions(era, false)) {
      if (forms.has(key)) continue;
      const seen = out.get(key);
      if (seen) { seen.eras.push(era); continue; }
      const parts = terms.map((k) => defs.get(k) ?? forms.get(k)!);
      const first = parts[0]!;
      const path = key.split('.');
      const sameRow = parts.every((p) => p.row === first.row);
      const rowGroup = FORMS[era].requests.groups.find((g) => `requests.${g.key}.subtotal.${first.col}` === key);
      const row_zh = sameRow ? first.row_zh : rowGroup?.zh ?? joinLabels(parts, (p) => p.row_zh, '＋');
      const row_en = sameRow ? first.row_en : rowGroup?.en ?? joinLabels(parts, (p) => p.row_en, ' + ');
      const col_zh = sameRow ? joinLabels(parts, (p) => p.col_zh, '＋') : first.col_zh;
      const col_en = sameRow ? joinLabels(parts, (p) => p.col_en, ' + ') : first.col_en;
      out.set(key, {
        key, table: first.table, row: path.slice(1, -1).join('.'), col: path.at(-1)!,
        zh: `${row_zh} › ${col_zh}`, en: `${row_en} — ${col_en}`, row_zh, col_zh, row_en, col_en,
        unit: first.unit, kind: first.kind, eras: [era], formula: terms.join(' + '),
      });
    }
  }
  return [...out.values()];
}

let built: Codebook | undefined;

/** The codebook (computed once per process; treat it as read-only). */
export function buildCodebook(): Codebook {
  built ??= compile();
  return built;
}

function compile(): Codebook {
  const forms = new Map<string, Field>(allFields().map((f) => [f.key, { ...f, formula: null }]));
  const labels2019 = new Map(formFields('gov2019').map((f) => [f.key, f.zh]));
  const fields = [...forms.values(), ...derivedFields(forms)].map((f, i): CodebookEntry => {
    const link = eraLink(f.key, f.eras);
    return {
      position: i + 1, key: f.key, origin: f.formula === null ? 'form' : 'derived', formula: f.formula,
      table: f.table, row: f.row, col: f.col, anchor: f.anchor ?? null,
      label_zh: f.zh, label_zh_gov2019: f.formula === null ? labels2019.get(f.key) ?? null : null, label_en: f.en, row_zh: f.row_zh, col_zh: f.col_zh, row_en: f.row_en, col_en: f.col_en,
      unit: f.unit, kind: f.kind, eras: [...f.eras].sort(),
      gov2019_key: link.gov2019_key, gov2021_key: link.gov2021_key, comparability: link.comparability,
      mapping_note_en: link.note_en, mapping_note_zh: link.note_zh,
    };
  });
  const eras = MODERN_ERAS.map((era) => ({
    era, zh: FORMS[era].zh, en: FORMS[era].en, notice: FORMS[era].notice, years: FORMS[era].years,
    fields: fields.filter((f) => f.origin === 'form' && f.eras.includes(era)).length,
  }));
  return { eras, states: STATES, fields };
}
