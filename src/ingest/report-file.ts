import { readFileSync } from 'node:fs';
import { replaceFile } from '../fs/replace-file.ts';
import type { Report } from '../model/report.ts';

// A stored report (<ingest>/reports/<id>.json) is its canonical JSON text and a newline: byte for byte its
// per-report download, which the datasets hard-link to it instead of writing a copy. It is always replaced, never
// rewritten in place, so a download linked to an earlier version keeps that version's bytes.

export function writeReportFile(path: string, json: string | Uint8Array): void {
  replaceFile(path, json, '\n');
}

/** A stored report's JSON text, without the newline. */
export function readReportText(path: string): Buffer {
  const text = readFileSync(path);
  return text[text.length - 1] === 10 ? text.subarray(0, -1) : text;
}

/** A stored report, its JSON text and its file: what the datasets publish as it is (src/publish/datasets). */
export function loadStoredReport(path: string): { report: Report; json: Buffer; file: string } {
  const json = readReportText(path);
  return { report: JSON.parse(json.toString('utf8')) as Report, json, file: path };
}
