import { readFileSync, statSync } from 'node:fs';
import { replaceFile, writeParts } from '../fs/replace-file.ts';
import type { Report } from '../model/report.ts';

// A stored report (<ingest>/reports/<id>.json) is its canonical JSON text and a newline: byte for byte its
// per-report download, which the datasets hard-link to it instead of writing a copy. While a download is linked
// to it, it is replaced, never rewritten in place, so the download keeps the bytes it was published with.

export function writeReportFile(path: string, json: string | Uint8Array): void {
  // Rewritten in place when nothing else links to it (or written new): a replacement is a new file, which costs up
  // to ~1 ms of kernel time here.
  if ((statSync(path, { throwIfNoEntry: false })?.nlink ?? 0) > 1) replaceFile(path, json, '\n');
  else writeParts(path, [json, '\n']);
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
