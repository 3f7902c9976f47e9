import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PurgeCSS } from 'purgecss';
import type { Plugin } from 'vite';

/**
 * Utrecht's component CSS and design tokens are 590 kB together: every component of the library
 * and 2,500 custom properties of the municipality's theme, all blocking the first paint (download,
 * parse, and a style recalculation that carries every property). Once the build is written and the
 * code that ships is known, this keeps only the rules whose class names occur in that code or in
 * index.html, and only the custom properties the remaining rules (or our theme) read. The file
 * gets a new hash from what is left, so a browser never keeps a stale copy, and index.html (never
 * cached) names the new one. A chunk must not name a style sheet: it would keep the old name in a
 * file cached for a year (vite.config.mts: cssCodeSplit false, so only index.html names it).
 */
export function purgeUnusedCss(): Plugin {
  return {
    name: 'purge-unused-css',
    apply: 'build',
    enforce: 'post',
    async writeBundle(options) {
      const outDir = options.dir!;
      const files = fs.readdirSync(outDir, { recursive: true, encoding: 'utf8' }).map((f) => f.split(path.sep).join('/'));
      const scanned = files.filter((f) => /\.(m?js|html)$/.test(f));
      const content = scanned.map((f) => ({ raw: fs.readFileSync(path.join(outDir, f), 'utf8'), extension: path.extname(f).slice(1) }));
      const renames = new Map<string, string>();
      for (const file of files.filter((f) => f.endsWith('.css'))) {
        const [purged] = await new PurgeCSS().purge({
          content,
          css: [{ raw: fs.readFileSync(path.join(outDir, file), 'utf8') }],
          variables: true,
          keyframes: true,
          fontFace: true,
          // Our own classes (theme.css) stay whatever the scan finds: some are built at run time
          // (`gzc-width-${width}`); the theme classes sit on #root, set in main.tsx.
          safelist: { standard: [/^gzc-/, 'utrecht-theme', 'utrecht-document'] },
        });
        const hash = createHash('sha256').update(purged.css).digest('base64url').slice(0, 8);
        const renamed = file.replace(/-[\w-]+\.css$/, `-${hash}.css`);
        fs.rmSync(path.join(outDir, file));
        fs.writeFileSync(path.join(outDir, renamed), purged.css);
        renames.set(path.posix.basename(file), path.posix.basename(renamed));
      }
      for (const file of scanned) {
        const before = fs.readFileSync(path.join(outDir, file), 'utf8');
        let after = before;
        for (const [from, to] of renames) after = after.replaceAll(from, to);
        if (after === before) continue;
        if (!file.endsWith('.html')) throw new Error(`${file} names a style sheet whose name changes here`);
        fs.writeFileSync(path.join(outDir, file), after);
      }
    },
  };
}
