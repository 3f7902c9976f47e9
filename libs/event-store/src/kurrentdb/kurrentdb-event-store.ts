// EventStore adapter for KurrentDB (EventStoreDB) through @kurrent/kurrentdb-client, the maintained
// successor of @eventstore/db-client. Connection strings: kurrentdb://host:2113?tls=false (esdb://
// still works, with a deprecation warning from the client).
//
// - Optimistic concurrency is the server's: expected versions map to the client's stream states.
// - appendToStreams is atomic through multiStreamAppend (KurrentDB 25.1+); a single stream uses
//   the classic append, so no special server is needed for ordinary commands.
// - Positions are the server's log positions, one number for the (commit, prepare) pair (see
//   log-position.ts). After an append the adapter reads the appended events back by revision to
//   learn their exact positions: the port promises the position of the LAST event appended, which
//   read-your-writes waits for, and the append response does not document which record it names.
// - Reads of $all and the subscription are filtered on the server to our stream prefixes.
import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  START,
  StreamDeletedError,
  StreamNotFoundError,
  type AllStreamResolvedEvent,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import {
  AppendResult,
  ChainHeadsOptions,
  EventStore,
  EventStoreUnavailableError,
  ExpectedVersion,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  StreamAppend,
  SubscribeOptions,
  Subscription,
  WrongExpectedVersionError,
} from '../port';
import { assertCount, assertPosition, assertStreamId } from '../validation';
import { checkLaterParts, groupByStream, matches, partRevisions, StreamWrite } from './append-plan';
import { toPortError, type ErrorContext } from './errors';
import { readChainLink, type ChainReading } from './chain-metadata';
import { planChain, type ChainTip } from './chain-plan';
import { toChainedEvent, toEventData, withValidId } from './event-mapping';
import { toStreamState } from './expected-revision';
import { decodeLogPosition } from './log-position';
import { KurrentDbSubscription } from './kurrentdb-subscription';
import { verifyStreamChain } from './verify-stream-chain';
import { DEFAULT_STREAM_PREFIXES, isOwnedStream, prefixFilter, scopePrefixes, validateStreamPrefixes } from './stream-scope';

export interface KurrentDbEventStoreOptions {
  /** e.g. `kurrentdb://localhost:2113?tls=false` or `kurrentdb://admin:changeit@db:2113`. */
  connectionString: string;
  /** The streams this application owns; default `dispute-` and `case-numbers-`. */
  streamPrefixes?: string[];
}

const DEFAULT_BATCH_SIZE = 500;
/**
 * Times an append whose expectation had to be pinned is retried after a lost race. Pinning happens
 * for later parts (append-plan.ts) and for every 'any' / 'stream_exists' append, whose chain link
 * needs the exact revision it extends: each round of a race has one winner, so N concurrent
 * writers need up to N attempts; the bound only stops a livelock.
 */
const PINNED_RETRIES = 100;

