'use strict';
// Benchmark: file a dispute (POST /api/disputes as a provider) and register it
// (POST /api/disputes/{id}/register as the secretariat), against the real server with the embedded
// SQLite stores, at several concurrencies. Prints one JSON document to stdout; logs go to stderr.
//
//   node bench/file-and-register.bench.js [--iterations N] [--concurrency 1,32] [--warmup 50]
//        [--time-limit-s 120] [--server-cpu-prof DIR] [--server-logs] [--deadline-scan-interval-ms MS]
//        [--no-http-floor]  (skip the GET /health/live run that gives the HTTP layer's own cost)
//        [--data-dir-parent DIR]   (default os.tmpdir(); e.g. /dev/shm to take disk fsync out of the picture)
//        [--postgres URL]   (events and read models in PostgreSQL: EVENT_STORE=postgres, DATABASE_URL=URL,
//                            in a fresh schema bench_far_<pid> that is dropped afterwards)
//
// The HTTP client is node:http with a keep-alive Agent: measured with bench/tools/client-overhead.js
// it costs ~60-100 µs of client CPU per request, against ~330-390 µs for the global fetch (undici);
// on a small machine the client shares the CPUs with the server, so the cheaper client is kept.

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { dropSchema, freePort, hasExited, percentile, processCpuMs, request, round } = require('./tools/bench-common');

const BENCHMARK = 'file-and-register';
const ROOT = path.resolve(__dirname, '..');
// BENCH_SERVER_ENTRY swaps in another entry script (only for testing this harness).
const MAIN = process.env.BENCH_SERVER_ENTRY
  ? path.resolve(process.env.BENCH_SERVER_ENTRY)
  : path.join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
const HEALTH_TIMEOUT_MS = 60_000;
const REQUEST_TIMEOUT_MS = 30_000;
const DEFAULT_ITERATIONS = { 1: 500, 32: 2000 };
// Issue 14's targets: the embedded default (SQLite) and PostgreSQL.
const TARGETS_BY_STORE = {
  sqlite: { commandsPerSecondAtC32: 1500, p99MsAtC32: 40 },
  postgres: { commandsPerSecondAtC32: 1000, p99MsAtC32: 50 },
};

// ---------------------------------------------------------------------------------------------
// Command line

function parseArgs(argv) {
  const opts = {
    iterations: undefined,
    concurrency: [1, 32],
    warmup: 50,
    timeLimitS: 120,
    serverCpuProf: undefined,
    serverLogs: false,
    deadlineScanIntervalMs: 60_000,
    dataDirParent: os.tmpdir(),
    httpFloor: true,
    postgres: undefined,
    // The demo directory the server seeds; an older build (BENCH_SERVER_ENTRY) may need its own copy.
    directorySeed: path.join(ROOT, 'fixtures', 'demo-directory.json'),
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const positiveInt = (v, name) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got ${v}`);
      return n;
    };
    switch (flag) {
      case '--iterations':
        opts.iterations = positiveInt(value(), flag);
        break;
      case '--concurrency':
        opts.concurrency = value()
          .split(',')
          .filter(Boolean)
          .map((c) => positiveInt(c.trim(), flag));
        if (opts.concurrency.some((c) => c < 1)) throw new Error('--concurrency values must be >= 1');
        break;
      case '--warmup':
        opts.warmup = positiveInt(value(), flag);
        break;
      case '--time-limit-s':
        opts.timeLimitS = positiveInt(value(), flag);
        break;
      case '--server-cpu-prof':
        opts.serverCpuProf = path.resolve(value());
        break;
      case '--server-logs':
        opts.serverLogs = true;
        break;
      case '--no-http-floor':
        opts.httpFloor = false;
        break;
      case '--data-dir-parent':
        opts.dataDirParent = path.resolve(value());
        break;
      case '--postgres':
        opts.postgres = value();
        if (!/^postgres(ql)?:\/\//.test(opts.postgres)) throw new Error(`--postgres needs a postgres:// URL, got ${opts.postgres}`);
        break;
      case '--directory-seed':
        opts.directorySeed = path.resolve(value());
        if (!fs.existsSync(opts.directorySeed)) throw new Error(`--directory-seed: no file at ${opts.directorySeed}`);
        break;
      case '--deadline-scan-interval-ms':
        opts.deadlineScanIntervalMs = positiveInt(value(), flag);
        break;
      default:
        log(`ignoring unknown argument ${argv[i]}`);
    }
  }
  return opts;
}

