'use strict';
// Benchmark: the same small Nest app on Express and on Fastify, side by side (issue 14: "try
// @nestjs/platform-fastify and measure both before choosing"). Four servers run at once, each in
// its own process (bench/tools/http-adapter-server.js): Express and Fastify, each with the 2
// measured routes only and with 70 routes more before them (the product has ~71). Runs alternate
// between the adapters (Express first in odd pairs, Fastify first in even ones) and measure the
// server's CPU per request from /proc (all its threads' run time, in ns), which other work on the
// machine distorts far less than wall-clock figures. Prints one JSON document to stdout; logs go to stderr. Needs `npm run build`.
//
//   node bench/http-adapter.bench.js [--requests 4000] [--pairs 3] [--concurrency 32] [--warmup 3000]
//        [--extra-routes 70]
//
// Workloads: GET /health/live, and POST /api/disputes with a ~1 kB JSON body that the product's
// FileDisputeDto validates (answer 201). The client is node:http with a keep-alive Agent, like
// bench/file-and-register.bench.js.

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { freePort, hasExited, percentile, processCpuMs, request, round } = require('./tools/bench-common');

const BENCHMARK = 'http-adapter';
const ROOT = path.resolve(__dirname, '..');
const SERVER = path.join(__dirname, 'tools', 'http-adapter-server.js');
const ADAPTERS = ['express', 'fastify'];
const START_TIMEOUT_MS = 60_000;

/** A filing like the file-and-register bench's, with a longer summary and claims: about 1 kB. */
const POST_BODY = Buffer.from(
  JSON.stringify({
    phase: 'contractual',
    legalFramework: 'zvw',
    sector: 'physiotherapy_paramedical',
    subjects: ['tariff'],
    contractYear: 2026,
    claimantOrganisationIds: ['org-fysio-delinde'],
    respondentOrganisationIds: ['org-zv-noord'],
    summary:
      'Benchmark: the insurer offers a 2026 tariff for physiotherapy below the cost price. The provider asks for a ' +
      'contract at the cost-based tariff of the 2026 cost price study, for all its practices in the region, and ' +
      'for the volume agreements of 2025 to be carried over unchanged.',
    claims: [
      { description: 'Contract at the cost-based tariff of the 2026 cost price study.', amountCents: 1_250_000 },
      { description: 'Volume agreements of 2025 carried over to 2026 for every practice.', amountCents: 350_000 },
      { description: 'Payment of the difference for the treatments given since 1 January 2026.', amountCents: 125_000 },
    ],
    amountInDisputeCents: 1_725_000,
    proposedRoute: 'mediation',
    urgent: false,
  }),
);

const WORKLOADS = {
  health: { method: 'GET', path: '/health/live', token: undefined, body: undefined, expected: 200 },
  post: { method: 'POST', path: '/api/disputes', token: 'bench', body: POST_BODY, expected: 201 },
};

function parseArgs(argv) {
  const opts = { requests: 4000, pairs: 3, concurrency: 32, warmup: 3000, extraRoutes: 70 };
  const names = {
    '--requests': 'requests',
    '--pairs': 'pairs',
    '--concurrency': 'concurrency',
    '--warmup': 'warmup',
    '--extra-routes': 'extraRoutes',
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const key = names[flag];
    // bench/run.js passes every benchmark the same arguments (e.g. --iterations): skip the others'.
    if (!key) {
      log(`ignoring unknown argument ${argv[i]}`);
      continue;
    }
    const raw = inline !== undefined ? inline : argv[++i];
    const n = Number(raw);
    if (!Number.isInteger(n) || n < (key === 'warmup' || key === 'extraRoutes' ? 0 : 1))
      throw new Error(`${flag} needs a whole number, got ${raw}`);
    opts[key] = n;
  }
  return opts;
}

function log(...parts) {
  process.stderr.write(`[${BENCHMARK}] ${parts.join(' ')}\n`);
}

/**
 * A process's CPU time so far in µs: the sum of its threads' run time in /proc/<pid>/task/<tid>/schedstat
 * (nanoseconds), as /proc/<pid>/stat counts only in 10 ms ticks, too coarse for a difference of
 * tens of µs per request. Falls back to the ticks where schedstat is missing.
 */
