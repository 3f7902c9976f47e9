// Schema step 4 of the PostgreSQL store: the hash chain. The process that appends computes each
// event's contentHash (JCS needs ECMAScript number formatting); the append function computes the
// link under the append lock, because only there are the revision, the recorded time and the
// previous event's hash known for certain. That function is appendOneFunctionSql(n, 'chain') in
// schema.ts (step 5; step 4 linked one row at a time), one definition with the version before the chain.
import type { PoolClient } from 'pg';
import { contentHash, linkHash } from '../chain/event-hash';

/** The names this step touches (a subset of schema.ts's SchemaNames; kept here to avoid a cycle). */
interface SchemaNames {
  events: string;
  chainOrigins: string;
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
