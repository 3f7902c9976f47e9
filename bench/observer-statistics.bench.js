'use strict';
// Benchmark: observers' statistics (rule 22) on a history spread over the published periods.
// Starts the built server (dist/) on a DATA_DIR that already holds a history (npm run
// seed:history -- --cases N --data-dir DIR), then measures
//   1. the first observer answer right after start, and how long /health takes meanwhile
//      (does the publication's solving block the server?);
//   2. observer answers after that: p50/p99 over --requests requests at concurrency 4;
//   3. the first observer answer after a restart on the same DATA_DIR (the stored publication).
// Prints one JSON document on stdout.
//
//   node bench/observer-statistics.bench.js --data-dir DIR [--requests 400] [--root DIR]

const { spawn } = require('node:child_process');
const path = require('node:path');
const { freePort, hasExited, percentile, request, round } = require('./tools/bench-common');

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .join(' ')
    .split('--')
    .filter(Boolean)
    .map((a) => a.trim().split(/\s+/)),
);
const DATA_DIR = path.resolve(args['data-dir'] ?? '');
const REQUESTS = Number(args.requests ?? 400);
const ROOT = path.resolve(args.root ?? path.join(__dirname, '..'));
const MAIN = path.join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
const QUERIES = ['/api/statistics', '/api/statistics?groupBy=quarter', '/api/statistics?year=2020', '/api/statistics?quarter=2023-Q2'];
const LONG = 900_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const ms = (start) => round(Number(process.hrtime.bigint() - start) / 1e6);

async function start() {
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), DATA_DIR, EVENT_STORE: 'sqlite', AUTH_MODE: 'dev', NODE_ENV: 'production' };
  for (const k of ['DATABASE_URL', 'KURRENTDB_URL']) delete env[k];
  env.DEADLINE_SCAN_INTERVAL_MS = '0';
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = { host: '127.0.0.1', port };
  for (;;) {
    if (hasExited(child)) throw new Error('server exited');
    try {
      if ((await request(base, 'GET', '/health')).status === 200) break;
    } catch {
      /* not up yet */
    }
    await sleep(100);
  }
  const res = await request(base, 'POST', '/api/auth/dev-token', undefined, Buffer.from(JSON.stringify({ userId: 'obs-karin' })));
  const token = JSON.parse(res.text).accessToken;
  const stop = () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM')));
  return { base, token, stop };
}

async function firstAnswer(server) {
  const t = process.hrtime.bigint();
  let healthMax = 0;
  let done = false;
  const answer = request(server.base, 'GET', QUERIES[1], server.token, undefined, LONG).finally(() => (done = true));
  // Meanwhile: does the server still answer?
  while (!done) {
    const h = process.hrtime.bigint();
    await request(server.base, 'GET', '/health', undefined, undefined, LONG);
    healthMax = Math.max(healthMax, ms(h));
    await sleep(50);
  }
  const res = await answer;
  if (res.status !== 200) throw new Error(`observer answered ${res.status}: ${res.text.slice(0, 300)}`);
  return { firstObserverAnswerMs: ms(t), slowestHealthMeanwhileMs: healthMax };
}

async function load(server) {
  const latencies = [];
  let i = 0;
  const worker = async () => {
    while (i < REQUESTS) {
      const q = QUERIES[i++ % QUERIES.length];
      const t = process.hrtime.bigint();
      const res = await request(server.base, 'GET', q, server.token, undefined, LONG);
      if (res.status !== 200) throw new Error(`${q}: ${res.status}`);
      latencies.push(ms(t));
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}

(async () => {
  const first = await start();
  const cold = await firstAnswer(first);
  const warm = await load(first);
  await first.stop();
  const second = await start();
  const restarted = await firstAnswer(second);
  await second.stop();
  process.stdout.write(`${JSON.stringify({ benchmark: 'observer-statistics', root: ROOT, cold, warm, restarted }, null, 2)}\n`);
})().catch((e) => {
  process.stderr.write(`${e.stack}\n`);
  process.exit(1);
});
