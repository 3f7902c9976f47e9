// The KurrentDB adapter. The shared contract runs against a real server when KURRENTDB_URL is set
// (docker compose -f docker/compose.yaml up -d kurrentdb; see docs/operations.md); the pure mappings it relies
// on — expected versions, errors, log positions, the stream filter, append planning — are tested
// here always, without a server. The hash-chain cases (kurrentdb-chain-cases.ts) run here against
// the server too; without one they run on an in-memory client in kurrentdb-hash-chain.spec.ts.
import { randomUUID } from 'node:crypto';
import {
  ANY,
  AccessDeniedError,
  jsonEvent,
  KurrentDBClient,
  DeadlineExceededError,
  NO_STREAM,
  STREAM_EXISTS,
  StreamDeletedError,
  UnavailableError,
  WrongExpectedVersionError as ClientWrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { describeEventStoreContract } from './contract';
import { chainMetadata, describeKurrentChain } from './kurrentdb-chain-cases';
import { EventStoreUnavailableError, KurrentDbEventStore, WrongExpectedVersionError } from '../src';
import { checkLaterParts, groupByStream, partRevisions, revisionAfter } from '../src/kurrentdb/append-plan';
import { toPortError } from '../src/kurrentdb/errors';
import { METADATA_PROPERTY, toEventData, toStoredEvent, unpackMetadata } from '../src/kurrentdb/event-mapping';
import { fromCurrentState, toStreamState } from '../src/kurrentdb/expected-revision';
import { decodeLogPosition, encodeLogPosition, UnrepresentableLogPositionError } from '../src/kurrentdb/log-position';
import { DEFAULT_STREAM_PREFIXES, isOwnedStream, prefixFilter, scopePrefixes, validateStreamPrefixes } from '../src/kurrentdb/stream-scope';

const url = process.env.KURRENTDB_URL;

if (url) {
  // One prefix per run: a server shared between runs (or developers) never mixes their streams.
  const runPrefix = `contract-${randomUUID().slice(0, 8)}-`;
  describeEventStoreContract(
    'kurrentdb',
    async () => KurrentDbEventStore.open({ connectionString: url, streamPrefixes: [runPrefix] }),
    (store) => store.close(),
    { streamIdPrefix: runPrefix },
  );
  // The hash-chain cases the in-memory client passes in every run, here against the server itself.
  const chainPrefix = `dispute-chain-${randomUUID().slice(0, 8)}-`;
  const otherPrefix = `case-numbers-chain-${randomUUID().slice(0, 8)}-`;
  let raw: KurrentDBClient;
  describeKurrentChain(
    'server',
    async () => {
      raw = KurrentDBClient.connectionString(url);
      return {
        store: KurrentDbEventStore.open({ connectionString: url, streamPrefixes: [chainPrefix, otherPrefix] }),
        disputePrefix: chainPrefix,
        otherPrefix,
        rawAppend: async (streamId, type, data) => {
          await raw.appendToStream(streamId, jsonEvent({ type, data, metadata: chainMetadata }), { streamState: ANY });
        },
        rawRecords: async (streamId) => {
          const records: { metadata: unknown; created: Date }[] = [];
          for await (const resolved of raw.readStream(streamId)) {
            if (resolved.event) records.push({ metadata: resolved.event.metadata, created: resolved.event.created });
          }
          return records;
        },
        truncateBefore: async (streamId, revision) => {
          await raw.setStreamMetadata(streamId, { truncateBefore: revision });
        },
      };
    },
    async (backend) => {
      await backend.store.close();
      await raw.dispose();
    },
  );
} else {
  describe('EventStore contract: kurrentdb', () => {
    it.skip('needs a server: set KURRENTDB_URL=kurrentdb://localhost:2113?tls=false (docker compose -f docker/compose.yaml up -d kurrentdb)', () =>
      undefined);
  });
}

describe('KurrentDB adapter mappings', () => {
  describe('expected versions', () => {
    it('maps each of the port expectations to the client stream state', () => {
      expect(toStreamState('any')).toBe(ANY);
      expect(toStreamState('no_stream')).toBe(NO_STREAM);
      expect(toStreamState('stream_exists')).toBe(STREAM_EXISTS);
      expect(toStreamState(0)).toBe(0n);
      expect(toStreamState(41)).toBe(41n);
      expect(toStreamState(-1)).toBe(NO_STREAM);
    });

    it('rejects expectations that are not revisions', () => {
      for (const bad of [-2, 1.5, Number.NaN, '3', null]) {
        expect(() => toStreamState(bad as never)).toThrow(TypeError);
      }
    });

    it('reports a missing stream as undefined and a revision as a number', () => {
      expect(fromCurrentState('no_stream')).toBeUndefined();
      expect(fromCurrentState(7n)).toBe(7);
    });
  });

  describe('errors', () => {
    it("turns the client's wrong-expected-version error into ours, with the caller's expectation", () => {
      const clientError = new ClientWrongExpectedVersionError(undefined, { streamName: 'dispute-1', expected: 3n, current: 5n });
      const mapped = toPortError(clientError, { operation: 'append', expectedVersionOf: () => 3 });
      expect(mapped).toBeInstanceOf(WrongExpectedVersionError);
      expect(mapped).toMatchObject({ streamId: 'dispute-1', expected: 3, actual: 5 });

      const noStream = new ClientWrongExpectedVersionError(undefined, {
        streamName: 'dispute-2',
        expected: STREAM_EXISTS,
        current: 'no_stream',
      });
      expect(toPortError(noStream, { operation: 'append' })).toMatchObject({
        streamId: 'dispute-2',
        expected: 'stream_exists',
        actual: undefined,
      });
    });

    it('turns unavailability into EventStoreUnavailableError, keeping the cause', () => {
      const raw = Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 });
      for (const error of [
        raw,
        Object.assign(new Error('4 DEADLINE_EXCEEDED'), { code: 4 }),
        new UnavailableError(undefined, 'down'),
        new DeadlineExceededError(undefined, 'slow'),
        new AccessDeniedError(undefined, 'bad credentials'),
        new Error('Failed to discover after 10 attempts.'),
      ]) {
        const mapped = toPortError(error, { operation: 'readAll' });
        expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
        expect((mapped as EventStoreUnavailableError).cause).toBe(error);
        expect((mapped as Error).message).toContain('readAll');
      }
    });

    it('leaves caller mistakes and our own errors as they are', () => {
      const deleted = StreamDeletedError.fromStreamName('dispute-1');
      const typeError = new TypeError('bad');
      const ours = new WrongExpectedVersionError('s', 1, 2);
      const invalid = Object.assign(new Error('3 INVALID_ARGUMENT'), { code: 3 });
      expect(toPortError(deleted, { operation: 'append' })).toBe(deleted);
      expect(toPortError(typeError, { operation: 'append' })).toBe(typeError);
      expect(toPortError(ours, { operation: 'append' })).toBe(ours);
      expect(toPortError(invalid, { operation: 'append' })).toBe(invalid);
    });
  });

  describe('log positions', () => {
    it('encodes a (commit, prepare) pair of an appended event as one number and decodes the exact pair', () => {
      const position = { commit: 1_234_567n, prepare: 1_234_567n };
      const encoded = encodeLogPosition(position);
      expect(encoded).toBe(1_234_567);
      expect(decodeLogPosition(encoded)).toEqual(position);
      const large = BigInt(Number.MAX_SAFE_INTEGER);
      expect(decodeLogPosition(encodeLogPosition({ commit: large, prepare: large }))).toEqual({ commit: large, prepare: large });
    });

    it('keeps the delivery order of the log', () => {
      const log = [100n, 2_000n, 2_150n, 9_999_999_999n].map((p) => encodeLogPosition({ commit: p, prepare: p }));
      expect([...log].sort((a, b) => a - b)).toEqual(log);
    });

    it('decodes 0 as the start of the log', () => {
      expect(decodeLogPosition(0)).toBe('start');
    });

    it('refuses, loudly, a pair that one number cannot carry', () => {
      expect(() => encodeLogPosition({ commit: 500n, prepare: 420n })).toThrow(UnrepresentableLogPositionError);
      const beyond = BigInt(Number.MAX_SAFE_INTEGER) + 1n;
      expect(() => encodeLogPosition({ commit: beyond, prepare: beyond })).toThrow(UnrepresentableLogPositionError);
      expect(() => decodeLogPosition(-1)).toThrow(RangeError);
      expect(() => decodeLogPosition(1.5)).toThrow(RangeError);
    });
  });

  describe('stream scope and filter', () => {
    it("defaults to the application's streams", () => {
      expect(DEFAULT_STREAM_PREFIXES).toEqual(['dispute-', 'case-numbers-', 'directory-', 'idempotency-', 'chain-checkpoints']);
    });

    it('builds a server-side stream-name prefix filter', () => {
      expect(prefixFilter(['dispute-', 'case-numbers-'])).toMatchObject({
        filterOn: 'streamName',
        prefixes: ['dispute-', 'case-numbers-'],
      });
      expect(() => prefixFilter([])).toThrow(RangeError);
    });

    it('narrows a read to the requested prefix within ours, and to nothing outside them', () => {
      const owned = ['dispute-', 'case-numbers-'];
      expect(scopePrefixes(owned, undefined)).toEqual(owned);
      expect(scopePrefixes(owned, 'dispute-42')).toEqual(['dispute-42']);
      expect(scopePrefixes(owned, 'case')).toEqual(['case-numbers-']);
      expect(scopePrefixes(owned, '$stats')).toEqual([]);
      expect(scopePrefixes(owned, 'other-')).toEqual([]);
    });

    it('owns only its prefixes, never system streams', () => {
      expect(isOwnedStream(['dispute-'], 'dispute-1')).toBe(true);
      expect(isOwnedStream(['dispute-'], 'case-numbers-2026')).toBe(false);
      expect(isOwnedStream(['dispute-'], '$$dispute-1')).toBe(false);
      expect(() => validateStreamPrefixes(['$ce-'])).toThrow(TypeError);
      expect(() => validateStreamPrefixes([])).toThrow(TypeError);
      expect(validateStreamPrefixes(['a-', 'a-', 'b-'])).toEqual(['a-', 'b-']);
    });

    it('refuses, before any network call, to touch a stream outside its prefixes', async () => {
      const store = KurrentDbEventStore.open({ connectionString: 'kurrentdb://127.0.0.1:1?tls=false' });
      try {
        await expect(store.readStream('elsewhere-1')).rejects.toThrow(RangeError);
        await expect(store.appendToStream('$stats', [], 'any')).rejects.toThrow(RangeError);
      } finally {
        await store.close();
      }
    });

    it('reports a server that does not answer as EventStoreUnavailableError, on every call', async () => {
      // Port 1 on loopback: nothing listens, the connection is refused at once.
      const store = KurrentDbEventStore.open({ connectionString: 'kurrentdb://127.0.0.1:1?tls=false' });
      try {
        const event = { type: 'DisputeFiled', data: {}, metadata: { schemaVersion: 1 } };
        await expect(store.appendToStream('dispute-x', [event], 'no_stream')).rejects.toBeInstanceOf(EventStoreUnavailableError);
        await expect(store.readStream('dispute-x')).rejects.toBeInstanceOf(EventStoreUnavailableError);
        await expect(store.readAll({ after: 0 })).rejects.toBeInstanceOf(EventStoreUnavailableError);
        await expect(store.headPosition()).rejects.toBeInstanceOf(EventStoreUnavailableError);
        const errors: unknown[] = [];
        const subscription = store.subscribeToAll(async () => undefined, { onError: (error) => errors.push(error) });
        const deadline = Date.now() + 5000;
        while (errors.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        await subscription.stop();
        expect(errors[0]).toBeInstanceOf(EventStoreUnavailableError);
      } finally {
        await store.close();
      }
    });

    it('rejects a connection string of another kind', () => {
      expect(() => KurrentDbEventStore.open({ connectionString: 'postgres://localhost/x' })).toThrow(TypeError);
    });
  });

  describe('events', () => {
    const metadata = { schemaVersion: 1, actor: { userId: 'u', role: 'secretariat' }, correlationId: 'c' };

    it('stores metadata as plain JSON in a single-stream append and packed in a multi-stream one', () => {
      const id = randomUUID();
      const plain = toEventData({ id, type: 'DisputeFiled', data: { a: 1 }, metadata }, false);
      expect(plain).toMatchObject({ id, type: 'DisputeFiled', data: { a: 1 }, metadata, contentType: 'application/json' });
      const packed = toEventData({ id, type: 'DisputeFiled', data: { a: 1 }, metadata }, true);
      expect(packed.metadata).toEqual({ [METADATA_PROPERTY]: JSON.stringify(metadata) });
      // What the server returns for a multi-stream append: its own properties beside ours.
      expect(unpackMetadata({ ...(packed.metadata as object), '$schema.name': 'DisputeFiled' })).toEqual(metadata);
      expect(unpackMetadata(metadata)).toEqual(metadata);
    });

    it('rejects events the server could not store faithfully', () => {
      expect(() => toEventData({ id: 'not-a-uuid', type: 'T', data: {}, metadata }, false)).toThrow(TypeError);
      expect(() => toEventData({ type: '$metadata', data: {}, metadata }, false)).toThrow(TypeError);
      expect(() => toEventData({ type: 'T', data: [] as never, metadata }, false)).toThrow(TypeError);
    });

    it('maps a stored record to the port event with its encoded position', () => {
      const created = new Date('2026-03-01T10:00:00.000Z');
      const record = {
        id: randomUUID(),
        streamId: 'dispute-9',
        revision: 4n,
        type: 'DisputeRegistered',
        isJson: true,
        data: { caseNumber: 'GZC-2026-0001' },
        metadata,
        created,
        position: { commit: 8_192n, prepare: 8_192n },
      };
      expect(toStoredEvent(record)).toEqual({
        id: record.id,
        streamId: 'dispute-9',
        revision: 4,
        position: 8_192,
        type: 'DisputeRegistered',
        data: { caseNumber: 'GZC-2026-0001' },
        metadata,
        recordedAt: '2026-03-01T10:00:00.000Z',
      });
      expect(() => toStoredEvent({ ...record, isJson: false, data: new Uint8Array() })).toThrow(TypeError);
      expect(() => toStoredEvent({ ...record, position: undefined })).toThrow(TypeError);
    });
  });

  describe('append planning', () => {
    it('merges the parts of one stream and checks the later parts against the revision the first leaves', () => {
      const [write] = groupByStream([
        { streamId: 's', expectedVersion: 2, eventCount: 2 },
        { streamId: 's', expectedVersion: 4, eventCount: 1 },
      ]);
      expect(write).toMatchObject({ streamId: 's', expectedVersion: 2, eventCount: 3 });
      expect(checkLaterParts(write)).toBe(true);
      expect(partRevisions(write, 2)).toEqual([4, 5]);

      const [wrong] = groupByStream([
        { streamId: 's', expectedVersion: 'no_stream', eventCount: 1 },
        { streamId: 's', expectedVersion: 7, eventCount: 1 },
      ]);
      expect(() => checkLaterParts(wrong)).toThrow(WrongExpectedVersionError);
    });

    it("asks for the stream's revision when the first expectation leaves it open", () => {
      const [write] = groupByStream([
        { streamId: 's', expectedVersion: 'any', eventCount: 1 },
        { streamId: 's', expectedVersion: 7, eventCount: 1 },
      ]);
      expect(checkLaterParts(write)).toBe(false);
      const [exists] = groupByStream([
        { streamId: 's', expectedVersion: 'any', eventCount: 1 },
        { streamId: 's', expectedVersion: 'stream_exists', eventCount: 1 },
      ]);
      expect(checkLaterParts(exists)).toBe(true);
    });

    it('knows the revision after events on a fixed expectation', () => {
      expect(revisionAfter('no_stream', 0)).toBeUndefined();
      expect(revisionAfter('no_stream', 2)).toBe(1);
      expect(revisionAfter(-1, 1)).toBe(0);
      expect(revisionAfter(3, 2)).toBe(5);
      expect(revisionAfter('any', 1)).toBe('unknown');
    });
  });
});
