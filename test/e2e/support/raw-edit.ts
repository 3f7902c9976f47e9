import Database from 'better-sqlite3';
import { join } from 'node:path';
import { Client } from 'pg';
import { E2E_STORE, schemaFor, type TestApp } from './test-app';

/**
 * Changes the summary of a case's first event straight in the database (SQLite or PostgreSQL,
 * whichever this run uses), behind the application's back: the hash chain must notice.
 */
export async function rawEditFirstEvent(t: TestApp, disputeId: string): Promise<void> {
  const stream = `dispute-${disputeId}`;
  if (E2E_STORE === 'sqlite') {
    const db = new Database(join(t.dataDir, 'events.sqlite'));
    try {
      db.prepare(`UPDATE events SET data = json_set(data, '$.summary', 'Iets anders') WHERE stream_id = ? AND revision = 0`).run(stream);
    } finally {
      db.close();
    }
    return;
  }
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      `UPDATE ${schemaFor(t.dataDir)}.events SET data = json_build_object('summary', 'Iets anders') WHERE stream_id = $1 AND revision = 0`,
      [stream],
    );
  } finally {
    await client.end();
  }
}
