'use strict';
// Benchmark: the disputes body's read side over a large history. Generates N cases (default
// 100,000) with `seed:history` into a temporary DATA_DIR, then measures
//   1. rebuilding the statistics projection from the whole log (events/s, in this process);
//   2. GET /api/statistics under load (concurrent clients against the real server), p50/p99;
//   3. GET /api/disputes with filters and paging (cursor), under the same load, p50/p99.
// Prints one JSON document on stdout (progress on stderr), with a pass flag per target.
//
//   npm run -s bench:statistics
//   node bench/statistics.bench.js [--cases 100000] [--seed 1] [--concurrency 4,16] [--requests 2000]
//        [--data-dir DIR]  (reuse a DATA_DIR that already holds a generated history; kept afterwards)
//        [--data-dir-parent DIR] [--server-logs]
//        [--server-cpu-prof DIR]  (run the server under node --cpu-prof)
//        [--skip-rebuild]  (measure the server's reads only)
//        [--parts statistics,caseList]  (which read loads run, e.g. one alone under --server-cpu-prof)
//        [--write-rate 20]  (commands/s filed and registered while the reads are measured; 0: none)
//        [--postgres URL [--schema NAME]]  (events and read models in PostgreSQL: the history in schema
//                          NAME, reused if it holds one, else generated there; a generated schema
//                          without --schema is dropped afterwards; the rebuild is skipped)

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { dropSchema, flushDiskWrites, freePort, hasExited, percentile, processCpuMs, request, round } = require('./tools/bench-common');
const { waitUntilIdle } = require('./tools/wait-until-idle');
const { cpuProfileNodeArgs, PROFILER_IDLE_SHARE } = require('./tools/server-cpu-profile');
const { startSteadyWriter } = require('./tools/steady-writer');
const { openBackendCpu } = require('./tools/postgres-backend-cpu');

const BENCHMARK = 'statistics';
const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
// BENCH_SERVER_ENTRY swaps in another build's server (to time an older build the same way).
// BENCH_SERVER_NODE_ARGS: flags for the server's node (e.g. "--single-threaded-gc"), space-separated.
const MAIN = process.env.BENCH_SERVER_ENTRY
  ? path.resolve(process.env.BENCH_SERVER_ENTRY)
  : path.join(DIST, 'apps', 'api', 'src', 'main.js');
const SEED = path.join(DIST, 'apps', 'seed-history', 'src', 'main.js');
const TARGETS = { statisticsP99Ms: 50, caseListP99Ms: 20, rebuildEventsPerSecond: 20_000 };

