// Hash-chain cases every KurrentDB backend must pass: run on the in-memory client in every
// `npm test` (kurrentdb-hash-chain.spec.ts) and on a real server when KURRENTDB_URL is set
// (kurrentdb-event-store.int.spec.ts). KurrentDB events cannot be edited in place; what someone
// with access can do is append behind the store's back or truncate a stream, so those are the
// tampering cases here (edits of stored records are covered on the in-memory client only).
import { randomUUID } from 'node:crypto';
import { contentHash, HistoryTamperedError, linkHash, type KurrentDbEventStore, type StoredEvent } from '../src';
import { readChainLink } from '../src/kurrentdb/chain-metadata';

export interface ChainBackend {
  store: KurrentDbEventStore;
  /** A prefix for fresh stream ids, inside the store's `dispute-` scope. */
  disputePrefix: string;
  /** Another prefix of the store's (multi-stream appends). */
  otherPrefix: string;
  /** Appends an event as another writer with the raw client would: no link. */
  rawAppend(streamId: string, type: string, data: Record<string, unknown>): Promise<void>;
  /** The raw metadata and server time of each record of a stream, in revision order. */
  rawRecords(streamId: string): Promise<{ metadata: unknown; created: Date }[]>;
  /** Hides the events before `revision` (stream metadata $tb), as a truncation would. */
  truncateBefore(streamId: string, revision: number): Promise<void>;
}

export const chainMetadata = { schemaVersion: 1, actor: { userId: 'u-1', role: 'secretariat' }, correlationId: 'c-1' };
export const chainEvent = (type: string, data: Record<string, unknown> = {}) => ({ id: randomUUID(), type, data, metadata: chainMetadata });

/** Recomputes the chain from the definition (docs/tamper-evident-history.md), as a dossier verifier does. */
export function recomputed(events: StoredEvent[], firstPrevious: string | null = null): string[] {
  let previousHash = firstPrevious;
  return events.map((e) => {
    previousHash = linkHash({ ...e, contentHash: contentHash(e), previousHash });
    return previousHash;
  });
}

export async function tamperedRead(read: Promise<unknown>): Promise<HistoryTamperedError> {
  const failure = await read.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(HistoryTamperedError);
  return failure as HistoryTamperedError;
}