function serverCpuUs(pid) {
  try {
    let ns = 0;
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      ns += Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ', 1)[0]);
    }
    return ns / 1000;
  } catch {
    const ms = processCpuMs(pid);
    return ms === undefined ? undefined : ms * 1000;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const servers = [];

async function startServer(adapter, extraRoutes) {
  const port = await freePort();
  const child = spawn(process.execPath, [SERVER], {
    cwd: ROOT,
    env: { ...process.env, ADAPTER: adapter, EXTRA_ROUTES: String(extraRoutes), PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // The request log goes to stdout, as in production; it is read and dropped.
  child.stdout.on('data', () => {});
  child.stderr.on('data', (d) => (output = (output + d).slice(-8000)));
  const server = { adapter, extraRoutes, child, base: { host: '127.0.0.1', port }, output: () => output };
  servers.push(server);
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (hasExited(child)) throw new Error(`${adapter} server exited (${child.exitCode ?? child.signalCode}):\n${output}`);
    try {
      if ((await request(server.base, 'GET', '/health/live', undefined, undefined, 2_000)).status === 200) return server;
    } catch {
      /* not listening yet */
    }
    await sleep(200);
  }
  throw new Error(`${adapter} server did not answer within ${START_TIMEOUT_MS / 1000} s:\n${output}`);
}

/** `requests` requests from `concurrency` keep-alive clients; server CPU from /proc before and after. */
async function run(server, workload, requests, concurrency) {
  const w = WORKLOADS[workload];
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
  const latencies = new Float64Array(requests);
  let issued = 0;
  let done = 0;
  let errors = 0;
  const cpuStart = serverCpuUs(server.child.pid);
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (issued < requests) {
        issued++;
        const s = process.hrtime.bigint();
        try {
          const res = await request(server.base, w.method, w.path, w.token, w.body, 30_000, agent);
          if (res.status !== w.expected) {
            if (errors === 0) log(`${server.adapter} ${workload}: answer ${res.status}: ${res.text.slice(0, 300)}`);
            errors++;
          }
        } catch (e) {
          if (errors === 0) log(`${server.adapter} ${workload}: ${e.message}`);
          errors++;
        }
        latencies[done++] = Number(process.hrtime.bigint() - s) / 1e6;
      }
    }),
  );
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpuEnd = serverCpuUs(server.child.pid);
  agent.destroy();
  const sorted = latencies.subarray(0, done).sort();
  return {
    adapter: server.adapter,
    routes: 2 + server.extraRoutes,
    workload,
    requests: done,
    errors,
    serverCpuUsPerRequest: cpuStart !== undefined && cpuEnd !== undefined ? round((cpuEnd - cpuStart) / done, 1) : null,
    requestsPerSecond: round(done / (ms / 1000), 1),
    latencyMs: { p50: percentile(sorted, 50), p99: percentile(sorted, 99) },
    loadAverage1m: round(os.loadavg()[0], 2),
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : round((s[s.length / 2 - 1] + s[s.length / 2]) / 2, 1);
};

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const routeCounts = opts.extraRoutes > 0 ? [0, opts.extraRoutes] : [0];
  for (const adapter of ADAPTERS) for (const extra of routeCounts) await startServer(adapter, extra);
  log(`${servers.length} servers up; warming up with ${opts.warmup} requests of each workload`);
  for (const server of servers) for (const workload of Object.keys(WORKLOADS)) await run(server, workload, opts.warmup, opts.concurrency);

  const runs = [];
  const loadBefore = round(os.loadavg()[0], 2);
  for (let pair = 1; pair <= opts.pairs; pair++) {
    const order = pair % 2 === 1 ? ADAPTERS : [...ADAPTERS].reverse();
    for (const workload of Object.keys(WORKLOADS)) {
      for (const extra of routeCounts) {
        for (const adapter of order) {
          const server = servers.find((s) => s.adapter === adapter && s.extraRoutes === extra);
          const result = await run(server, workload, opts.requests, opts.concurrency);
          runs.push({ pair, ...result });
          log(
            `pair ${pair} ${workload} ${result.routes} routes ${adapter}: ${result.serverCpuUsPerRequest} µs CPU/request, ` +
              `${result.requestsPerSecond} requests/s, load ${result.loadAverage1m}`,
          );
        }
      }
    }
  }
  for (const server of servers) {
    if (hasExited(server.child)) throw new Error(`${server.adapter} server died during the benchmark:\n${server.output()}`);
  }

  // Medians over the pairs, per workload, route count and adapter.
  const summary = [];
  for (const workload of Object.keys(WORKLOADS)) {
    for (const extra of routeCounts) {
      const row = { workload, routes: 2 + extra };
      for (const adapter of ADAPTERS) {
        const mine = runs.filter((r) => r.workload === workload && r.routes === 2 + extra && r.adapter === adapter);
        row[adapter] = {
          serverCpuUsPerRequest: median(mine.map((r) => r.serverCpuUsPerRequest)),
          requestsPerSecond: median(mine.map((r) => r.requestsPerSecond)),
          errors: mine.reduce((n, r) => n + r.errors, 0),
        };
      }
      row.fastifySavesUsPerRequest = round(row.express.serverCpuUsPerRequest - row.fastify.serverCpuUsPerRequest, 1);
      summary.push(row);
    }
  }
  return {
    benchmark: BENCHMARK,
    node: process.version,
    cpus: os.cpus().length,
    requestsPerRun: opts.requests,
    concurrency: opts.concurrency,
    postBodyBytes: POST_BODY.length,
    loadAverage1m: { before: loadBefore, after: round(os.loadavg()[0], 2) },
    summary,
    runs,
  };
}

async function stopServers() {
  await Promise.all(
    servers.map(
      (s) =>
        new Promise((resolve) => {
          if (hasExited(s.child)) return resolve();
          const timer = setTimeout(() => s.child.kill('SIGKILL'), 10_000);
          s.child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          s.child.kill('SIGTERM');
        }),
    ),
  );
}

process.on('exit', () => {
  for (const s of servers) if (!hasExited(s.child)) s.child.kill('SIGKILL');
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, () => {
    log(`${sig}: stopping the servers`);
    stopServers().finally(() => process.exit(128 + (os.constants.signals[sig] || 0)));
  });
}

main()
  .then(async (result) => {
    await stopServers();
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  })
  .catch(async (e) => {
    log(`failed: ${e && e.stack ? e.stack : e}`);
    await stopServers();
    process.exitCode = 1;
  });