function log(...parts) {
  process.stderr.write(`[${BENCHMARK}] ${parts.join(' ')}\n`);
}

// ---------------------------------------------------------------------------------------------
// Server lifecycle

const state = {
  stopping: false,
  opts: undefined,
  child: undefined,
  childExited: undefined,
  dataDir: undefined,
  cleaning: undefined,
  agent: undefined,
  /** --postgres: the schema this run made, dropped on cleanup. */
  pgSchema: undefined,
  /** --server-cpu-prof: the profiler keeps an idle server busier (PROFILER_IDLE_SHARE). */
  profiling: false,
};

/** Keeps the last `limit` bytes of the server's output, shown when something fails. */
function tailBuffer(limit = 64 * 1024) {
  let chunks = [];
  let size = 0;
  return {
    push(chunk) {
      chunks.push(chunk);
      size += chunk.length;
      while (size > limit && chunks.length > 1) size -= chunks.shift().length;
    },
    text() {
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

async function startServer(opts) {
  if (!fs.existsSync(MAIN)) throw new Error(`${path.relative(ROOT, MAIN)} is missing; run \`npm run build\` first`);
  state.dataDir = fs.mkdtempSync(path.join(opts.dataDirParent, 'gzc-bench-'));
  const port = await freePort();
  const env = { ...process.env };
  for (const k of ['DATABASE_URL', 'KURRENTDB_URL', 'OIDC_ISSUER', 'OIDC_AUDIENCE']) delete env[k];
  if (opts.postgres) {
    state.pgSchema = `bench_far_${process.pid}`;
    await dropSchema(opts.postgres, state.pgSchema);
    Object.assign(env, { DATABASE_URL: opts.postgres, DATABASE_SCHEMA: state.pgSchema });
  }
  Object.assign(env, {
    PORT: String(port),
    DATA_DIR: state.dataDir,
    EVENT_STORE: opts.postgres ? 'postgres' : 'sqlite',
    AUTH_MODE: 'dev',
    NODE_ENV: env.NODE_ENV || 'production',
    DEADLINE_SCAN_INTERVAL_MS: String(opts.deadlineScanIntervalMs),
    // NODE_ENV=production seeds no directory; the benchmark signs in as the demo users.
    DIRECTORY_SEED_FILE: opts.directorySeed,
    // The benchmark measures throughput from one address and a handful of users: no rate limits.
    // Request logs stay on (their cost is part of the real server's).
    RATE_LIMIT_TOKENS_PER_USER: '0',
    RATE_LIMIT_TOKENS_PER_ADDRESS: '0',
    RATE_LIMIT_FILINGS_PER_USER: '0',
    RATE_LIMIT_FILINGS_PER_ADDRESS: '0',
  });
  const nodeArgs = [];
  state.profiling = Boolean(opts.serverCpuProf);
  if (opts.serverCpuProf) nodeArgs.push(...cpuProfileNodeArgs(opts.serverCpuProf));
  const output = tailBuffer();
  const child = spawn(process.execPath, [...nodeArgs, MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  state.child = child;
  state.childExited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (d) => {
      output.push(d);
      if (opts.serverLogs) process.stderr.write(d);
    });
  }
  log(`server pid ${child.pid} on port ${port}, DATA_DIR ${state.dataDir}`);

  const base = { host: '127.0.0.1', port };
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let lastProblem = 'no answer yet';
  let exited;
  state.childExited.then((e) => (exited = e));
  while (Date.now() < deadline) {
    if (exited) {
      throw new Error(`server exited before it was healthy (code ${exited.code}, signal ${exited.signal}):\n${output.text()}`);
    }
    try {
      const res = await request(base, 'GET', '/health', undefined, undefined, 2_000);
      if (res.status === 200) {
        log(`server healthy after ${((HEALTH_TIMEOUT_MS - (deadline - Date.now())) / 1000).toFixed(1)} s`);
        return { base, output };
      }
      lastProblem = `GET /health answered ${res.status}: ${res.text.slice(0, 300)}`;
    } catch (e) {
      lastProblem = `GET /health failed: ${e.code || e.message}`;
    }
    await sleep(200);
  }
  throw new Error(`server not healthy within ${HEALTH_TIMEOUT_MS / 1000} s (${lastProblem}):\n${output.text()}`);
}

/** Stops the server (SIGTERM, then SIGKILL after 10 s) and removes the temp dir. Idempotent. */
function cleanup() {
  if (state.cleaning) return state.cleaning;
  state.cleaning = (async () => {
    if (state.agent) state.agent.destroy();
    const child = state.child;
    if (child && !hasExited(child)) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        log('server did not stop within 10 s of SIGTERM; sending SIGKILL');
        child.kill('SIGKILL');
      }, 10_000);
      await state.childExited;
      clearTimeout(timer);
    }
    removeDataDir();
    if (state.pgSchema && state.opts?.postgres) {
      await dropSchema(state.opts.postgres, state.pgSchema).catch((e) => log(`could not drop schema ${state.pgSchema}: ${e.message}`));
      state.pgSchema = undefined;
    }
  })();
  return state.cleaning;
}

