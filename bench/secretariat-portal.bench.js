/* global document, requestAnimationFrame, sessionStorage -- the functions handed to page.evaluate run in the browser */
'use strict';
// The secretariat's work queue (/werkvoorraad) and the statistics page (/statistieken) over a large
// history: the time from navigation until the page is interactive in Debian's Chromium on localhost.
// "Interactive" = the main content is there (no "geladen" placeholder left, the page's tables
// visible) AND the page responds: a Tab press moves focus and the next frame is painted. Each run
// is a fresh browser context (nothing cached); the first run of each page is reported apart (cold:
// the server loads its statistics facts), the others as median and p90. Prints one JSON document.
//
//   npm run build && node bench/secretariat-portal.bench.js --data-dir DIR [--runs 7]
//     DIR holds a history made by `npm run seed:history -- --cases 100000 --data-dir DIR`;
//     without --data-dir it generates --cases N (default 100000) into a temporary folder first.

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { freePort, hasExited, percentile, processCpuMs, round } = require('./tools/bench-common');
const { waitUntilIdle } = require('./tools/wait-until-idle');

const ROOT = path.resolve(__dirname, '..');
// BENCH_DIST times another build (its server and its portal), e.g. .ab/before/dist inside the
// checkout, so a change can be measured against the build before it, run after run.
const DIST = process.env.BENCH_DIST ? path.resolve(process.env.BENCH_DIST) : path.join(ROOT, 'dist');
const MAIN = path.join(DIST, 'apps', 'api', 'src', 'main.js');
const SEED = path.join(DIST, 'apps', 'seed-history', 'src', 'main.js');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TARGET_MS = 1000;

function parseArgs(argv) {
  const opts = { dataDir: undefined, cases: 100_000, runs: 7 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === '--data-dir') opts.dataDir = path.resolve(value());
    else if (flag === '--cases') opts.cases = Number(value());
    else if (flag === '--runs') opts.runs = Number(value());
    // `npm run bench` hands every benchmark the same arguments: others' options are not ours.
    else process.stderr.write(`secretariat-portal: ignoring ${flag}\n`);
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error('--runs must be a positive whole number');
  return opts;
}

let server;
let browser;
let tempDir;
async function cleanup() {
  if (browser) await browser.close().catch(() => {});
  if (server && !hasExited(server)) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => cleanup().then(() => process.exit(130)));

async function startServer(dataDir) {
  const port = await freePort();
  server = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      WEB_ROOT: path.join(DIST, 'web'),
      EVENT_STORE: 'sqlite',
      DATABASE_URL: '',
      REQUEST_LOG: 'off',
      // A generated history's notifier has never run: it would catch up on every past event (1.3 million
      // for 100,000 cases) while the pages are timed; a running server caught up long ago.
      NOTIFICATIONS: 'off',
      // The deadline scan records every deadline that passed since the history was made (after
      // midnight in Amsterdam: 2,200 at once, 4,400 events, 9 s of the server's CPU plus the
      // projections); at its default minute it fell on the pages being timed. Scanning each second,
      // that catch-up is over before the server is idle (below), as on a server that has run a while.
      DEADLINE_SCAN_INTERVAL_MS: '1000',
      AUTH_MODE: 'dev',
      RATE_LIMIT_TOKENS_PER_ADDRESS: '0',
      RATE_LIMIT_TOKENS_PER_USER: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 300_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/health/ready`)).ok) return base;
    } catch {
      /* not yet */
    }
    if (hasExited(server) || Date.now() > until) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 250));
  }
}

const token = async (base, userId) =>
  (
    await (
      await fetch(`${base}/api/auth/dev-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId }),
      })
    ).json()
  ).accessToken;

/** The page is loaded: its first table is visible and no placeholder says something is still loading. */
async function waitForContent(page, firstTable) {
  const first = firstTable ? page.getByRole('table', { name: firstTable, exact: true }) : page.getByRole('heading', { level: 1 });
  await first.waitFor({ state: 'visible', timeout: 120_000 });
  await page.waitForFunction(() => !/geladen…|\(…\)/.test(document.querySelector('main')?.textContent ?? ''), null, {
    timeout: 120_000,
    polling: 'raf',
  });
}

