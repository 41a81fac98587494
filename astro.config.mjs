import { defineConfig } from 'astro/config';

// Static site; every page is prerendered. Reports are a lean content collection (src/content.config.ts).
// One shared external stylesheet: cached once instead of repeated in 100k report pages.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  devToolbar: { enabled: false },
});
