// The official statistical forms, as data. Everything else (label matching, schemas, CSV columns, the
// codebook, rendered tables and checks) derives from these definitions.

export type Era = 'gov2021' | 'gov2019' | 'legacy';
export const MODERN_ERAS = ['gov2021', 'gov2019'] as const;
export type ModernEra = (typeof MODERN_ERAS)[number];

export type Unit = '件' | '项' | '万元' | '个';
export type ValueKind = 'count' | 'signed_count' | 'money';

export interface Label {
  /** Chinese label as printed on the official form. */
  zh: string;
  en: string;
  /**
   * Normalised (labelKey) fragments that identify this label when found inside a printed cell; the first
   * match in form order wins. Defaults to labelKey(zh).
   */
  match?: string[];
  /** Match only when the whole normalised cell equals one of `match` (for generic words such as 其他). */
  exact?: boolean;
}

export interface Column extends Label {
  key: string;
  unit: Unit;
  kind: ValueKind;
}

export interface Row extends Label {
  key: string;
}

/** One of table 2's mini-tables, introduced by an anchor row "第二十条第（X）项". */
export interface ActiveBlock {
  anchor: Label & { item: string };
  columns: Column[];
  rows: Row[];
}

export interface ActiveTable {
  blocks: ActiveBlock[];
}

export interface RequestsRow extends Row {
  /** Result leaves are summed by T3-RES; the row-group they sit under (e.g. 不予公开). */
  leaf?: boolean;
  group?: string;
}

export interface RequestsTable {
  columns: Column[];
  rows: RequestsRow[];
  /** Group labels printed as row-spanning cells; they carry no values. */
  groups: (Label & { key: string })[];
}

export interface AppealsTable {
  groups: (Label & { key: string })[];
  leaves: Column[];
}

export interface Form {
  era: ModernEra;
  zh: string;
  en: string;
  notice: string;
  years: string;
  active: ActiveTable;
  requests: RequestsTable;
  appeals: AppealsTable;
}

/** A field of a form flattened to its stable key, e.g. requests.result.denied.state_secret.total. */
export interface FieldDef {
  key: string;
  table: 'active' | 'requests' | 'appeals';
  /** Row path below the table (e.g. "result.denied.state_secret", "suit_direct", "rules"). */
  row: string;
  col: string;
  zh: string;
  en: string;
  row_zh: string;
  col_zh: string;
  row_en: string;
  col_en: string;
  unit: Unit;
  kind: ValueKind;
  /** Table-2 anchor (第二十条第（X）项) for active fields. */
  anchor?: string;
}
