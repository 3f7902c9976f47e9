// The hash chain on KurrentDB, without a server: the mapping writes each event's link into its
// metadata, appends link to the stream's last event under the expected revision they state, and
// every stream read recomputes the chain. Tampering is done on the records of an in-memory client
// that behaves as KurrentDBClient documents (kurrentdb-fake-client.ts).
import { randomUUID } from 'node:crypto';
import { jsonEvent } from '@kurrent/kurrentdb-client';
import { contentHash, linkHash } from '../src';
import { chainEvent, chainMetadata, describeKurrentChain, recomputed, tamperedRead } from './kurrentdb-chain-cases';
import { CHAIN_PROPERTY, readChainLink } from '../src/kurrentdb/chain-metadata';
import { planChain } from '../src/kurrentdb/chain-plan';
import { toChainedEvent, toEventData } from '../src/kurrentdb/event-mapping';
import { FakeKurrentClient, storeOnFake, type FakeRecord } from './kurrentdb-fake-client';

const metadata = chainMetadata;
const event = chainEvent;

async function caseOnFake() {
  const client = new FakeKurrentClient();
  const store = storeOnFake(client);
  const streamId = `dispute-${randomUUID()}`;
  await store.appendToStream(streamId, [event('Opened', { bedrag: 1.5, naam: 'Zorg Ⓐ\n"x"' }), event('Answered')], 'no_stream');
  await store.appendToStream(streamId, [event('Decided', { uitkomst: 'toegewezen' })], 1);
  const records = (): FakeRecord[] => client.streams.get(streamId) as FakeRecord[];
  return { client, store, streamId, records };
}

describe('hash chain on KurrentDB: mapping', () => {
  const link = { hash: 'a'.repeat(64), previousHash: 'b'.repeat(64), recordedAt: '2026-11-30T22:00:00.000Z' };

  it('writes the link beside the metadata, as an object in plain metadata and as a string among packed properties', () => {
    const e = event('Opened', { a: 1 });
    const plain = toEventData(e, false, link);
    expect(plain.metadata).toEqual({ ...metadata, [CHAIN_PROPERTY]: link });
    const packed = toEventData(e, true, link);
    expect((packed.metadata as Record<string, unknown>)[CHAIN_PROPERTY]).toBe(JSON.stringify(link));
    for (const raw of [plain.metadata, { ...(packed.metadata as object), '$schema.name': 'Opened' }]) {
      expect(readChainLink(JSON.parse(JSON.stringify(raw)))).toEqual({ kind: 'linked', link });
    }
  });

  it('reads back the caller metadata without the link and the recorded time the link was hashed with', () => {
    const e = event('Opened', { a: 1 });
    for (const pack of [false, true]) {
      const data = toEventData(e, pack, link);
      const record = {
        id: e.id,
        streamId: 'dispute-1',
        revision: 3n,
        type: 'Opened',
        isJson: true,
        data: data.data,
        metadata: JSON.parse(JSON.stringify(data.metadata)) as unknown,
        created: new Date('2026-11-30T22:00:00.412Z'),
        position: { commit: 10n, prepare: 10n },
      };
      const { event: stored, chain } = toChainedEvent(record);
      expect(stored.metadata).toEqual(metadata);
      expect(stored.recordedAt).toBe(link.recordedAt);
      expect(chain).toEqual({ kind: 'linked', link });
    }
  });

  it('refuses caller metadata that uses the reserved property', () => {
    expect(() => toEventData({ ...event('Opened'), metadata: { schemaVersion: 1, [CHAIN_PROPERTY]: {} } }, false)).toThrow(TypeError);
  });

  it('tells an absent link from one it cannot read', () => {
    expect(readChainLink(metadata)).toEqual({ kind: 'absent' });
    expect(readChainLink({ [CHAIN_PROPERTY]: '{not json' })).toEqual({ kind: 'malformed' });
    expect(readChainLink({ [CHAIN_PROPERTY]: { ...link, hash: 'short' } })).toEqual({ kind: 'malformed' });
    expect(readChainLink({ [CHAIN_PROPERTY]: { ...link, recordedAt: '2026-11-30' } })).toEqual({ kind: 'malformed' });
    expect(readChainLink({ [CHAIN_PROPERTY]: { ...link, startsChain: true } })).toEqual({ kind: 'malformed' });
  });
});

