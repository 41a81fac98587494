import { defineConfig } from 'astro/config';

// Static site; every page is prerendered. Reports are a lean content collection (src/content.config.ts).
// One shared external stylesheet: cached once instead of repeated in 100k report pages.
//
// scripts/build.ts runs this build inside its work folder: NIANBAO_SITE_DIR is where the pages go (the build
// then links them into dist/ beside the data files and the search index), NIANBAO_ASTRO_CACHE holds the
// content store and the incremental-build cache. Incremental builds skip every page whose getStaticPaths
// entry returns an unchanged cacheKey (STACK-NOTES §2), so the output folder is kept between builds and only
// pages that are no longer produced are removed afterwards.
const outDir = process.env.NIANBAO_SITE_DIR || undefined;
const cacheDir = process.env.NIANBAO_ASTRO_CACHE || undefined;

/**
 * Remove pages (and their folders) left over from an earlier build that this build no longer produces, and
 * bundled assets (_astro/) that this build did not write.
 */
function pruneStalePages() {
  let started = 0;
  return {
    name: 'nianbao-prune-stale-pages',
    hooks: {
      'astro:build:start': () => { started = Date.now(); },
      'astro:build:done': async ({ dir, pages }) => {
        const { readdir, rm, rmdir, stat } = await import('node:fs/promises');
        const { fileURLToPath } = await import('node:url');
        const path = await import('node:path');
        const root = fileURLToPath(dir);
        const keep = new Set(pages.map((p) => path.join(root, p.pathname, 'index.html')));
        keep.add(path.join(root, 'index.html'));
        for (const e of await readdir(root, { withFileTypes: true, recursive: true })) {
          const file = path.join(e.parentPath, e.name);
          if (e.isFile() && e.name === 'index.html' && !keep.has(file)) await rm(file);
        }
        const assets = path.join(root, '_astro');
        for (const name of await readdir(assets).catch(() => [])) {
          const file = path.join(assets, name);
          if ((await stat(file)).mtimeMs < started - 1000) await rm(file, { recursive: true });
        }
        // Empty folders left behind, deepest first.
        const dirs = (await readdir(root, { withFileTypes: true, recursive: true })).filter((e) => e.isDirectory())
          .map((e) => path.join(e.parentPath, e.name)).sort((a, b) => b.length - a.length);
        for (const d of dirs) await rmdir(d).catch(() => {});
      },
    },
  };
}

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  compressHTML: true,
  devToolbar: { enabled: false },
  ...(outDir ? { outDir, vite: { build: { emptyOutDir: false } } } : {}),
  ...(cacheDir ? { cacheDir } : {}),
  experimental: { incrementalBuild: true },
  integrations: outDir ? [pruneStalePages()] : [],
});
