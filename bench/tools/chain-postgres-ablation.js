'use strict';
// What each part of PostgreSQL's chained append function (schema step 5) costs the server: the
// function as the schema writes it, without the chain, and with one part at a time taken out of
// the chained one, each in a fresh schema of DATABASE_URL's database (dropped afterwards), fed the
// same kind of input the store sends (as chain-postgres-function.bench.js does). Only to measure:
// the parts taken out make wrong hashes. The figure is the backend's CPU per event (from /proc, so
// PostgreSQL must run on this machine), the median over the rounds. Runs the built store (dist/).
//
//   DATABASE_URL=postgres://... node bench/tools/chain-postgres-ablation.js [callers 16] [events 1] [rounds 9]
//   VARIANTS=chain,plain ...   only those (e.g. to profile one with perf)
//
// Variants: plain (no chain), chain (as released), noStamp (the recorded time's text a constant),
// noSha (each link is the content hash, no SHA-256 and no link text), noCols (the two hash columns
// left NULL), noHeadHash (the head's hash not read with its revision, so looked up again).

const { randomBytes, randomUUID } = require('node:crypto');
const path = require('node:path');
const { Client } = require('pg');
const { processCpuMs } = require('./bench-common');
const { appendFunctionInput, caseEvent } = require('./chain-workload');

const DIST = path.join(path.resolve(__dirname, '..', '..'), 'dist', 'libs', 'event-store', 'src');
const dist = require(path.join(DIST, 'index.js'));
const { appendOneFunctionSql, schemaNames } = require(path.join(DIST, 'postgres', 'schema.js'));

const [callers, events, rounds] = [2, 3, 4].map((i, k) => Number(process.argv[i] ?? [16, 1, 9][k]));
const TURN_EVENTS = 8000;
const STAMP = `to_char(date_trunc('milliseconds', p_now) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const EDITS = {
  plain: null,
  chain: (sql) => sql,
  noStamp: (sql) => sql.split(STAMP).join(`'2026-12-03T12:00:00.000Z'`),
  noSha: (sql) =>
    sql.replace(/v_head := encode\(sha256\(convert_to\([\s\S]*?'UTF8'\)\), 'hex'\);/, `v_head := v_events -> (k - 1) ->> 'h';`),
  noCols: (sql) => sql.replace('v_hashes[x.k + 1], v_hashes[x.k]', 'NULL, NULL'),
  noHeadHash: (sql) => sql.replace('SELECT e.revision, e.hash INTO v_current, v_head', 'SELECT e.revision, NULL INTO v_current, v_head'),
};

async function main() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('needs DATABASE_URL');
  const variants = process.env.VARIANTS ? process.env.VARIANTS.split(',') : Object.keys(EDITS);
  for (const v of variants) if (!(v in EDITS)) throw new Error(`unknown variant ${v}; known: ${Object.keys(EDITS).join(', ')}`);
  const base = `chain_ablation_${randomBytes(4).toString('hex')}`;
  const schema = (v) => `${base}_${v}`;
  for (const v of variants) {
    await (await dist.PostgresEventStore.open({ connectionString, schema: schema(v), benchmarkWithoutHashChain: v === 'plain' })).close();
  }
  const client = new Client({ connectionString });
  await client.connect();
  const perEvent = Object.fromEntries(variants.map((v) => [v, []]));
  try {
    for (const v of variants) {
      if (v === 'plain') continue;
      const released = appendOneFunctionSql(schemaNames(schema(v)), 'chain');
      const edited = EDITS[v](released);
      // The function's text changed: an edit that no longer matches must not pass for a measurement.
      if (v !== 'chain' && edited === released) throw new Error(`the edit of ${v} no longer matches the function`);
      await client.query(edited);
    }
    const { rows } = await client.query('SELECT pg_backend_pid() AS pid');
    const backendCpuMs = () => processCpuMs(rows[0].pid);
    if (backendCpuMs() === undefined) throw new Error('cannot read the backend CPU time from /proc (is PostgreSQL local?)');
    const streams = Array.from({ length: callers }, () => `dispute-${randomUUID()}`);
    const heads = Object.fromEntries(variants.map((v) => [v, streams.map(() => -1)]));
    const calls = Math.max(1, Math.ceil(TURN_EVENTS / (callers * events)));
    const input = (v) =>
      JSON.stringify(
        streams.map((s, c) => {
          const expected = heads[v][c];
          heads[v][c] += events;
          return [{ s, e: expected, ev: Array.from({ length: events }, (_, i) => appendFunctionInput(dist, caseEvent(i))) }];
        }),
      );
    for (let r = 0; r <= rounds; r++) {
      for (const v of variants) {
        const inputs = Array.from({ length: calls }, () => input(v));
        const before = backendCpuMs();
        for (const i of inputs) {
          await client.query('BEGIN');
          const result = await client.query(`SELECT "${schema(v)}".event_store_append($1::jsonb, false) AS outcomes`, [i]);
          const failed = result.rows[0].outcomes.find((o) => !('ok' in o));
          if (failed) throw new Error(`append in ${schema(v)} did not write: ${JSON.stringify(failed)}`);
          await client.query('COMMIT');
        }
        // Round 0 warms up (plans cached, first pages).
        if (r > 0) perEvent[v].push(((backendCpuMs() - before) * 1000) / (calls * callers * events));
      }
    }
  } finally {
    await client.query(variants.map((v) => `DROP SCHEMA IF EXISTS "${schema(v)}" CASCADE`).join(';'));
    await client.end();
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const backendCpuMicrosPerEventMedian = Object.fromEntries(variants.map((v) => [v, Math.round(median(perEvent[v]) * 10) / 10]));
  process.stdout.write(`${JSON.stringify({ tool: 'chain-postgres-ablation', callers, events, rounds, backendCpuMicrosPerEventMedian })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
