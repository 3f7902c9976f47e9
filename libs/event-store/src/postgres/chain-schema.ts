// Schema step 4 of the PostgreSQL store: the hash chain. The process that appends computes each
// event's contentHash (JCS needs ECMAScript number formatting); the append function computes the
// link under the append lock, because only there are the revision, the recorded time and the
// previous event's hash known for certain. The link text below must stay byte-identical to
// linkHash() in ../chain/event-hash.ts: a JCS object whose keys are already in sorted order, and
// to_json(text) escapes a string exactly as JSON.stringify does (\b \f \n \r \t \" \\, other
// control characters as lower-case \u00xx, everything else as is).
import type { PoolClient } from 'pg';
import { contentHash, linkHash } from '../chain/event-hash';

/** The names this step touches (a subset of schema.ts's SchemaNames; kept here to avoid a cycle). */
interface SchemaNames {
  events: string;
  chainOrigins: string;
  appendOneFunction: string;
}

export function chainColumnsSql(n: SchemaNames): string {
  return `ALTER TABLE ${n.events} ADD COLUMN hash text, ADD COLUMN previous_hash text;
          CREATE TABLE ${n.chainOrigins} (
            stream_id      text        PRIMARY KEY,
            sealed_through integer     NOT NULL,
            sealed_at      timestamptz NOT NULL DEFAULT now()
          )`;
}

/** Computes the chain of the events written before this step, stream by stream, inside the migration. */
export async function sealExistingStreams(client: PoolClient, n: SchemaNames): Promise<void> {
  const { rows } = await client.query<{
    position: string;
    id: string;
    stream_id: string;
    revision: number;
    type: string;
    data: Record<string, unknown>;
    metadata: Record<string, unknown>;
    recorded_at: Date;
  }>(`SELECT position, id, stream_id, revision, type, data, metadata, recorded_at FROM ${n.events} ORDER BY stream_id, revision`);
  if (rows.length === 0) return;
  const positions: string[] = [];
  const hashes: string[] = [];
  const previous: (string | null)[] = [];
  const heads = new Map<string, number>();
  let last: { streamId: string; hash: string } | undefined;
  for (const row of rows) {
    const previousHash = last?.streamId === row.stream_id ? last.hash : null;
    const hash = linkHash({
      streamId: row.stream_id,
      revision: row.revision,
      recordedAt: row.recorded_at.toISOString(),
      contentHash: contentHash(row),
      previousHash,
    });
    positions.push(row.position);
    hashes.push(hash);
    previous.push(previousHash);
    heads.set(row.stream_id, row.revision);
    last = { streamId: row.stream_id, hash };
  }
  await client.query(
    `UPDATE ${n.events} e SET hash = u.hash, previous_hash = u.previous_hash
       FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u(position, hash, previous_hash)
      WHERE e.position = u.position`,
    [positions, hashes, previous],
  );
  await client.query(`INSERT INTO ${n.chainOrigins} (stream_id, sealed_through) SELECT * FROM unnest($1::text[], $2::integer[])`, [
    [...heads.keys()],
    [...heads.values()],
  ]);
}

/**
 * The original append function plus the chain: input events carry `h`, their contentHash. The recorded
 * time is cut to milliseconds so it reads back as exactly the ISO string that was hashed.
 */
export function appendOneWithChainFunctionSql(n: SchemaNames): string {
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
    v_position bigint := p_position;
    v_now     timestamptz := date_trunc('milliseconds', p_now);
    v_stamp   text := to_char(date_trunc('milliseconds', p_now) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
    v_prev    text;
    v_hash    text;
    v_event   record;
  BEGIN
    FOR i IN 0 .. v_count - 1 LOOP
      v_append := p_caller -> i;
      v_stream := v_append ->> 's';
      IF v_pending ? v_stream THEN
        v_current := (v_pending ->> v_stream)::bigint;
      ELSE
        SELECT e.revision INTO v_current FROM ${n.events} e
         WHERE e.stream_id = v_stream ORDER BY e.revision DESC LIMIT 1;
      END IF;
      v_expected := v_append -> 'e';
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
      v_bases := array_append(v_bases, v_current);
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
      ELSE
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
        END LOOP;
        v_position := v_position + v_n;
        v_results := array_append(v_results, json_build_array(v_current + v_n, v_position));
      END IF;
    END LOOP;
    RETURN json_build_object('ok', array_to_json(v_results), 'position', v_position);
  END
  $fn$`;
}
