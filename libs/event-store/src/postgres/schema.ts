// The PostgreSQL event store's schema: the events table and the append function, created in the
// configured schema and tracked in a migrations table, so later versions can add steps without
// guessing what an existing database contains.
import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { escapeIdentifier } from 'pg';
import { chainColumnsSql, sealExistingStreams } from './chain-schema';

/** Names derived from the schema: everything one store instance touches lives under its schema. */
export interface SchemaNames {
  schema: string;
  /** `"schema".events` etc., quoted so any valid schema name works. */
  events: string;
  migrations: string;
  chainOrigins: string;
  appendFunction: string;
  appendOneFunction: string;
  /** pg_advisory_xact_lock key that serialises position assignment and commit within the schema. */
  appendLockKey: string;
  /** pg_advisory_xact_lock key that serialises schema creation (two processes starting at once). */
  migrationLockKey: string;
  /** LISTEN/NOTIFY channel on which each append transaction announces new events. */
  channel: string;
}

/** Unquoted PostgreSQL identifiers: letters, digits, _ and $, at most 63 bytes. */
const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;

export function schemaNames(schema: string): SchemaNames {
  if (typeof schema !== 'string' || !SCHEMA_NAME.test(schema)) {
    throw new TypeError(`schema must be a PostgreSQL identifier (letters, digits, _; at most 63), got ${String(schema)}`);
  }
  const s = escapeIdentifier(schema);
  return {
    schema,
    events: `${s}.events`,
    migrations: `${s}.event_store_migrations`,
    chainOrigins: `${s}.event_store_chain_origins`,
    appendFunction: `${s}.event_store_append`,
    appendOneFunction: `${s}.event_store_append_one`,
    // Keys derived from the schema name: stores in different schemas never wait for each other.
    appendLockKey: lockKey(`gzc-event-store:append:${schema}`),
    migrationLockKey: lockKey(`gzc-event-store:migrate:${schema}`),
    channel: `gzc_event_store_${digest(schema).subarray(0, 8).toString('hex')}`,
  };
}

/** Index = target version - 1. Append new steps; never edit a released one. */
function migrations(n: SchemaNames): readonly (string | ((client: PoolClient) => Promise<void>))[] {
  return [
    // v1. position is the global log order, assigned by the append function in commit order
    // (see postgres-event-store.ts for why that is safe for subscribers). The UNIQUE
    // (stream_id, revision) index also serves stream reads and "current revision" lookups.
    // data and metadata are `json`, not `jsonb`: json keeps the exact text (and accepts the
    // \u0000 escape that jsonb rejects), so anything JSON.stringify produced round-trips.
    `CREATE TABLE ${n.events} (
       position    bigint      PRIMARY KEY,
       id          uuid        NOT NULL CONSTRAINT events_id_unique UNIQUE,
       stream_id   text        NOT NULL,
       revision    integer     NOT NULL CHECK (revision >= 0),
       type        text        NOT NULL,
       data        json        NOT NULL,
       metadata    json        NOT NULL,
       recorded_at timestamptz NOT NULL,
       CONSTRAINT events_stream_revision_unique UNIQUE (stream_id, revision)
     )`,
    appendOneFunctionSql(n, 'without-chain'),
    appendFunctionSql(n),
    // v4 (v1 is the three steps above). The hash chain (docs/tamper-evident-history.md): columns, the per-stream record of what
    // this migration sealed, the chain of events written before it, and an append function that
    // links each new event to the expected revision's event under the append lock.
    async (client) => {
      await client.query(chainColumnsSql(n));
      await sealExistingStreams(client, n);
      await client.query(appendOneFunctionSql(n, 'chain-row-by-row'));
    },
    // v5. The same links, written with one statement per append instead of one per event: on
    // PostgreSQL the row-by-row insert was most of what the chain cost (bench/chain.bench.js).
    appendOneFunctionSql(n, 'chain'),
  ];
}

/**
 * Brings the schema up to the latest version. Idempotent, and safe when several processes start at
 * once: changes run in one transaction under an advisory lock keyed by the schema name. A schema
 * already up to date is only read, so a role without CREATE rights can open it.
 */
