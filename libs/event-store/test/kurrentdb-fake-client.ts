// An in-memory stand-in for the parts of KurrentDBClient the adapter's appends and stream reads use,
// behaving as the client documents them: optimistic concurrency on the expected stream state
// (WrongExpectedVersionError), StreamNotFoundError when reading a missing stream, the server's own
// `created` time, metadata stored as JSON (single-stream) or synthesised from string properties
// with a property of the server's beside them (multiStreamAppend). No server is needed, so the
// chain tests run in every `npm test`. Records are exposed so a test can tamper with them.
import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendStreamState,
  type EventData,
} from '@kurrent/kurrentdb-client';
import { KurrentDbEventStore } from '../src';

export interface FakeRecord {
  id: string;
  streamId: string;
  revision: bigint;
  type: string;
  isJson: true;
  data: unknown;
  metadata: unknown;
  created: Date;
  position: { commit: bigint; prepare: bigint };
}

export class FakeKurrentClient {
  readonly streams = new Map<string, FakeRecord[]>();
  private nextPosition = 1000n;

  async *readStream(
    streamId: string,
    options: { direction: 'forwards' | 'backwards'; fromRevision: bigint | 'start' | 'end'; maxCount?: number },
  ): AsyncGenerator<{ event: FakeRecord }> {
    await Promise.resolve(); // a network round trip: other calls may run meanwhile
    const records = this.streams.get(streamId);
    if (!records || records.length === 0) throw new StreamNotFoundError(undefined, streamId);
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision;
    let selected = backwards
      ? [...records].reverse().filter((r) => from === 'end' || r.revision <= (from as bigint))
      : records.filter((r) => from === 'start' || r.revision >= (from as bigint));
    if (options.maxCount !== undefined) selected = selected.slice(0, options.maxCount);
    for (const record of selected) yield { event: structuredClone(record) };
  }

  /** $all with a stream-name prefix filter, as readAll and chainHeads ask for it. */
  async *readAll(options: {
    direction?: 'forwards' | 'backwards';
    fromPosition?: 'start' | 'end' | { commit: bigint };
    maxCount?: number;
    filter: { prefixes: string[] };
  }): AsyncGenerator<{ event: FakeRecord }> {
    await Promise.resolve();
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition ?? (backwards ? 'end' : 'start');
    let all = [...this.streams.values()].flat().filter((r) => options.filter.prefixes.some((p) => r.streamId.startsWith(p)));
    all.sort((a, b) => (a.position.commit < b.position.commit ? -1 : 1));
    if (typeof from === 'object')
      all = all.filter((r) => (backwards ? r.position.commit <= from.commit : r.position.commit >= from.commit));
    if (backwards) all.reverse();
    for (const record of all.slice(0, options.maxCount ?? all.length)) yield { event: structuredClone(record) };
  }

  async appendToStream(streamId: string, events: EventData[], options: { streamState: AppendStreamState }) {
    await Promise.resolve();
    this.check(streamId, options.streamState);
    const last = this.store(streamId, events, false);
    return { success: true, nextExpectedRevision: last.revision, position: last.position };
  }

  async multiStreamAppend(requests: { streamName: string; expectedState: AppendStreamState; events: EventData[] }[]) {
    await Promise.resolve();
    for (const request of requests) {
      for (const event of request.events) {
        // As the client does: the metadata of a multi-stream append is a map of strings.
        if (Object.values(event.metadata ?? {}).some((value) => typeof value !== 'string')) {
          throw new Error('multiStreamAppend requires metadata to be a plain object with string keys and string values.');
        }
      }
    }
    for (const request of requests) this.check(request.streamName, request.expectedState); // all or nothing
    const responses = requests.map((request) => {
      const last = this.store(request.streamName, request.events, true);
      return { streamName: request.streamName, revision: last.revision };
    });
    return { success: true, responses };
  }

  async dispose(): Promise<void> {}

  /** Appends a record behind the adapter's back, as another writer with the raw client would. */
  rawAppend(streamId: string, event: EventData): void {
    this.store(streamId, [event], false);
  }

  private check(streamId: string, state: AppendStreamState): void {
    const records = this.streams.get(streamId) ?? [];
    const current = records.length === 0 ? undefined : BigInt(records.length - 1);
    const ok =
      state === ANY ||
      (state === NO_STREAM && current === undefined) ||
      (state === STREAM_EXISTS && current !== undefined) ||
      (typeof state === 'bigint' && state === current);
    if (!ok) {
      throw new WrongExpectedVersionError(undefined, { streamName: streamId, expected: state, current: current ?? NO_STREAM });
    }
  }

  private store(streamId: string, events: EventData[], synthesiseMetadata: boolean): FakeRecord {
    const records = this.streams.get(streamId) ?? [];
    this.streams.set(streamId, records);
    for (const event of events) {
      const metadata: unknown = JSON.parse(JSON.stringify(event.metadata ?? {}));
      const position = (this.nextPosition += 100n);
      records.push({
        id: event.id,
        streamId,
        revision: BigInt(records.length),
        type: event.type,
        isJson: true,
        data: JSON.parse(JSON.stringify(event.data)),
        metadata: synthesiseMetadata ? { ...(metadata as object), '$schema.name': event.type } : metadata,
        // The server's clock, not the appender's: a few milliseconds later.
        created: new Date(Date.now() + 7),
        position: { commit: position, prepare: position },
      });
    }
    return records[records.length - 1];
  }
}

/** The adapter on top of the fake (its constructor is private: open() connects to a real server). */
export function storeOnFake(client: FakeKurrentClient, prefixes: string[] = ['dispute-', 'case-numbers-']): KurrentDbEventStore {
  const construct = KurrentDbEventStore as unknown as new (c: FakeKurrentClient, p: string[]) => KurrentDbEventStore;
  return new construct(client, prefixes);
}
