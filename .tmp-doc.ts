import { readFileSync } from 'node:fs';
import { readDocument } from './src/read/index.ts';
const f = process.argv[2]!;
const doc = await readDocument(new Uint8Array(readFileSync(f)), f.split('/').pop()!);
const n = +(process.argv[3] ?? 40);
console.log('HINTS', JSON.stringify({ ...doc.hints, chrome: doc.hints.chrome.slice(0, 30) }).slice(0, 3000));
doc.blocks.slice(0, n).forEach((b) => console.log(b.kind, JSON.stringify(b.loc), b.kind === 'text' ? JSON.stringify(b.text).slice(0, 150) : JSON.stringify(b.rows.map(r => r.map(c => c.text))).slice(0, 300)));
