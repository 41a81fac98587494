import { loadingExamples, MAIN_TABLES, JSON_FILES, GROUPS } from './catalog.ts';
import { STATES } from './codebook.ts';
import { LICENSE } from './descriptor.ts';
import type { Release } from './release.ts';
import type { WrittenFile } from './sink.ts';

// README.md of the download folder: what each file is, how to load it, licence, citation, caveats and the
// data changelog. Everything in it is computed from the files just written, so it cannot go stale.

export interface Summary {
  reports: number;
  agencies: number;
  years: { year: string; reports: number }[];
  ledger: { parsed: number; partial: number; rejected: number };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = n;
  let u = -1;
  do { v /= 1024; u++; } while (v >= 1024 && u < units.length - 1);
  return `${v.toFixed(1)} ${units[u]}`;
}

export function citation(release: Pick<Release, 'version' | 'date'>): { text: string; bibtex: string } {
  const title = 'Nianbao: Chinese government information disclosure annual reports (政府信息公开工作年度报告), statistics tables';
  return {
    text: `Nianbao contributors (${release.date.slice(0, 4)}). ${title}. Dataset version ${release.version}, released ${release.date}. Licensed under CC BY 4.0.`,
    bibtex: [
      `@misc{nianbao_${release.version.replace(/\W/g, '_')},`,
      `  author  = {{Nianbao contributors}},`,
      `  title   = {${title}},`,
      `  year    = {${release.date.slice(0, 4)}},`,
      `  version = {${release.version}},`,
      `  note    = {Dataset released ${release.date}. CC BY 4.0},`,
      `}`,
    ].join('\n'),
  };
}

export const CAVEATS = [
  'The tables are extracted automatically from reports as published (HTML, PDF, Word, text). Check a value\'s state (report_states.csv, cells.csv) and its report\'s checks (checks.csv, checks_fail in reports.csv) before relying on it.',
  'Blank is not zero. A blank cell means nothing was printed; a dash (—) may mean zero or not applicable; a slash (/) means not applicable. reports.csv leaves all of these empty and report_states.csv says which one it was.',
  'Some blanks are filled by arithmetic the report itself implies (a row whose printed total is 0; the one unknown of a sum). These values are only in cells.csv, with state "inferred", the rule in inferred_from and the printed state in was.',
  'The 2019 and 2021 formats differ (table 2 especially). Compare years only through the codebook\'s gov2019_key / gov2021_key and comparability columns: fee item counts (2019) and fee amounts (2021) are different things.',
  'Coverage is the set of reports collected, not every agency in China. ledger.csv lists every input file, including the ones that could not be read and why.',
  'Agencies are grouped by their resolved division code plus the organ (or by normalised name where the region is unresolved or ambiguous); renamed or merged agencies may appear as several agencies (possible renames are linked in the report JSON, never merged). region_code/region_path come from the 2023 division-code table and can differ from older boundaries; *_hint columns are what the report itself printed.',
  'Text cells are published exactly as printed. Spreadsheet programs may treat a cell that starts with = + - @ as a formula; open the files as data (Data → From Text/CSV) rather than by double-clicking if that matters.',
];

function fileTable(files: WrittenFile[]): string {
  const rows = files.map((f) => {
    const table = MAIN_TABLES.find((t) => `${t.name}.csv` === f.path);
    const what = table ? `${table.title}. ${table.description}` : JSON_FILES[f.path as keyof typeof JSON_FILES] ?? '';
    const shape = f.rows === undefined ? '' : `${f.rows} × ${f.columns!.length}`;
    return `| [\`${f.path}\`](${f.path}) | ${shape} | ${formatBytes(f.bytes)} | ${what} |`;
  });
  return ['| File | Rows × columns | Size | What it is |', '|---|---|---|---|', ...rows].join('\n');
}

export function renderReadme(release: Release, summary: Summary, files: WrittenFile[]): string {
  const cite = citation(release);
  const years = summary.years.map((y) => `${y.year} (${y.reports})`).join(', ');
  const example = loadingExamples('cells.csv', MAIN_TABLES.find((t) => t.name === 'cells')!);
  return `# Nianbao datasets — 政府信息公开工作年度报告数据

Version **${release.version}**, released **${release.date}**.
${summary.reports} reports from ${summary.agencies} agencies; years: ${years || 'none'}.
Input files: ${summary.ledger.parsed} parsed, ${summary.ledger.partial} partial, ${summary.ledger.rejected} rejected (see \`ledger.csv\`).

Every CSV is UTF-8 with a byte-order mark (so Excel shows Chinese correctly), CRLF line ends, RFC 4180 quoting,
a header row, and an empty field as the only missing-value marker. Column order is stable across releases (new
columns are appended and noted in the changelog). \`datapackage.json\` gives every column's type and meaning.

## Files

${fileTable(files)}

Slices, with the same columns as the full files:

- \`by-year/<year>/reports.csv\`, \`report_states.csv\`, \`cells.csv\`, \`checks.csv\` — one year only (\`unknown\` when the year could not be read).
${Object.values(GROUPS).map((g) => `- \`${g.pattern}\` — ${g.description}`).join('\n')}

\`SHA256SUMS\` lists the SHA-256 of every file (check with \`sha256sum -c SHA256SUMS\`); \`files.json\` is a
machine-readable list of the files with sizes and row counts.

## Keys and value states

Field keys such as \`requests.result.denied.state_secret.total\` are explained in \`codebook.csv\`: the label as
printed on the national form, an English label, the unit, which formats (2019, 2021) have the field, and how it
maps between them. Every cell has one state:

${STATES.map((s) => `- \`${s.state}\` — ${s.en} (${s.zh})`).join('\n')}

## Loading

${example.map((e) => `${e.lang}:\n\n\`\`\`${e.lang === 'pandas' ? 'python' : e.lang === 'R' ? 'r' : 'sql'}\n${e.code}\n\`\`\``).join('\n\n')}

With the Frictionless tools the types come from \`datapackage.json\`: \`frictionless::read_resource(frictionless::read_package("datapackage.json"), "cells")\` in R, or \`frictionless.Package("datapackage.json").get_resource("cells").to_pandas()\` in Python (with the pandas plugin).

## Licence

The compilation — the extracted tables, states, locations, checks, agency list and codebook — is licensed under
the [${LICENSE.title}](${LICENSE.path}) licence (${LICENSE.name}). Attribute it as shown under "How to cite".

The annual reports themselves are public government information, published by the reporting agencies under the
Regulations of the PRC on the Disclosure of Government Information (《中华人民共和国政府信息公开条例》). We claim no
rights in them. Their figures are facts; their section texts are included in \`reports.json\` for reference and
research, and remain the agencies' publications.

## How to cite

${cite.text}

\`\`\`bibtex
${cite.bibtex}
\`\`\`

Please give the version: later versions may correct values.

## Caveats

${CAVEATS.map((c) => `- ${c}`).join('\n')}

## Changelog

${release.changelog.replace(/^## /gm, '### ')}
`;
}