/** The page answers a person: Tab moves focus, and the browser paints the next frame. */
async function waitForResponse(page) {
  await page.keyboard.press('Tab');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  const moved = await page.evaluate(() => document.activeElement !== document.body);
  if (!moved) throw new Error('Tab did not move focus');
}

/**
 * CPU seconds each renderer process has used so far (CDP SystemInfo, from the operating system):
 * unlike the main thread's task durations, which are wall-clock time and grow with the machine's
 * load, this counts only the renderer's own work (10 ms resolution).
 */
async function rendererCpu(browserCdp) {
  const { processInfo } = await browserCdp.send('SystemInfo.getProcessInfo');
  return new Map(processInfo.filter((p) => p.type === 'renderer').map((p) => [p.id, p.cpuTime]));
}

async function measure(base, browserCdp, { name, path: pagePath, userId, firstTable }, runs) {
  const bearer = await token(base, userId);
  const samples = [];
  let cold;
  const apiMs = {};
  const apiBytes = {};
  for (let i = 0; i < runs + 1; i++) {
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    await context.addInitScript((t) => sessionStorage.setItem('gzc.token', t), bearer);
    const page = await context.newPage();
    // The renderer's own CPU time for this visit (main thread): what the page costs, less blurred
    // by the other processes on a shared machine than the wall clock.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const cpuBefore = await rendererCpu(browserCdp);
    const serverCpuBefore = processCpuMs(server.pid);
    const started = Date.now();
    await page.goto(`${base}${pagePath}`);
    await waitForContent(page, firstTable);
    const contentMs = Date.now() - started;
    await waitForResponse(page);
    const interactiveMs = Date.now() - started;
    const cpuAfter = await rendererCpu(browserCdp);
    const serverCpuMs = processCpuMs(server.pid) - serverCpuBefore;
    const rendererCpuMs = [...cpuAfter].reduce((sum, [id, seconds]) => sum + (seconds - (cpuBefore.get(id) ?? 0)) * 1000, 0);
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    // How long each API call took as the browser saw it, and when the last one had arrived.
    const { calls, domContentLoadedMs, lastApiEndMs } = await page.evaluate(() => {
      const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/'));
      return {
        calls: api.map((e) => ({ path: new URL(e.name).pathname, ms: e.responseEnd - e.startTime, bytes: e.decodedBodySize })),
        domContentLoadedMs: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null,
        lastApiEndMs: Math.max(0, ...api.map((e) => e.responseEnd)),
      };
    });
    await context.close();
    const sample = {
      contentMs,
      interactiveMs,
      domContentLoadedMs: round(domContentLoadedMs, 0),
      lastApiAnswerMs: round(lastApiEndMs, 0),
      rendererCpuMs: round(rendererCpuMs, 0),
      serverCpuMs: round(serverCpuMs, 0),
      mainThreadMs: round(metrics.TaskDuration * 1000, 0),
      scriptMs: round(metrics.ScriptDuration * 1000, 0),
      styleAndLayoutMs: round((metrics.RecalcStyleDuration + metrics.LayoutDuration) * 1000, 0),
    };
    if (i === 0) {
      cold = sample;
      continue;
    }
    samples.push(sample);
    for (const c of calls) {
      (apiMs[c.path] ??= []).push(c.ms);
      apiBytes[c.path] = c.bytes;
    }
  }
  const sorted = (key) => samples.map((s) => s[key]).sort((a, b) => a - b);
  const interactive = sorted('interactiveMs');
  return {
    page: name,
    path: pagePath,
    userId,
    cold,
    warm: {
      runs: samples.length,
      domContentLoadedMedianMs: percentile(sorted('domContentLoadedMs'), 50),
      lastApiAnswerMedianMs: percentile(sorted('lastApiAnswerMs'), 50),
      contentMedianMs: percentile(sorted('contentMs'), 50),
      interactiveMedianMs: percentile(interactive, 50),
      interactiveP90Ms: percentile(interactive, 90),
      interactiveMaxMs: interactive[interactive.length - 1],
      rendererCpuMedianMs: percentile(sorted('rendererCpuMs'), 50),
      serverCpuMedianMs: percentile(sorted('serverCpuMs'), 50),
      mainThreadMedianMs: percentile(sorted('mainThreadMs'), 50),
      scriptMedianMs: percentile(sorted('scriptMs'), 50),
      styleAndLayoutMedianMs: percentile(sorted('styleAndLayoutMs'), 50),
    },
    apiMedianMs: Object.fromEntries(
      Object.entries(apiMs).map(([p, list]) => [p, round(list.sort((a, b) => a - b)[Math.floor(list.length / 2)], 1)]),
    ),
    apiBytes,
    withinTarget: percentile(interactive, 90) <= TARGET_MS,
  };
}

