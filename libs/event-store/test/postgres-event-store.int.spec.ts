// The PostgreSQL adapter: the shared contract, then what only a server-backed store has to prove
// (global order under racing writers in several processes, schema creation races, error mapping).
// Runs only when DATABASE_URL is set; every store lives in a fresh schema that is dropped afterwards.
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { describeEventStoreContract } from './contract';
import {
  DuplicateEventIdError,
  EventStoreUnavailableError,
  NewEvent,
  PostgresEventStore,
  StoredEvent,
  WrongExpectedVersionError,
} from '../src';
import { startChild } from './support/child-process';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain-JS fixture shared with child processes
const { runRaceWriter } = require('./fixtures/pg-race-writer.js') as { runRaceWriter: RaceWriter };

interface RaceResult {
  name: string;
  acked: { id: string; streamId: string }[];
  rejected: string[];
  counts: Record<string, number>;
}
type RaceWriter = (
  store: PostgresEventStore,
  options: { name: string; iterationsPerLane: number; streams: number; seed: number },
) => Promise<RaceResult>;

const DATABASE_URL = process.env.DATABASE_URL;

if (!DATABASE_URL) {
  // Jest shows neither titles nor console output of a file whose tests are all skipped: say why on stderr.
  process.stderr.write(
    'PostgresEventStore tests skipped: DATABASE_URL is unset (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test)\n',
  );
  describe('PostgresEventStore', () => {
    it.skip('is not tested: DATABASE_URL is unset (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test)', () => undefined);
  });
} else {
  describePostgres(DATABASE_URL);
}

