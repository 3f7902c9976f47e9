'use strict';
// Benchmark: what the hash chain costs on appends. The same store, in the same run, is appended to
// twice: with the chain (the product) and opened with benchmarkWithoutHashChain. On SQLite both
// use the same file; on PostgreSQL (--store postgres, needs DATABASE_URL) two fresh schemas of the
// same database, dropped afterwards (there the switch replaces the schema's append function).
// Rounds alternate (chain then plain, plain then chain, ...) so drift on a shared machine hits both alike.
// Target: the chain costs at most 10% of the throughput without it.
// Runs the built store from dist/ (npm run build). Prints JSON on stdout.
//
//   node bench/chain.bench.js [--store sqlite|postgres] [--seconds 2] [--rounds 5]
//        [--concurrency 1,16] [--events 1,10] [--synchronous FULL|NORMAL]
//
// Each of `concurrency` async workers owns one stream and appends with the exact expected version,
// as command handlers do, with events shaped like a case's (a few fields, Dutch text, an actor).

const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { round } = require('./tools/bench-common');
const { appendFor } = require('./tools/chain-workload');
const { openBackendCpu } = require('./tools/postgres-backend-cpu');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist', 'libs', 'event-store', 'src');
const TARGET_MAX_COST = 0.1;

function parseArgs(argv) {
  const opts = { store: 'sqlite', seconds: 2, rounds: 5, concurrency: [1, 16], events: [1, 10], synchronous: 'FULL' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    const list = (v) => v.split(',').filter(Boolean).map(Number);
    switch (flag) {
      case '--store':
        opts.store = value() === 'postgres' ? 'postgres' : 'sqlite';
        break;
      case '--seconds':
        opts.seconds = Number(value());
        break;
      case '--rounds':
        opts.rounds = Number(value());
        break;
      case '--concurrency':
        opts.concurrency = list(value());
        break;
      case '--events':
        opts.events = list(value());
        break;
      case '--synchronous':
        opts.synchronous = value() === 'NORMAL' ? 'NORMAL' : 'FULL';
        break;
      default:
        process.stderr.write(`ignoring unknown argument ${argv[i]}\n`);
    }
  }
  return opts;
}

/**
 * Events per second appended by `concurrency` workers for `seconds`, and the process's CPU time per
 * event (better-sqlite3 works on this thread, so on SQLite that is the store's work too, fsync
 * waits excluded; on PostgreSQL the server's work is not counted):
 * on a machine others load, CPU time varies far less than throughput.
 */
async function measure(store, { concurrency, events, seconds }, backendCpu) {
  const backendsBefore = await backendCpu?.sample();
  const { appended, cpu } = await appendFor(store, { concurrency, events, seconds });
  const backendMs = await backendCpu?.since(backendsBefore);
  // User time apart: the chain's work is all user time, while system time (fsync, I/O) varies
  // with what the disk is doing for others.
  const cpuMicrosPerEvent = (cpu.user + cpu.system) / appended;
  const serverCpuMicrosPerEvent = backendMs === undefined ? undefined : (backendMs * 1000) / appended;
  return {
    rate: appended / seconds,
    cpuMicrosPerEvent,
    userMicrosPerEvent: cpu.user / appended,
    serverCpuMicrosPerEvent,
    totalCpuMicrosPerEvent: serverCpuMicrosPerEvent === undefined ? undefined : cpuMicrosPerEvent + serverCpuMicrosPerEvent,
  };
}