function removeDataDir() {
  if (state.dataDir) {
    try {
      fs.rmSync(state.dataDir, { recursive: true, force: true, maxRetries: 3 });
    } catch (e) {
      log(`could not remove ${state.dataDir}: ${e.message}`);
    }
    state.dataDir = undefined;
  }
}

// Last resort when the process leaves without the async cleanup having run.
process.on('exit', () => {
  const child = state.child;
  if (child && !hasExited(child)) child.kill('SIGKILL');
  removeDataDir();
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, () => {
    state.stopping = true;
    log(`${sig}: stopping the server and cleaning up`);
    cleanup().finally(() => process.exit(128 + (os.constants.signals[sig] || 0)));
  });
}

// ---------------------------------------------------------------------------------------------
// HTTP

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const json = (obj) => Buffer.from(JSON.stringify(obj));

async function devToken(base, userId) {
  const res = await request(base, 'POST', '/api/auth/dev-token', undefined, json({ userId }));
  if (res.status !== 200 && res.status !== 201) {
    throw new Error(`POST /api/auth/dev-token for ${userId} answered ${res.status}: ${res.text.slice(0, 500)}`);
  }
  const token = JSON.parse(res.text).accessToken;
  if (typeof token !== 'string' || !token) throw new Error(`dev-token for ${userId} has no accessToken: ${res.text.slice(0, 500)}`);
  return token;
}

// ---------------------------------------------------------------------------------------------
// The workload

const { FILE_BODY, REGISTER_BODY } = require('./tools/steady-writer');
const { waitUntilIdle } = require('./tools/wait-until-idle');
const { cpuProfileNodeArgs, PROFILER_IDLE_SHARE } = require('./tools/server-cpu-profile');

/**
 * Runs `iterations` file+register pairs with `concurrency` async workers pulling from a shared
 * counter, stopping early at the time limit. Records every command's latency.
 */
