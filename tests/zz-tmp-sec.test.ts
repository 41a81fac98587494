import { test } from 'vitest';
import { readdirSync } from 'node:fs';
import { seedDoc, realDoc, SEED_FILES, REAL } from '../tests/meta-fixtures.ts';
import { extractSections, sectionSegments } from '../src/extract/sections.ts';
test('dump', async () => {
  const files = [...SEED_FILES.map((s) => ['seed', s]), ...readdirSync(REAL).filter((f) => f !== 'MANIFEST.md').map((f) => ['real', f])];
  for (const [kind, f] of files) {
    const doc = kind === 'seed' ? await seedDoc(f!) : await realDoc(f!);
    const secs = extractSections(doc);
    console.log('=====', f);
    for (const [k, s] of Object.entries(secs)) console.log(k, s ? `${JSON.stringify(s.heading)} L${s.loc.line} len=${s.text.length} | ${s.text.slice(0, 60).replace(/\n/g, '⏎')} … ${s.text.slice(-40).replace(/\n/g, '⏎')}` : null);
  }
});