export function describeKurrentChain(name: string, open: () => Promise<ChainBackend>, close: (b: ChainBackend) => Promise<void>): void {
  describe(`hash chain on KurrentDB: ${name}`, () => {
    let b: ChainBackend;
    beforeAll(async () => {
      b = await open();
    });
    afterAll(async () => {
      await close(b);
    });

    async function newCase(): Promise<string> {
      const streamId = `${b.disputePrefix}${randomUUID()}`;
      await b.store.appendToStream(
        streamId,
        [chainEvent('Opened', { bedrag: 1.5, naam: 'Zorg Ⓐ\n"x"' }), chainEvent('Answered')],
        'no_stream',
      );
      await b.store.appendToStream(streamId, [chainEvent('Decided', { uitkomst: 'toegewezen' })], 1);
      return streamId;
    }

    it('stores links that recompute from the definition, with the recorded time it reports', async () => {
      const streamId = await newCase();
      const events = await b.store.readStream(streamId);
      expect(events).toHaveLength(3);
      const records = await b.rawRecords(streamId);
      const hashes = recomputed(events);
      records.forEach((record, i) => {
        const reading = readChainLink(record.metadata);
        expect(reading).toMatchObject({ kind: 'linked', link: { hash: hashes[i], previousHash: i === 0 ? null : hashes[i - 1] } });
        // The hashed time is the adapter's, kept in the metadata; reads report it, not the server's `created`.
        expect(reading.kind === 'linked' && reading.link.recordedAt).toBe(events[i].recordedAt);
      });
      expect(events.map((e) => e.metadata)).toEqual([chainMetadata, chainMetadata, chainMetadata]);
    });

    it('links a multi-stream append too, with packed metadata', async () => {
      const streamId = await newCase();
      const other = `${b.otherPrefix}${randomUUID()}`;
      await b.store.appendToStreams([
        { streamId, expectedVersion: 2, events: [chainEvent('Registered')] },
        { streamId: other, expectedVersion: 'no_stream', events: [chainEvent('NumberTaken', { n: 1 })] },
      ]);
      const events = await b.store.readStream(streamId);
      expect(events).toHaveLength(4);
      expect(events[3].metadata).toEqual(chainMetadata);
      const [record] = (await b.rawRecords(streamId)).slice(3);
      expect(readChainLink(record.metadata)).toMatchObject({ link: { hash: recomputed(events)[3] } });
      await expect(b.store.readStream(other)).resolves.toHaveLength(1);
    });

    it('detects an event appended behind the store, and does not restart the chain after it', async () => {
      const streamId = await newCase();
      await b.rawAppend(streamId, 'Forged', {});
      expect(await tamperedRead(b.store.readStream(streamId))).toMatchObject({ streamId, revision: 3, reason: 'hash_missing' });
      await tamperedRead(b.store.appendToStream(streamId, [chainEvent('Closed')], 'any'));
      expect(await b.rawRecords(streamId)).toHaveLength(4);
    });

    it('detects a truncated stream when it is read from its start', async () => {
      const streamId = await newCase();
      await b.truncateBefore(streamId, 1);
      expect(await tamperedRead(b.store.readStream(streamId))).toMatchObject({ streamId, revision: 1, reason: 'revision_gap' });
    });

    it('keeps one chain when two writers race: the loser is refused, or re-linked when it expected any revision', async () => {
      const streamId = await newCase();
      const exact = await Promise.allSettled([
        b.store.appendToStream(streamId, [chainEvent('A')], 2),
        b.store.appendToStream(streamId, [chainEvent('B')], 2),
      ]);
      expect(exact.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(exact.find((r) => r.status === 'rejected')).toMatchObject({ reason: { name: 'WrongExpectedVersionError' } });
      const loose = await Promise.allSettled([
        b.store.appendToStream(streamId, [chainEvent('C')], 'any'),
        b.store.appendToStream(streamId, [chainEvent('D')], 'stream_exists'),
      ]);
      expect(loose.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
      const events = await b.store.readStream(streamId);
      expect(events.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5]);
    });

    it('starts the chain on a stream written before it, and checks from there on', async () => {
      const streamId = `${b.disputePrefix}${randomUUID()}`;
      await b.rawAppend(streamId, 'Opened', { oud: true });
      await b.rawAppend(streamId, 'Answered', {});
      await expect(b.store.readStream(streamId)).resolves.toHaveLength(2);
      await b.store.appendToStream(streamId, [chainEvent('Decided'), chainEvent('Closed')], 1);
      const events = await b.store.readStream(streamId);
      expect(events).toHaveLength(4);
      const records = await b.rawRecords(streamId);
      expect(readChainLink(records[2].metadata)).toMatchObject({ kind: 'linked', link: { previousHash: null, startsChain: true } });
      expect(readChainLink(records[3].metadata)).toMatchObject({ link: { hash: recomputed(events.slice(2))[1] } });
      await expect(b.store.readStream(streamId, { fromRevision: 2 })).resolves.toHaveLength(2);
    });

    it("reports each chained stream's last hash as its head, for signed checkpoints", async () => {
      const streamId = await newCase();
      const legacy = `${b.disputePrefix}${randomUUID()}`;
      await b.rawAppend(legacy, 'Opened', {});
      await b.store.appendToStream(streamId, [chainEvent('Closed')], 2);
      await b.store.appendToStream(`${b.otherPrefix}${randomUUID()}`, [chainEvent('NumberTaken')], 'no_stream');
      const heads = await b.store.chainHeads(b.disputePrefix);
      const events = await b.store.readStream(streamId);
      expect(heads).toContainEqual({ streamId, revision: 3, hash: recomputed(events)[3] });
      expect(heads.map((h) => h.streamId)).not.toContain(legacy);
      expect(heads.map((h) => h.streamId)).toEqual([...heads.map((h) => h.streamId)].sort());
      expect(heads.every((h) => h.streamId.startsWith(b.disputePrefix))).toBe(true);
    });

    it('with `after`, reports only the streams with an event after that position', async () => {
      const quiet = await newCase();
      const busy = await newCase();
      const { position } = await b.store.appendToStream(busy, [chainEvent('Closed')], 2);
      const later = await b.store.appendToStream(busy, [chainEvent('Reopened')], 3);
      const heads = await b.store.chainHeads(b.disputePrefix, { after: position });
      const events = await b.store.readStream(busy);
      expect(heads).toEqual([{ streamId: busy, revision: 4, hash: recomputed(events)[4] }]);
      expect(heads.map((h) => h.streamId)).not.toContain(quiet);
      await expect(b.store.chainHeads(b.disputePrefix, { after: later.position })).resolves.toEqual([]);
      await expect(b.store.chainHeads(b.disputePrefix, { after: -1 })).rejects.toThrow(RangeError);
    });
  });
}
