import { defineConfig } from 'astro/config';

// Static site; every page is prerendered. Reports are a lean content collection (src/content.config.ts).
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  devToolbar: { enabled: false },
  prefetch: false,
  vite: { build: { assetsInlineLimit: 0 } },
});
