// The hash chain on SQLite: written at append, checked on every stream read, and computed once by
// the migration for files written before the chain existed.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { contentHash, HistoryTamperedError, linkHash, SqliteEventStore } from '../src';

const testDir = join(tmpdir(), `hash-chain-spec-${randomUUID()}`);
const newFile = (): string => join(testDir, randomUUID(), 'events.db');
afterAll(() => rmSync(testDir, { recursive: true, force: true }));

const event = (type: string, data: Record<string, unknown> = {}) => ({ type, data, metadata: { schemaVersion: 1 } });

async function storeWithCase(): Promise<{ filename: string; store: SqliteEventStore }> {
  const filename = newFile();
  const store = SqliteEventStore.open({ filename });
  await store.appendToStream('dispute-1', [event('Opened', { bedrag: 1.5, naam: 'Zorg Ⓐ' }), event('Answered')], 'no_stream');
  await store.appendToStream('dispute-1', [event('Decided', { uitkomst: 'toegewezen' })], 1);
  return { filename, store };
}

function rawEdit(filename: string, sql: string): void {
  const raw = new Database(filename);
  try {
    raw.prepare(sql).run();
  } finally {
    raw.close();
  }
}

describe('hash chain on SQLite', () => {
  it('links each event to the one before it, recomputable from the definition', async () => {
    const { filename, store } = await storeWithCase();
    const events = await store.readStream('dispute-1');
    await store.close();
    const raw = new Database(filename, { readonly: true });
    const rows = raw.prepare('SELECT hash, previous_hash FROM events ORDER BY revision').all() as {
      hash: string;
      previous_hash: string | null;
    }[];
    raw.close();
    let previousHash: string | null = null;
    events.forEach((e, i) => {
      expect(rows[i].previous_hash).toBe(previousHash);
      const expected = linkHash({ ...e, contentHash: contentHash(e), previousHash });
      expect(rows[i].hash).toBe(expected);
      expect(expected).toMatch(/^[0-9a-f]{64}$/);
      previousHash = expected;
    });
  });

  it.each([
    ['the data of an event', `UPDATE events SET data = json_set(data, '$.uitkomst', 'afgewezen') WHERE revision = 2`, 2],
    ['the type of an event', `UPDATE events SET type = 'Withdrawn' WHERE revision = 0`, 0],
    ['the recorded time', `UPDATE events SET recorded_at = '2020-01-01T00:00:00.000Z' WHERE revision = 1`, 1],
    ['an event removed from the middle', `DELETE FROM events WHERE revision = 1`, 2],
  ])('refuses to read a stream after a raw edit of %s', async (_what, sql, revision) => {
    const { filename, store } = await storeWithCase();
    await store.close();
    rawEdit(filename, sql);
    const reopened = SqliteEventStore.open({ filename });
    try {
      const failure = await reopened.readStream('dispute-1').catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(HistoryTamperedError);
      expect(failure).toMatchObject({ streamId: 'dispute-1', revision });
    } finally {
      await reopened.close();
    }
  });

  it('detects an edit in a read of the last event alone', async () => {
    const { filename, store } = await storeWithCase();
    await store.close();
    rawEdit(filename, `UPDATE events SET metadata = json_set(metadata, '$.schemaVersion', 9) WHERE revision = 2`);
    const reopened = SqliteEventStore.open({ filename });
    try {
      await expect(reopened.readStream('dispute-1', { direction: 'backwards', maxCount: 1 })).rejects.toBeInstanceOf(HistoryTamperedError);
      // Another stream stays readable.
      await reopened.appendToStream('dispute-2', [event('Opened')], 'no_stream');
      await expect(reopened.readStream('dispute-2')).resolves.toHaveLength(1);
    } finally {
      await reopened.close();
    }
  });

  it('stores data and metadata as the canonical (JCS) text it hashes', async () => {
    const filename = newFile();
    const store = SqliteEventStore.open({ filename });
    await store.appendToStream(
      'dispute-3',
      [
        {
          type: 'Opened',
          data: { z: 1, a: { y: [2, -0], b: 'é' } },
          metadata: { schemaVersion: 1, actor: { userId: 'u', role: 'claimant' } },
        },
      ],
      'no_stream',
    );
    await store.close();
    const raw = new Database(filename, { readonly: true });
    const row = raw.prepare('SELECT data, metadata FROM events').get() as { data: string; metadata: string };
    raw.close();
    expect(row).toEqual({
      data: '{"a":{"b":"é","y":[2,0]},"z":1}',
      metadata: '{"actor":{"role":"claimant","userId":"u"},"schemaVersion":1}',
    });
  });

  it('reads rows stored before the texts were canonical, and still detects an edit of them', async () => {
    const { filename, store } = await storeWithCase();
    await store.close();
    // The text JSON.stringify wrote before: keys in the caller's order. Same value, so the same hash.
    rawEdit(filename, `UPDATE events SET data = '{"naam":"Zorg Ⓐ","bedrag":1.5}' WHERE revision = 0`);
    const reopened = SqliteEventStore.open({ filename });
    try {
      const events = await reopened.readStream('dispute-1');
      expect(events[0].data).toEqual({ bedrag: 1.5, naam: 'Zorg Ⓐ' });
      await reopened.close();
      rawEdit(filename, `UPDATE events SET data = '{"naam":"Zorg Ⓑ","bedrag":1.5}' WHERE revision = 0`);
      const again = SqliteEventStore.open({ filename });
      const failure = await again.readStream('dispute-1').catch((e: unknown) => e);
      await again.close();
      expect(failure).toBeInstanceOf(HistoryTamperedError);
      expect(failure).toMatchObject({ streamId: 'dispute-1', revision: 0, reason: 'content_changed' });
    } finally {
      await reopened.close();
    }
  });

  it('links concurrent appends to the expected revision, so only one of two racers wins', async () => {
    const { store } = await storeWithCase();
    const results = await Promise.allSettled([
      store.appendToStream('dispute-1', [event('A')], 2),
      store.appendToStream('dispute-1', [event('B')], 2),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    await expect(store.readStream('dispute-1')).resolves.toHaveLength(4);
    await store.close();
  });

  it('computes the chain of a file written before it, and records where it starts', async () => {
    const filename = newFile();
    const store = SqliteEventStore.open({ filename });
    await store.appendToStream('dispute-old', [event('Opened'), event('Answered')], 'no_stream');
    await store.close();
    // Turn the file back into a version-1 file: no chain columns.
    const raw = new Database(filename);
    raw.exec(`CREATE TABLE events_v1 AS SELECT position, id, stream_id, revision, type, data, metadata, recorded_at FROM events;
              DROP TABLE events; DROP TABLE chain_origins;
              ALTER TABLE events_v1 RENAME TO events;`);
    raw.pragma('user_version = 1');
    raw.close();

    const migrated = SqliteEventStore.open({ filename });
    try {
      await expect(migrated.readStream('dispute-old')).resolves.toHaveLength(2);
      await migrated.appendToStream('dispute-old', [event('Decided')], 1);
      await expect(migrated.readStream('dispute-old')).resolves.toHaveLength(3);
    } finally {
      await migrated.close();
    }
    const check = new Database(filename, { readonly: true });
    expect(check.prepare('SELECT stream_id, sealed_through FROM chain_origins').all()).toEqual([
      { stream_id: 'dispute-old', sealed_through: 1 },
    ]);
    check.close();
  });

  it.each([
    ['a file store (read in a worker thread)', newFile],
    ['an in-memory store', () => ':memory:'],
  ])('gives the head of every chain under a prefix, from %s', async (_label, makeFilename) => {
    const filename = makeFilename();
    const store = SqliteEventStore.open({ filename });
    try {
      await store.appendToStream('dispute-b', [event('Opened'), event('Answered')], 'no_stream');
      await store.appendToStream('dispute-a', [event('Opened')], 'no_stream');
      await store.appendToStream('dispute-b', [event('Decided')], 1);
      await store.appendToStream('disputes-other', [event('Opened')], 'no_stream');
      await store.appendToStream('dispute.x', [event('Opened')], 'no_stream');
      await store.appendToStream('zaak-ü1', [event('Opened'), event('Answered')], 'no_stream');
      await store.appendToStream('zaak-ü2', [event('Opened')], 'no_stream');

      // A file store reads in a worker thread: the event loop keeps turning meanwhile.
      let turns = 0;
      const ticker = setInterval(() => turns++, 1);
      const heads = await store.chainHeads('dispute-');
      clearInterval(ticker);
      if (filename !== ':memory:') expect(turns).toBeGreaterThan(2);
      expect(heads.map(({ streamId, revision }) => ({ streamId, revision }))).toEqual([
        { streamId: 'dispute-a', revision: 0 },
        { streamId: 'dispute-b', revision: 2 },
      ]);
      if (filename !== ':memory:') {
        // Each head is the stored link of that stream's last event.
        const raw = new Database(filename, { readonly: true });
        const stored = raw.prepare('SELECT hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1');
        expect(heads.map((h) => h.hash)).toEqual(['dispute-a', 'dispute-b'].map((id) => (stored.get(id) as { hash: string }).hash));
        raw.close();
      }
      expect(heads.every((h) => /^[0-9a-f]{64}$/.test(h.hash))).toBe(true);
      // A prefix ending in a character beyond ASCII takes the scan instead of the index range.
      const umlaut = await store.chainHeads('zaak-ü');
      expect(umlaut.map(({ streamId, revision }) => ({ streamId, revision }))).toEqual([
        { streamId: 'zaak-ü1', revision: 1 },
        { streamId: 'zaak-ü2', revision: 0 },
      ]);
      await expect(store.chainHeads('nothing-')).resolves.toEqual([]);

      // With `after`: only the chains that changed after that position (the next checkpoint's share).
      const { position } = await store.appendToStream('dispute-a', [event('Decided')], 0);
      await store.appendToStream('zaak-ü2', [event('Answered')], 0);
      const changed = await store.chainHeads('dispute-', { after: position - 1 });
      expect(changed.map(({ streamId, revision }) => ({ streamId, revision }))).toEqual([{ streamId: 'dispute-a', revision: 1 }]);
      expect(changed[0].hash).not.toBe(heads[0].hash);
      await expect(store.chainHeads('dispute-', { after: position })).resolves.toEqual([]);
      const umlautChanged = await store.chainHeads('zaak-ü', { after: position });
      expect(umlautChanged.map((h) => h.streamId)).toEqual(['zaak-ü2']);
    } finally {
      await store.close();
    }
  });
});
