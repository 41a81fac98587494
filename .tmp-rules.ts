import { readFileSync } from 'node:fs';
import { readDocument } from './src/read/index.ts';
import { joinProse } from './src/extract/meta/text.ts';
import { bodyLines } from './src/extract/meta/text.ts';
const f = 'content/corpus/real/2025_shanghai-govoffice_md.md';
const d = await readDocument(new Uint8Array(readFileSync(f)), 'x.md');
const text = joinProse(bodyLines(d)).text;
const src = readFileSync('src/extract/narrative.ts', 'utf8');
// crude: import RULES by eval is hard; re-export via dynamic import of a patched copy
const mod = await import('./src/extract/narrative.ts');
console.log(Object.keys(mod));
