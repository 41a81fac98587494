import { closeSync, openSync, readSync } from 'node:fs';
import type { Report } from '../model/report.ts';

/** What comes before a report's tables: what readers of its metadata and prose need. */
export type ReportHead = Pick<Report, 'schema_version' | 'id' | 'source' | 'meta' | 'sections'>;

/**
 * Where the head ends in a report's stored JSON text. The ingest stores reports in canonical key order
 * (src/model/canonical.ts), where `tables` follows `sections`; inside a string a quote is escaped, and no key
 * before it holds a `tables` key, so the first match is the report's own.
 */
const TABLES_KEY = Buffer.from(',"tables":{');
/** Enough for the head of most reports (3–20 KB); a longer one is read on. */
const FIRST_READ = 32 * 1024;

/**
 * A report's head, read and parsed from the start of its file: the tables, derived cells and checks after it
 * (most of a report's ~75 KB) are neither read nor parsed.
 */
export function readReportHead(file: string): ReportHead {
  const fd = openSync(file, 'r');
  try {
    let buf = Buffer.allocUnsafe(FIRST_READ);
    let size = 0;
    for (;;) {
      const n = readSync(fd, buf, size, buf.length - size, size);
      const from = Math.max(0, size - TABLES_KEY.length);
      size += n;
      const at = buf.subarray(0, size).indexOf(TABLES_KEY, from);
      if (at >= 0) return JSON.parse(`${buf.toString('utf8', 0, at)}}`) as ReportHead;
      if (n === 0) throw new Error(`${file}: no "tables" key; not a report written by the ingest (run the ingest stage again)`);
      if (size === buf.length) buf = Buffer.concat([buf, Buffer.allocUnsafe(buf.length)]);
    }
  } finally {
    closeSync(fd);
  }
}