/** The two stores to compare, and how to clean up after them. */
async function openStores(opts) {
  const dist = require(path.join(DIST, 'index.js'));
  if (opts.store === 'postgres') {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error('--store postgres needs DATABASE_URL');
    const base = `chain_bench_${randomBytes(4).toString('hex')}`;
    const chained = await dist.PostgresEventStore.open({ connectionString, schema: `${base}_chain` });
    const plain = await dist.PostgresEventStore.open({ connectionString, schema: `${base}_plain`, benchmarkWithoutHashChain: true });
    const backendCpu = await openBackendCpu(connectionString);
    const cleanup = async () => {
      await backendCpu.close();
      const { Client } = require('pg');
      const client = new Client({ connectionString });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${base}_chain CASCADE; DROP SCHEMA IF EXISTS ${base}_plain CASCADE`);
      } finally {
        await client.end();
      }
    };
    return { chained, plain, cleanup, backendCpu };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gzc-chain-bench-'));
  const filename = path.join(dir, 'events.sqlite');
  const chained = dist.SqliteEventStore.open({ filename, synchronous: opts.synchronous });
  const plain = dist.SqliteEventStore.open({ filename, synchronous: opts.synchronous, benchmarkWithoutHashChain: true });
  return { chained, plain, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const loadBefore = os.loadavg();
  const { chained, plain, cleanup, backendCpu } = await openStores(opts);
  const results = [];
  try {
    for (const concurrency of opts.concurrency) {
      for (const events of opts.events) {
        const config = { concurrency, events, seconds: opts.seconds };
        await measure(chained, { ...config, seconds: 0.3 }); // warm-up
        await measure(plain, { ...config, seconds: 0.3 });
        const withChain = [];
        const withoutChain = [];
        for (let r = 0; r < opts.rounds; r++) {
          // Chain first in even rounds, last in odd ones: a trend in the machine's load hits both alike.
          if (r % 2 === 0) {
            withChain.push(await measure(chained, config, backendCpu));
            withoutChain.push(await measure(plain, config, backendCpu));
          } else {
            withoutChain.push(await measure(plain, config, backendCpu));
            withChain.push(await measure(chained, config, backendCpu));
          }
        }
        const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
        const rate = (xs) => mean(xs.map((x) => x.rate));
        const cpu = (xs) => mean(xs.map((x) => x.cpuMicrosPerEvent));
        const cost = 1 - rate(withChain) / rate(withoutChain);
        const user = (xs) => mean(xs.map((x) => x.userMicrosPerEvent));
        // Each chain round against the plain round right after it: drift between rounds cancels.
        const pairCosts = withChain.map((x, i) => 1 - x.rate / withoutChain[i].rate).sort((a, b) => a - b);
        const pairUserExtra = withChain.map((x, i) => x.userMicrosPerEvent - withoutChain[i].userMicrosPerEvent).sort((a, b) => a - b);
        const median = (xs) => xs[Math.floor(xs.length / 2)];
        // PostgreSQL: this process and the database's backends together, per event, and the chain's share of it.
        const total = withChain[0].totalCpuMicrosPerEvent !== undefined;
        const pairTotalCosts = total
          ? withChain.map((x, i) => 1 - withoutChain[i].totalCpuMicrosPerEvent / x.totalCpuMicrosPerEvent).sort((a, b) => a - b)
          : [];
        const serverCpu = (xs) => mean(xs.map((x) => x.serverCpuMicrosPerEvent));
        const totalCpu = (xs) => mean(xs.map((x) => x.totalCpuMicrosPerEvent));
        results.push({
          concurrency,
          eventsPerAppend: events,
          withChainEventsPerSecond: round(rate(withChain)),
          withoutChainEventsPerSecond: round(rate(withoutChain)),
          chainCost: round(cost, 3),
          meetsTarget: cost <= TARGET_MAX_COST,
          chainCostMedianOfPairs: round(pairCosts[Math.floor(pairCosts.length / 2)], 3),
          // The chain's share of the CPU time an event costs: 1 - without / with.
          cpuMicrosPerEvent: { withChain: round(cpu(withChain), 1), withoutChain: round(cpu(withoutChain), 1) },
          chainCpuCost: round(1 - cpu(withoutChain) / cpu(withChain), 3),
          userMicrosPerEvent: { withChain: round(user(withChain), 1), withoutChain: round(user(withoutChain), 1) },
          // The chain's extra user CPU an event, median over the paired rounds: the steadiest figure here.
          chainUserMicrosMedianOfPairs: round(pairUserExtra[Math.floor(pairUserExtra.length / 2)], 2),
          ...(total
            ? {
                serverCpuMicrosPerEvent: { withChain: round(serverCpu(withChain), 1), withoutChain: round(serverCpu(withoutChain), 1) },
                totalCpuMicrosPerEvent: { withChain: round(totalCpu(withChain), 1), withoutChain: round(totalCpu(withoutChain), 1) },
                // The chain's share of all the CPU an event costs (this process and the server), median over the pairs.
                chainTotalCpuCostMedianOfPairs: round(median(pairTotalCosts), 3),
              }
            : {}),
          rounds: { withChain: withChain.map((x) => round(x.rate)), withoutChain: withoutChain.map((x) => round(x.rate)) },
        });
      }
    }
  } finally {
    await chained.close();
    await plain.close();
    await cleanup();
  }
  process.stdout.write(
    `${JSON.stringify(
      {
        benchmark: 'chain',
        store: opts.store,
        ...(opts.store === 'sqlite' ? { synchronous: opts.synchronous } : {}),
        target: { maxChainCost: TARGET_MAX_COST },
        machine: {
          cpus: os.cpus().length,
          node: process.version,
          loadAverage: { before: loadBefore.map((x) => round(x, 2)), after: os.loadavg().map((x) => round(x, 2)) },
          note: 'shared machine: other developers build and test on it during this run; figures are indicative',
        },
        ...(opts.store === 'postgres'
          ? {
              cpuNote:
                'cpuMicrosPerEvent is this process only; serverCpuMicrosPerEvent the backends of this database (local server only; WAL writer and other server processes not counted); totalCpuMicrosPerEvent both',
            }
          : {}),
        results,
      },
      null,
      2,
    )}\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
