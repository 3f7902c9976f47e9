/* global document, sessionStorage -- the functions handed to page.evaluate run in the browser */
'use strict';
// The portal's weight and speed: gzip size of the JavaScript and CSS the first page loads (the
// entry script, the chunks it imports statically, and its style sheets, as index.html names them),
// and the time from navigation to an interactive filing page (signed in, step 1, its button
// usable) in Debian's Chromium on localhost, over several runs. Prints one JSON document.
//   npm run build && node bench/portal.bench.js [--runs 7]

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const { freePort, hasExited, percentile, round } = require('./tools/bench-common');

const root = path.resolve(__dirname, '..');
const webRoot = path.join(root, 'dist', 'web');
const argRuns = process.argv.indexOf('--runs');
const runs = argRuns > 0 ? Number(process.argv[argRuns + 1]) : 7;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TARGET_JS_GZIP_BYTES = 150 * 1024;

const gzipSize = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

/** The files index.html loads up front: <script src>, <link rel=modulepreload>, <link rel=stylesheet>. */
function firstPageAssets() {
  const html = fs.readFileSync(path.join(webRoot, 'index.html'), 'utf8');
  const js = [...html.matchAll(/<script[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map(
    (m) => m[1],
  );
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
  const describe = (urls) => {
    const files = [...new Set(urls)].map((u) => ({
      file: u,
      bytes: fs.statSync(path.join(webRoot, u)).size,
      gzipBytes: gzipSize(path.join(webRoot, u)),
    }));
    return { files, bytes: files.reduce((s, f) => s + f.bytes, 0), gzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0) };
  };
  return { js: describe(js), css: describe(css) };
}

let server;
let dataDir;
let browser;
async function cleanup() {
  if (browser) await browser.close().catch(() => {});
  if (server && !hasExited(server)) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => cleanup().then(() => process.exit(130)));

async function startServer() {
  const port = await freePort();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gzc-portal-bench-'));
  server = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      REQUEST_LOG: 'off',
      AUTH_MODE: 'dev',
      RATE_LIMIT_TOKENS_PER_ADDRESS: '0',
      RATE_LIMIT_TOKENS_PER_USER: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/health`)).ok) return base;
    } catch {
      /* not yet */
    }
    if (hasExited(server) || Date.now() > until) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function timeToInteractiveFiling(base) {
  if (!fs.existsSync(CHROMIUM)) return { skipped: `no Chromium at ${CHROMIUM}` };
  const { chromium } = require('@playwright/test');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const token = (
    await (
      await fetch(`${base}/api/auth/dev-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"userId":"prov-anna"}',
      })
    ).json()
  ).accessToken;
  const samples = [];
  for (let i = 0; i < runs + 1; i++) {
    // A fresh context each run: nothing cached, as a first visit.
    const context = await browser.newContext();
    await context.addInitScript((t) => sessionStorage.setItem('gzc.token', t), token);
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(`${base}/aanvraag/wie`);
    await page.getByRole('button', { name: 'Volgende stap' }).waitFor({ state: 'visible' });
    await page.waitForFunction(() => {
      const b = [...document.querySelectorAll('button')].find((x) => x.textContent === 'Volgende stap');
      return b && !b.disabled;
    });
    const elapsed = Date.now() - started;
    await context.close();
    if (i > 0) samples.push(elapsed); // the first run warms the server and the disk cache
  }
  samples.sort((a, b) => a - b);
  return {
    runs: samples.length,
    medianMs: percentile(samples, 50),
    p90Ms: percentile(samples, 90),
    minMs: samples[0],
    maxMs: samples[samples.length - 1],
  };
}

(async () => {
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) throw new Error('no built portal in dist/web: run npm run build first');
  const assets = firstPageAssets();
  const base = await startServer();
  const interactive = await timeToInteractiveFiling(base);
  const result = {
    benchmark: 'portal',
    measuredAt: new Date().toISOString(),
    note: 'Measured on a shared machine under load; treat times as indicative.',
    firstPage: {
      jsGzipKB: round(assets.js.gzipBytes / 1024, 1),
      jsKB: round(assets.js.bytes / 1024, 1),
      cssGzipKB: round(assets.css.gzipBytes / 1024, 1),
      cssKB: round(assets.css.bytes / 1024, 1),
      jsTargetGzipKB: TARGET_JS_GZIP_BYTES / 1024,
      jsWithinTarget: assets.js.gzipBytes <= TARGET_JS_GZIP_BYTES,
      files: [...assets.js.files, ...assets.css.files],
    },
    timeToInteractiveFilingPage: interactive,
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
})()
  .catch((error) => {
    process.stderr.write(`portal bench failed: ${error.stack || error}\n`);
    process.exitCode = 1;
  })
  .finally(cleanup);
