import type { Table } from './table.ts';
import { agenciesTable, cellsTable, checksTable, codebookTable, ledgerTable, reportsTable, statesTable } from './tables.ts';

// What each published file is, for the README, files.json and the data page; and the three-line loading
// examples, generated from each table's columns so that id-like columns are always read as text.

// The tables differ in row type; only their names and columns are used here.
type AnyTable = Table<any>;

/** The full CSV tables, in the order the README and the data page present them. */
export const MAIN_TABLES: AnyTable[] = [reportsTable, statesTable, cellsTable, checksTable, agenciesTable, codebookTable, ledgerTable];
/** Tables repeated for each year under by-year/<year>/. */
export const YEAR_TABLES: AnyTable[] = [reportsTable, statesTable, cellsTable, checksTable];

export const JSON_FILES = {
  'reports.json': 'Every report, one JSON object per line inside one array: metadata, section texts, every cell with raw text, state and location, checks and notes.',
  'codebook.json': 'The codebook as JSON: formats, value states, and every field with labels, unit and the 2019↔2021 mapping.',
  'datapackage.json': 'Frictionless Data Package (v1) descriptor: every CSV with its Table Schema (types, keys, missing values), licence, version.',
} as const;

export const GROUPS = {
  report_json: { pattern: 'reports/<id>.json', description: 'One report, as in reports.json (stable URL; linked from the report page).' },
  report_csv: { pattern: 'reports/<id>.csv', description: 'One report\'s cells, same columns as cells.csv.' },
  agency_csv: { pattern: 'by-agency/<agency_id>.csv', description: 'One agency\'s reports, one row per report: a time series, same columns as reports.csv.' },
  agency_states: { pattern: 'by-agency/<agency_id>.states.csv', description: 'The printed cell states of the same reports, same columns as report_states.csv.' },
} as const;
export type Group = keyof typeof GROUPS;

/** Columns readers must not guess as numbers (hex ids can be all digits; codes keep leading zeros). */
export function textColumns(table: AnyTable): string[] {
  return table.columns.filter((c) => c.type === 'string' && /(^|_)(id|ids|key|code_hint|sha256|raw)$/.test(c.name)).map((c) => c.name);
}

export interface Example {
  lang: 'pandas' | 'R' | 'DuckDB';
  code: string;
}

/** Three lines each; `file` is the path after download (or a URL). */
export function loadingExamples(file: string, table: AnyTable): Example[] {
  const text = textColumns(table);
  const py = text.map((c) => `"${c}": str`).join(', ');
  const r = text.map((c) => `\`${c}\` = "c"`).join(', ');
  const duck = text.map((c) => `'${c}': 'VARCHAR'`).join(', ');
  const name = table.name;
  return [
    {
      lang: 'pandas',
      code: `import pandas as pd\n${name} = pd.read_csv("${file}", encoding="utf-8-sig", dtype={${py}}, keep_default_na=False, na_values=[""])\nprint(${name}.head())`,
    },
    {
      lang: 'R',
      code: `library(readr)\n${name} <- read_csv("${file}", col_types = cols(${r}, .default = col_guess()), na = "")\nhead(${name})`,
    },
    {
      lang: 'DuckDB',
      code: `CREATE TABLE ${name} AS\n  SELECT * FROM read_csv('${file}', header = true, types = {${duck}});\nSELECT * FROM ${name} LIMIT 10;`,
    },
  ];
}
