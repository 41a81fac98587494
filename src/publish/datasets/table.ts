// One definition per published table: the CSV header, the row values and the Table Schema in datapackage.json
// all come from the same column list, so they cannot drift apart.

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date';
export type Scalar = string | number | boolean | null | undefined;

export interface Constraints {
  required?: boolean;
  unique?: boolean;
  enum?: string[];
  minimum?: number;
  pattern?: string;
}

export interface Column<R> {
  name: string;
  type: FieldType;
  title?: string;
  description: string;
  constraints?: Constraints;
  get: (row: R) => Scalar;
}

export interface ForeignKey {
  fields: string[];
  /** Logical table name (a key of TABLE_NAMES); slices point at their own slice of that table. */
  table: string;
  reference: string[];
}

export interface Table<R> {
  /** Logical name, also the resource name of the full file. */
  name: string;
  title: string;
  description: string;
  columns: Column<R>[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
}

/** CSV text of one value: empty for missing (the only missing-value marker), plain decimals, true/false. */
export function csvValue(v: Scalar): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`cannot publish non-finite number ${v}`);
    return Object.is(v, -0) ? '0' : String(v);
  }
  return v;
}

export function header<R>(table: Table<R>): string[] {
  return table.columns.map((c) => c.name);
}

export function record<R>(table: Table<R>, row: R): string[] {
  return table.columns.map((c) => csvValue(c.get(row)));
}
