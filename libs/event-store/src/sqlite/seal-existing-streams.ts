// Migration helper: computes the hash chain of every event written before the chain existed, in
// stream order, and records per stream through which revision the migration sealed it.
import type { Database } from 'better-sqlite3';
import { contentHash, linkHash } from '../chain/event-hash';
import { EventRow, toStoredEvent } from './event-rows';

export function sealExistingStreams(db: Database): void {
  const rows = db
    .prepare('SELECT position, id, stream_id, revision, type, data, metadata, recorded_at FROM events ORDER BY stream_id, revision')
    .iterate() as IterableIterator<EventRow>;
  const update = db.prepare('UPDATE events SET hash = ?, previous_hash = ? WHERE position = ?');
  const origin = db.prepare('INSERT INTO chain_origins (stream_id, sealed_through, sealed_at) VALUES (?, ?, ?)');
  const sealedAt = new Date().toISOString();
  const updates: [string, string | null, number][] = [];
  const heads = new Map<string, number>();
  let previous: { streamId: string; hash: string } | undefined;
  for (const row of rows) {
    const event = toStoredEvent(row);
    const previousHash = previous?.streamId === event.streamId ? previous.hash : null;
    const hash = linkHash({ ...event, contentHash: contentHash(event), previousHash });
    updates.push([hash, previousHash, event.position]);
    heads.set(event.streamId, event.revision);
    previous = { streamId: event.streamId, hash };
  }
  for (const u of updates) update.run(...u);
  for (const [streamId, revision] of heads) origin.run(streamId, revision, sealedAt);
}
