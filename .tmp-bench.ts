import { readFileSync, readdirSync } from 'node:fs';
import { readDocument } from './src/read/index.ts';
import { extractMeta } from './src/extract/meta/index.ts';
import { extractSections } from './src/extract/sections.ts';
import { extractNarrative } from './src/extract/narrative.ts';
const files = [...readdirSync('content/corpus/seeds').map((f) => 'content/corpus/seeds/' + f), ...readdirSync('content/corpus/real').filter((f) => f !== 'MANIFEST.md').map((f) => 'content/corpus/real/' + f)];
const docs = [];
for (const f of files) docs.push(await readDocument(new Uint8Array(readFileSync(f)), f.split('/').pop()!));
const per: Record<string, number> = {};
const N = 30;
const t0 = performance.now();
for (let i = 0; i < N; i++) for (const [k, d] of docs.entries()) {
  const doc = structuredClone(d);
  const s = performance.now();
  extractMeta(doc, { sidecar: null });
  const secs = extractSections(doc);
  extractNarrative(doc, secs);
  per[files[k]!] = (per[files[k]!] ?? 0) + performance.now() - s;
}
const total = performance.now() - t0;
console.log('reports/s', ((N * docs.length) / total * 1000).toFixed(0));
for (const [f, ms] of Object.entries(per).sort((a, b) => b[1] - a[1]).slice(0, 6)) console.log((ms / N).toFixed(2), 'ms', f);