export async function migrate(client: PoolClient, n: SchemaNames): Promise<void> {
  const steps = migrations(n);
  if ((await appliedVersion(client, n)) === steps.length) return;
  await client.query('BEGIN');
  try {
    await client.query(`SELECT pg_advisory_xact_lock(${n.migrationLockKey})`);
    const { rowCount } = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [n.schema]);
    if (rowCount === 0) await createSchemaTolerantly(client, n.schema);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${n.migrations} (
         version    integer     PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    // Read again under the lock: another process may have migrated while we waited for it.
    const current = (await appliedVersion(client, n)) ?? 0;
    if (current > steps.length) {
      throw new Error(`Event store schema ${n.schema} is at version ${current}, newer than this code (${steps.length})`);
    }
    for (let version = current; version < steps.length; version++) {
      const step = steps[version];
      if (typeof step === 'string') await client.query(step);
      else await step(client);
      await client.query(`INSERT INTO ${n.migrations} (version) VALUES ($1)`, [version + 1]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Another process (the read models opening on the same schema, say) may create the schema between
 * our check and our CREATE; even IF NOT EXISTS then fails with 23505 or 42P06. A savepoint keeps
 * the migration transaction usable, and the schema existing is all we need.
 */
async function createSchemaTolerantly(client: PoolClient, schema: string): Promise<void> {
  await client.query('SAVEPOINT create_schema');
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${escapeIdentifier(schema)}`);
    await client.query('RELEASE SAVEPOINT create_schema');
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code !== '23505' && code !== '42P06') throw error;
    await client.query('ROLLBACK TO SAVEPOINT create_schema');
  }
}

/** The schema's version, or undefined when its migrations table does not exist yet. */
async function appliedVersion(client: PoolClient, n: SchemaNames): Promise<number | undefined> {
  const { rows } = await client.query<{ exists: string | null }>('SELECT to_regclass($1) AS exists', [n.migrations]);
  if (rows[0].exists === null) return undefined;
  const result = await client.query<{ version: number }>(`SELECT coalesce(max(version), 0) AS version FROM ${n.migrations}`);
  return result.rows[0].version;
}

/**
 * Which append function: without the chain (step 2, and the benchmark switch), the chain's first
 * version linking one row at a time (step 4), or the current one, one statement per append (step 5).
 */
export type AppendOneVersion = 'without-chain' | 'chain-row-by-row' | 'chain';

/**
 * One caller's appendToStreams: input `[{ s: streamId, e: expected, ev: [{ i, t, d, m, h }] }]`, where
 * d and m are the data and metadata JSON as strings. The input is jsonb, parsed once however often
 * the function looks into it; jsonb (like json's operators) refuses a \u0000 escape, but inside a
 * JSON string it arrives as an escaped backslash, and ->> plus a cast to json restores it intact.
 * Checks every expected version first and only then writes, so a conflict returns
 * `{ conflict: index, actual }` without anything to roll back (no savepoint on the hot path).
 * On success returns `{ ok: [[nextExpectedVersion, position], ...], position: lastPositionUsed }`.
 *
 * One definition for every version of the function (AppendOneVersion): without the chain (schema
 * step 2) and with it (steps 4 and 5, chain-schema.ts), where each event's `h` is its contentHash
 * and the link is made here.
 */
export function appendOneFunctionSql(n: SchemaNames, version: AppendOneVersion): string {
  const chain = version !== 'without-chain';
  const linkedInOneStatement = version === 'chain';
  const chainDeclarations = chain
    ? `
    -- The recorded time cut to milliseconds, so it reads back as exactly the ISO string that was hashed.
    v_now     timestamptz := date_trunc('milliseconds', p_now);
    v_stamp   text := to_char(date_trunc('milliseconds', p_now) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
    v_prev    text;
    v_hash    text;
    v_event   record;${linkedInOneStatement ? linkedDeclarations : ''}`
    : '';
  const insert = !chain ? plainInsertSql(n) : linkedInOneStatement ? linkedInsertSql(n) : rowByRowInsertSql(n);
  // The chain extends the head, so its hash comes with the head's revision: no second lookup.
  const headLookup = linkedInOneStatement
    ? `SELECT e.revision, e.hash INTO v_current, v_head FROM ${n.events} e
         WHERE e.stream_id = v_stream ORDER BY e.revision DESC LIMIT 1;`
    : `SELECT e.revision INTO v_current FROM ${n.events} e
         WHERE e.stream_id = v_stream ORDER BY e.revision DESC LIMIT 1;`;
  return `CREATE OR REPLACE FUNCTION ${n.appendOneFunction}(p_caller jsonb, p_position bigint, p_now timestamptz)
  RETURNS json LANGUAGE plpgsql AS $fn$
  DECLARE
    v_count   integer := jsonb_array_length(p_caller);
    v_bases   bigint[] := '{}';
    v_results json[] := '{}';
    v_pending jsonb := '{}';
    v_append  jsonb;
    v_stream  text;
    v_expected jsonb;
    v_current bigint;
    v_last    bigint;
    v_ok      boolean;
    v_n       integer;
    v_position bigint := p_position;${chainDeclarations}
  BEGIN
    FOR i IN 0 .. v_count - 1 LOOP
      v_append := p_caller -> i;
      v_stream := v_append ->> 's';
      IF v_pending ? v_stream THEN
        -- The same stream earlier in this call: continue from where that append will leave it.
        v_current := (v_pending ->> v_stream)::bigint;${linkedInOneStatement ? '\n        v_head := NULL; -- written by that append: looked up when this one is written' : ''}
      ELSE
        ${headLookup}
      END IF;
      v_expected := v_append -> 'e';
      -- Same rule as expected-version.ts; -1 is the numeric spelling of "no stream".
      v_ok := CASE
        WHEN jsonb_typeof(v_expected) = 'number' THEN (v_expected #>> '{}')::bigint = coalesce(v_current, -1)
        WHEN v_expected #>> '{}' = 'any' THEN true
        WHEN v_expected #>> '{}' = 'no_stream' THEN v_current IS NULL
        WHEN v_expected #>> '{}' = 'stream_exists' THEN v_current IS NOT NULL
        ELSE false
      END;
      IF NOT v_ok THEN
        RETURN json_build_object('conflict', i, 'actual', v_current);
      END IF;
      v_bases := array_append(v_bases, v_current);${linkedInOneStatement ? '\n      v_heads := array_append(v_heads, v_head);' : ''}
      v_n := jsonb_array_length(v_append -> 'ev');
      v_pending := v_pending || jsonb_build_object(v_stream,
        CASE WHEN v_n = 0 THEN v_current ELSE coalesce(v_current, -1) + v_n END);
    END LOOP;

    FOR i IN 0 .. v_count - 1 LOOP
      v_append := p_caller -> i;
      v_stream := v_append ->> 's';
      v_n := jsonb_array_length(v_append -> 'ev');
      v_current := coalesce(v_bases[i + 1], -1);
      IF v_n = 0 THEN
        SELECT e.position INTO v_last FROM ${n.events} e
         WHERE e.stream_id = v_stream ORDER BY e.revision DESC LIMIT 1;
        v_results := array_append(v_results, json_build_array(v_current, coalesce(v_last, 0)));
      ELSE${insert}
        v_position := v_position + v_n;
        v_results := array_append(v_results, json_build_array(v_current + v_n, v_position));
      END IF;
    END LOOP;
    RETURN json_build_object('ok', array_to_json(v_results), 'position', v_position);
  END
  $fn$`;
}

function plainInsertSql(n: SchemaNames): string {
  return `
        INSERT INTO ${n.events} (position, id, stream_id, revision, type, data, metadata, recorded_at)
        SELECT v_position + x.k, (x.ev ->> 'i')::uuid, v_stream, v_current + x.k, x.ev ->> 't',
               (x.ev ->> 'd')::json, (x.ev ->> 'm')::json, p_now
          FROM jsonb_array_elements(v_append -> 'ev') WITH ORDINALITY AS x(ev, k);`;
}

/** Step 5's further variables: the hashes of the heads found in the first pass, and one append's links. */
const linkedDeclarations = `
    v_head    text;
    v_heads   text[] := '{}';
    v_hashes  text[];
    v_events  jsonb;
    v_link_stamp text := ',"recordedAt":"' || v_stamp || '","revision":';
    v_link_tail text;`;

/**
 * Step 5's chained insert: one statement per append, like the insert without the chain. Each link
 * hashes the one before, so the links are computed first, in a loop of expressions (no statement
 * per event: PL/pgSQL evaluates a simple expression without starting the executor), from the head
 * found with the expected revision; for a stream that an earlier append of the same call extends,
 * the head is that append's last event, looked up here. The link text is byte for byte the one of
 * rowByRowInsertSql (see there); contentHash, previousHash and the
 * recorded time need no escaping: hex digits computed by this code, and a fixed ISO format.
 */
function linkedInsertSql(n: SchemaNames): string {
  return `
        IF v_heads[i + 1] IS NULL AND v_bases[i + 1] IS NOT NULL THEN
          SELECT e.hash INTO v_head FROM ${n.events} e WHERE e.stream_id = v_stream AND e.revision = v_current;
        ELSE
          v_head := v_heads[i + 1];
        END IF;
        v_events := v_append -> 'ev';
        v_link_tail := ',"streamId":' || to_json(v_stream)::text || '}';
        v_hashes := ARRAY[v_head];
        FOR k IN 1 .. v_n LOOP
          v_head := encode(sha256(convert_to(
            '{"contentHash":"' || (v_events -> (k - 1) ->> 'h')
            || CASE WHEN v_head IS NULL THEN '","previousHash":null' ELSE '","previousHash":"' || v_head || '"' END
            || v_link_stamp || (v_current + k)::text || v_link_tail, 'UTF8')), 'hex');
          v_hashes := array_append(v_hashes, v_head);
        END LOOP;
        INSERT INTO ${n.events} (position, id, stream_id, revision, type, data, metadata, recorded_at, hash, previous_hash)
        SELECT v_position + x.k, (x.ev ->> 'i')::uuid, v_stream, v_current + x.k, x.ev ->> 't',
               (x.ev ->> 'd')::json, (x.ev ->> 'm')::json, v_now, v_hashes[x.k + 1], v_hashes[x.k]
          FROM jsonb_array_elements(v_events) WITH ORDINALITY AS x(ev, k);`;
}

/**
 * Step 4's chained insert, one statement per event. Kept so that step 4 creates exactly what it
 * created when it was released; step 5 replaces it with linkedInsertSql.
 *
 * The link text must stay byte-identical to linkText() in ../chain/event-hash.ts: a JCS object whose
 * keys are already in sorted order, and to_json(text) escapes a string exactly as JSON.stringify
 * does (\b \f \n \r \t \" \\, other control characters as lower-case \u00xx, everything else as is).
 */
function rowByRowInsertSql(n: SchemaNames): string {
  return `
        -- Under the append lock: the event at the expected revision is the one this append extends.
        v_prev := NULL;
        SELECT e.hash INTO v_prev FROM ${n.events} e WHERE e.stream_id = v_stream AND e.revision = v_current;
        FOR v_event IN SELECT x.ev, x.k FROM jsonb_array_elements(v_append -> 'ev') WITH ORDINALITY AS x(ev, k) LOOP
          v_hash := encode(sha256(convert_to(
            '{"contentHash":' || to_json(v_event.ev ->> 'h')::text
            || ',"previousHash":' || coalesce(to_json(v_prev)::text, 'null')
            || ',"recordedAt":' || to_json(v_stamp)::text
            || ',"revision":' || (v_current + v_event.k)::text
            || ',"streamId":' || to_json(v_stream)::text || '}', 'UTF8')), 'hex');
          INSERT INTO ${n.events} (position, id, stream_id, revision, type, data, metadata, recorded_at, hash, previous_hash)
          VALUES (v_position + v_event.k, (v_event.ev ->> 'i')::uuid, v_stream, v_current + v_event.k, v_event.ev ->> 't',
                  (v_event.ev ->> 'd')::json, (v_event.ev ->> 'm')::json, v_now, v_hash, v_prev);
          v_prev := v_hash;
        END LOOP;`;
}

/**
 * A group of callers' appends in one transaction: input `[caller, caller, ...]`, output one
 * outcome per caller. Takes the append lock first, so positions are handed out and committed one
 * transaction at a time (the lock is released only after the commit is visible). With
 * p_isolate, each caller runs in its own subtransaction so a constraint violation (a reused event
 * id, or a row written behind the store's back) fails that caller alone: `{ unique, detail }`.
 */
function appendFunctionSql(n: SchemaNames): string {
  return `CREATE OR REPLACE FUNCTION ${n.appendFunction}(p_callers jsonb, p_isolate boolean)
  RETURNS json LANGUAGE plpgsql AS $fn$
  DECLARE
    v_position bigint;
    v_first    bigint;
    v_now      timestamptz;
    v_caller   jsonb;
    v_outcome  json;
    v_outcomes json[] := '{}';
    v_constraint text;
    v_detail   text;
  BEGIN
    PERFORM pg_advisory_xact_lock(${n.appendLockKey});
    SELECT coalesce(max(e.position), 0) INTO v_position FROM ${n.events} e;
    v_first := v_position;
    v_now := clock_timestamp();
    FOR v_caller IN SELECT value FROM jsonb_array_elements(p_callers) LOOP
      IF p_isolate THEN
        BEGIN
          v_outcome := ${n.appendOneFunction}(v_caller, v_position, v_now);
        EXCEPTION WHEN unique_violation THEN
          GET STACKED DIAGNOSTICS v_constraint = CONSTRAINT_NAME, v_detail = PG_EXCEPTION_DETAIL;
          v_outcome := json_build_object('unique', v_constraint, 'detail', v_detail);
        END;
      ELSE
        v_outcome := ${n.appendOneFunction}(v_caller, v_position, v_now);
      END IF;
      IF v_outcome ->> 'position' IS NOT NULL THEN
        v_position := (v_outcome ->> 'position')::bigint;
      END IF;
      v_outcomes := array_append(v_outcomes, v_outcome);
    END LOOP;
    IF v_position > v_first THEN
      -- Delivered at commit, to every process LISTENing: subscribers wake without polling.
      PERFORM pg_notify('${n.channel}', v_position::text);
    END IF;
    RETURN array_to_json(v_outcomes);
  END
  $fn$`;
}

/** A signed 64-bit advisory lock key (as SQL literal) from a SHA-256 of `text`. */
function lockKey(text: string): string {
  return `'${digest(text).readBigInt64BE(0)}'::bigint`;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
