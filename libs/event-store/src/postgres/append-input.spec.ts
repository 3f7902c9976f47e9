import { contentHashOfTexts, linkHash } from '../chain/event-hash';
import { callerInput, prepareAppends, streamsNeedingHeads } from './append-input';
import type { StreamHead } from './stream-heads';

const event = (type: string) => ({ type, data: { b: 2, a: 1 }, metadata: { schemaVersion: 1 } });
const NOW = '2026-12-02T08:00:00.000Z';

interface EventInput {
  i: string;
  t: string;
  d: string;
  m: string;
  h: string;
  q: string | null;
}
type AppendInput = { s: string; e: unknown; b: number | null; p: string | null; r: string; ev: EventInput[] };

function parse(json: string): AppendInput[] {
  return JSON.parse(json) as AppendInput[];
}

describe('the append function input of the PostgreSQL store', () => {
  it('links each event to the head the process knows, as the chain defines it', () => {
    const head: StreamHead = { revision: 4, hash: 'a'.repeat(64), recordedAt: '2026-12-01T10:00:00.000Z' };
    const prepared = prepareAppends([{ streamId: 'dispute-1', expectedVersion: 4, events: [event('A'), event('B')] }], true);
    const { json, headsAfter } = callerInput(prepared, true, new Map([['dispute-1', head]]), NOW);
    const [append] = parse(json);
    expect(append).toMatchObject({ s: 'dispute-1', e: 4, b: 4, p: head.hash, r: NOW });
    let previousHash: string | null = head.hash;
    append.ev.forEach((e, k) => {
      // Data and metadata are stored as their JCS text: keys sorted.
      expect(e.d).toBe('{"a":1,"b":2}');
      const contentHash = contentHashOfTexts(e.i, e.t, e.d, e.m);
      const expected = linkHash({ streamId: 'dispute-1', revision: 5 + k, recordedAt: NOW, contentHash, previousHash });
      expect(e).toMatchObject({ h: expected, q: previousHash });
      previousHash = expected;
    });
    expect(headsAfter.get('dispute-1')).toEqual({ revision: 6, hash: previousHash, recordedAt: NOW });
  });

  it('continues a second append to the same stream in one call from the first, without a head of its own', () => {
    const prepared = prepareAppends(
      [
        { streamId: 'dispute-2', expectedVersion: 'no_stream', events: [event('A')] },
        { streamId: 'dispute-2', expectedVersion: 0, events: [event('B')] },
      ],
      true,
    );
    expect(streamsNeedingHeads(prepared)).toEqual([]);
    const [first, second] = parse(callerInput(prepared, true, new Map(), NOW).json);
    expect(first).toMatchObject({ b: null, p: null });
    expect(first.ev[0].q).toBeNull();
    expect(second.b).toBe(0);
    expect(second.ev[0].q).toBe(first.ev[0].h);
  });

  it('never records a time before the head it extends (a clock behind another process)', () => {
    const later = '2026-12-02T08:00:00.250Z';
    const prepared = prepareAppends([{ streamId: 'dispute-3', expectedVersion: 'any', events: [event('A')] }], true);
    const head: StreamHead = { revision: 0, hash: 'b'.repeat(64), recordedAt: later };
    const [append] = parse(callerInput(prepared, true, new Map([['dispute-3', head]]), NOW).json);
    expect(append.r).toBe(later);
  });

  it('asks for the head of each stream once, and of none that is expected not to exist', () => {
    const prepared = prepareAppends(
      [
        { streamId: 'a', expectedVersion: 3, events: [event('A')] },
        { streamId: 'a', expectedVersion: 4, events: [event('B')] },
        { streamId: 'b', expectedVersion: 'no_stream', events: [event('C')] },
        { streamId: 'c', expectedVersion: 'any', events: [] },
      ],
      true,
    );
    expect(streamsNeedingHeads(prepared).map((s) => s.streamId)).toEqual(['a', 'c']);
  });
});