describe('hash chain on KurrentDB: append plan', () => {
  const recordedAt = '2026-11-30T22:00:00.000Z';

  it('starts a new stream at revision 0 with no previous hash, and links each event to the one before', () => {
    const events = [event('Opened'), event('Answered')];
    const links = planChain('dispute-1', undefined, events, recordedAt);
    expect(links[0].previousHash).toBeNull();
    expect(links[1].previousHash).toBe(links[0].hash);
    const stored = events.map((e, revision) => ({ ...e, streamId: 'dispute-1', revision, position: 0, recordedAt }));
    expect(links.map((l) => l.hash)).toEqual(recomputed(stored));
  });

  it("links the first new event to the stream's last event's hash, at the revision after it", () => {
    const tip = { revision: 6, hash: 'c'.repeat(64) };
    const decided = event('Decided');
    const [link] = planChain('dispute-1', tip, [decided], recordedAt);
    expect(link.previousHash).toBe(tip.hash);
    expect(link.startsChain).toBeUndefined();
    expect(link.hash).toBe(
      linkHash({ streamId: 'dispute-1', revision: 7, recordedAt, contentHash: contentHash(decided), previousHash: tip.hash }),
    );
  });

  it('starts the chain on a stream written before it, recording so', () => {
    const [first, second] = planChain('dispute-1', { revision: 4, hash: null }, [event('A'), event('B')], recordedAt);
    expect(first).toMatchObject({ previousHash: null, startsChain: true });
    expect(second.previousHash).toBe(first.hash);
    expect(second.startsChain).toBeUndefined();
  });
});

describe('hash chain on KurrentDB: stored records edited', () => {
  it.each([
    ['a changed data field', (r: FakeRecord[]) => ((r[2].data as Record<string, unknown>).uitkomst = 'afgewezen'), 2, 'content_changed'],
    ['a changed metadata field', (r: FakeRecord[]) => ((r[1].metadata as Record<string, unknown>).schemaVersion = 9), 1, 'content_changed'],
    ['a changed type', (r: FakeRecord[]) => (r[0].type = 'Withdrawn'), 0, 'content_changed'],
    [
      'a changed recorded time',
      (r: FakeRecord[]) => {
        const m = r[1].metadata as Record<string, { recordedAt: string }>;
        m[CHAIN_PROPERTY].recordedAt = '2020-01-01T00:00:00.000Z';
      },
      1,
      'content_changed',
    ],
    ['an event removed from the middle', (r: FakeRecord[]) => r.splice(1, 1), 2, 'revision_gap'],
    ['the first event removed (truncated stream)', (r: FakeRecord[]) => r.splice(0, 1), 1, 'revision_gap'],
    [
      'two events reordered',
      (r: FakeRecord[]) => {
        const [a, b] = [r[1], r[2]];
        [r[1], r[2]] = [
          { ...b, revision: a.revision },
          { ...a, revision: b.revision },
        ];
      },
      1,
      'link_broken',
    ],
    ['an unreadable link', (r: FakeRecord[]) => ((r[1].metadata as Record<string, unknown>)[CHAIN_PROPERTY] = 'x'), 1, 'hash_missing'],
  ])('refuses to read a stream with %s', async (_what, tamper, revision, reason) => {
    const { store, streamId, records } = await caseOnFake();
    tamper(records());
    const failure = await tamperedRead(store.readStream(streamId));
    expect(failure).toMatchObject({ streamId, revision, reason });
  });

  it('detects a changed last event in a read of that event alone, and refuses to append after it', async () => {
    const { store, streamId, records } = await caseOnFake();
    (records()[2].data as Record<string, unknown>).uitkomst = 'afgewezen';
    await tamperedRead(store.readStream(streamId, { direction: 'backwards', maxCount: 1 }));
    await tamperedRead(store.appendToStream(streamId, [event('Closed')], 2));
    expect(records()).toHaveLength(3);
  });

  it('refuses a chain start claimed after chained events', async () => {
    const { store, streamId, records } = await caseOnFake();
    const m = records()[2].metadata as Record<string, { previousHash: string | null; startsChain?: true }>;
    m[CHAIN_PROPERTY].previousHash = null;
    m[CHAIN_PROPERTY].startsChain = true;
    await tamperedRead(store.readStream(streamId));
  });

  it('checks the first chained event of a stream written before the chain', async () => {
    const client = new FakeKurrentClient();
    const store = storeOnFake(client);
    const streamId = `dispute-${randomUUID()}`;
    client.rawAppend(streamId, jsonEvent({ type: 'Opened', data: {}, metadata }));
    await store.appendToStream(streamId, [event('Decided'), event('Closed')], 0);
    const records = client.streams.get(streamId) as FakeRecord[];
    (records[1].data as Record<string, unknown>).veranderd = true;
    expect(await tamperedRead(store.readStream(streamId))).toMatchObject({ revision: 1, reason: 'content_changed' });
  });
});

describeKurrentChain(
  'in-memory client',
  async () => {
    const client = new FakeKurrentClient();
    return {
      store: storeOnFake(client),
      disputePrefix: 'dispute-',
      otherPrefix: 'case-numbers-',
      rawAppend: async (streamId, type, data) => client.rawAppend(streamId, jsonEvent({ type, data, metadata })),
      rawRecords: async (streamId) => client.streams.get(streamId) ?? [],
      truncateBefore: async (streamId, revision) => {
        client.streams.get(streamId)?.splice(0, revision);
      },
    };
  },
  (b) => b.store.close(),
);
