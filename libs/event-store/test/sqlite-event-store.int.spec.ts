// The SQLite adapter: the shared contract, then what only a file-based store has to prove
// (reopen, several connections/processes on one file, crash durability, error mapping).
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describeEventStoreContract } from './contract';
import {
  DuplicateEventIdError,
  EventStoreUnavailableError,
  NewEvent,
  SqliteEventStore,
  StoredEvent,
  WrongExpectedVersionError,
} from '../src';
import { isRevisionConflict } from '../src/sqlite/sqlite-errors';
import { startChild } from './support/child-process';

const testDir = join(tmpdir(), `event-store-spec-${randomUUID()}`);
const newFile = (): string => join(testDir, randomUUID(), 'events.db'); // nested: open() must mkdir

afterAll(() => rmSync(testDir, { recursive: true, force: true }));

describeEventStoreContract('sqlite', async () => SqliteEventStore.open({ filename: newFile() }));

describe('SqliteEventStore', () => {
  const stores: SqliteEventStore[] = [];
  const open = (filename: string, options: { pollIntervalMs?: number; busyTimeoutMs?: number } = {}) => {
    const store = SqliteEventStore.open({ filename, ...options });
    stores.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
  });

  it('keeps events across close and reopen, and continues positions and revisions', async () => {
    const filename = newFile();
    const first = SqliteEventStore.open({ filename });
    const metadata = { schemaVersion: 2, actor: { userId: 'u1', role: 'secretary' }, correlationId: 'c-1' };
    await first.appendToStream('case-1', [{ type: 'Opened', data: { naam: 'Zorg Ⓐ' }, metadata }], 'no_stream');
    await first.close();
    await first.close(); // idempotent

    const second = open(filename);
    const [stored] = await second.readStream('case-1');
    expect(stored).toMatchObject({ type: 'Opened', revision: 0, position: 1, data: { naam: 'Zorg Ⓐ' }, metadata });
    const next = await second.appendToStream('case-1', [event('Closed')], 0);
    expect(next).toEqual({ streamId: 'case-1', nextExpectedVersion: 1, position: 2 });
  });

  it('creates the schema once, in WAL mode, with a schema version', async () => {
    const filename = newFile();
    open(filename);
    open(filename); // a second open on an existing file must not fail or migrate again
    const raw = new Database(filename, { readonly: true });
    try {
      expect(raw.pragma('user_version', { simple: true })).toBe(2);
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      const plan = raw
        .prepare("EXPLAIN QUERY PLAN SELECT * FROM events WHERE stream_id = 'x' AND revision >= 0 ORDER BY revision")
        .all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX/);
    } finally {
      raw.close();
    }
  });

  it('wakes a same-process subscriber at once, without waiting for the poll timer', async () => {
    const store = open(newFile(), { pollIntervalMs: 60_000 });
    // The commit thread is up (its start takes 30-50 ms, more on a busy machine): timed below is the wake-up.
    await store.appendToStream('first', [event('Before')], 'no_stream');
    const received: StoredEvent[] = [];
    store.subscribeToAll(async (events) => void received.push(...events.filter((e) => e.streamId === 'live')));
    await sleep(50); // let it catch up and go idle
    const started = Date.now();
    await store.appendToStream('live', [event('Now')], 'no_stream');
    await waitFor(() => received.length === 1, 1000);
    expect(Date.now() - started).toBeLessThan(200);
  });

  it('reads the log once per append for all its subscriptions (projections, notifier, directory)', async () => {
    const store = open(newFile(), { pollIntervalMs: 60_000 });
    await store.appendToStream('first', [event('Before')], 'no_stream');
    const received: StoredEvent[][] = [[], [], []];
    for (const own of received)
      store.subscribeToAll(async (events) => void own.push(...events), { batchSize: own === received[2] ? 500 : 100 });
    await waitFor(() => received.every((own) => own.length === 1));
    await sleep(50); // caught up and idle
    const reads = jest.spyOn(store as unknown as { readAllSync: () => StoredEvent[] }, 'readAllSync');
    for (let i = 1; i <= 10; i++) {
      await store.appendToStream('trickle', [event(`T${i}`)], i === 1 ? 'no_stream' : i - 2);
      await waitFor(() => received.every((own) => own.length === i + 1));
    }
    expect(reads).toHaveBeenCalledTimes(10);
    for (const own of received) expect(own.map((e) => e.type)).toEqual(['Before', ...Array.from({ length: 10 }, (_, i) => `T${i + 1}`)]);
  });

  it('delivers appends made through another instance on the same file, by polling', async () => {
    const filename = newFile();
    const writer = open(filename);
    const reader = open(filename, { pollIntervalMs: 20 });
    const received: StoredEvent[] = [];
    reader.subscribeToAll(async (events) => void received.push(...events));
    for (let i = 0; i < 5; i++) await writer.appendToStream('remote', [event(`E${i}`)], i === 0 ? 'no_stream' : i - 1);
    await waitFor(() => received.length === 5);
    expect(received.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
  });

  it('never duplicates revisions when two instances on one file race', async () => {
    const filename = newFile();
    const [a, b] = [open(filename), open(filename)];
    const appendAny = (store: SqliteEventStore, i: number) => store.appendToStream('shared', [event(`E${i}`)], 'any');
    await Promise.all(Array.from({ length: 50 }, (_, i) => appendAny(i % 2 === 0 ? a : b, i)));
    const outcomes = await Promise.allSettled([a, b, a, b].map((s) => s.appendToStream('shared', [event('X')], 49)));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);

    const events = await b.readStream('shared');
    expect(events.map((e) => e.revision)).toEqual(Array.from({ length: 51 }, (_, i) => i));
    expect(new Set(events.map((e) => e.position)).size).toBe(51);
  });

  it('never duplicates revisions when several processes race on one file', async () => {
    const filename = newFile();
    await open(filename).headPosition(); // create the schema before the racers start
    const racers = [
      startChild('append-racer.js', [filename, 'raced', '40', 'any', 'any-1']),
      startChild('append-racer.js', [filename, 'raced', '40', 'any', 'any-2']),
      startChild('append-racer.js', [filename, 'raced', '40', 'optimistic', 'opt-1']),
      startChild('append-racer.js', [filename, 'raced', '40', 'optimistic', 'opt-2']),
    ];
    await Promise.all(racers.map((r) => r.waitForLine((l) => l === 'ready')));
    for (const r of racers) r.child.stdin.write('go\n');
    const codes = await Promise.all(racers.map((r) => r.exited));
    expect(racers.map((r) => r.stderr()).join('')).toBe('');
    expect(codes).toEqual([0, 0, 0, 0]);

    const events = await open(filename).readStream('raced');
    expect(events.map((e) => e.revision)).toEqual(Array.from({ length: 160 }, (_, i) => i));
    for (const racer of ['any-1', 'any-2', 'opt-1', 'opt-2']) {
      // Each racer's own events are all there, in its own order.
      const mine = events.filter((e) => e.data.racer === racer).map((e) => e.data.i);
      expect(mine).toEqual(Array.from({ length: 40 }, (_, i) => i));
    }
  }, 60_000);

  it('keeps every acknowledged append when the writing process is SIGKILLed', async () => {
    const filename = newFile();
    const child = startChild('append-until-killed.js', [filename, 'durable', 'FULL']);
    const acks: { revision: number; id: string }[] = [];
    await child.waitForLine((line) => {
      const [word, revision, id] = line.split(' ');
      if (word === 'ack') acks.push({ revision: Number(revision), id });
      return acks.length >= 25;
    });
    child.child.kill('SIGKILL'); // mid-stream: the child is in the middle of its next append
    expect(await child.exited).toBeNull();
    expect(child.stderr()).toBe('');

    const events = await open(filename).readStream('durable');
    expect(events.length).toBeGreaterThanOrEqual(acks.length);
    for (const ack of acks) expect(events[ack.revision].id).toBe(ack.id);
    expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
  }, 60_000);

  it('commits appends issued together as one group, failing each one alone', async () => {
    const store = open(newFile());
    await store.appendToStream('taken', [event('First')], 'no_stream');
    const outcomes = await Promise.allSettled([
      store.appendToStreams([{ streamId: 'x', expectedVersion: 'no_stream', events: [event('X1'), event('X2')] }]),
      store.appendToStreams([
        { streamId: 'y', expectedVersion: 'no_stream', events: [event('Y')] },
        { streamId: 'taken', expectedVersion: 'no_stream', events: [event('Again')] },
      ]),
      store.appendToStream('z', [event('Z')], 'no_stream'),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
    // The failed caller's other stream was rolled back with it (its savepoint), nobody else's.
    expect(await store.readStream('y')).toEqual([]);
    expect((await store.readStream('x')).map((e) => e.type)).toEqual(['X1', 'X2']);
    expect((await store.readStream('z')).map((e) => e.type)).toEqual(['Z']);
    const positions = (await store.readAll()).map((e) => e.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('rejects a reused event id without writing anything', async () => {
    const store = open(newFile());
    const id = randomUUID();
    await store.appendToStream('a', [{ ...event('First'), id }], 'no_stream');
    await expect(
      store.appendToStreams([
        { streamId: 'b', expectedVersion: 'no_stream', events: [event('Fine')] },
        { streamId: 'c', expectedVersion: 'no_stream', events: [{ ...event('Dup'), id }] },
      ]),
    ).rejects.toBeInstanceOf(DuplicateEventIdError);
    expect(await store.readStream('b')).toEqual([]);
    expect(await store.headPosition()).toBe(1);
  });

  it('reports a write lock held too long by another connection as unavailable', async () => {
    const filename = newFile();
    const store = open(filename, { busyTimeoutMs: 100 });
    const other = new Database(filename);
    other.exec('BEGIN IMMEDIATE');
    try {
      const error = await store.appendToStream('locked', [event('X')], 'any').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect((error as EventStoreUnavailableError).cause).toMatchObject({ code: 'SQLITE_BUSY' });
      expect(await store.readStream('locked')).toEqual([]); // WAL: reads still work meanwhile
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await store.appendToStream('locked', [event('X')], 'any')).nextExpectedVersion).toBe(0);
  });

  it("commits off the event loop: waiting for another connection's write lock holds no timer", async () => {
    const filename = newFile();
    const store = open(filename, { busyTimeoutMs: 3000 });
    await store.appendToStream('warm', [event('X')], 'no_stream'); // the commit thread is running
    const other = new Database(filename);
    other.exec('BEGIN IMMEDIATE');
    const appended = store.appendToStream('waiting', [event('X')], 'no_stream');
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    try {
      await sleep(150); // the commit waits for the lock in its thread; this thread goes on
      expect(ticks).toBeGreaterThanOrEqual(10);
    } finally {
      clearInterval(ticker);
      // On the event loop, the append would still hold this thread here, and time out.
      other.exec('COMMIT');
      other.close();
    }
    expect(await appended).toMatchObject({ streamId: 'waiting', nextExpectedVersion: 0 });
    expect((await store.readStream('waiting')).map((e) => e.type)).toEqual(['X']);
  });

  it('starts a new commit thread when the one it had has ended', async () => {
    const store = open(newFile());
    await store.appendToStream('before', [event('X')], 'no_stream');
    const thread = (store as unknown as { committer: { thread: { running?: { worker: import('node:worker_threads').Worker } } } }).committer
      .thread;
    // Between groups: terminating a thread inside a commit would abort the whole process (better-sqlite3).
    await thread.running?.worker.terminate();
    expect((await store.appendToStream('after', [event('X')], 'no_stream')).nextExpectedVersion).toBe(0);
    expect((await store.readAll()).map((e) => e.streamId)).toEqual(['before', 'after']);
  });

  it('close() commits the appends it has accepted before it returns', async () => {
    const filename = newFile();
    const store = SqliteEventStore.open({ filename });
    const appended = Promise.all([1, 2, 3].map((n) => store.appendToStream(`s-${n}`, [event('X')], 'no_stream')));
    await store.close();
    expect((await appended).map((r) => r.nextExpectedVersion)).toEqual([0, 0, 0]);
    expect((await open(filename).readAll()).map((e) => e.streamId)).toEqual(['s-1', 's-2', 's-3']);
  });

  it('recognises a UNIQUE(stream_id, revision) violation as a revision conflict', () => {
    const filename = newFile();
    open(filename);
    const raw = new Database(filename);
    try {
      const insert = raw.prepare(
        "INSERT INTO events (id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, 's', ?, 'T', '{}', '{}', 'now')",
      );
      insert.run('id-1', 0);
      const revisionClash = captureSync(() => insert.run('id-2', 0));
      const idClash = captureSync(() => insert.run('id-1', 1));
      expect(isRevisionConflict(revisionClash)).toBe(true);
      expect(isRevisionConflict(idClash)).toBe(false);
    } finally {
      raw.close();
    }
  });

  it('turns calls on a closed store into EventStoreUnavailableError', async () => {
    const store = SqliteEventStore.open({ filename: newFile() });
    await store.close();
    await expect(store.readAll()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(store.appendToStream('x', [event('X')], 'any')).rejects.toBeInstanceOf(EventStoreUnavailableError);
    expect(() => store.subscribeToAll(async () => undefined)).toThrow(EventStoreUnavailableError);
  });

  it('close() stops running subscriptions after their handler finishes', async () => {
    const store = SqliteEventStore.open({ filename: newFile() });
    let finished = false;
    store.subscribeToAll(async () => {
      await sleep(100);
      finished = true;
    });
    await store.appendToStream('s', [event('X')], 'no_stream');
    await sleep(20);
    await store.close();
    expect(finished).toBe(true);
  });

  it('rejects invalid arguments as caller errors, not as unavailability', async () => {
    const store = open(newFile());
    await expect(store.appendToStream('', [event('X')], 'any')).rejects.toBeInstanceOf(TypeError);
    await expect(
      store.appendToStream('s', [{ type: 'X', data: [] as unknown as Record<string, unknown>, metadata: { schemaVersion: 1 } }], 'any'),
    ).rejects.toBeInstanceOf(TypeError);
    await expect(store.readAll({ maxCount: -1 })).rejects.toBeInstanceOf(RangeError);
    expect(() => store.subscribeToAll(async () => undefined, { batchSize: 0 })).toThrow(RangeError);
    await expect(store.appendToStream('s', [event('X')], 3)).rejects.toBeInstanceOf(WrongExpectedVersionError);
  });
});

function event(type: string): NewEvent {
  return { type, data: { type }, metadata: { schemaVersion: 1 } };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await sleep(5);
  }
}

function captureSync(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('Expected the call to throw');
}
