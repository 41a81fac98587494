import { defineConfig } from 'astro/config';
import { treeUnder } from './src/fs/walk.ts';

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
 * bundled assets (_astro/) that this build did not write. One walk (src/fs/walk.ts), and only folders a removal
 * emptied, or found empty, are tried: two recursive readdirs and an rmdir of every folder took ~1.2 s per build of
 * 6,000 pages.
 */
function pruneStalePages() {
  let started = 0;
  return {
    name: 'nianbao-prune-stale-pages',
    hooks: {
      'astro:build:start': () => { started = Date.now(); },
      'astro:build:done': async ({ dir, pages }) => {
        const { existsSync, readdirSync, rmSync, rmdirSync, statSync } = await import('node:fs');
        const { fileURLToPath } = await import('node:url');
        const path = await import('node:path');
        const root = fileURLToPath(dir).replace(/[\\/]$/, '');
        const assets = path.join(root, '_astro');
        const keep = new Set(pages.map((p) => path.join(root, p.pathname, 'index.html')));
        keep.add(path.join(root, 'index.html'));
        const { files, empty } = treeUnder(root);
        // Folders already empty: Astro removed their pages itself (cacheCopiesAreThePages).
        const emptied = new Set(empty);
        for (const file of files) {
          if (path.basename(file) === 'index.html' && !keep.has(file)) { rmSync(file); emptied.add(path.dirname(file)); }
        }
        for (const name of existsSync(assets) ? readdirSync(assets) : []) {
          const file = path.join(assets, name);
          if (statSync(file).mtimeMs < started - 1000) rmSync(file, { recursive: true });
        }
        // Folders a removal left empty, and their parents, deepest first.
        const candidates = new Set();
        for (let d of emptied) for (; d !== root && d.startsWith(root); d = path.dirname(d)) candidates.add(d);
        for (const d of [...candidates].sort((a, b) => b.length - a.length)) {
          try { rmdirSync(d); } catch { /* not empty */ }
        }
      },
    },
  };
}

/**
 * Astro's incremental build keeps a copy of every page it renders under <cacheDir>/dist/, to restore a page the
 * output folder has lost. Our output folder is kept between builds, so the copies were only a second file per page
 * (736 MB at 10,000 reports, for each page a file and a folder more to create): that folder is made a link to the
 * output folder, so the "copy" is the page itself, and a page missing from the output is rendered again. This
 * relies on where Astro 7.3.5 keeps the copies (core/build/incremental.js; the version is pinned): were it to move
 * them, they would simply be written as before.
 */
function cacheCopiesAreThePages() {
  return {
    name: 'nianbao-cache-copies-are-the-pages',
    hooks: {
      'astro:build:start': async () => {
        const { lstatSync, mkdirSync, readlinkSync, rmSync, symlinkSync } = await import('node:fs');
        const path = await import('node:path');
        const link = path.join(path.resolve(cacheDir), 'dist');
        const target = path.resolve(outDir);
        const st = lstatSync(link, { throwIfNoEntry: false });
        if (st?.isSymbolicLink() && readlinkSync(link) === target) return;
        rmSync(link, { recursive: true, force: true });
        mkdirSync(path.dirname(link), { recursive: true });
        symlinkSync(target, link, 'dir');
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
  integrations: outDir ? [pruneStalePages(), ...(cacheDir ? [cacheCopiesAreThePages()] : [])] : [],
});
