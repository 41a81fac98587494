import { test } from 'vitest';
import { readdirSync } from 'node:fs';
import { seedDoc, realDoc, SEED_FILES, REAL } from './meta-fixtures.ts';
import { findTitle } from '../src/extract/meta/title.ts';
import { bodyLines } from '../src/extract/meta/text.ts';
import { readCatalogue } from '../src/extract/meta/catalogue.ts';
test('dump', async () => {
  const files = [...SEED_FILES.map((s) => ['seed', s]), ...readdirSync(REAL).filter((f) => f !== 'MANIFEST.md').map((f) => ['real', f])];
  for (const [kind, f] of files) {
    const doc = kind === 'seed' ? await seedDoc(f!) : await realDoc(f!);
    const lines = bodyLines(doc);
    const cat = readCatalogue([...doc.hints.chrome, ...lines.slice(0, 300)]);
    console.log(f, JSON.stringify(findTitle(lines, cat.find(c=>c.field==='name')?.value ?? null, doc.hints.title)), JSON.stringify(cat.map(c=>[c.key,c.value])));
  }
});
