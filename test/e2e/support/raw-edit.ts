import Database from 'better-sqlite3';
import { join } from 'node:path';
import { Client } from 'pg';
import { contentHash, linkHash } from '../../../libs/event-store/src/chain';
import { E2E_STORE, schemaFor, type TestApp } from './test-app';

/** Runs `edit` against this run's event store, opened directly (not through the application). */
async function inStore<T>(
  t: TestApp,
  edit: { sqlite: (db: Database.Database) => T; postgres: (client: Client, table: string) => Promise<T> },
): Promise<T> {
  if (E2E_STORE === 'sqlite') {
    const db = new Database(join(t.dataDir, 'events.sqlite'));
    try {
      return edit.sqlite(db);
    } finally {
      db.close();
    }
  }
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await edit.postgres(client, `${schemaFor(t.dataDir)}.events`);
  } finally {
    await client.end();
  }
}

/**
 * Changes the summary of a case's first event straight in the database (SQLite or PostgreSQL,
 * whichever this run uses), behind the application's back: the hash chain must notice.
 */
export async function rawEditFirstEvent(t: TestApp, disputeId: string): Promise<void> {
  const stream = `dispute-${disputeId}`;
  await inStore(t, {
    sqlite: (db) =>
      void db
        .prepare(`UPDATE events SET data = json_set(data, '$.summary', 'Iets anders') WHERE stream_id = ? AND revision = 0`)
        .run(stream),
    postgres: async (client, table) =>
      void (await client.query(
        `UPDATE ${table} SET data = json_build_object('summary', 'Iets anders') WHERE stream_id = $1 AND revision = 0`,
        [stream],
      )),
  });
}

interface Row {
  id: string;
  revision: number;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  recordedAt: string;
}

/** The rows with the first event's summary changed and every hash recomputed, as a rewriter who knows the chain would. */
function rewritten(stream: string, rows: Row[]): (Row & { hash: string; previousHash: string | null })[] {
  let previousHash: string | null = null;
  return rows.map((row) => {
    const data = row.revision === 0 ? { ...row.data, summary: 'Iets anders' } : row.data;
    const hash = linkHash({
      streamId: stream,
      revision: row.revision,
      recordedAt: row.recordedAt,
      contentHash: contentHash({ ...row, data }),
      previousHash,
    });
    const out = { ...row, data, hash, previousHash };
    previousHash = hash;
    return out;
  });
}

/**
 * Rewrites a case's history wholesale behind the application's back: the first event changed and
 * every hash recomputed, so the chain itself still holds. Only a copy made before shows it.
 */
export async function rewriteHistoryConsistently(t: TestApp, disputeId: string): Promise<void> {
  const stream = `dispute-${disputeId}`;
  await inStore(t, {
    sqlite: (db) => {
      const rows = (
        db
          .prepare('SELECT id, revision, type, data, metadata, recorded_at FROM events WHERE stream_id = ? ORDER BY revision')
          .all(stream) as {
          id: string;
          revision: number;
          type: string;
          data: string;
          metadata: string;
          recorded_at: string;
        }[]
      ).map((r) => ({ ...r, data: JSON.parse(r.data), metadata: JSON.parse(r.metadata), recordedAt: r.recorded_at }));
      const update = db.prepare('UPDATE events SET data = ?, hash = ?, previous_hash = ? WHERE stream_id = ? AND revision = ?');
      for (const r of rewritten(stream, rows)) update.run(JSON.stringify(r.data), r.hash, r.previousHash, stream, r.revision);
    },
    postgres: async (client, table) => {
      const { rows } = await client.query(
        `SELECT id, revision, type, data, metadata, recorded_at FROM ${table} WHERE stream_id = $1 ORDER BY revision`,
        [stream],
      );
      const parsed = rows.map((r) => ({ ...r, recordedAt: (r.recorded_at as Date).toISOString() }) as Row);
      for (const r of rewritten(stream, parsed)) {
        await client.query(`UPDATE ${table} SET data = $1::json, hash = $2, previous_hash = $3 WHERE stream_id = $4 AND revision = $5`, [
          JSON.stringify(r.data),
          r.hash,
          r.previousHash,
          stream,
          r.revision,
        ]);
      }
    },
  });
}