async function run({ base, tokens, concurrency, iterations, timeLimitMs, label }) {
  const serverCpuStart = processCpuMs(state.child?.pid);
  const mainThreadCpuStart = processCpuMs(state.child?.pid, state.child?.pid);
  const loadBefore = os.loadavg()[0];
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency, keepAliveMsecs: 1000 });
  state.agent = agent;
  const latencies = new Float64Array(iterations * 2);
  let recorded = 0;
  const byCommand = { file: new Float64Array(iterations), register: new Float64Array(iterations) };
  const byCommandCount = { file: 0, register: 0 };
  let commands = 0;
  let errors = 0;
  let completedIterations = 0;
  const errorKinds = new Map(); // "file 400" -> { count, sample }
  const noteError = (kind, sample) => {
    errors++;
    const e = errorKinds.get(kind);
    if (e) e.count++;
    else {
      errorKinds.set(kind, { count: 1, sample: String(sample).slice(0, 400) });
      log(`${label}: error ${kind}: ${String(sample).slice(0, 400)}`);
    }
  };

  /** Sends one command; returns the response or undefined on a transport error. Records latency. */
  const command = async (name, urlPath, token, body, expected) => {
    commands++;
    const t0 = process.hrtime.bigint();
    let res;
    try {
      res = await request(base, 'POST', urlPath, token, body, REQUEST_TIMEOUT_MS, agent);
    } catch (e) {
      noteError(`${name} ${e.code || 'transport error'}`, e.message);
      return undefined;
    }
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    latencies[recorded++] = ms;
    byCommand[name][byCommandCount[name]++] = ms;
    if (res.status !== expected) {
      noteError(`${name} ${res.status}`, res.text);
      return undefined;
    }
    return res;
  };

  let next = 0;
  let timedOut = false;
  const start = process.hrtime.bigint();
  const stopAt = Date.now() + timeLimitMs;
  let lastProgress = Date.now();

  const worker = async () => {
    while (next < iterations && !state.stopping) {
      if (Date.now() >= stopAt) {
        timedOut = true;
        return;
      }
      next++;
      const filed = await command('file', '/api/disputes', tokens.provider, FILE_BODY, 201);
      if (filed) {
        let id;
        try {
          id = JSON.parse(filed.text).id;
        } catch {
          /* reported below */
        }
        if (typeof id !== 'string' || !id) {
          noteError('file answer without id', filed.text);
        } else {
          await command('register', `/api/disputes/${encodeURIComponent(id)}/register`, tokens.secretariat, REGISTER_BODY, 200);
        }
      }
      completedIterations++;
      if (Date.now() - lastProgress > 5_000) {
        lastProgress = Date.now();
        log(`${label}: ${completedIterations}/${iterations} iterations, ${errors} errors`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const durationMs = Number(process.hrtime.bigint() - start) / 1e6;
  agent.destroy();
  state.agent = undefined;

  const sorted = latencies.subarray(0, recorded).sort(); // Float64Array sorts numerically
  const result = {
    concurrency,
    iterations: completedIterations,
    commands,
    errors,
    durationMs: round(durationMs),
    commandsPerSecond: round(durationMs > 0 ? commands / (durationMs / 1000) : 0, 1),
    latencyMs: {
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      max: sorted.length ? round(sorted[sorted.length - 1]) : null,
    },
  };
  // The same percentiles per command, to see which of the two dominates.
  result.latencyMsByCommand = Object.fromEntries(
    Object.keys(byCommand).map((name) => {
      const s = byCommand[name].subarray(0, byCommandCount[name]).sort();
      return [
        name,
        { p50: percentile(s, 50), p90: percentile(s, 90), p99: percentile(s, 99), max: s.length ? round(s[s.length - 1]) : null },
      ];
    }),
  );
  // CPU time the server spent per command: steadier than wall-clock figures on a shared machine.
  const serverCpuEnd = processCpuMs(state.child?.pid);
  if (serverCpuStart !== undefined && serverCpuEnd !== undefined && commands > 0) {
    result.serverCpuMsPerCommand = round((serverCpuEnd - serverCpuStart) / commands, 3);
  }
  // The event loop's thread alone: the server's ceiling while it is busy (worker threads, the
  // thread pool's fsyncs and the garbage collector's helpers run beside it on the other cores).
  const mainThreadCpuEnd = processCpuMs(state.child?.pid, state.child?.pid);
  if (mainThreadCpuStart !== undefined && mainThreadCpuEnd !== undefined && commands > 0) {
    result.serverMainThreadCpuMsPerCommand = round((mainThreadCpuEnd - mainThreadCpuStart) / commands, 3);
  }
  result.loadAverage1m = { before: round(loadBefore, 2), after: round(os.loadavg()[0], 2) };
  // The projections, the notifier and the mail sender are still catching up when the last answer
  // arrives; their work belongs to these commands too. Counted until the server is quiet again (the
  // two quiet seconds, at most 50 ms of CPU each, are included).
  if (serverCpuStart !== undefined && commands > 0) {
    const quiet = await waitUntilIdle(state.child?.pid, {
      maxShare: 0.05 + (state.profiling ? PROFILER_IDLE_SHARE : 0),
      timeoutMs: 120_000,
    });
    const serverCpuIdle = processCpuMs(state.child?.pid);
    if (serverCpuIdle !== undefined && quiet.idle) {
      result.serverCpuMsPerCommandUntilIdle = round((serverCpuIdle - serverCpuStart) / commands, 3);
      const mainThreadCpuIdle = processCpuMs(state.child?.pid, state.child?.pid);
      if (mainThreadCpuStart !== undefined && mainThreadCpuIdle !== undefined) {
        result.serverMainThreadCpuMsPerCommandUntilIdle = round((mainThreadCpuIdle - mainThreadCpuStart) / commands, 3);
      }
      result.catchUpMs = quiet.waitedMs;
    }
  }
  if (timedOut) result.timedOut = { limitMs: timeLimitMs, plannedIterations: iterations };
  if (errors > 0) {
    result.errorsByKind = Object.fromEntries([...errorKinds].map(([k, v]) => [k, v]));
  }
  return result;
}

/** Nearest-rank percentile of an ascending array: the value at rank ceil(p/100 * n). */

// ---------------------------------------------------------------------------------------------

/**
 * The HTTP layer's own floor: GET /health/live (no store, no auth) through the same Nest/Express
 * pipeline (security headers, request id, request log, filters) at the same concurrency. Its
 * server CPU per request against a command's says how much of a command the HTTP layer is, and so
 * how much another HTTP adapter could save at most.
 */
async function httpFloor({ base, concurrency, requests }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const cpuStart = processCpuMs(state.child?.pid);
  const latencies = [];
  let errors = 0;
  let issued = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (issued < requests && !state.stopping) {
        issued++;
        const s = process.hrtime.bigint();
        try {
          const res = await request(base, 'GET', '/health/live', undefined, undefined, REQUEST_TIMEOUT_MS, agent);
          if (res.status !== 200) errors++;
        } catch {
          errors++;
        }
        latencies.push(Number(process.hrtime.bigint() - s) / 1e6);
      }
    }),
  );
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpuEnd = processCpuMs(state.child?.pid);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    path: '/health/live',
    concurrency,
    requests: latencies.length,
    errors,
    requestsPerSecond: round(latencies.length / (ms / 1000), 1),
    latencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99) },
    ...(cpuStart !== undefined && cpuEnd !== undefined ? { serverCpuMsPerRequest: round((cpuEnd - cpuStart) / latencies.length, 3) } : {}),
    loadAverage1m: round(os.loadavg()[0], 2),
  };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  state.opts = opts;
  const { base, output } = await startServer(opts);
  try {
    const tokens = {
      provider: await devToken(base, 'prov-anna'),
      secretariat: await devToken(base, 'sec-jan'),
    };
    const timeLimitMs = opts.timeLimitS * 1000;

    if (opts.warmup > 0) {
      const w = await run({
        base,
        tokens,
        concurrency: Math.min(8, Math.max(...opts.concurrency)),
        iterations: opts.warmup,
        timeLimitMs,
        label: 'warm-up',
      });
      log(`warm-up: ${w.iterations} iterations, ${w.errors} errors, p50 ${w.latencyMs.p50} ms`);
      if (w.errors > 0 && w.errors >= w.commands) {
        throw new Error(`every warm-up command failed: ${JSON.stringify(w.errorsByKind)}`);
      }
    }

    const runs = [];
    for (const concurrency of opts.concurrency) {
      const iterations = opts.iterations ?? DEFAULT_ITERATIONS[concurrency] ?? 1000;
      log(`run: concurrency ${concurrency}, ${iterations} iterations (limit ${opts.timeLimitS} s)`);
      const r = await run({ base, tokens, concurrency, iterations, timeLimitMs, label: `c=${concurrency}` });
      log(`c=${concurrency}: ${r.commandsPerSecond} commands/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, ${r.errors} errors`);
      runs.push(r);
    }

    const floor = opts.httpFloor ? await httpFloor({ base, concurrency: Math.max(...opts.concurrency), requests: 2000 }) : undefined;
    if (floor) log(`HTTP floor (${floor.path}): ${floor.requestsPerSecond} requests/s, ${floor.serverCpuMsPerRequest} ms server CPU each`);

    const TARGETS = TARGETS_BY_STORE[opts.postgres ? 'postgres' : 'sqlite'];
    const c32 = runs.find((r) => r.concurrency === 32);
    const meetsTargets = Boolean(
      c32 &&
      c32.errors === 0 &&
      !c32.timedOut &&
      c32.commandsPerSecond >= TARGETS.commandsPerSecondAtC32 &&
      c32.latencyMs.p99 !== null &&
      c32.latencyMs.p99 <= TARGETS.p99MsAtC32,
    );
    if (!c32) log('no run at concurrency 32, so the targets cannot be met');

    if (hasExited(state.child)) {
      throw new Error(`server died during the benchmark:\n${output.text()}`);
    }
    return {
      benchmark: BENCHMARK,
      node: process.version,
      cpus: os.cpus().length,
      server: { eventStore: opts.postgres ? 'postgres' : 'sqlite', readModels: opts.postgres ? 'postgres' : 'sqlite' },
      runs,
      ...(floor ? { httpFloor: floor } : {}),
      targets: TARGETS,
      meetsTargets,
    };
  } catch (e) {
    if (e && !String(e.message).includes('\n')) log(`server output (tail):\n${output.text().slice(-8000)}`);
    throw e;
  }
}

main()
  .then(async (result) => {
    await cleanup();
    if (state.opts && state.opts.serverCpuProf) log(`server CPU profile in ${state.opts.serverCpuProf}`);
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    process.exitCode = 0;
  })
  .catch(async (e) => {
    log(`failed: ${e && e.stack ? e.stack : e}`);
    await cleanup();
    process.exitCode = 1;
  });