function parseArgs(argv) {
  const opts = {
    cases: 100_000,
    seed: 1,
    concurrency: [4, 16],
    requests: 2000,
    dataDir: undefined,
    dataDirParent: os.tmpdir(),
    serverLogs: false,
    // Issue 14: the read targets hold "with 20 commands/s written steadily".
    writeRate: 20,
    skipRebuild: false,
    serverCpuProf: undefined,
    // Which read loads run: profiling one part alone keeps the other out of the profile.
    parts: ['statistics', 'caseList'],
    postgres: undefined,
    schema: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    const int = (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive whole number, got ${v}`);
      return n;
    };
    switch (flag) {
      case '--cases':
        opts.cases = int(value());
        break;
      case '--seed':
        opts.seed = int(value());
        break;
      case '--concurrency':
        opts.concurrency = value().split(',').filter(Boolean).map(int);
        break;
      case '--requests':
        opts.requests = int(value());
        break;
      case '--data-dir':
        opts.dataDir = path.resolve(value());
        break;
      case '--data-dir-parent':
        opts.dataDirParent = path.resolve(value());
        break;
      case '--server-logs':
        opts.serverLogs = true;
        break;
      case '--server-cpu-prof':
        opts.serverCpuProf = path.resolve(value());
        break;
      case '--parts': {
        const parts = value().split(',').filter(Boolean);
        for (const p of parts) if (!['statistics', 'caseList'].includes(p)) throw new Error(`--parts takes statistics,caseList; got ${p}`);
        opts.parts = parts;
        break;
      }
      case '--skip-rebuild':
        opts.skipRebuild = true;
        break;
      case '--postgres':
        opts.postgres = value();
        break;
      case '--schema': {
        const name = value();
        if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`--schema must be a lower-case SQL identifier, got ${name}`);
        opts.schema = name;
        break;
      }
      case '--write-rate': {
        const n = Number(value());
        if (!Number.isFinite(n) || n < 0) throw new Error(`--write-rate must be a number >= 0`);
        opts.writeRate = n;
        break;
      }
      default:
        log(`ignoring unknown argument ${argv[i]}`);
    }
  }
  if (opts.schema && !opts.postgres) throw new Error('--schema needs --postgres');
  // The rebuild replays the log of the SQLite store in this process.
  if (opts.postgres) opts.skipRebuild = true;
  return opts;
}

/** The environment that points a server or the seed at the bench's stores. */
function storeEnv(opts, dataDir) {
  const env = { ...process.env, DATA_DIR: dataDir };
  for (const k of ['DATABASE_URL', 'DATABASE_SCHEMA', 'KURRENTDB_URL']) delete env[k];
  if (opts.postgres) Object.assign(env, { EVENT_STORE: 'postgres', DATABASE_URL: opts.postgres, DATABASE_SCHEMA: opts.schema });
  else env.EVENT_STORE = 'sqlite';
  return env;
}

const log = (...parts) => process.stderr.write(`[${BENCHMARK}] ${parts.join(' ')}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// backendCpu: PostgreSQL's backends' CPU (with --postgres); dropSchema: a schema generated here.
const state = { child: undefined, childExited: undefined, tempDirs: [], cleaning: undefined, backendCpu: undefined, dropSchema: undefined };

function cleanup() {
  if (state.cleaning) return state.cleaning;
  state.cleaning = (async () => {
    const child = state.child;
    if (child && !hasExited(child)) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await state.childExited;
      clearTimeout(timer);
    }
    for (const dir of state.tempDirs) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    state.tempDirs = [];
    await state.backendCpu?.close();
    if (state.dropSchema) await dropSchema(state.dropSchema.url, state.dropSchema.schema);
  })();
  return state.cleaning;
}
process.on('exit', () => {
  if (state.child && !hasExited(state.child)) state.child.kill('SIGKILL');
  for (const dir of state.tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, () => cleanup().finally(() => process.exit(128 + (os.constants.signals[sig] || 0))));
}

function tempDir(parent, prefix) {
  const dir = fs.mkdtempSync(path.join(parent, prefix));
  state.tempDirs.push(dir);
  return dir;
}

/** Nearest-rank percentile of an ascending array: the value at rank ceil(p/100 * n). */

// ---------------------------------------------------------------------------------------------

/** Whether `schema` holds a history (an events table with rows). */
async function postgresHistoryIn(url, schema) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT to_regclass($1) AS t', [`${schema}.events`]);
    if (rows[0].t === null) return false;
    const { rows: any } = await client.query(`SELECT EXISTS (SELECT 1 FROM "${schema}".events) AS e`);
    return any[0].e === true;
  } finally {
    await client.end();
  }
}

function runSeed(opts, dataDir) {
  return new Promise((resolve, reject) => {
    log(`generating ${opts.cases} cases into ${dataDir} (seed ${opts.seed})`);
    const env = storeEnv(opts, dataDir);
    const child = spawn(process.execPath, [SEED, '--cases', String(opts.cases), '--seed', String(opts.seed), '--data-dir', dataDir], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const out = [];
    child.stdout.on('data', (d) => out.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`seed:history exited with ${code}`));
      try {
        resolve(JSON.parse(Buffer.concat(out).toString('utf8')));
      } catch (e) {
        reject(new Error(`seed:history printed no JSON: ${e.message}`));
      }
    });
  });
}

/** Rebuilds the statistics projection alone from the whole log into fresh read-model files. */
async function rebuildStatistics(dataDir, parent) {
  const { SqliteEventStore } = require(path.join(DIST, 'libs', 'event-store', 'src'));
  const { openReadModels, statisticsProjection } = require(path.join(DIST, 'libs', 'read-models', 'src'));
  const store = SqliteEventStore.open({ filename: path.join(dataDir, 'events.sqlite') });
  const fresh = tempDir(parent, 'gzc-bench-rebuild-');
  const readModels = await openReadModels({ dataDir: fresh });
  try {
    const head = await store.headPosition();
    const engine = readModels.createProjectionEngine(store, { projections: [statisticsProjection], batchSize: 1000 });
    const t0 = process.hrtime.bigint();
    await engine.start();
    await engine.waitForPosition(head, 3_600_000);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    await engine.stop();
    const [{ n }] = await readModels.dataSource.query('SELECT COUNT(*) AS n FROM statistics_cases');
    const eventsPerSecond = Math.round(head / (ms / 1000));
    return {
      events: head,
      cases: Number(n),
      durationMs: round(ms, 0),
      eventsPerSecond,
      pass: eventsPerSecond >= TARGETS.rebuildEventsPerSecond,
    };
  } finally {
    await readModels.close();
    await store.close();
  }
}

