// The hash chain on PostgreSQL: linked inside the append function, checked on every stream read,
// and computed once by the migration for schemas written before the chain existed.
// Runs only when DATABASE_URL is set; every store lives in a fresh schema dropped afterwards.
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { canonicalJson, contentHash, contentHashOfTexts, HistoryTamperedError, linkHash, PostgresEventStore } from '../src';
import { appendOneFunctionSql, schemaNames } from '../src/postgres/schema';

const DATABASE_URL = process.env.DATABASE_URL;
const event = (type: string, data: Record<string, unknown> = {}) => ({ type, data, metadata: { schemaVersion: 1 } });

if (!DATABASE_URL) {
  process.stderr.write('PostgreSQL hash chain tests skipped: DATABASE_URL is unset\n');
  describe('hash chain on PostgreSQL', () => {
    it.skip('is not tested: DATABASE_URL is unset', () => undefined);
  });
} else {
  describeChain(DATABASE_URL);
}

function describeChain(connectionString: string): void {
  const schemas: string[] = [];
  const stores: PostgresEventStore[] = [];
  const newSchema = (): string => {
    const schema = `chain_test_${randomBytes(6).toString('hex')}`;
    schemas.push(schema);
    return schema;
  };
  const open = async (schema: string) => {
    const store = await PostgresEventStore.open({ connectionString, schema });
    stores.push(store);
    return store;
  };
  const sql = async (text: string) => {
    const client = new Client({ connectionString });
    await client.connect();
    try {
      return await client.query(text);
    } finally {
      await client.end();
    }
  };
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    for (const schema of schemas) await sql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

  async function schemaWithCase(): Promise<{ schema: string; store: PostgresEventStore }> {
    const schema = newSchema();
    const store = await open(schema);
    await store.appendToStream('dispute-1', [event('Opened', { bedrag: 1.5, naam: 'Zorg Ⓐ\n"x"' }), event('Answered')], 'no_stream');
    await store.appendToStream('dispute-1', [event('Decided', { uitkomst: 'toegewezen' })], 1);
    return { schema, store };
  }

  it('links each event in SQL exactly as the definition computes it', async () => {
    const { schema, store } = await schemaWithCase();
    const events = await store.readStream('dispute-1');
    const { rows } = await sql(`SELECT hash, previous_hash FROM ${schema}.events ORDER BY revision`);
    let previousHash: string | null = null;
    events.forEach((e, i) => {
      const expected = linkHash({ ...e, contentHash: contentHash(e), previousHash });
      expect(rows[i]).toEqual({ hash: expected, previous_hash: previousHash });
      previousHash = expected;
    });
  });

  it('gives the head of every chain under a prefix, and with `after` only of those that changed since', async () => {
    const { schema, store } = await schemaWithCase();
    await store.appendToStream('dispute-0', [event('Opened')], 'no_stream');
    await store.appendToStream('disputes-other', [event('Opened')], 'no_stream');
    const last = async (streamId: string) =>
      (await sql(`SELECT hash FROM ${schema}.events WHERE stream_id = '${streamId}' ORDER BY revision DESC LIMIT 1`)).rows[0].hash;
    await expect(store.chainHeads('dispute-')).resolves.toEqual([
      { streamId: 'dispute-0', revision: 0, hash: await last('dispute-0') },
      { streamId: 'dispute-1', revision: 2, hash: await last('dispute-1') },
    ]);
    const { position } = await store.appendToStream('dispute-1', [event('Reopened')], 2);
    await store.appendToStream('disputes-other', [event('Answered')], 0);
    await expect(store.chainHeads('dispute-', { after: position - 1 })).resolves.toEqual([
      { streamId: 'dispute-1', revision: 3, hash: await last('dispute-1') },
    ]);
    await expect(store.chainHeads('dispute-', { after: position })).resolves.toEqual([]);
  });

  it('links events of several callers of one group, and of the same stream twice in one call', async () => {
    const store = await open(newSchema());
    await Promise.all([
      store.appendToStreams([
        { streamId: 'a', expectedVersion: 'no_stream', events: [event('A1')] },
        { streamId: 'a', expectedVersion: 0, events: [event('A2'), event('A3')] },
      ]),
      store.appendToStream('b', [event('B1')], 'any'),
    ]);
    await expect(store.readStream('a')).resolves.toHaveLength(3);
    await expect(store.readStream('b')).resolves.toHaveLength(1);
  });

  it.each([
    ['the data of an event', `UPDATE %s.events SET data = '{"uitkomst":"afgewezen"}' WHERE revision = 2`, 2],
    ['the type of an event', `UPDATE %s.events SET type = 'Withdrawn' WHERE revision = 0`, 0],
    ['the recorded time', `UPDATE %s.events SET recorded_at = '2020-01-01T00:00:00Z' WHERE revision = 1`, 1],
    ['an event removed from the middle', `DELETE FROM %s.events WHERE revision = 1`, 2],
  ])('refuses to read a stream after a raw edit of %s', async (_what, edit, revision) => {
    const { schema, store } = await schemaWithCase();
    await sql(edit.replace('%s', schema));
    const failure = await store.readStream('dispute-1').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HistoryTamperedError);
    expect(failure).toMatchObject({ streamId: 'dispute-1', revision });
  });

  it('links concurrent appends of one process to the same stream one after the other', async () => {
    const store = await open(newSchema());
    await store.appendToStream('dispute-8', [event('Opened')], 'no_stream');
    await Promise.all(Array.from({ length: 12 }, (_, i) => store.appendToStream('dispute-8', [event(`Note${i}`)], 'any')));
    const events = await store.readStream('dispute-8');
    expect(events).toHaveLength(13);
    expect(new Set(events.map((e) => e.type)).size).toBe(13);
  });

  it('takes appends that chain their expected revisions in one group commit, linked in order', async () => {
    const store = await open(newSchema());
    await store.appendToStream('case-numbers-2026', [event('CaseNumberAssigned')], 'no_stream');
    // As the case number registry does: n+1 expects r, n+2 expects r+1, all sent at once.
    const pool = (store as unknown as { pool: { query: (...args: unknown[]) => unknown } }).pool;
    const query = jest.spyOn(pool, 'query');
    await Promise.all(Array.from({ length: 10 }, (_, i) => store.appendToStream('case-numbers-2026', [event(`Assigned${i}`)], i)));
    const appendCalls = query.mock.calls.filter(([q]) => JSON.stringify(q).includes('event_store_append'));
    expect(appendCalls).toHaveLength(1);
    query.mockRestore();
    await expect(store.readStream('case-numbers-2026')).resolves.toHaveLength(11);
  });

  it('stores data and metadata as the canonical (JCS) text it hashes', async () => {
    const schema = newSchema();
    const store = await open(schema);
    const data = { z: 1, a: { y: [2, -0], b: 'é\u0000' } };
    await store.appendToStream(
      'dispute-3',
      [{ type: 'Opened', data, metadata: { schemaVersion: 1, actor: { userId: 'u', role: 'claimant' } } }],
      'no_stream',
    );
    const { rows } = await sql(`SELECT data::text AS data, metadata::text AS metadata FROM ${schema}.events`);
    expect(rows).toEqual([
      { data: '{"a":{"b":"é\\u0000","y":[2,0]},"z":1}', metadata: '{"actor":{"role":"claimant","userId":"u"},"schemaVersion":1}' },
    ]);
    await expect(store.readStream('dispute-3')).resolves.toMatchObject([{ data: { z: 1, a: { y: [2, 0], b: 'é\u0000' } } }]);
  });

  it('reads rows stored before the texts were canonical, and still detects an edit of them', async () => {
    const { schema, store } = await schemaWithCase();
    // The text JSON.stringify wrote before: keys in the caller's order. Same value, so the same hash.
    await sql(`UPDATE ${schema}.events SET data = '{"naam":"Zorg Ⓐ\\n\\"x\\"","bedrag":1.5}' WHERE revision = 0`);
    const events = await store.readStream('dispute-1');
    expect(events[0].data).toEqual({ bedrag: 1.5, naam: 'Zorg Ⓐ\n"x"' });
    await sql(`UPDATE ${schema}.events SET data = '{"naam":"Zorg Ⓑ","bedrag":1.5}' WHERE revision = 0`);
    const failure = await store.readStream('dispute-1').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HistoryTamperedError);
    expect(failure).toMatchObject({ streamId: 'dispute-1', revision: 0, reason: 'content_changed' });
  });

  it('detects an edit in a read of the last event alone, and keeps other streams readable', async () => {
    const { schema, store } = await schemaWithCase();
    await store.appendToStream('dispute-2', [event('Opened')], 'no_stream');
    await sql(`UPDATE ${schema}.events SET metadata = '{"schemaVersion":9}' WHERE stream_id = 'dispute-1' AND revision = 2`);
    await expect(store.readStream('dispute-1', { direction: 'backwards', maxCount: 1 })).rejects.toBeInstanceOf(HistoryTamperedError);
    await expect(store.readStream('dispute-2')).resolves.toHaveLength(1);
  });

  it('leaves the chain out only for the benchmark, and only in a schema without events', async () => {
    const { schema } = await schemaWithCase();
    await expect(PostgresEventStore.open({ connectionString, schema, benchmarkWithoutHashChain: true })).rejects.toBeInstanceOf(TypeError);
    const plain = await PostgresEventStore.open({ connectionString, schema: newSchema(), benchmarkWithoutHashChain: true });
    stores.push(plain);
    await plain.appendToStream('dispute-1', [event('Opened')], 'no_stream');
    await expect(plain.readStream('dispute-1')).rejects.toMatchObject({ reason: 'hash_missing' });
    // The refused open changed nothing: the case's schema still chains its appends.
    const chained = await open(schema);
    await chained.appendToStream('dispute-1', [event('Reopened')], 2);
    await expect(chained.readStream('dispute-1')).resolves.toHaveLength(4);
  });

  it('computes the chain of a schema written before it, and records where it starts', async () => {
    const schema = newSchema();
    const store = await open(schema);
    await store.appendToStream('dispute-old', [event('Opened'), event('Answered')], 'no_stream');
    await store.close();
    // Back to the schema before the chain steps (4 and 5): no chain columns, those steps not applied.
    await sql(`ALTER TABLE ${schema}.events DROP COLUMN hash, DROP COLUMN previous_hash;
               DROP TABLE ${schema}.event_store_chain_origins;
               DELETE FROM ${schema}.event_store_migrations WHERE version >= 4`);
    const migrated = await open(schema);
    await expect(migrated.readStream('dispute-old')).resolves.toHaveLength(2);
    await migrated.appendToStream('dispute-old', [event('Decided')], 1);
    await expect(migrated.readStream('dispute-old')).resolves.toHaveLength(3);
    const { rows } = await sql(`SELECT stream_id, sealed_through FROM ${schema}.event_store_chain_origins`);
    expect(rows).toEqual([{ stream_id: 'dispute-old', sealed_through: 1 }]);
  });
  it('keeps linking streams written by step 4 (one row at a time) after step 5, with the same links', async () => {
    const schema = newSchema();
    await (await open(schema)).close();
    // Back to step 4: its append function, step 5 not applied. Opening the store would migrate, so
    // the step-4 append goes to the function directly, with the input the store sends.
    await sql(`${appendOneFunctionSql(schemaNames(schema), 'chain-row-by-row')};
               DELETE FROM ${schema}.event_store_migrations WHERE version = 5`);
    const old = [event('Opened', { naam: 'Zorg "Ⓐ"' }), event('Answered')].map((e) => {
      const [id, d, m] = [randomUUID(), canonicalJson(e.data), canonicalJson(e.metadata)];
      return { i: id, t: e.type, d, m, h: contentHashOfTexts(id, e.type, d, m) };
    });
    const input = JSON.stringify([[{ s: 'dispute-4', e: 'no_stream', ev: old }]]);
    await sql(`SELECT ${schema}.event_store_append('${input.replace(/'/g, "''")}'::jsonb, false)`);
    const store = await open(schema);
    await store.appendToStreams([
      { streamId: 'dispute-4', expectedVersion: 1, events: [event('Decided'), event('Closed')] },
      { streamId: 'dispute-4', expectedVersion: 3, events: [event('Reopened')] },
      { streamId: 'dispute-5', expectedVersion: 'any', events: [event('Opened')] },
    ]);
    await store.appendToStream('dispute-4', [event('Closed')], 'any');
    const events = await store.readStream('dispute-4');
    expect(events.map((e) => e.type)).toEqual(['Opened', 'Answered', 'Decided', 'Closed', 'Reopened', 'Closed']);
    const { rows } = await sql(`SELECT hash, previous_hash FROM ${schema}.events WHERE stream_id = 'dispute-4' ORDER BY revision`);
    let previousHash: string | null = null;
    events.forEach((e, i) => {
      const expected = linkHash({ ...e, contentHash: contentHash(e), previousHash });
      expect(rows[i]).toEqual({ hash: expected, previous_hash: previousHash });
      previousHash = expected;
    });
  });
}
