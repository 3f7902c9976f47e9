'use strict';
// Benchmark: event store append throughput (events/s) with 1-event and 10-event appends at
// concurrency 1 and 16, for the SQLite store and (when DATABASE_URL is set) the PostgreSQL store,
// each next to its bare floor measured in the same run: the same rows written with plain INSERTs
// (each append its own transaction, same concurrency, no version check, no ordering lock, no
// group commit) through better-sqlite3 and pg. Our figure is printed as a ratio of that floor.
// Runs the built stores from dist/ (npm run build). Prints one JSON document on stdout.
//
//   node bench/append.bench.js [--seconds 3] [--warmup-s 0.5] [--concurrency 1,16] [--events 1,10]
//        [--backends sqlite,postgres]
//
// Each of `concurrency` async workers owns one stream and appends with the exact expected version,
// as command handlers do, until the time is up. Ours and the floor alternate per configuration so
// drift on a shared machine hits both alike.

const { randomBytes, randomUUID } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { percentile, round } = require('./tools/bench-common');

const BENCHMARK = 'append';
const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist', 'libs', 'event-store', 'src');
const TARGETS = { postgresEventsPerSecondAtC16: 3000, postgresMinRatioToFloorAtC16: 0.5 };

function parseArgs(argv) {
  const opts = { seconds: 3, warmupS: 0.5, concurrency: [1, 16], events: [1, 10], backends: ['sqlite', 'postgres'] };
  const list = (v, name) =>
    v.split(',').filter(Boolean).map((x) => {
      const n = Number(x);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${name} values must be positive integers, got ${x}`);
      return n;
    });
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const positive = (v) => {
      const n = Number(v);
      if (!(n > 0)) throw new Error(`${flag} must be a positive number, got ${v}`);
      return n;
    };
    switch (flag) {
      case '--seconds': opts.seconds = positive(value()); break;
      case '--warmup-s': opts.warmupS = Number(value()); break;
      case '--concurrency': opts.concurrency = list(value(), flag); break;
      case '--events': opts.events = list(value(), flag); break;
      case '--backends': opts.backends = value().split(',').filter(Boolean); break;
      default: log(`ignoring unknown argument ${argv[i]}`);
    }
  }
  return opts;
}

function log(...parts) {
  process.stderr.write(`[${BENCHMARK}] ${parts.join(' ')}\n`);
}



function newEvents(n, worker) {
  return Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    type: 'BenchmarkAppended',
    data: { worker, i, note: 'a realistic small payload: a dispute event carries a few short fields' },
    metadata: { schemaVersion: 1, correlationId: randomUUID(), actor: { userId: 'bench', role: 'secretary' } },
  }));
}

/**
 * Runs `concurrency` workers for `seconds`. `appendOnce(worker, revisionBefore, events)` performs
 * one append of `eventsPerAppend` events to the worker's own stream. Returns throughput and latency.
 */
async function measure({ label, concurrency, eventsPerAppend, seconds, appendOnce }) {
  const latencies = [];
  let events = 0;
  let errors = 0;
  let sampleError;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + seconds * 1000;
  const runId = randomBytes(4).toString('hex');
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      const stream = `bench-${runId}-${w}`;
      let revision = -1; // the stream's last revision; -1: no stream yet
      while (Date.now() < deadline) {
        const batch = newEvents(eventsPerAppend, w);
        const t0 = process.hrtime.bigint();
        try {
          await appendOnce(stream, revision, batch);
          revision += eventsPerAppend;
          events += eventsPerAppend;
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        } catch (error) {
          errors++;
          sampleError ??= String(error && error.message ? error.message : error);
          if (errors > 100) throw new Error(`${label}: too many errors, e.g. ${sampleError}`, { cause: error });
        }
      }
    }),
  );
  const elapsedS = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return {
    appends: latencies.length,
    events,
    seconds: round(elapsedS),
    eventsPerSecond: Math.round(events / elapsedS),
    latencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: percentile(latencies, 100) },
    errors,
    ...(sampleError ? { sampleError } : {}),
  };
}

const expected = (revision) => (revision < 0 ? 'no_stream' : revision);

// ---------------------------------------------------------------------------------------------
// Backends: each gives the store's appendOnce and the floor's appendOnce for a concurrency.

async function sqliteBackend(tmpDir) {
  const { SqliteEventStore } = require(DIST);
  const Database = require('better-sqlite3');
  const store = SqliteEventStore.open({ filename: path.join(tmpDir, 'events.db') });
  // The floor: the same table shape and pragmas as the store (WAL, synchronous=FULL), one
  // transaction per append, no version check.
  const db = new Database(path.join(tmpDir, 'floor.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE events (
    position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, stream_id TEXT NOT NULL,
    revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL,
    recorded_at TEXT NOT NULL, UNIQUE (stream_id, revision))`);
  const insert = db.prepare('INSERT INTO events (id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const appendRows = db.transaction((stream, revision, batch) => {
    const now = new Date().toISOString();
    batch.forEach((e, i) => insert.run(e.id, stream, revision + 1 + i, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata), now));
  });
  return {
    name: 'sqlite',
    ours: async () => ({
      appendOnce: (stream, revision, batch) => store.appendToStream(stream, batch, expected(revision)),
      done: async () => undefined,
    }),
    floor: async () => ({
      appendOnce: async (stream, revision, batch) => appendRows(stream, revision, batch),
      done: async () => undefined,
    }),
    close: async () => {
      await store.close();
      db.close();
    },
  };
}

