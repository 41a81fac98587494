import { createHash } from 'node:crypto';
import path from 'node:path';

// Where the build keeps its intermediate files, and every URL the site links to (one place, so the link
// checker and the pages agree).

export const INGEST_DIR = path.resolve(process.env.NIANBAO_INGEST_DIR ?? '.cache/ingest');
export const reportJsonPath = (id: string) => path.join(INGEST_DIR, 'reports', `${id}.json`);

export const url = {
  home: () => '/',
  report: (id: string) => `/reports/${id}/`,
  agency: (id: string) => `/agencies/${id}/`,
  agencies: () => '/agencies/',
  year: (year: number | null, page = 1) => `/years/${year ?? 'unknown'}/${page > 1 ? `${page}/` : ''}`,
  years: () => '/years/',
  region: (id: string) => `/regions/${id}/`,
  regions: () => '/regions/',
  problems: () => '/checks/',
  search: () => '/search/',
  methodology: () => '/methodology/',
  compare: (search = '') => `/compare/${search}`,
  leads: (kind?: string) => (kind ? `/leads/${kind}/` : '/leads/'),
  source: (id: string, ext: string) => `/sources/${sourceName(id, ext)}`,
  dataJson: (id: string) => `/data/reports/${id}.json`,
  dataCsv: (id: string) => `/data/reports/${id}.csv`,
  data: () => '/data/',
};

/** Formats a browser would run if served from our origin (report files are untrusted): served as text. */
const ACTIVE = new Set(['html', 'htm', 'shtml', 'xhtml', 'xht', 'svg', 'xml', 'js', 'mjs']);

/** File name of a report's original under /sources/: <id>.<ext>, plus .txt for active formats. */
export function sourceName(id: string, ext: string): string {
  return ACTIVE.has(ext) ? `${id}.${ext}.txt` : `${id}.${ext}`;
}

/** Stable ASCII id for a region path (province → … → township). */
export function regionId(regionPath: readonly string[]): string {
  return createHash('sha256').update(regionPath.join('/')).digest('hex').slice(0, 10);
}

/** Dataset files written by writeDatasets; the data page lists them from their manifest. */
export const DATA_DIR = path.resolve(process.env.NIANBAO_DATA_DIR ?? '.cache/data');