async function startServer(opts, dataDir) {
  const port = await freePort();
  const env = {
    ...storeEnv(opts, dataDir),
    PORT: String(port),
    AUTH_MODE: 'dev',
    NODE_ENV: 'production',
    DEADLINE_SCAN_INTERVAL_MS: '0',
    // The steady writer files from one address as one user: no rate limits.
    RATE_LIMIT_FILINGS_PER_USER: '0',
    RATE_LIMIT_FILINGS_PER_ADDRESS: '0',
  };
  // Node or V8 flags for the server alone, e.g. a garbage-collector setting to compare.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS || '').split(' ').filter(Boolean);
  if (opts.serverCpuProf) nodeArgs.push(...cpuProfileNodeArgs(opts.serverCpuProf));
  const child = spawn(process.execPath, [...nodeArgs, MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  state.child = child;
  state.childExited = new Promise((resolve) => child.once('exit', resolve));
  let output = '';
  for (const s of [child.stdout, child.stderr]) {
    s.on('data', (d) => {
      output = (output + d).slice(-20_000);
      if (opts.serverLogs) process.stderr.write(d);
    });
  }
  const base = { host: '127.0.0.1', port };
  const until = Date.now() + 600_000;
  while (Date.now() < until) {
    if (hasExited(child)) throw new Error(`server exited:\n${output}`);
    try {
      const res = await request(base, 'GET', '/health');
      if (res.status === 200) return base;
    } catch {
      /* not up yet */
    }
    await sleep(250);
  }
  throw new Error(`server not healthy in time:\n${output}`);
}

async function token(base, userId) {
  const res = await request(base, 'POST', '/api/auth/dev-token', undefined, Buffer.from(JSON.stringify({ userId })));
  if (res.status !== 200 && res.status !== 201) throw new Error(`dev-token for ${userId}: ${res.status} ${res.text}`);
  return JSON.parse(res.text).accessToken;
}

/** `requests` requests from `concurrency` workers; each call of next() gives [path, token] or a function doing its own request. */
async function load(base, { concurrency, requests, next, label }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = [];
  const errors = {};
  let issued = 0;
  const t0 = process.hrtime.bigint();
  const cpuStart = processCpuMs(state.child?.pid);
  const backendCpuStart = await state.backendCpu?.sample();
  const worker = async (w) => {
    const ctx = { cursor: undefined };
    while (issued < requests) {
      const i = issued++;
      const [urlPath, tok, onBody] = next(i, w, ctx);
      const s = process.hrtime.bigint();
      try {
        const res = await request(base, 'GET', urlPath, tok, undefined, 60_000, agent);
        latencies.push(Number(process.hrtime.bigint() - s) / 1e6);
        if (res.status !== 200) errors[`${res.status}`] = (errors[`${res.status}`] || 0) + 1;
        else if (onBody) onBody(res.text, ctx);
      } catch (e) {
        errors[e.code || 'transport'] = (errors[e.code || 'transport'] || 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const result = {
    concurrency,
    requests: latencies.length,
    errors: Object.values(errors).reduce((a, b) => a + b, 0),
    requestsPerSecond: round(latencies.length / (ms / 1000), 1),
    latencyMs: {
      p50: percentile(latencies, 50),
      p90: percentile(latencies, 90),
      p99: percentile(latencies, 99),
      max: percentile(latencies, 100),
    },
  };
  const cpuEnd = processCpuMs(state.child?.pid);
  // Server CPU per request (includes the steady writer's commands, when it runs).
  if (cpuStart !== undefined && cpuEnd !== undefined && latencies.length > 0)
    result.serverCpuMsPerRequest = round((cpuEnd - cpuStart) / latencies.length, 3);
  // PostgreSQL's backends do the queries' work outside the server process.
  const backendCpuMs = state.backendCpu ? await state.backendCpu.since(backendCpuStart) : undefined;
  if (backendCpuMs !== undefined && latencies.length > 0) result.databaseCpuMsPerRequest = round(backendCpuMs / latencies.length, 3);
  result.loadAverage1m = round(os.loadavg()[0], 2);
  if (result.errors > 0) result.errorsByStatus = errors;
  log(
    `${label}: ${result.requestsPerSecond} req/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, ${result.errors} errors`,
  );
  return result;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  for (const file of [MAIN, SEED])
    if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing; run \`npm run build\` first`);
  let dataDir = opts.dataDir;
  let seed;
  if (opts.postgres) {
    if (!opts.schema) {
      opts.schema = `bench_statistics_${require('node:crypto').randomBytes(4).toString('hex')}`;
      state.dropSchema = { url: opts.postgres, schema: opts.schema };
    }
    state.backendCpu = await openBackendCpu(opts.postgres);
  }
  if (opts.postgres ? await postgresHistoryIn(opts.postgres, opts.schema) : dataDir && fs.existsSync(path.join(dataDir, 'events.sqlite'))) {
    log(`reusing the history in ${opts.postgres ? `schema ${opts.schema}` : dataDir}`);
    // Documents and the dev-token secret stay in DATA_DIR whichever store holds the history.
    dataDir = dataDir || tempDir(opts.dataDirParent, 'gzc-bench-data-');
  } else {
    dataDir = dataDir || tempDir(opts.dataDirParent, 'gzc-bench-history-');
    const t0 = Date.now();
    seed = await runSeed(opts, dataDir);
    seed.wallMs = Date.now() - t0;
    log(
      `generated ${seed.events} events in ${seed.durationMs} ms (${seed.eventsPerSecond} events/s), projected in ${seed.projection && seed.projection.durationMs} ms`,
    );
  }

  let rebuild = 'skipped';
  if (!opts.skipRebuild) {
    log('rebuilding the statistics projection from the whole log');
    rebuild = await rebuildStatistics(dataDir, opts.dataDirParent);
    log(`rebuild: ${rebuild.events} events in ${rebuild.durationMs} ms = ${rebuild.eventsPerSecond} events/s`);
  }

  // A history copied just before the run would otherwise still be written back while it measures.
  const diskFlushedBeforeStart = flushDiskWrites();
  const { pendingMb, syncMs } = diskFlushedBeforeStart;
  log(
    syncMs === null
      ? `${pendingMb} MB of disk writes pending; could not flush them`
      : `flushed ${pendingMb} MB of pending disk writes in ${syncMs} ms`,
  );
  const base = await startServer(opts, dataDir);
  const tokens = {
    sec: await token(base, 'sec-jan'),
    obs: await token(base, 'obs-karin'),
    prov: await token(base, 'prov-anna'),
    med: await token(base, 'med-femke'),
  };

  // Idle: under 10% of a core for 2 s in a row (at most 15 minutes).
  const { waitedMs: caughtUpMs } = await waitUntilIdle(state.child?.pid, {
    maxShare: 0.1 + (opts.serverCpuProf ? PROFILER_IDLE_SHARE : 0),
    timeoutMs: 900_000,
  });
  log(`server idle after ${caughtUpMs} ms`);
  const LAST_YEAR = new Date().getUTCFullYear() - 1;
  const statisticsQueries = [
    '/api/statistics',
    '/api/statistics?groupBy=quarter',
    '/api/statistics?from=2020-01-01&to=2024-12-31&groupBy=quarter',
    // Observers get whole ended periods only (rule 22): the last whole year, by quarter.
    `/api/statistics?from=${LAST_YEAR}-01-01&to=${LAST_YEAR}-12-31&groupBy=quarter`,
  ].flatMap((q) => [
    [q, tokens.sec],
    [q, tokens.obs],
  ]);
  // First answers: computed from the facts (the cache is empty).
  const cold = [];
  for (const [q, tok] of statisticsQueries) {
    const s = process.hrtime.bigint();
    const res = await request(base, 'GET', q, tok);
    if (res.status !== 200) throw new Error(`${q} answered ${res.status}: ${res.text.slice(0, 500)}`);
    cold.push({
      query: q,
      audience: tok === tokens.sec ? 'secretariat' : 'observer',
      ms: round(Number(process.hrtime.bigint() - s) / 1e6),
    });
  }
  const filed = JSON.parse((await request(base, 'GET', statisticsQueries[0][0], tokens.sec)).text).filed;
  // Writes go on while the reads are measured: each write changes a case the answers count.
  const writer =
    opts.writeRate > 0
      ? startSteadyWriter(base, { provider: tokens.prov, secretariat: tokens.sec }, { ratePerSecond: opts.writeRate })
      : undefined;
  if (writer) log(`writing ${opts.writeRate} commands/s (file, then register) during the measurements`);
  const statisticsRuns = [];
  for (const concurrency of opts.parts.includes('statistics') ? opts.concurrency : []) {
    const r = await load(base, {
      concurrency,
      requests: opts.requests,
      label: `statistics c=${concurrency}`,
      next: (i) => statisticsQueries[i % statisticsQueries.length],
    });
    r.pass = r.errors === 0 && r.latencyMs.p99 < TARGETS.statisticsP99Ms;
    statisticsRuns.push(r);
  }
  const statistics = { coldMs: cold, runs: statisticsRuns, pass: statisticsRuns.every((r) => r.pass) };

  const listQueries = [
    ['/api/disputes?status=settled&limit=20', tokens.sec],
    ['/api/disputes?sector=dental&limit=20', tokens.sec],
    ['/api/disputes?route=mediation&phase=contractual&limit=50', tokens.sec],
    ['/api/disputes?legalFramework=wlz&status=decided&limit=20', tokens.sec],
    ['/api/disputes?status=in_mediation&limit=20', tokens.sec],
    ['/api/disputes?status=decided&limit=20', tokens.prov],
    ['/api/disputes?sector=pharmacy&phase=precontractual&limit=20', tokens.prov],
    ['/api/disputes?route=mediation&limit=20', tokens.med],
  ];
  // Half the requests follow nextCursor (up to 5 pages deep) so later pages are measured too.
  const caseListRuns = [];
  for (const concurrency of opts.parts.includes('caseList') ? opts.concurrency : [])
    caseListRuns.push(
      await load(base, {
        concurrency,
        requests: opts.requests,
        label: `case list c=${concurrency}`,
        next: (i, w, ctx) => {
          if (ctx.cursor && ctx.page < 5) {
            ctx.page++;
            return [`${ctx.query}&cursor=${encodeURIComponent(ctx.cursor)}`, ctx.token, follow];
          }
          const [q, tok] = listQueries[i % listQueries.length];
          Object.assign(ctx, { query: q, token: tok, page: 0, cursor: undefined });
          return [q, tok, i % 2 === 0 ? follow : undefined];
        },
      }),
    );
  for (const r of caseListRuns) r.pass = r.errors === 0 && r.latencyMs.p99 < TARGETS.caseListP99Ms;
  const caseList = { runs: caseListRuns, pass: caseListRuns.every((r) => r.pass) };
  const writes = writer ? await writer.stop() : 'none';
  if (writer) log(`writes: ${writes.commandsPerSecond} commands/s, p99 ${writes.latencyMs.p99} ms, ${writes.errors} errors`);

  return {
    benchmark: BENCHMARK,
    store: opts.postgres ? `postgres (schema ${opts.schema})` : 'sqlite',
    node: process.version,
    cpus: os.cpus().length,
    cases: filed,
    seed: seed
      ? {
          events: seed.events,
          durationMs: seed.durationMs,
          eventsPerSecond: seed.eventsPerSecond,
          projectionMs: seed.projection && seed.projection.durationMs,
          wallMs: seed.wallMs,
          refused: seed.refused,
        }
      : 'reused',
    rebuild,
    diskFlushedBeforeStart,
    serverCaughtUpMs: caughtUpMs,
    statistics,
    caseList,
    writes,
    loadAverage1m: round(os.loadavg()[0], 2),
    targets: TARGETS,
    pass: (rebuild === 'skipped' || rebuild.pass) && statistics.pass && caseList.pass && (writes === 'none' || writes.errors === 0),
  };
}

/**
 * On its first start over a generated history the server still catches up in the background (the
 * notifier renders a message for every past event): a running installation did that long ago. Waits
 * until the server uses under a tenth of a core over 2 s (at most 15 minutes), so the reads are not
 * measured against a catch-up. Returns how long that took.
 */
function follow(text, ctx) {
  try {
    ctx.cursor = JSON.parse(text).nextCursor || undefined;
  } catch {
    ctx.cursor = undefined;
  }
}

main()
  .then(async (result) => {
    await cleanup();
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  })
  .catch(async (e) => {
    log(`failed: ${e && e.stack ? e.stack : e}`);
    await cleanup();
    process.exitCode = 1;
  });