async function postgresBackend(connectionString) {
  const { PostgresEventStore } = require(DIST);
  const { Pool } = require('pg');
  const suffix = randomBytes(5).toString('hex');
  const storeSchema = `bench_append_${suffix}`;
  const floorSchema = `bench_floor_${suffix}`;
  const admin = new Pool({ connectionString, max: 1 });
  state.cleanups.push(async () => {
    await admin.query(`DROP SCHEMA IF EXISTS ${storeSchema} CASCADE`);
    await admin.query(`DROP SCHEMA IF EXISTS ${floorSchema} CASCADE`);
    await admin.end();
  });
  const store = await PostgresEventStore.open({ connectionString, schema: storeSchema });
  // The floor: the same table (positions from an identity column instead of the ordering lock).
  await admin.query(`CREATE SCHEMA ${floorSchema}`);
  await admin.query(`CREATE TABLE ${floorSchema}.events (
    position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, id uuid NOT NULL UNIQUE, stream_id text NOT NULL,
    revision integer NOT NULL, type text NOT NULL, data json NOT NULL, metadata json NOT NULL,
    recorded_at timestamptz NOT NULL, UNIQUE (stream_id, revision))`);
  return {
    name: 'postgres',
    ours: async () => ({
      appendOnce: (stream, revision, batch) => store.appendToStream(stream, batch, expected(revision)),
      done: async () => undefined,
    }),
    // One INSERT statement (its own autocommit transaction) per append; one connection per worker.
    floor: async (concurrency) => {
      const pool = new Pool({ connectionString, max: concurrency });
      return {
        appendOnce: (stream, revision, batch) => {
          const values = [];
          const params = [];
          batch.forEach((e, i) => {
            const p = params.length;
            values.push(`($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, now())`);
            params.push(e.id, stream, revision + 1 + i, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata));
          });
          return pool.query(
            `INSERT INTO ${floorSchema}.events (id, stream_id, revision, type, data, metadata, recorded_at) VALUES ${values.join(', ')}`,
            params,
          );
        },
        done: () => pool.end(),
      };
    },
    close: () => store.close(),
  };
}

// ---------------------------------------------------------------------------------------------
// Cleanup (also on Ctrl-C)

const state = { cleanups: [] };

