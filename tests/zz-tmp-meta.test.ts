import { test } from 'vitest';
import { readdirSync } from 'node:fs';
import { seedDoc, realDoc, SEED_FILES, REAL } from './meta-fixtures.ts';
import { extractMeta } from '../src/extract/meta/index.ts';
test('dump', async () => {
  const files = [...SEED_FILES.map((s) => ['seed', s]), ...readdirSync(REAL).filter((f) => f !== 'MANIFEST.md').map((f) => ['real', f])];
  for (const [kind, f] of files) {
    const doc = kind === 'seed' ? await seedDoc(f!) : await realDoc(f!);
    const m = extractMeta(doc, { sidecar: null });
    const { region, contact, ...rest } = m;
    console.log('=====', f, '\n', JSON.stringify(rest), '\n', JSON.stringify(contact), '\n', JSON.stringify(region));
  }
});