async function countCases(base) {
  const bearer = await token(base, 'sec-jan');
  const res = await fetch(`${base}/api/statistics?from=2016-06-02&groupBy=year`, { headers: { Authorization: `Bearer ${bearer}` } });
  const body = await res.json();
  const filed = body?.filed ?? null;
  const caseload = await (await fetch(`${base}/api/caseload`, { headers: { Authorization: `Bearer ${bearer}` } })).json();
  return {
    filed: typeof filed === 'number' ? filed : null,
    openCases: (caseload.byStatus ?? []).reduce((n, s) => n + s.count, 0),
    openDeadlines: caseload.deadlines.length,
  };
}

(async () => {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(MAIN) || !fs.existsSync(path.join(DIST, 'web', 'index.html'))) {
    throw new Error('run npm run build first');
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}`);
  let dataDir = opts.dataDir;
  if (!dataDir) {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gzc-secretariat-bench-'));
    dataDir = tempDir;
    process.stderr.write(`generating ${opts.cases} cases into ${dataDir}\n`);
    const seeded = spawnSync(process.execPath, [SEED, '--cases', String(opts.cases), '--data-dir', dataDir], {
      cwd: ROOT,
      // Its summary goes to stderr: stdout is this benchmark's JSON alone.
      stdio: ['ignore', 2, 2],
      env: { ...process.env, EVENT_STORE: 'sqlite', DATABASE_URL: '' },
    });
    if (seeded.status !== 0) throw new Error('seed:history failed');
  }
  const base = await startServer(dataDir);
  // Ready is not idle: the statistics warm-up and the observers' publication still run after start.
  process.stderr.write('waiting until the server has finished its start-up work\n');
  const settled = await waitUntilIdle(server.pid, { timeoutMs: 60_000 });
  const loadAtStart = os.loadavg().map((x) => round(x, 2));
  const { chromium } = require('@playwright/test');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const pages = [
    // The floor on this machine now: a page with no API call of its own and no table.
    { name: 'floor: accessibility statement (no data)', path: '/toegankelijkheid', userId: 'sec-jan', firstTable: null },
    {
      name: 'work queue (secretariat)',
      path: '/werkvoorraad',
      userId: 'sec-jan',
      firstTable: 'Werklast per mediator, adviseur en arbiter',
    },
    { name: 'statistics (secretariat)', path: '/statistieken', userId: 'sec-jan', firstTable: 'Aantal zaken' },
    { name: 'statistics (observer)', path: '/statistieken', userId: 'obs-karin', firstTable: 'Aantal zaken' },
  ];
  const browserCdp = await browser.newBrowserCDPSession();
  const results = [];
  for (const p of pages) {
    process.stderr.write(`measuring ${p.name}\n`);
    results.push(await measure(base, browserCdp, p, opts.runs));
  }
  process.stdout.write(
    `${JSON.stringify(
      {
        benchmark: 'secretariat-portal',
        build: path.relative(ROOT, DIST),
        measuredAt: new Date().toISOString(),
        note: 'Measured on a shared machine under load (2 cores, other processes running); treat times as indicative.',
        serverSettled: settled,
        loadAverage: { atStart: loadAtStart, atEnd: os.loadavg().map((x) => round(x, 2)), cpus: os.cpus().length },
        history: await countCases(base),
        targetMs: TARGET_MS,
        pages: results,
      },
      null,
      2,
    )}\n`,
  );
})()
  .catch((error) => {
    process.stderr.write(`secretariat-portal bench failed: ${error.stack || error}\n`);
    process.exitCode = 1;
  })
  .finally(cleanup);
