// The behaviour every EventStore adapter must show, written only against the port so sqlite,
// postgres and kurrentdb run it unchanged. The global log may be shared with other tests and
// writers: every test uses its own stream ids and only asserts relative to positions it read.
import { randomUUID } from 'node:crypto';
import {
  EventStore,
  ExpectedVersion,
  NewEvent,
  StoredEvent,
  Subscription,
  WrongExpectedVersionError,
} from '../../src/port';

/** How long to wait for a subscription to deliver; generous for remote adapters. */
const DELIVERY_TIMEOUT_MS = 10_000;
/** How long "nothing more arrives" is watched for; longer than any sane poll interval. */
const QUIET_PERIOD_MS = 500;

export function describeEventStoreContract(
  name: string,
  createStore: () => Promise<EventStore>,
  dispose: (store: EventStore) => Promise<void> = (store) => store.close(),
  /** streamIdPrefix: every stream the suite writes starts with it (a store shared between runs needs a fresh one per run). */
  options: { streamIdPrefix?: string } = {},
): void {
  const newStreamId = (): string => `${options.streamIdPrefix ?? 'contract-'}${randomUUID()}`;
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    const subscriptions: Subscription[] = [];

    beforeAll(async () => {
      store = await createStore();
    });
    afterEach(async () => {
      await Promise.all(subscriptions.splice(0).map((s) => s.stop()));
    });
    afterAll(async () => {
      await dispose(store);
    });

    /** A fresh stream holding `count` events typed E0, E1, ... (revisions 0..count-1). */
    async function newStreamWith(count: number): Promise<string> {
      const streamId = newStreamId();
      await store.appendToStream(streamId, Array.from({ length: count }, (_, i) => event(`E${i}`)), 'no_stream');
      return streamId;
    }

    /** Subscribes and collects everything delivered; stopped automatically after the test. */
    function collect(options: Parameters<EventStore['subscribeToAll']>[1] = {}) {
      const received: StoredEvent[] = [];
      const subscription = store.subscribeToAll(async (events) => {
        received.push(...events);
      }, options);
      subscriptions.push(subscription);
      return { received, subscription };
    }

    describe('appendToStream', () => {
      it('creates a new stream with no_stream, starting at revision 0', async () => {
        const streamId = newStreamId();
        const result = await store.appendToStream(streamId, [event('Opened')], 'no_stream');
        expect(result.streamId).toBe(streamId);
        expect(result.nextExpectedVersion).toBe(0);
        const events = await store.readStream(streamId);
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({ streamId, revision: 0, type: 'Opened', position: result.position });
        expect(typeof events[0].id).toBe('string');
        expect(events[0].id.length).toBeGreaterThan(0);
        expect(new Date(events[0].recordedAt).toISOString()).toBe(events[0].recordedAt);
      });

      it('keeps a caller-supplied event id', async () => {
        const streamId = newStreamId();
        const id = randomUUID();
        await store.appendToStream(streamId, [{ ...event('Opened'), id }], 'no_stream');
        expect((await store.readStream(streamId))[0].id).toBe(id);
      });

      it('rejects no_stream when the stream exists', async () => {
        const streamId = await newStreamWith(1);
        const error = await captureError(store.appendToStream(streamId, [event('Again')], 'no_stream'));
        expectWrongVersion(error, streamId, 'no_stream');
        expect((error as WrongExpectedVersionError).actual).toBe(0);
        expect(await store.readStream(streamId)).toHaveLength(1);
      });

      it('accepts the exact current revision and rejects a stale one', async () => {
        const streamId = await newStreamWith(2); // revisions 0, 1
        const ok = await store.appendToStream(streamId, [event('Third')], 1);
        expect(ok.nextExpectedVersion).toBe(2);

        const stale = await captureError(store.appendToStream(streamId, [event('Late')], 1));
        expectWrongVersion(stale, streamId, 1);
        expect((stale as WrongExpectedVersionError).actual).toBe(2);

        const ahead = await captureError(store.appendToStream(streamId, [event('Future')], 5));
        expectWrongVersion(ahead, streamId, 5);
        expect(await store.readStream(streamId)).toHaveLength(3);
      });

      it('rejects a numeric expected version on a missing stream', async () => {
        const streamId = newStreamId();
        expectWrongVersion(await captureError(store.appendToStream(streamId, [event('X')], 0)), streamId, 0);
        expect(await store.readStream(streamId)).toEqual([]);
      });

      it('rejects stream_exists on a missing stream and accepts it on an existing one', async () => {
        const missing = newStreamId();
        const error = await captureError(store.appendToStream(missing, [event('X')], 'stream_exists'));
        expectWrongVersion(error, missing, 'stream_exists');
        expect([undefined, -1]).toContain((error as WrongExpectedVersionError).actual);
        expect(await store.readStream(missing)).toEqual([]);

        const existing = await newStreamWith(1);
        const ok = await store.appendToStream(existing, [event('Y')], 'stream_exists');
        expect(ok.nextExpectedVersion).toBe(1);
      });

      it('accepts any on both a missing and an existing stream', async () => {
        const streamId = newStreamId();
        expect((await store.appendToStream(streamId, [event('A')], 'any')).nextExpectedVersion).toBe(0);
        expect((await store.appendToStream(streamId, [event('B')], 'any')).nextExpectedVersion).toBe(1);
      });

      it('gives several events of one append consecutive revisions and increasing positions', async () => {
        const streamId = await newStreamWith(1);
        const result = await store.appendToStream(streamId, [event('A'), event('B'), event('C')], 0);
        expect(result.nextExpectedVersion).toBe(3);
        const events = await store.readStream(streamId);
        expect(events.map((e) => e.revision)).toEqual([0, 1, 2, 3]);
        expect(events.map((e) => e.type)).toEqual(['E0', 'A', 'B', 'C']);
        expectStrictlyIncreasing(events.map((e) => e.position));
        expect(result.position).toBe(events[3].position);
      });

      it('treats an empty append as a no-op returning the current revision', async () => {
        const streamId = await newStreamWith(2);
        const head = await store.headPosition();
        const result = await store.appendToStream(streamId, [], 1);
        expect(result.nextExpectedVersion).toBe(1);
        expect(await store.readStream(streamId)).toHaveLength(2);
        expect(await store.readAll({ after: head, streamPrefix: streamId })).toEqual([]);
      });

      it('lets exactly one of 10 concurrent appends with the same expected version win', async () => {
        const streamId = await newStreamWith(1);
        const outcomes = await Promise.allSettled(
          Array.from({ length: 10 }, (_, i) => store.appendToStream(streamId, [event(`Racer${i}`)], 0)),
        );
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(9);
        for (const o of lost) expect(o.reason).toBeInstanceOf(WrongExpectedVersionError);
        expect((await store.readStream(streamId)).map((e) => e.revision)).toEqual([0, 1]);
      });

      it('never duplicates revisions under concurrent appends with any, and keeps each append contiguous', async () => {
        const streamId = newStreamId();
        await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            store.appendToStream(streamId, [event(`A${i}`, { writer: i }), event(`B${i}`, { writer: i })], 'any'),
          ),
        );
        const events = await store.readStream(streamId);
        expect(events.map((e) => e.revision)).toEqual(Array.from({ length: 20 }, (_, i) => i));
        for (let i = 0; i < events.length; i += 2) {
          expect(events[i].data.writer).toBe(events[i + 1].data.writer);
          expect(events[i].type).toBe(`A${String(events[i].data.writer)}`);
        }
        expectStrictlyIncreasing(events.map((e) => e.position));
      });
    });

    describe('appendToStreams', () => {
      it('appends to several streams atomically', async () => {
        const a = newStreamId();
        const b = await newStreamWith(1);
        const results = await store.appendToStreams([
          { streamId: a, expectedVersion: 'no_stream', events: [event('A1'), event('A2')] },
          { streamId: b, expectedVersion: 0, events: [event('B1')] },
        ]);
        expect(results.map((r) => [r.streamId, r.nextExpectedVersion])).toEqual([
          [a, 1],
          [b, 1],
        ]);
        expect(await store.readStream(a)).toHaveLength(2);
        expect(await store.readStream(b)).toHaveLength(2);
      });

      it('writes nothing to any stream when one expected version is wrong', async () => {
        const fresh = newStreamId();
        const existing = await newStreamWith(1);
        const head = await store.headPosition();
        const error = await captureError(
          store.appendToStreams([
            { streamId: fresh, expectedVersion: 'no_stream', events: [event('Fresh')] },
            { streamId: existing, expectedVersion: 'any', events: [event('Fine')] },
            { streamId: existing, expectedVersion: 7, events: [event('Wrong')] },
          ]),
        );
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect((error as WrongExpectedVersionError).streamId).toBe(existing);
        expect(await store.readStream(fresh)).toEqual([]);
        expect(await store.readStream(existing)).toHaveLength(1);
        const ours = (await store.readAll({ after: head })).filter((e) => e.streamId === fresh || e.streamId === existing);
        expect(ours).toEqual([]);
      });
    });

    describe('readStream', () => {
      it('returns [] for a stream that does not exist', async () => {
        expect(await store.readStream(newStreamId())).toEqual([]);
      });

      it('honours fromRevision and maxCount', async () => {
        const streamId = await newStreamWith(5);
        expect((await store.readStream(streamId, { fromRevision: 2 })).map((e) => e.revision)).toEqual([2, 3, 4]);
        expect((await store.readStream(streamId, { maxCount: 2 })).map((e) => e.revision)).toEqual([0, 1]);
        expect((await store.readStream(streamId, { fromRevision: 1, maxCount: 3 })).map((e) => e.revision)).toEqual([
          1, 2, 3,
        ]);
        expect(await store.readStream(streamId, { fromRevision: 5 })).toEqual([]);
      });

      it('reads backwards from the end, or from a revision down', async () => {
        const streamId = await newStreamWith(5);
        const back = (options: { fromRevision?: number; maxCount?: number }) =>
          store.readStream(streamId, { direction: 'backwards', ...options }).then((es) => es.map((e) => e.revision));
        expect(await back({})).toEqual([4, 3, 2, 1, 0]);
        expect(await back({ maxCount: 1 })).toEqual([4]);
        expect(await back({ fromRevision: 2, maxCount: 2 })).toEqual([2, 1]);
        expect(await store.readStream(newStreamId(), { direction: 'backwards', maxCount: 1 })).toEqual([]);
      });
    });

    describe('readAll', () => {
      it('reads after a position, in position order, honouring maxCount', async () => {
        const head = await store.headPosition();
        const streamId = await newStreamWith(3);
        const all = (await store.readAll({ after: head })).filter((e) => e.streamId === streamId);
        expect(all.map((e) => e.revision)).toEqual([0, 1, 2]);
        expectStrictlyIncreasing(all.map((e) => e.position));
        for (const e of all) expect(e.position).toBeGreaterThan(head);

        const afterFirst = (await store.readAll({ after: all[0].position })).filter((e) => e.streamId === streamId);
        expect(afterFirst.map((e) => e.revision)).toEqual([1, 2]);

        const limited = await store.readAll({ after: head, maxCount: 2 });
        expect(limited).toHaveLength(2);
        expectStrictlyIncreasing(limited.map((e) => e.position));
      });

      it('filters by stream prefix', async () => {
        const prefix = `${newStreamId()}-`;
        const head = await store.headPosition();
        await store.appendToStream(`${prefix}one`, [event('A')], 'no_stream');
        await store.appendToStream(newStreamId(), [event('Other')], 'no_stream');
        await store.appendToStream(`${prefix}two`, [event('B')], 'no_stream');
        const events = await store.readAll({ after: head, streamPrefix: prefix });
        expect(events.map((e) => e.streamId)).toEqual([`${prefix}one`, `${prefix}two`]);
        const firstOnly = await store.readAll({ after: head, streamPrefix: prefix, maxCount: 1 });
        expect(firstOnly.map((e) => e.streamId)).toEqual([`${prefix}one`]);
      });
    });

    describe('payloads', () => {
      it('round-trips metadata', async () => {
        const streamId = newStreamId();
        const head = await store.headPosition();
        const metadata = {
          schemaVersion: 3,
          actor: { userId: 'user-1', role: 'secretary', organisationId: 'org-9' },
          correlationId: randomUUID(),
          causationId: randomUUID(),
          tenant: 'extra-key',
        };
        await store.appendToStream(streamId, [{ type: 'WithMeta', data: {}, metadata }], 'no_stream');
        const [stored] = await store.readStream(streamId);
        expect(stored.metadata).toEqual(metadata);
        const [fromLog] = await store.readAll({ after: head, streamPrefix: streamId });
        expect(fromLog.metadata).toEqual(metadata);
      });

      it('round-trips unicode, nested objects, arrays and numbers', async () => {
        const streamId = newStreamId();
        const data = {
          title: 'Geschil über Zorgcontractering — ‘quoted’ 😀 日本語',
          amountCents: 1234567890123,
          ratio: 0.1 + 0.2,
          negative: -42,
          flag: false,
          nothing: null,
          nested: { deeper: { list: [1, 'two', { three: 3 }], empty: {} } },
          emptyList: [],
        };
        await store.appendToStream(streamId, [{ type: 'Unicode', data, metadata: { schemaVersion: 1 } }], 'no_stream');
        const [stored] = await store.readStream(streamId);
        expect(stored.data).toEqual(data);
        expect(stored.data.ratio).toBe(0.30000000000000004);
      });
    });

    describe('headPosition', () => {
      it('returns the position of the newest event', async () => {
        const before = await store.headPosition();
        expect(before).toBeGreaterThanOrEqual(0);
        const result = await store.appendToStream(newStreamId(), [event('A'), event('B')], 'no_stream');
        const after = await store.headPosition();
        expect(result.position).toBeGreaterThan(before);
        expect(after).toBeGreaterThanOrEqual(result.position);
      });
    });

    describe('subscribeToAll', () => {
      it('delivers exactly the events after the checkpoint, in order, then live ones', async () => {
        const prefix = `${newStreamId()}-`;
        const first = await store.appendToStream(`${prefix}a`, [event('E1')], 'no_stream');
        await store.appendToStream(`${prefix}a`, [event('E2'), event('E3')], 0);

        const { received } = collect({ after: first.position, streamPrefix: prefix, batchSize: 1 });
        await waitFor(() => received.length >= 2);
        await store.appendToStream(`${prefix}b`, [event('E4')], 'no_stream');
        await waitFor(() => received.length >= 3);
        await sleep(QUIET_PERIOD_MS);

        expect(received.map((e) => e.type)).toEqual(['E2', 'E3', 'E4']);
        expectStrictlyIncreasing(received.map((e) => e.position));
      });

      it('delivers the whole filtered log in order without a checkpoint, batch by batch', async () => {
        const prefix = `${newStreamId()}-`;
        for (let i = 0; i < 5; i++) await store.appendToStream(`${prefix}s`, [event(`E${i}`)], i - 1);
        const batches: number[] = [];
        const received: StoredEvent[] = [];
        subscriptions.push(
          store.subscribeToAll(
            async (events) => {
              batches.push(events.length);
              received.push(...events);
            },
            { streamPrefix: prefix, batchSize: 2 },
          ),
        );
        await waitFor(() => received.length >= 5);
        expect(received.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
        for (const size of batches) expect(size).toBeLessThanOrEqual(2);
      });

      it('delivers new events to a subscriber started at the head', async () => {
        const head = await store.headPosition();
        const { received } = collect({ after: head });
        const streamId = newStreamId();
        await sleep(50);
        await store.appendToStream(streamId, [event('Live1')], 'no_stream');
        await store.appendToStream(streamId, [event('Live2')], 0);
        await waitFor(() => received.filter((e) => e.streamId === streamId).length >= 2);
        for (const e of received) expect(e.position).toBeGreaterThan(head);
        expectStrictlyIncreasing(received.map((e) => e.position));
        expect(received.filter((e) => e.streamId === streamId).map((e) => e.type)).toEqual(['Live1', 'Live2']);
      });

      it('stops delivering after stop(), which waits for a running handler', async () => {
        const prefix = `${newStreamId()}-`;
        const received: StoredEvent[] = [];
        let handlerRunning = false;
        const subscription = store.subscribeToAll(
          async (events) => {
            handlerRunning = true;
            await sleep(100);
            received.push(...events);
            handlerRunning = false;
          },
          { streamPrefix: prefix },
        );
        subscriptions.push(subscription);
        await store.appendToStream(`${prefix}s`, [event('Before')], 'no_stream');
        await waitFor(() => handlerRunning);
        await subscription.stop();
        expect(handlerRunning).toBe(false);
        const delivered = received.length;
        expect(delivered).toBe(1);

        await store.appendToStream(`${prefix}s`, [event('After')], 0);
        await sleep(QUIET_PERIOD_MS);
        expect(received).toHaveLength(delivered);
      });

      it('hands a batch whose handler threw to the handler again: no loss, no skip', async () => {
        const prefix = `${newStreamId()}-`;
        await store.appendToStream(`${prefix}s`, [event('A'), event('B'), event('C')], 'no_stream');
        const calls: string[][] = [];
        const errors: unknown[] = [];
        const accepted: StoredEvent[] = [];
        subscriptions.push(
          store.subscribeToAll(
            async (events) => {
              calls.push(events.map((e) => e.id));
              if (calls.length === 1) throw new Error('projection hiccup');
              accepted.push(...events);
            },
            { streamPrefix: prefix, onError: (error) => errors.push(error) },
          ),
        );
        await waitFor(() => accepted.length >= 3);
        await store.appendToStream(`${prefix}s`, [event('D')], 2);
        await waitFor(() => accepted.length >= 4);
        await sleep(QUIET_PERIOD_MS);

        expect(errors).toHaveLength(1);
        expect((errors[0] as Error).message).toBe('projection hiccup');
        expect(calls[1]).toEqual(calls[0]);
        expect(accepted.map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
      });
    });
  });
}

function event(type: string, data: Record<string, unknown> = {}): NewEvent {
  return { type, data: { ...data, note: type }, metadata: { schemaVersion: 1 } };
}

async function captureError(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the call to fail, but it succeeded');
}

function expectWrongVersion(error: unknown, streamId: string, expected: ExpectedVersion): void {
  expect(error).toBeInstanceOf(WrongExpectedVersionError);
  expect((error as WrongExpectedVersionError).streamId).toBe(streamId);
  expect((error as WrongExpectedVersionError).expected).toBe(expected);
}

function expectStrictlyIncreasing(values: number[]): void {
  for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1]);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(condition: () => boolean, timeoutMs = DELIVERY_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await sleep(5);
  }
}