function describePostgres(connectionString: string): void {
  const schemasToDrop: string[] = [];
  const newSchema = (): string => {
    const schema = `es_test_${randomBytes(6).toString('hex')}`;
    schemasToDrop.push(schema);
    return schema;
  };

  afterAll(async () => {
    await withClient(connectionString, async (client) => {
      for (const schema of schemasToDrop.splice(0)) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    });
  });

  describeEventStoreContract('postgres', async () => PostgresEventStore.open({ connectionString, schema: newSchema() }));

  describe('PostgresEventStore', () => {
    const stores: PostgresEventStore[] = [];
    const open = async (schema: string, options: { pollIntervalMs?: number; poolSize?: number } = {}, url = connectionString) => {
      const store = await PostgresEventStore.open({ connectionString: url, schema, ...options });
      stores.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(stores.splice(0).map((s) => s.close()));
    });

    it('creates its schema and tables once, and keeps events (even U+0000 and lone surrogates) across close and reopen', async () => {
      const schema = newSchema();
      const first = await PostgresEventStore.open({ connectionString, schema });
      const metadata = { schemaVersion: 2, actor: { userId: 'u1', role: 'secretary' }, correlationId: 'c-1' };
      await first.appendToStream(
        'case-1',
        [{ type: 'Opened', data: { naam: 'Zorg Ⓐ', nul: 'a\u0000b', lone: 'x\ud800y' }, metadata }],
        'no_stream',
      );
      await first.close();
      await first.close(); // idempotent

      const second = await open(schema);
      const [stored] = await second.readStream('case-1');
      expect(stored).toMatchObject({
        type: 'Opened',
        revision: 0,
        position: 1,
        data: { naam: 'Zorg Ⓐ', nul: 'a\u0000b', lone: 'x\ud800y' },
        metadata,
      });
      expect(await second.appendToStream('case-1', [event('Closed')], 0)).toEqual({
        streamId: 'case-1',
        nextExpectedVersion: 1,
        position: 2,
      });
      const versions = await withClient(connectionString, (client) =>
        client.query(`SELECT version FROM ${schema}.event_store_migrations ORDER BY version`),
      );
      expect(versions.rows.map((r: { version: number }) => r.version)).toEqual([1, 2, 3, 4, 5]);
    });

    it('opens a schema that is up to date with a role that may only read and append', async () => {
      const schema = newSchema();
      await (await PostgresEventStore.open({ connectionString, schema })).close();
      const role = `es_test_role_${randomBytes(6).toString('hex')}`;
      await withClient(connectionString, async (admin) => {
        await admin.query(`CREATE ROLE ${role} LOGIN`);
        await admin.query(`GRANT USAGE ON SCHEMA ${schema} TO ${role}`);
        await admin.query(`GRANT SELECT, INSERT ON ${schema}.events TO ${role}`);
        await admin.query(`GRANT SELECT ON ${schema}.event_store_migrations TO ${role}`);
      });
      try {
        const url = new URL(connectionString);
        url.username = role;
        url.password = '';
        const store = await open(schema, {}, url.toString());
        expect((await store.appendToStream('s', [event('A')], 'no_stream')).position).toBe(1);
        expect((await store.readStream('s')).map((e) => e.type)).toEqual(['A']);
        await store.close();
        // Creating a schema is what it may not do: that fails as unavailable, with the server's reason.
        const error = await PostgresEventStore.open({ connectionString: url.toString(), schema: newSchema() }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(EventStoreUnavailableError);
        expect((error as Error).message).toMatch(/permission denied/);
      } finally {
        await withClient(connectionString, async (admin) => {
          await admin.query(`DROP OWNED BY ${role}`);
          await admin.query(`DROP ROLE ${role}`);
        });
      }
    });

    it('opens fine when several processes create the same schema at once', async () => {
      const schema = newSchema();
      const openers = Array.from({ length: 4 }, (_, i) => startChild('pg-open.js', [connectionString, schema, `opener-${i}`]));
      await Promise.all(openers.map((o) => o.waitForLine((l) => l === 'ready')));
      for (const o of openers) o.child.stdin.write('go\n');
      const codes = await Promise.all(openers.map((o) => o.exited));
      expect(openers.map((o) => o.stderr()).join('')).toBe('');
      expect(codes).toEqual([0, 0, 0, 0]);
      const store = await open(schema);
      const events = await store.readAll();
      expect(events.map((e) => e.streamId).sort()).toEqual(['opener-0', 'opener-1', 'opener-2', 'opener-3']);
      expect(events.map((e) => e.position)).toEqual([1, 2, 3, 4]);
    }, 60_000);

    it('delivers every committed event exactly once, in commit order, to live and restarting subscribers while 8 writers in 5 processes race', async () => {
      const schema = newSchema();
      const seed = Date.now() % 1_000_000;
      const streams = 12;
      const iterationsPerLane = 40;
      await (await open(schema)).headPosition(); // create the schema before the racers start

      // Subscriber 1: runs all along, small batches.
      const reader = await open(schema, { pollIntervalMs: 50 });
      const live: StoredEvent[] = [];
      reader.subscribeToAll(async (events) => void live.push(...events), { batchSize: 7 });
      // Subscriber 2: stops and resumes from its checkpoint over and over, as a restarting projector
      // does; a checkpoint that ran ahead of a late commit would lose that event here.
      const restarting: StoredEvent[] = [];
      let checkpoint = 0;
      let racing = true;
      const restarts = (async () => {
        let count = 0;
        while (racing) {
          const subscription = reader.subscribeToAll(
            async (events) => {
              restarting.push(...events);
              checkpoint = events[events.length - 1].position;
            },
            { after: checkpoint, batchSize: 5 },
          );
          await sleep(10 + (count++ % 5) * 10);
          await subscription.stop();
        }
        // Last run: catch up to the end.
        reader.subscribeToAll(async (events) => void restarting.push(...events), { after: checkpoint, batchSize: 5 });
        return count;
      })();

      let results: RaceResult[];
      try {
        // 4 writers in child processes, 4 in this process: 8 stores, 8 pools.
        const children = Array.from({ length: 4 }, (_, i) =>
          startChild('pg-race-writer.js', [
            connectionString,
            schema,
            `child-${i}`,
            String(iterationsPerLane),
            String(streams),
            String(seed + i),
          ]),
        );
        await Promise.all(children.map((c) => c.waitForLine((l) => l === 'ready')));
        const localStores = await Promise.all(Array.from({ length: 4 }, () => open(schema, { poolSize: 3 })));
        for (const c of children) c.child.stdin.write('go\n');
        const localResults = await Promise.all(
          localStores.map((store, i) => runRaceWriter(store, { name: `local-${i}`, iterationsPerLane, streams, seed: seed + 100 + i })),
        );
        const codes = await Promise.all(children.map((c) => c.exited));
        expect(children.map((c) => c.stderr()).join('')).toBe('');
        expect(codes).toEqual([0, 0, 0, 0]);
        results = [...localResults, ...children.map((c) => JSON.parse(c.lines().at(-1) ?? '{}') as RaceResult)];
      } finally {
        racing = false;
      }
      expect(await restarts).toBeGreaterThan(5);

      const acked = results.flatMap((r) => r.acked);
      const rejected = new Set(results.flatMap((r) => r.rejected));
      // The race really happened: optimistic writers lost races, doomed and duplicate appends failed.
      expect(acked.length).toBeGreaterThan(500);
      expect(results.reduce((n, r) => n + r.counts.conflicts, 0)).toBeGreaterThan(0);
      expect(rejected.size).toBeGreaterThan(0);

      // Wait for delivery, but let the assertions below say what is missing if it never comes.
      await waitFor(() => live.length >= acked.length && restarting.length >= acked.length, 20_000).catch(() => undefined);
      await sleep(300); // anything extra (duplicates, rolled-back events) would arrive now

      const log = await reader.readAll();
      for (const delivered of [live, restarting]) {
        // Exactly the acknowledged events, each once, nothing rejected.
        const deliveredIds = new Set(delivered.map((e) => e.id));
        expect({ missing: acked.filter((a) => !deliveredIds.has(a.id)).length }).toEqual({ missing: 0 });
        expect(delivered.map((e) => e.id).sort()).toEqual(acked.map((a) => a.id).sort());
        expect(delivered.filter((e) => rejected.has(e.id))).toEqual([]);
        // Strictly increasing positions, the same sequence as the log, each stream in revision order.
        for (let i = 1; i < delivered.length; i++) expect(delivered[i].position).toBeGreaterThan(delivered[i - 1].position);
        expect(delivered.map((e) => e.id)).toEqual(log.map((e) => e.id));
        const revisions = new Map<string, number[]>();
        for (const e of delivered) revisions.set(e.streamId, [...(revisions.get(e.streamId) ?? []), e.revision]);
        for (const [streamId, list] of revisions) {
          expect({ streamId, list }).toEqual({ streamId, list: list.map((_, i) => i) });
        }
      }
      // Every event went to the stream its writer named.
      const streamOf = new Map(acked.map((a) => [a.id, a.streamId]));
      expect(live.filter((e) => streamOf.get(e.id) !== e.streamId)).toEqual([]);
    }, 120_000);

    it('maps conflicts to WrongExpectedVersionError, also between two instances', async () => {
      const schema = newSchema();
      const [a, b] = [await open(schema), await open(schema)];
      await a.appendToStream('s', [event('First')], 'no_stream');
      const fromB = await b.appendToStream('s', [event('Again')], 'no_stream').catch((e: unknown) => e);
      expect(fromB).toBeInstanceOf(WrongExpectedVersionError);
      expect(fromB).toMatchObject({ streamId: 's', expected: 'no_stream', actual: 0 });

      const outcomes = await Promise.allSettled([a, b, a, b].map((s) => s.appendToStream('s', [event('Racer')], 0)));
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(WrongExpectedVersionError);
      expect((await a.readStream('s')).map((e) => e.revision)).toEqual([0, 1]);
    });

    it('turns a revision taken behind its back (unique violation race) into WrongExpectedVersionError', async () => {
      const schema = newSchema();
      const store = await open(schema);
      await withClient(connectionString, async (raw) => {
        // Another writer that skips the store's lock holds revision 0 of 'contended', uncommitted.
        await raw.query('BEGIN');
        await raw.query(
          `INSERT INTO ${schema}.events (position, id, stream_id, revision, type, data, metadata, recorded_at)
           VALUES (1000, $1, 'contended', 0, 'Sneaky', '{}', '{"schemaVersion":1}', now())`,
          [randomUUID()],
        );
        const appending = store.appendToStream('contended', [event('Mine')], 'no_stream');
        await sleep(200); // the append now waits on the unique index for the raw transaction
        await raw.query('COMMIT');
        const error = await appending.catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toMatchObject({ streamId: 'contended', expected: 'no_stream', actual: 0 });
      });
      // The row written behind the store's back carries no hash chain: reading it is refused.
      await expect(store.readStream('contended')).rejects.toMatchObject({ name: 'HistoryTamperedError', reason: 'hash_missing' });
    });

    it('commits appends issued together as one group, failing each one alone', async () => {
      const store = await open(newSchema());
      const taken = randomUUID();
      await store.appendToStream('taken', [{ ...event('First'), id: taken }], 'no_stream');
      const outcomes = await Promise.allSettled([
        store.appendToStreams([{ streamId: 'x', expectedVersion: 'no_stream', events: [event('X1'), event('X2')] }]),
        store.appendToStreams([
          { streamId: 'y', expectedVersion: 'no_stream', events: [event('Y')] },
          { streamId: 'taken', expectedVersion: 'no_stream', events: [event('Again')] },
        ]),
        store.appendToStreams([
          { streamId: 'w', expectedVersion: 'no_stream', events: [event('W')] },
          { streamId: 'v', expectedVersion: 'no_stream', events: [{ ...event('Dup'), id: taken }] },
        ]),
        store.appendToStream('z', [event('Z')], 'no_stream'),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
      expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
      expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventIdError);
      expect((outcomes[2] as PromiseRejectedResult).reason).toMatchObject({ eventId: taken });
      // A failed caller's other streams were rolled back with it, nobody else's.
      expect(await store.readStream('y')).toEqual([]);
      expect(await store.readStream('w')).toEqual([]);
      expect((await store.readStream('x')).map((e) => e.type)).toEqual(['X1', 'X2']);
      expect((await store.readStream('z')).map((e) => e.type)).toEqual(['Z']);
      // Positions stay gap-free: rolled-back appends used none.
      expect((await store.readAll()).map((e) => e.position)).toEqual([1, 2, 3, 4]);
    });

    it('wakes a subscriber in another instance by NOTIFY, without waiting for the poll timer', async () => {
      const schema = newSchema();
      const writer = await open(schema);
      const reader = await open(schema, { pollIntervalMs: 60_000 });
      const received: StoredEvent[] = [];
      reader.subscribeToAll(async (events) => void received.push(...events));
      await sleep(300); // let it catch up (nothing), go idle and LISTEN
      const started = Date.now();
      await writer.appendToStream('live', [event('Now')], 'no_stream');
      await waitFor(() => received.length === 1, 5000);
      expect(Date.now() - started).toBeLessThan(1000);
    });

    it('reads the log once per append it wakes for: its own NOTIFY does not wake the subscriber again', async () => {
      const store = await open(newSchema(), { pollIntervalMs: 60_000 });
      const received: StoredEvent[] = [];
      store.subscribeToAll(async (events) => void received.push(...events));
      await sleep(300); // caught up (nothing), idle and LISTENing
      const reads = jest.spyOn(store as unknown as { readAllAfter: () => Promise<StoredEvent[]> }, 'readAllAfter');
      for (let i = 1; i <= 10; i++) {
        await store.appendToStream('trickle', [event(`T${i}`)], 'any');
        await waitFor(() => received.length === i, 5000);
        await sleep(50); // the NOTIFY of this append arrives meanwhile
      }
      expect(reads).toHaveBeenCalledTimes(10);
      expect(received.map((e) => e.type)).toEqual(Array.from({ length: 10 }, (_, i) => `T${i + 1}`));
    });

    it('reads the log once per append for all its subscriptions (projections, notifier, directory)', async () => {
      const store = await open(newSchema(), { pollIntervalMs: 60_000 });
      const received: StoredEvent[][] = [[], [], []];
      for (const own of received)
        store.subscribeToAll(async (events) => void own.push(...events), { batchSize: own === received[2] ? 500 : 100 });
      await sleep(300); // caught up (nothing), idle and LISTENing
      const reads = jest.spyOn(store as unknown as { readAllAfter: () => Promise<StoredEvent[]> }, 'readAllAfter');
      for (let i = 1; i <= 10; i++) {
        await store.appendToStream('trickle', [event(`T${i}`)], 'any');
        await waitFor(() => received.every((own) => own.length === i), 5000);
        await sleep(50); // the NOTIFY of this append arrives meanwhile
      }
      expect(reads).toHaveBeenCalledTimes(10);
      for (const own of received) expect(own.map((e) => e.type)).toEqual(Array.from({ length: 10 }, (_, i) => `T${i + 1}`));
    });

    it('rejects caller bugs as such, not as unavailability', async () => {
      const store = await open(newSchema());
      await expect(store.appendToStream('s', [{ ...event('X'), id: 'not-a-uuid' }], 'any')).rejects.toBeInstanceOf(TypeError);
      const id = randomUUID();
      await expect(
        store.appendToStream(
          's',
          [
            { ...event('A'), id },
            { ...event('B'), id },
          ],
          'any',
        ),
      ).rejects.toBeInstanceOf(DuplicateEventIdError);
      await expect(store.appendToStream('', [event('X')], 'any')).rejects.toBeInstanceOf(TypeError);
      await expect(store.readAll({ maxCount: -1 })).rejects.toBeInstanceOf(RangeError);
      await expect(store.appendToStream('s', [event('X')], 1.5)).rejects.toBeInstanceOf(WrongExpectedVersionError);
      expect(await store.headPosition()).toBe(0);
      await expect(PostgresEventStore.open({ connectionString, schema: 'bad-name; drop' })).rejects.toBeInstanceOf(TypeError);
    });

    it('reports an unreachable server as EventStoreUnavailableError', async () => {
      const error = await PostgresEventStore.open({
        connectionString: 'postgres://postgres@127.0.0.1:1/test',
        connectionTimeoutMs: 2000,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect((error as EventStoreUnavailableError).cause).toMatchObject({ code: 'ECONNREFUSED' });
    });

    it('reports a lost server as EventStoreUnavailableError and works again once it is back', async () => {
      const schema = newSchema();
      const store = await open(schema, { poolSize: 2 });
      await store.appendToStream('s', [event('Before')], 'no_stream');
      // Kill this store's connections, as a server restart would.
      await withClient(connectionString, (client) =>
        client.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE application_name = 'gzc-event-store' AND pid <> pg_backend_pid() AND query LIKE $1`,
          [`%${schema}%`],
        ),
      );
      // The pool may hand out a dead connection once; that call fails as "unavailable", never hangs.
      const outcomes = await Promise.allSettled([store.readStream('s'), store.readStream('s'), store.readStream('s')]);
      for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(EventStoreUnavailableError);
      await waitFor(async () => (await store.readStream('s').catch(() => [])).length === 1);
      expect((await store.appendToStream('s', [event('After')], 0)).nextExpectedVersion).toBe(1);
    });

    it('turns calls on a closed store into EventStoreUnavailableError', async () => {
      const store = await PostgresEventStore.open({ connectionString, schema: newSchema() });
      await store.close();
      await expect(store.readAll()).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(store.appendToStream('x', [event('X')], 'any')).rejects.toBeInstanceOf(EventStoreUnavailableError);
      expect(() => store.subscribeToAll(async () => undefined)).toThrow(EventStoreUnavailableError);
    });
  });
}

function event(type: string, data: Record<string, unknown> = {}): NewEvent {
  return { type, data: { ...data, type }, metadata: { schemaVersion: 1 } };
}

async function withClient<T>(connectionString: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await sleep(5);
  }
}
