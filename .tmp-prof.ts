import { readFileSync } from 'node:fs';
import { readDocument } from './src/read/index.ts';
import { extractMeta } from './src/extract/meta/index.ts';
import { extractSections } from './src/extract/sections.ts';
import { extractNarrative } from './src/extract/narrative.ts';
const f = process.argv[2]!;
const d = await readDocument(new Uint8Array(readFileSync(f)), f.split('/').pop()!);
const parts: Record<string, number> = { meta: 0, sections: 0, narrative: 0 };
for (let i = 0; i < 1250; i++) { if (i === 50) for (const k in parts) parts[k] = 0;
  const doc = structuredClone(d);
  let t = performance.now();
  const secs = extractSections(doc); parts.sections! += performance.now() - t; t = performance.now();
  extractMeta(doc, { sidecar: null }); parts.meta! += performance.now() - t; t = performance.now();
  extractNarrative(doc, secs); parts.narrative! += performance.now() - t;
}
for (const [k, v] of Object.entries(parts)) console.log(k, (v / 1200).toFixed(2), 'ms');
