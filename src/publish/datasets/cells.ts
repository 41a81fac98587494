import { allFields, type FieldDef, type ModernEra } from '../../forms/index.ts';
import { absentCell, type Cell, type CellState } from '../../model/cell.ts';
import type { Report } from '../../model/report.ts';
import { buildCodebook } from './codebook.ts';
import { byCodePoint } from '../../model/canonical.ts';

// Every cell of a report as one flat list, in a fixed order: form fields in form order, then derived, ext and
// legacy values sorted by key. This order is the row order of cells.csv and of reports/<id>.csv.

export type Origin = 'form' | 'derived' | 'ext' | 'legacy';

export interface CellRow {
  report_id: string;
  field_key: string;
  origin: Origin;
  table: string;
  row_key: string;
  col_key: string;
  /** The codebook unit (form and derived fields); empty for ext and legacy values. */
  unit: string;
  cell: Cell;
}

const FIELDS = allFields();
const UNITS = new Map(buildCodebook().fields.map((f) => [f.key, f.unit]));

/** Each field's path below its table, split once: formCell runs for every field of every report, three times. */
const PATHS = new WeakMap<FieldDef, string[]>();

function pathOf(field: FieldDef): string[] {
  let path = PATHS.get(field);
  if (!path) PATHS.set(field, (path = [...field.row.split('.'), field.col]));
  return path;
}

/** The printed cell of a form field, found by walking the report's nested table object. */
export function formCell(report: Report, field: FieldDef): Cell | undefined {
  let node: unknown = report[field.table];
  for (const part of pathOf(field)) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node as Cell | undefined;
}

function inEra(field: { eras: ModernEra[] }, report: Report): boolean {
  return (field.eras as string[]).includes(report.meta.era);
}

/**
 * The state a wide-table user should see: the printed state, so blank, dash and slash stay distinct from 0.
 * Inferred cells show the state they had before inference; fields the report's format lacks are "".
 */
export function printedState(report: Report, field: FieldDef & { eras: ModernEra[] }): CellState | '' {
  const cell = formCell(report, field);
  if (cell) return cell.state === 'inferred' ? (cell.was ?? 'absent') : cell.state;
  return inEra(field, report) ? 'absent' : '';
}

/** The printed value: numbers and zero words only; inferred values live in cells.csv with their rule. */
export function printedValue(report: Report, field: FieldDef): number | null {
  const cell = formCell(report, field);
  return cell && (cell.state === 'num' || cell.state === 'zero_word') ? cell.value : null;
}

type KeyParts = Pick<CellRow, 'table' | 'row_key' | 'col_key'>;

function splitKey(key: string, origin: Origin): KeyParts {
  const parts = (key.startsWith(`${origin}.`) && origin !== 'derived' ? key.slice(origin.length + 1) : key).split('.');
  if (parts.length < 3) return { table: parts[0] ?? '', row_key: parts[1] ?? '', col_key: '' };
  return { table: parts[0]!, row_key: parts.slice(1, -1).join('.'), col_key: parts.at(-1)! };
}

/** Derived keys come from a fixed set of definitions (check/derived.ts), the same in every report: each is split once. */
const DERIVED_PARTS = new Map<string, KeyParts>();

function derivedParts(key: string): KeyParts {
  let parts = DERIVED_PARTS.get(key);
  if (!parts) DERIVED_PARTS.set(key, (parts = splitKey(key, 'derived')));
  return parts;
}

export function* reportCells(report: Report): Generator<CellRow> {
  for (const f of FIELDS) {
    // A missing field of a table that was found is worth a row ("absent"); a table not found at all is
    // already said once by reports.csv <table>_status, so its 200 empty fields are not repeated here.
    const found = report.tables[f.table].status !== 'absent';
    const cell = formCell(report, f) ?? (found && inEra(f, report) ? absentCell() : undefined);
    if (!cell) continue;
    yield { report_id: report.id, field_key: f.key, origin: 'form', table: f.table, row_key: f.row, col_key: f.col, unit: f.unit, cell };
  }
  for (const origin of ['derived', 'ext', 'legacy'] as const) {
    const map = report[origin];
    for (const key of Object.keys(map).sort(byCodePoint)) {
      const parts = origin === 'derived' ? derivedParts(key) : splitKey(key, origin);
      yield { report_id: report.id, field_key: key, origin, ...parts, unit: UNITS.get(key) ?? '', cell: map[key]! };
    }
  }
}
