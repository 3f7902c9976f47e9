import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|css|svg|json|txt)$/;

/**
 * Writes every built text asset also as `.br` (brotli, quality 11) and `.gz` (gzip, level 9), for
 * the API to send as the browser accepts (express-static-gzip): the strongest compression once at
 * build, none per request. Runs when the build is closed, after purge-css.mts has written the
 * final style sheet. A compressed copy that would not be smaller is not written.
 */
export function precompressAssets(): Plugin {
  let outDir = '';
  return {
    name: 'precompress-assets',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const assets = path.join(outDir, 'assets');
      if (!fs.existsSync(assets)) return;
      for (const name of fs.readdirSync(assets)) {
        if (!COMPRESSIBLE.test(name)) continue;
        const file = path.join(assets, name);
        const raw = fs.readFileSync(file);
        const brotli = zlib.brotliCompressSync(raw, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
        });
        const gzip = zlib.gzipSync(raw, { level: 9 });
        if (brotli.length < raw.length) fs.writeFileSync(`${file}.br`, brotli);
        if (gzip.length < raw.length) fs.writeFileSync(`${file}.gz`, gzip);
      }
    },
  };
}
