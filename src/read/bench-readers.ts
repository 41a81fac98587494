// Reader throughput for `npm run bench`: the two real PDFs (content/corpus/real) and the DOCX fixtures made from
// seed reports (tests/fixtures). Each file is read once to warm up, then `rounds` times timed.

import { readFileSync } from 'node:fs';
import { readDocx } from './docx.ts';
import { readPdf } from './pdf.ts';
import type { Reader } from '../model/document.ts';

export interface ReaderBench {
  format: 'pdf' | 'docx';
  /** Files read in the timed part (distinct files × rounds). */
  files: number;
  ms: number;
  perSecond: number;
}

const INPUTS: { format: ReaderBench['format']; reader: Reader; files: string[] }[] = [
  {
    format: 'pdf', reader: readPdf,
    files: ['../../content/corpus/real/2023_huaian-hongze-district_pdf.pdf', '../../content/corpus/real/2024_huaian-city_pdf.pdf'],
  },
  { format: 'docx', reader: readDocx, files: ['../../tests/fixtures/seed001.docx', '../../tests/fixtures/seed004.docx'] },
];

export async function benchReaders(rounds = 3): Promise<ReaderBench[]> {
  const out: ReaderBench[] = [];
  for (const input of INPUTS) {
    const files = input.files.map((f) => ({ name: f.split('/').at(-1)!, bytes: new Uint8Array(readFileSync(new URL(f, import.meta.url))) }));
    for (const f of files) await input.reader(f.bytes, f.name);
    const t0 = performance.now();
    for (let r = 0; r < rounds; r++) for (const f of files) await input.reader(f.bytes, f.name);
    const ms = performance.now() - t0;
    const n = files.length * rounds;
    out.push({ format: input.format, files: n, ms: Math.round(ms), perSecond: Math.round((n / (ms / 1000)) * 100) / 100 });
  }
  return out;
}
