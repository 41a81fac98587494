import { test } from 'vitest';
import { readdirSync } from 'node:fs';
import { seedDoc, realDoc, SEED_FILES, REAL } from './meta-fixtures.ts';
import { extractSections } from '../src/extract/sections.ts';
import { extractNarrative } from '../src/extract/narrative.ts';
test('dump', async () => {
  const files = [...SEED_FILES.map((s) => ['seed', s]), ...readdirSync(REAL).filter((f) => f !== 'MANIFEST.md').map((f) => ['real', f])];
  for (const [kind, f] of files) {
    const doc = kind === 'seed' ? await seedDoc(f!) : await realDoc(f!);
    const n = extractNarrative(doc, extractSections(doc));
    console.log('=====', f);
    for (const [k, v] of Object.entries(n)) console.log('  ', k, v.value, v.approx ?? '', v.cumulative ? 'CUM' : '', `L${v.loc.line}`, '|', v.raw, '|', v.context.slice(0, 70));
  }
});