export class KurrentDbEventStore implements EventStore {
  private readonly subscriptions = new Set<{ stop(): Promise<void> }>();
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly client: KurrentDBClient,
    private readonly prefixes: readonly string[],
  ) {}

  /** Connects lazily: a server that is down shows up as EventStoreUnavailableError on the first call. */
  static open(options: KurrentDbEventStoreOptions): KurrentDbEventStore {
    const { connectionString } = options;
    if (typeof connectionString !== 'string' || !/^(kurrentdb|kdb|esdb)(\+discover)?:\/\//.test(connectionString)) {
      throw new TypeError('connectionString must be a kurrentdb:// (or esdb://) connection string');
    }
    const prefixes = validateStreamPrefixes(options.streamPrefixes ?? [...DEFAULT_STREAM_PREFIXES]);
    return new KurrentDbEventStore(KurrentDBClient.connectionString(connectionString), prefixes);
  }

  /** The stream prefixes this store reads, writes and subscribes to. */
  get streamPrefixes(): readonly string[] {
    return this.prefixes;
  }

  async appendToStream(streamId: string, events: NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
    const [result] = await this.appendToStreams([{ streamId, events, expectedVersion }]);
    return result;
  }

  async appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]> {
    this.assertOpen();
    if (!Array.isArray(appends) || appends.length === 0) throw new TypeError('appendToStreams needs at least one append');
    for (const append of appends) {
      this.assertOwned(append.streamId);
      toStreamState(append.expectedVersion); // validates
      if (!Array.isArray(append.events)) throw new TypeError('events must be an array');
    }
    const multi = new Set(appends.map((a) => a.streamId)).size > 1;
    // Validated (and given their ids, which the content hash covers) up front: a bad event fails
    // the whole call before anything is sent.
    const events = appends.map((append) => append.events.map(withValidId));
    const context: ErrorContext = {
      operation: 'append',
      expectedVersionOf: (streamId) => appends.find((a) => a.streamId === streamId)?.expectedVersion,
    };
    for (let attempt = 0; ; attempt++) {
      const writes = groupByStream(appends.map((a, i) => ({ ...a, eventCount: events[i].length })));
      let pinned = false;
      try {
        pinned = await this.resolveLaterParts(writes);
        const linked = await this.linkEvents(writes, events, multi);
        pinned ||= linked.pinned;
        return await this.write(writes, appends, linked.eventData);
      } catch (error) {
        const mapped = toPortError(error, context);
        // A pinned expectation lost a race the caller's own expectation would have tolerated: again.
        if (pinned && mapped instanceof WrongExpectedVersionError && attempt < PINNED_RETRIES) {
          // A little random pause spreads writers that lost the same round.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(attempt + 1, 10)));
          continue;
        }
        throw mapped;
      }
    }
  }

  /**
   * Makes every write checkable by the server: a write whose later parts depend on a revision its
   * first expectation leaves open gets that expectation pinned to the stream's current revision.
   * Returns whether anything was pinned (a lost race then means "try again", not a conflict).
   */
  private async resolveLaterParts(writes: StreamWrite[]): Promise<boolean> {
    let pinned = false;
    for (const write of writes) {
      if (checkLaterParts(write)) continue;
      const current = await this.currentRevision(write.streamId);
      if (!matches(write.expectedVersion, current)) {
        throw new WrongExpectedVersionError(write.streamId, write.expectedVersion, current);
      }
      write.expectedVersion = current ?? 'no_stream';
      pinned = true;
      checkLaterParts(write);
    }
    return pinned;
  }

  /**
   * The events as the client sends them, each with its chain link. The link of a stream's first
   * new event needs the hash of its last event, read here; the write then states exactly that
   * revision as its expectation (an open one, 'any' or 'stream_exists', is pinned to it), so the
   * server refuses the append if anyone appended in between and the chain cannot fork.
   */
  private async linkEvents(
    writes: StreamWrite[],
    events: (NewEvent & { id: string })[][],
    multi: boolean,
  ): Promise<{ eventData: ReturnType<typeof toEventData>[][]; pinned: boolean }> {
    const eventData: ReturnType<typeof toEventData>[][] = events.map(() => []);
    // The adapter's recorded time, hashed and kept in the metadata (the server's `created` comes after).
    const recordedAt = new Date().toISOString();
    let pinned = false;
    for (const write of writes.filter((w) => w.eventCount > 0)) {
      const tip = await this.chainTip(write.streamId);
      if (!matches(write.expectedVersion, tip?.revision)) {
        throw new WrongExpectedVersionError(write.streamId, write.expectedVersion, tip?.revision);
      }
      if (write.expectedVersion === 'any' || write.expectedVersion === 'stream_exists') {
        write.expectedVersion = tip?.revision ?? 'no_stream';
        pinned = true;
      }
      const links = planChain(
        write.streamId,
        tip,
        write.parts.flatMap((p) => events[p.index]),
        recordedAt,
      );
      let offset = 0;
      for (const part of write.parts) {
        eventData[part.index] = events[part.index].map((event, i) => toEventData(event, multi, links[offset + i]));
        offset += events[part.index].length;
      }
    }
    return { eventData, pinned };
  }

  /**
   * A stream's last event and its hash, checked. A last event without a link is either from before
   * the chain (then the whole stream is, and the new events start the chain) or was appended behind
   * our back after chained ones: the whole stream is read once to tell, and the check refuses the latter.
   */
  private async chainTip(streamId: string): Promise<ChainTip | undefined> {
    const { events, readings } = await this.readChecked(streamId, { direction: 'backwards', maxCount: 1 });
    if (events.length === 0) return undefined;
    const reading = readings[0];
    if (reading.kind === 'linked') return { revision: events[0].revision, hash: reading.link.hash };
    const whole = await this.readChecked(streamId, {});
    const last = whole.events.at(-1);
    return last === undefined ? undefined : { revision: last.revision, hash: null };
  }

  private async write(
    writes: StreamWrite[],
    appends: StreamAppend[],
    eventData: ReturnType<typeof toEventData>[][],
  ): Promise<AppendResult[]> {
    const nonEmpty = writes.filter((w) => w.eventCount > 0);
    const lastRevision = new Map<string, number>();
    if (nonEmpty.length === 1) {
      const [write] = nonEmpty;
      const result = await this.client.appendToStream(
        write.streamId,
        write.parts.flatMap((p) => eventData[p.index]),
        {
          streamState: toStreamState(write.expectedVersion),
        },
      );
      lastRevision.set(write.streamId, Number(result.nextExpectedRevision));
    } else if (nonEmpty.length > 1) {
      const result = await this.client.multiStreamAppend(
        nonEmpty.map((write) => ({
          streamName: write.streamId,
          expectedState: toStreamState(write.expectedVersion),
          events: write.parts.flatMap((p) => eventData[p.index]),
        })),
      );
      for (const response of result.responses) lastRevision.set(response.streamName, Number(response.revision));
    }
    // Empty writes are version checks only: the server takes no empty append, so check by reading.
    // (Not atomic with the writes beside it; an empty part of a multi-stream append is a caller's
    // assertion at one moment, which is all the port's empty append promises.)
    for (const write of writes.filter((w) => w.eventCount === 0)) {
      const current = await this.currentRevision(write.streamId);
      if (!matches(write.expectedVersion, current)) throw new WrongExpectedVersionError(write.streamId, write.expectedVersion, current);
      if (current !== undefined) lastRevision.set(write.streamId, current);
    }

    const results: AppendResult[] = new Array<AppendResult>(appends.length);
    for (const write of writes) {
      const last = lastRevision.get(write.streamId);
      const before = last === undefined ? undefined : last - write.eventCount;
      const revisions = partRevisions(write, before !== undefined && before >= 0 ? before : undefined);
      const positions = await this.positionsOf(write.streamId, revisions);
      write.parts.forEach((part, i) => {
        results[part.index] = {
          streamId: write.streamId,
          nextExpectedVersion: revisions[i] ?? -1,
          position: revisions[i] === undefined ? 0 : (positions.get(revisions[i] as number) ?? 0),
        };
      });
    }
    return results;
  }

  /** Log positions of the given revisions of a stream, read back in one call. */
  private async positionsOf(streamId: string, revisions: (number | undefined)[]): Promise<Map<number, number>> {
    const known = revisions.filter((r): r is number => r !== undefined);
    const positions = new Map<number, number>();
    if (known.length === 0) return positions;
    const from = Math.min(...known);
    const events = await this.readStream(streamId, { fromRevision: from, maxCount: Math.max(...known) - from + 1 });
    for (const event of events) positions.set(event.revision, event.position);
    return positions;
  }

  private async currentRevision(streamId: string): Promise<number | undefined> {
    const [last] = await this.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    return last?.revision;
  }

  /** A stream's events in revision order, checked against their hash chain (HistoryTamperedError otherwise). */
  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    return (await this.readChecked(streamId, options)).events;
  }

  private async readChecked(streamId: string, options: ReadStreamOptions): Promise<{ events: StoredEvent[]; readings: ChainReading[] }> {
    this.assertOpen();
    this.assertOwned(streamId);
    assertPosition('fromRevision', options.fromRevision);
    assertCount('maxCount', options.maxCount);
    if (options.maxCount === 0) return { events: [], readings: [] };
    const backwards = options.direction === 'backwards';
    const fromRevision = options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision);
    const events: StoredEvent[] = [];
    const readings: ChainReading[] = [];
    try {
      const records = this.client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision,
        ...(options.maxCount !== undefined ? { maxCount: options.maxCount } : {}),
        // The command executor decides on what it reads here: read from the leader, never a stale follower.
        requiresLeader: true,
      });
      for await (const resolved of records) {
        const record = resolved.event;
        // System records ('$'-typed) are not ours; one in our stream shows as a revision gap below.
        if (!record || record.type.startsWith('$')) continue;
        const { event, chain } = toChainedEvent(record);
        events.push(event);
        readings.push(chain);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError || error instanceof StreamDeletedError) return { events: [], readings: [] };
      throw toPortError(error, { operation: 'readStream' });
    }
    verifyStreamChain(events, readings, { fromStreamStart: !backwards && options.fromRevision === undefined });
    return { events, readings };
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const after = options.after ?? 0;
    assertPosition('after', after);
    assertCount('maxCount', options.maxCount);
    const prefixes = scopePrefixes(this.prefixes, options.streamPrefix);
    if (prefixes.length === 0 || options.maxCount === 0) return [];
    const fromPosition = decodeLogPosition(after);
    // A start position is inclusive on the server: one more, so the event AT `after` may be dropped.
    const maxCount = options.maxCount === undefined ? undefined : options.maxCount + (fromPosition === 'start' ? 0 : 1);
    const events: StoredEvent[] = [];
    try {
      const records = this.client.readAll({
        direction: FORWARDS,
        fromPosition,
        filter: prefixFilter(prefixes),
        ...(maxCount !== undefined ? { maxCount } : {}),
      });
      for await (const resolved of records) {
        const event = this.inScope(resolved, prefixes);
        if (event && event.position > after) events.push(event);
      }
    } catch (error) {
      throw toPortError(error, { operation: 'readAll' });
    }
    return options.maxCount === undefined ? events : events.slice(0, options.maxCount);
  }

  /**
   * The hash of each chained stream's last event, for signed checkpoints. KurrentDB has no table to
   * group by, so the prefix's part of the log is read backwards once and each stream's first record
   * seen is its head. With `after` (a checkpoint after the first) the read stops at that position,
   * so it costs what was appended since. A stream whose last event has no link (written before the
   * chain) has no head yet.
   */
  async chainHeads(streamPrefix: string, options: ChainHeadsOptions = {}): Promise<{ streamId: string; revision: number; hash: string }[]> {
    const after = options.after ?? 0;
    assertPosition('after', after);
    this.assertOpen();
    const prefixes = scopePrefixes(this.prefixes, streamPrefix);
    if (prefixes.length === 0) return [];
    const seen = new Set<string>();
    const heads: { streamId: string; revision: number; hash: string }[] = [];
    try {
      const records = this.client.readAll({ direction: BACKWARDS, fromPosition: END, filter: prefixFilter(prefixes) });
      for await (const resolved of records) {
        const record = resolved.event;
        // Backwards: once at `after`, every event that is left came before it.
        if (after > 0 && record?.position && record.position.commit <= BigInt(after)) break;
        if (!record || record.type.startsWith('$') || seen.has(record.streamId)) continue;
        if (!prefixes.some((prefix) => record.streamId.startsWith(prefix))) continue;
        seen.add(record.streamId);
        const reading = readChainLink(record.metadata);
        if (reading.kind === 'linked') {
          heads.push({ streamId: record.streamId, revision: Number(record.revision), hash: reading.link.hash });
        }
      }
    } catch (error) {
      throw toPortError(error, { operation: 'chainHeads' });
    }
    // Sorted as the other stores return them (UTF-16 code units, as JCS sorts).
    return heads.sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
  }

  subscribeToAll(handler: (events: StoredEvent[]) => Promise<void>, options: SubscribeOptions = {}): Subscription {
    if (this.closing) throw new EventStoreUnavailableError('Event store is closed');
    const after = options.after ?? 0;
    assertPosition('after', after);
    decodeLogPosition(after); // validates
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be a positive integer');
    const onError = options.onError ?? ((error) => console.error('Event store subscription error; retrying', error));
    const prefixes = scopePrefixes(this.prefixes, options.streamPrefix);
    if (prefixes.length === 0) return { stop: async () => undefined };
    const subscription = new KurrentDbSubscription(handler, {
      after,
      batchSize,
      onError: (error) => onError(toPortError(error, { operation: 'subscribeToAll' })),
      open: (from) => this.client.subscribeToAll({ fromPosition: decodeLogPosition(from), filter: prefixFilter(prefixes) }),
      toEvent: (resolved) => this.inScope(resolved, prefixes),
    });
    this.subscriptions.add(subscription);
    void subscription.finished.finally(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  /** Position of the newest event in our streams (0 when there is none). */
  async headPosition(): Promise<number> {
    this.assertOpen();
    try {
      const records = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, filter: prefixFilter(this.prefixes) });
      for await (const resolved of records) {
        const event = this.inScope(resolved, this.prefixes);
        if (event) return event.position;
      }
      return 0;
    } catch (error) {
      throw toPortError(error, { operation: 'headPosition' });
    }
  }

  /** Stops every subscription (waiting for running handlers), then closes the connection. Idempotent. */
  async close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.subscriptions].map((s) => s.stop()));
      await this.client.dispose();
    })();
    return this.closing;
  }

  /** The port's event for a record of $all, or undefined when it is not one of ours (belt and braces to the server filter). */
  private inScope(resolved: AllStreamResolvedEvent | ResolvedEvent, prefixes: readonly string[]): StoredEvent | undefined {
    const record = resolved.event;
    if (!record || !prefixes.some((prefix) => record.streamId.startsWith(prefix))) return undefined;
    return ownEvent(resolved);
  }

  private assertOwned(streamId: string): void {
    assertStreamId(streamId);
    if (!isOwnedStream(this.prefixes, streamId)) {
      throw new RangeError(`Stream ${streamId} is outside this store's stream prefixes (${this.prefixes.join(', ')})`);
    }
  }

  private assertOpen(): void {
    if (this.closing) throw new EventStoreUnavailableError('Event store is closed');
  }
}

/** Our event for a record; system records ('$'-typed: stream metadata, links) are not events of ours. */
function ownEvent(resolved: AllStreamResolvedEvent | ResolvedEvent): StoredEvent | undefined {
  const record = resolved.event;
  if (!record || record.type.startsWith('$')) return undefined;
  return toChainedEvent(record).event;
}