async function cleanup() {
  for (const fn of state.cleanups.splice(0).reverse()) {
    try {
      await fn();
    } catch (e) {
      log(`cleanup failed: ${e.message}`);
    }
  }
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, () => {
    log(`${sig}: cleaning up`);
    cleanup().finally(() => process.exit(128 + (os.constants.signals[sig] || 0)));
  });
}

// ---------------------------------------------------------------------------------------------

async function runBackend(backend, opts) {
  const results = [];
  for (const eventsPerAppend of opts.events) {
    for (const concurrency of opts.concurrency) {
      const config = { concurrency, eventsPerAppend };
      const measured = {};
      for (const kind of ['floor', 'ours']) {
        const target = await backend[kind](concurrency);
        try {
          if (opts.warmupS > 0) {
            await measure({ label: `${backend.name} ${kind} warm-up`, ...config, seconds: opts.warmupS, appendOnce: target.appendOnce });
          }
          measured[kind] = await measure({ label: `${backend.name} ${kind}`, ...config, seconds: opts.seconds, appendOnce: target.appendOnce });
        } finally {
          await target.done();
        }
        log(`${backend.name} ${kind} ${eventsPerAppend} event(s)/append c=${concurrency}: ${measured[kind].eventsPerSecond} events/s, p99 ${measured[kind].latencyMs.p99} ms, ${measured[kind].errors} errors`);
      }
      results.push({
        backend: backend.name,
        eventsPerAppend,
        concurrency,
        eventStore: measured.ours,
        floor: measured.floor,
        ratioToFloor: measured.floor.eventsPerSecond > 0 ? round(measured.ours.eventsPerSecond / measured.floor.eventsPerSecond, 2) : null,
      });
    }
  }
  return results;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(DIST, 'index.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const results = [];
  const notes = [];

  if (opts.backends.includes('sqlite')) {
    const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-append-'));
    state.cleanups.push(async () => fs.rmSync(tmpDir, { recursive: true, force: true }));
    const backend = await sqliteBackend(tmpDir);
    try {
      results.push(...(await runBackend(backend, opts)));
    } finally {
      await backend.close();
    }
  }

  const databaseUrl = process.env.DATABASE_URL;
  if (opts.backends.includes('postgres')) {
    if (!databaseUrl) {
      notes.push('postgres skipped: DATABASE_URL is unset');
      log('postgres skipped: DATABASE_URL is unset');
    } else {
      const backend = await postgresBackend(databaseUrl);
      try {
        results.push(...(await runBackend(backend, opts)));
      } finally {
        await backend.close();
      }
    }
  }

  const pgAtC16 = results.filter((r) => r.backend === 'postgres' && r.concurrency === 16);
  const targets = pgAtC16.flatMap((r) => [
    {
      name: `postgres ${r.eventsPerAppend} event(s)/append at concurrency 16: events/s >= ${TARGETS.postgresEventsPerSecondAtC16}`,
      value: r.eventStore.eventsPerSecond,
      pass: r.eventStore.errors === 0 && r.eventStore.eventsPerSecond >= TARGETS.postgresEventsPerSecondAtC16,
    },
    {
      name: `postgres ${r.eventsPerAppend} event(s)/append at concurrency 16: within 2x of the bare floor (ratio >= ${TARGETS.postgresMinRatioToFloorAtC16})`,
      value: r.ratioToFloor,
      pass: r.ratioToFloor !== null && r.ratioToFloor >= TARGETS.postgresMinRatioToFloorAtC16,
    },
  ]);
  return {
    benchmark: BENCHMARK,
    node: process.version,
    cpus: os.cpus().length,
    secondsPerRun: opts.seconds,
    results,
    targets,
    // Null when there was nothing to judge (PostgreSQL not measured).
    meetsTargets: targets.length > 0 ? targets.every((t) => t.pass) : null,
    ...(notes.length > 0 ? { notes } : {}),
  };
}

main()
  .then(async (result) => {
    await cleanup();
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    process.exitCode = 0;
  })
  .catch(async (e) => {
    log(`failed: ${e && e.stack ? e.stack : e}`);
    await cleanup();
    process.exitCode = 1;
  });
