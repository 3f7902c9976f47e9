import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { precompressAssets } from './build/precompress.mjs';
import { purgeUnusedCss } from './build/purge-css.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Utrecht's packages assign `X.displayName = '…'` at module level. Those assignments are side
 * effects, so the bundler keeps every component of the library; stripping them lets unused ones go.
 */
function stripUtrechtDisplayNames(): Plugin {
  return {
    name: 'strip-utrecht-display-names',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]@utrecht[\\/].*\.m?js$/.test(id)) return null;
      const stripped = code.replace(/^[\w$]+\.displayName\s*=\s*(['"])[^'"]*\1;?\s*$/gm, '');
      return stripped === code ? null : { code: stripped, map: null };
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  plugins: [stripUtrechtDisplayNames(), purgeUnusedCss(), precompressAssets()],
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    // No inline module-preload polyfill: the Content-Security-Policy allows no inline script.
    modulePreload: { polyfill: false },
    // One style sheet, named by index.html alone: a chunk naming it would keep its pre-purge name
    // (build/purge-css.mts) in a file cached for a year.
    cssCodeSplit: false,
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // The libraries in chunks of their own: they change far less often than our code, so a
        // new release of the portal leaves them cached (a year, by their hashed names), and the
        // browser fetches and compiles them side by side instead of as one large entry file.
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            { name: 'router', test: /[\\/]node_modules[\\/]react-router[\\/]/, priority: 2 },
            // Not the style sheets: their (empty) modules would make the entry import this chunk, and React with it.
            { name: 'utrecht', test: /[\\/]node_modules[\\/]@utrecht[\\/].*\.m?js$/, priority: 1 },
            { name: 'query', test: /[\\/]node_modules[\\/]@tanstack[\\/]/, priority: 1 },
          ],
        },
      },
      // React Query marks its modules "use client" (for server components); meaningless in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
