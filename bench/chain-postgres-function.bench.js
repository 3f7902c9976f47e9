'use strict';
// Benchmark: the PostgreSQL server's CPU time per event in the append function, with the chain as
// schema step 5 writes it, as step 4 wrote it (one row at a time), and without the chain. The
// same input (events with their content hash, as the store sends them) goes to three fresh schemas
// of DATABASE_URL's database in turns of a few thousand events, each turn its own transactions;
// the figure is the median over the turns of the backend's CPU (from /proc, so PostgreSQL must run
// on this machine) per event. No client work and no throughput: on a machine others load, this
// moves far less than chain.bench.js's throughput. Runs the built store from dist/.
//
//   DATABASE_URL=postgres://... node bench/chain-postgres-function.bench.js
//        [--callers 16] [--events 10] [--rounds 15] [--rollback] [--turn-events 3000]
//
// --callers appends of --events events each form one call of the append function (one group
// commit of the store). Each caller appends to its own stream, which grows over the run, with the
// exact expected version. --rollback rolls every call back instead of committing it (no WAL flush).

const { randomBytes, randomUUID } = require('node:crypto');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');
const { processCpuMs, round } = require('./tools/bench-common');
const { appendFunctionInput, caseEvent } = require('./tools/chain-workload');

const DIST = path.join(path.resolve(__dirname, '..'), 'dist', 'libs', 'event-store', 'src');

function parseArgs(argv) {
  const opts = { callers: 16, events: 10, rounds: 15, rollback: false, turnEvents: 3000 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => Number(inline !== undefined ? inline : argv[++i]);
    if (flag === '--callers') opts.callers = value();
    else if (flag === '--events') opts.events = value();
    else if (flag === '--rounds') opts.rounds = value();
    else if (flag === '--rollback') opts.rollback = true;
    else if (flag === '--turn-events') opts.turnEvents = value();
    else process.stderr.write(`ignoring unknown argument ${argv[i]}\n`);
  }
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('needs DATABASE_URL');
  const dist = require(path.join(DIST, 'index.js'));
  const { appendOneFunctionSql, schemaNames } = require(path.join(DIST, 'postgres', 'schema.js'));
  const base = `chain_fn_bench_${randomBytes(4).toString('hex')}`;
  const variants = {
    chain: { schema: `${base}_chain` },
    chainRowByRow: { schema: `${base}_rows` },
    withoutChain: { schema: `${base}_plain`, benchmarkWithoutHashChain: true },
  };
  for (const v of Object.values(variants)) await (await dist.PostgresEventStore.open({ connectionString, ...v })).close();
  const client = new Client({ connectionString });
  await client.connect();
  const loadBefore = os.loadavg();
  const perEvent = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  try {
    await client.query(appendOneFunctionSql(schemaNames(variants.chainRowByRow.schema), 'chain-row-by-row'));
    const { rows } = await client.query('SELECT pg_backend_pid() AS pid');
    const backendCpuMs = () => processCpuMs(rows[0].pid);
    if (backendCpuMs() === undefined) throw new Error('cannot read the backend CPU time from /proc (is PostgreSQL local?)');
    const streams = Array.from({ length: opts.callers }, () => `dispute-${randomUUID()}`);
    const heads = Object.fromEntries(Object.keys(variants).map((k) => [k, streams.map(() => -1)]));
    const calls = Math.max(1, Math.ceil(opts.turnEvents / (opts.callers * opts.events)));
    const callInput = (variant) =>
      JSON.stringify(
        streams.map((s, c) => {
          const expected = heads[variant][c];
          if (!opts.rollback) heads[variant][c] += opts.events;
          return [{ s, e: expected, ev: Array.from({ length: opts.events }, (_, i) => appendFunctionInput(dist, caseEvent(i))) }];
        }),
      );
    for (let r = 0; r < opts.rounds + 1; r++) {
      for (const [variant, { schema }] of Object.entries(variants)) {
        const inputs = Array.from({ length: calls }, () => callInput(variant));
        const before = backendCpuMs();
        for (const input of inputs) {
          await client.query('BEGIN');
          const result = await client.query(`SELECT "${schema}".event_store_append($1::jsonb, false) AS outcomes`, [input]);
          // A conflict is an answer, not an error: the events were not written, so the figure would lie.
          const failed = result.rows[0].outcomes.find((o) => !('ok' in o));
          if (failed) throw new Error(`append in ${schema} did not write: ${JSON.stringify(failed)}`);
          await client.query(opts.rollback ? 'ROLLBACK' : 'COMMIT');
        }
        // Round 0 warms up (plans cached, first pages).
        if (r > 0) perEvent[variant].push(((backendCpuMs() - before) * 1000) / (calls * opts.callers * opts.events));
      }
    }
  } finally {
    await client.query(
      Object.values(variants)
        .map((v) => `DROP SCHEMA IF EXISTS "${v.schema}" CASCADE`)
        .join(';'),
    );
    await client.end();
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const m = Object.fromEntries(Object.entries(perEvent).map(([k, xs]) => [k, round(median(xs), 1)]));
  process.stdout.write(
    `${JSON.stringify(
      {
        benchmark: 'chain-postgres-function',
        callersPerCall: opts.callers,
        eventsPerAppend: opts.events,
        rounds: opts.rounds,
        transactions: opts.rollback ? 'rolled back' : 'committed',
        backendCpuMicrosPerEventMedian: m,
        chainExtraMicrosPerEvent: { chain: round(m.chain - m.withoutChain, 1), chainRowByRow: round(m.chainRowByRow - m.withoutChain, 1) },
        note: `backend CPU is counted in clock ticks (10 ms); a turn is some ${opts.turnEvents} events, so about ${round(10000 / opts.turnEvents, 2)} µs an event per tick`,
        machine: {
          cpus: os.cpus().length,
          loadAverage: { before: loadBefore.map((x) => round(x, 2)), after: os.loadavg().map((x) => round(x, 2)) },
        },
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
