// Event store on PostgreSQL (node-postgres), for deployments with several api/projector processes.
//
// Ordering — why a subscriber's checkpoint is safe. A plain sequence is not: a transaction that
// took position 11 can commit after one that took 12, and a reader that saw 12 skips 11 forever.
// Here every append transaction runs one function (schema.ts) that first takes a transaction-level
// advisory lock (key derived from the schema), then reads max(position), inserts its events with
// the next positions and commits. PostgreSQL releases a transaction's locks only after its commit
// is visible to new snapshots (xact.c: ProcArrayEndTransaction before the lock release), so the
// next holder's positions are larger AND every smaller position is already visible: position order
// is commit order, positions have no gaps, and "read everything after my checkpoint" never misses
// a late commit. The race test (postgres-event-store.int.spec.ts) checks this with writers in several
// processes against a live subscriber.
//
// Throughput: holding one lock per schema serialises commits, so each process batches (group
// commit, like the SQLite adapter): the appends that arrive while a group is committing form the
// next group, ONE statement and ONE fsync for all of them. The function checks every caller's
// expected versions before writing its events, so a conflict needs no rollback; only a constraint
// violation (a reused event id) makes the group run again with one subtransaction per caller, so
// one caller's failure never fails the others. The lock is held for one function call and the
// commit, never across a round trip to this process.
//
// Wake-up: the append function calls pg_notify, delivered at commit to every LISTENing store;
// subscriptions also poll (pollIntervalMs) in case a notification is missed. NOTIFY takes
// PostgreSQL's cluster-wide notify-queue lock at commit; our commits are serialised anyway, so it
// costs little here, but other applications that NOTIFY on the same cluster share that lock.
//
// An append whose connection breaks after the server committed it is reported as unavailable; a
// retry that reuses the same event ids gets DuplicateEventIdError instead of a second copy.
//
// Alternative considered: order by transaction id and read only below the oldest transaction in
// flight (Marten, Emmett). It lets writers commit in parallel, but positions get gaps, reads need
// pg_snapshot_xmin bookkeeping, and any long transaction on the server stalls every subscriber.
// Serialised commits with group commit meet our targets (bench/append.bench.js) with less to prove.
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Pool, PoolClient, PoolConfig } from 'pg';
import { CatchUpSubscription, startCatchUp } from '../catch-up-subscription';
import { CoalescedLogReads } from '../coalesced-log-reads';
import { DuplicateEventIdError } from '../duplicate-event-id-error';
import { toCanonicalJsonObject, toJsonObject } from '../event-json';
import {
  AppendResult,
  ChainHeadsOptions,
  EventMetadata,
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
import { contentHashOfTexts } from '../chain/event-hash';
import { verifyChain } from '../chain/verify-chain';
import { NotificationListener } from './notification-listener';
import { duplicateIdFromDetail, isUniqueViolation, streamFromRevisionDetail, unavailable } from './postgres-errors';
import { appendOneFunctionSql, migrate, SchemaNames, schemaNames } from './schema';

export interface PostgresEventStoreOptions {
  /** e.g. postgres://user:password@host:5432/database */
  connectionString: string;
  /** Schema holding the events table; created if missing. Default 'public'. */
  schema?: string;
  /** Most connections this instance opens for appends and reads (plus one for LISTEN). Default 10. */
  poolSize?: number;
  /** Idle re-read interval of subscriptions, the fallback when a NOTIFY is missed. Default 1000. */
  pollIntervalMs?: number;
  /** How long to wait for a connection before failing with EventStoreUnavailableError. Default 5000. */
  connectionTimeoutMs?: number;
  /**
   * Benchmark only (bench/chain.bench.js measures what the chain costs): this schema's append
   * function is replaced by the one without the chain and appends compute no content hash, so
   * reading those streams fails with HistoryTamperedError. The change stays with the schema, so it
   * is refused unless the schema holds no events yet. Never set it in the product.
   */
  benchmarkWithoutHashChain?: boolean;
}

const DEFAULT_BATCH_SIZE = 500;
/** Bounds one group transaction; the rest waits for the next group. */
const MAX_GROUP_CALLERS = 500;
const MAX_GROUP_EVENTS = 2000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One caller's appendToStreams waiting for the next group commit. */
interface QueuedAppend {
  appends: { streamId: string; expectedVersion: ExpectedVersion; eventIds: string[] }[];
  /** The caller's appends as the append function's JSON input, serialised before queueing. */
  json: string;
  eventCount: number;
  resolve: (results: AppendResult[]) => void;
  reject: (error: unknown) => void;
}

/** What the append function reports for one caller (schema.ts). */
type Outcome =
  { ok: [number, number][]; position: number } | { conflict: number; actual: number | null } | { unique: string; detail: string };

interface EventRow {
  position: string; // bigint: node-postgres returns it as a string
  id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: Record<string, unknown>; // json: parsed by node-postgres
  metadata: EventMetadata;
  recorded_at: Date;
  /** Chain columns: only selected where the chain is checked (reads of one stream). */
  hash?: string | null;
  previous_hash?: string | null;
}

const COLUMNS = 'position, id, stream_id, revision, type, data, metadata, recorded_at';
const COLUMNS_WITHOUT_JSON = 'position, id, stream_id, revision, type, recorded_at';

/** A row with data and metadata as the text stored (`::text`), not parsed by node-postgres. */
type EventTextRow = Omit<EventRow, 'data' | 'metadata'> & { data: string; metadata: string };

export class PostgresEventStore implements EventStore {
  /** Fired after each of this process's commits (and each NOTIFY) so subscribers wake at once. */
  private readonly appended = new EventEmitter().setMaxListeners(0);
  /** The subscriptions' reads of the log: one for all that ask for the same events at once. */
  private readonly logReads = new CoalescedLogReads(
    (after, maxCount, streamPrefix) => this.readAllAfter(after, maxCount, streamPrefix),
    this.appended,
  );
  /**
   * The highest position subscribers were woken for. A NOTIFY is also delivered to the process that
   * appended, right beside its own signal: the second of the two would wake every subscription for
   * a read that finds nothing. Positions commit in order, so a wake-up for p covers all up to p.
   */
  private signalledThrough = 0;
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private listener: NotificationListener | undefined;
  private queue: QueuedAppend[] = [];
  private flushScheduled = false;
  /** The group being committed; the next group forms meanwhile. */
  private inFlight: Promise<void> | undefined;
  private closing: Promise<void> | undefined;
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    private readonly poolConfig: PoolConfig,
    private readonly names: SchemaNames,
    private readonly pollIntervalMs: number,
    private readonly withChain: boolean,
  ) {}

  /** Connects, creates the schema and its tables if missing, and returns the store. */
  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const { connectionString, schema = 'public', poolSize = 10, pollIntervalMs = 1000, connectionTimeoutMs = 5000 } = options;
    const withChain = options.benchmarkWithoutHashChain !== true;
    if (typeof connectionString !== 'string' || connectionString === '') {
      throw new TypeError('connectionString must be a non-empty string');
    }
    if (!Number.isInteger(poolSize) || poolSize < 1) throw new RangeError('poolSize must be a positive integer');
    const names = schemaNames(schema);
    const poolConfig: PoolConfig = {
      connectionString,
      max: poolSize,
      connectionTimeoutMillis: connectionTimeoutMs,
      application_name: 'gzc-event-store',
      // TCP keepalive: a server that vanished without closing the connection is noticed eventually.
      keepAlive: true,
    };
    const pool = new Pool(poolConfig);
    let chainRefusal: TypeError | undefined;
    // An idle pooled connection that breaks emits 'error' on the pool; unhandled, that would crash
    // the process. The pool drops that client; the next query opens a fresh one.
    pool.on('error', (error) => console.error('Event store: idle PostgreSQL connection failed', error.message));
    try {
      const client = await pool.connect();
      try {
        await migrate(client, names);
        if (!withChain) chainRefusal = await dropChainForBenchmark(client, names);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw unavailable(`open of schema ${schema}`, error);
    }
    if (chainRefusal !== undefined) {
      await pool.end().catch(() => undefined);
      throw chainRefusal;
    }
    return new PostgresEventStore(pool, poolConfig, names, pollIntervalMs, withChain);
  }

  async appendToStream(streamId: string, events: NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
    const [result] = await this.appendToStreams([{ streamId, events, expectedVersion }]);
    return result;
  }

  /** Acknowledged (resolved) only after the group's commit, so an acknowledged append is durable. */
  async appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]> {
    const prepared = prepareCaller(appends, this.withChain);
    this.assertOpen();
    return new Promise<AppendResult[]>((resolve, reject) => {
      this.queue.push({ ...prepared, resolve, reject });
      this.scheduleFlush();
    });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    assertStreamId(streamId);
    assertPosition('fromRevision', options.fromRevision);
    assertCount('maxCount', options.maxCount);
    const backwards = options.direction === 'backwards';
    // data and metadata as their stored text (json keeps it exactly): new rows are hashed from it as is.
    const columns = `${COLUMNS_WITHOUT_JSON}, data::text AS data, metadata::text AS metadata, hash, previous_hash`;
    const rows = await this.query<EventTextRow>(
      'readStream',
      backwards
        ? `SELECT ${columns} FROM ${this.names.events}
            WHERE stream_id = $1 AND revision <= $2::bigint ORDER BY revision DESC LIMIT $3`
        : `SELECT ${columns} FROM ${this.names.events}
            WHERE stream_id = $1 AND revision >= $2::bigint ORDER BY revision LIMIT $3`,
      [streamId, options.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0), options.maxCount ?? null],
    );
    const events = rows.map((r) =>
      toStoredEvent({ ...r, data: JSON.parse(r.data) as Record<string, unknown>, metadata: JSON.parse(r.metadata) as EventMetadata }),
    );
    // Every read of a stream is checked against its chain: an edited row fails loudly here.
    verifyChain(
      events,
      rows.map((r) => ({
        hash: r.hash ?? null,
        previousHash: r.previous_hash ?? null,
        storedText: { data: r.data, metadata: r.metadata },
      })),
    );
    return events;
  }

  async chainHeads(streamPrefix: string, options: ChainHeadsOptions = {}): Promise<{ streamId: string; revision: number; hash: string }[]> {
    const after = options.after ?? 0;
    assertPosition('after', after);
    // With `after`: the streams of the events after it (the position index), then their last event.
    const rows = await this.query<{ stream_id: string; revision: number; hash: string | null }>(
      'chainHeads',
      after > 0
        ? `SELECT DISTINCT ON (stream_id) stream_id, revision, hash FROM ${this.names.events}
            WHERE stream_id IN (SELECT DISTINCT stream_id FROM ${this.names.events} WHERE position > $2 AND left(stream_id, length($1)) = $1)
            ORDER BY stream_id, revision DESC`
        : `SELECT DISTINCT ON (stream_id) stream_id, revision, hash FROM ${this.names.events}
            WHERE left(stream_id, length($1)) = $1 ORDER BY stream_id, revision DESC`,
      after > 0 ? [streamPrefix, after] : [streamPrefix],
    );
    return rows.map((r) => ({ streamId: r.stream_id, revision: r.revision, hash: r.hash ?? '' }));
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    return this.readAllAfter(options.after ?? 0, options.maxCount, options.streamPrefix);
  }

  /**
   * A running subscription keeps its poll timer armed, so it keeps the process alive (a projector
   * worker needs exactly that); close() or stop() ends it.
   */
  subscribeToAll(handler: (events: StoredEvent[]) => Promise<void>, options: SubscribeOptions = {}): Subscription {
    if (this.closing) throw new EventStoreUnavailableError('Event store is closed');
    // Other processes' appends arrive by NOTIFY; one listening connection serves every subscription.
    this.listener ??= new NotificationListener(this.poolConfig, this.names.channel, (position) => this.signal(position));
    return startCatchUp(
      {
        read: (after, maxCount, streamPrefix) => this.logReads.read(after, maxCount, streamPrefix),
        appended: this.appended,
        subscriptions: this.subscriptions,
        pollIntervalMs: this.pollIntervalMs,
        defaultBatchSize: DEFAULT_BATCH_SIZE,
      },
      handler,
      options,
    );
  }

  async headPosition(): Promise<number> {
    const [row] = await this.query<{ head: string }>(
      'headPosition',
      `SELECT coalesce(max(position), 0) AS head FROM ${this.names.events}`,
      [],
    );
    return Number(row.head);
  }

  /** Stops every subscription (waiting for running handlers), commits queued appends, ends the pool. Idempotent. */
  async close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.subscriptions].map((s) => s.stop()));
      // Appends already accepted are committed, not dropped.
      while (this.inFlight || this.queue.length > 0) {
        if (!this.inFlight) this.startFlush();
        await this.inFlight;
      }
      this.closed = true;
      await this.listener?.stop();
      await this.pool.end();
    })();
    return this.closing;
  }

  private scheduleFlush(): void {
    if (this.inFlight || this.flushScheduled) return;
    this.flushScheduled = true;
    // setImmediate runs after this turn's I/O callbacks: requests that arrived together get to
    // queue their appends before the group is sent.
    setImmediate(() => {
      this.flushScheduled = false;
      if (!this.inFlight) this.startFlush();
    });
  }

  private startFlush(): void {
    const group = this.takeGroup();
    if (group.length === 0) return;
    this.inFlight = this.commitGroup(group).finally(() => {
      this.inFlight = undefined;
      if (this.queue.length > 0) this.scheduleFlush();
    });
  }

  private takeGroup(): QueuedAppend[] {
    let events = 0;
    let count = 0;
    while (count < this.queue.length && count < MAX_GROUP_CALLERS) {
      events += this.queue[count].eventCount;
      if (count > 0 && events > MAX_GROUP_EVENTS) break;
      count++;
    }
    return this.queue.splice(0, count);
  }

  /** Never rejects: every caller's promise is settled with its own outcome. */
  private async commitGroup(group: QueuedAppend[]): Promise<void> {
    const input = `[${group.map((item) => item.json).join(',')}]`;
    let outcomes: Outcome[];
    try {
      try {
        outcomes = await this.callAppend(input, false);
      } catch (error) {
        // A constraint violation (a reused event id) failed the whole statement, so nothing was
        // written; run the group again with one subtransaction per caller to fail that caller alone.
        if (!isUniqueViolation(error)) throw error;
        outcomes = await this.callAppend(input, true);
      }
    } catch (error) {
      const failure = unavailable('append', error);
      for (const item of group) item.reject(failure);
      return;
    }
    let through = 0;
    await Promise.all(
      group.map(async (item, i) => {
        const outcome = outcomes[i];
        if ('ok' in outcome) {
          if (item.eventCount > 0) through = Math.max(through, outcome.position);
          item.resolve(
            outcome.ok.map(([nextExpectedVersion, position], j) => ({
              streamId: item.appends[j].streamId,
              nextExpectedVersion,
              position,
            })),
          );
        } else {
          item.reject(await this.failureOf(item, outcome));
        }
      }),
    );
    if (through > 0) this.signal(through);
  }

  /** Wakes the subscriptions for commits up to `through` (undefined: unknown, e.g. after a reconnect). */
  private signal(through: number | undefined): void {
    if (through !== undefined && through <= this.signalledThrough) return;
    if (through !== undefined) this.signalledThrough = through;
    this.appended.emit('appended');
  }

  private async callAppend(input: string, isolate: boolean): Promise<Outcome[]> {
    const { rows } = await this.pool.query<{ outcomes: Outcome[] }>({
      // Named: each connection parses and plans it once, then only binds and executes.
      name: `gzc_event_store_append_${this.names.schema}`,
      text: `SELECT ${this.names.appendFunction}($1::jsonb, $2) AS outcomes`,
      values: [input, isolate],
    });
    return rows[0].outcomes;
  }

  private async failureOf(item: QueuedAppend, outcome: Exclude<Outcome, { ok: unknown }>): Promise<unknown> {
    if ('conflict' in outcome) {
      const { streamId, expectedVersion } = item.appends[outcome.conflict];
      return new WrongExpectedVersionError(streamId, expectedVersion, outcome.actual ?? undefined);
    }
    if (outcome.unique === 'events_id_unique') {
      const id = duplicateIdFromDetail(outcome.detail);
      return new DuplicateEventIdError(id ?? item.appends.flatMap((a) => a.eventIds).join(', '));
    }
    if (outcome.unique === 'events_stream_revision_unique') {
      // Only a writer that bypasses this store (and its lock) can take a revision under our feet.
      const streamId = streamFromRevisionDetail(outcome.detail);
      const append = item.appends.find((a) => a.streamId === streamId) ?? item.appends[0];
      const [last] = await this.readStream(append.streamId, { direction: 'backwards', maxCount: 1 }).catch(() => []);
      return new WrongExpectedVersionError(append.streamId, append.expectedVersion, last?.revision);
    }
    return unavailable('append', new Error(`unexpected constraint violation ${outcome.unique}: ${outcome.detail}`));
  }

  private async readAllAfter(after: number, maxCount: number | undefined, streamPrefix: string | undefined): Promise<StoredEvent[]> {
    assertPosition('after', after);
    assertCount('maxCount', maxCount);
    const rows =
      streamPrefix === undefined || streamPrefix === ''
        ? await this.query<EventRow>(
            'readAll',
            `SELECT ${COLUMNS} FROM ${this.names.events} WHERE position > $1 ORDER BY position LIMIT $2`,
            [after, maxCount ?? null],
          )
        : // starts_with: LIKE would treat % and _ in the prefix as wildcards.
          await this.query<EventRow>(
            'readAll',
            `SELECT ${COLUMNS} FROM ${this.names.events}
              WHERE position > $1 AND starts_with(stream_id, $3) ORDER BY position LIMIT $2`,
            [after, maxCount ?? null, streamPrefix],
          );
    return rows.map(toStoredEvent);
  }

  /** Runs a read; any failure of the server or connection becomes EventStoreUnavailableError. */
  private async query<T extends object>(operation: string, sql: string, params: unknown[]): Promise<T[]> {
    this.assertOpen();
    try {
      return (await this.pool.query<T>(sql, params)).rows;
    } catch (error) {
      throw unavailable(operation, error);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('Event store is closed');
  }
}

/**
 * benchmarkWithoutHashChain: the append function of the version before the chain, in an empty
 * schema only. Returns the caller's error (not a database failure) when the schema has events.
 */
async function dropChainForBenchmark(client: PoolClient, names: SchemaNames): Promise<TypeError | undefined> {
  const { rowCount } = await client.query(`SELECT 1 FROM ${names.events} LIMIT 1`);
  if (rowCount !== 0) return new TypeError(`benchmarkWithoutHashChain needs a schema without events; ${names.schema} has events`);
  await client.query(appendOneFunctionSql(names, 'without-chain'));
  return undefined;
}

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    id: row.id,
    streamId: row.stream_id,
    revision: row.revision,
    position: Number(row.position),
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at.toISOString(),
  };
}

/**
 * Validates and serialises one caller's appends before queueing, so a bad event never reaches the
 * group transaction (caller bugs throw TypeError/RangeError/DuplicateEventIdError here).
 */
function prepareCaller(appends: StreamAppend[], withChain: boolean): Omit<QueuedAppend, 'resolve' | 'reject'> {
  if (!Array.isArray(appends)) throw new TypeError('appends must be an array');
  const seenIds = new Set<string>();
  let eventCount = 0;
  const parts: string[] = [];
  const prepared = appends.map(({ streamId, expectedVersion, events }) => {
    assertStreamId(streamId);
    // PostgreSQL text cannot hold U+0000 (data and metadata can: they stay escaped JSON).
    if (streamId.includes('\u0000')) throw new TypeError('streamId must not contain U+0000');
    if (!Array.isArray(events)) throw new TypeError('events must be an array');
    const eventIds: string[] = [];
    const eventParts = events.map((event) => {
      if (typeof event.type !== 'string' || event.type === '' || event.type.includes('\u0000')) {
        throw new TypeError('Event type must be a non-empty string without U+0000');
      }
      const id = eventId(event.id);
      // Two events of one call with the same id: the second insert would fail; say so up front.
      if (seenIds.has(id)) throw new DuplicateEventIdError(id);
      seenIds.add(id);
      eventIds.push(id);
      // Data and metadata travel as JSON strings; see the append function's input in schema.ts.
      if (!withChain) {
        const [data, metadata] = [toJsonObject('data', event.data), toJsonObject('metadata', event.metadata)];
        return `{"i":"${id}","t":${JSON.stringify(event.type)},"d":${JSON.stringify(data)},"m":${JSON.stringify(metadata)}}`;
      }
      // Stored as the canonical (JCS) text the chain hashes (json keeps the text as is), so each
      // event is serialised once; the link is made in SQL.
      const data = toCanonicalJsonObject('data', event.data);
      const metadata = toCanonicalJsonObject('metadata', event.metadata);
      const h = contentHashOfTexts(id, event.type, data, metadata);
      return `{"i":"${id}","t":${JSON.stringify(event.type)},"d":${JSON.stringify(data)},"m":${JSON.stringify(metadata)},"h":"${h}"}`;
    });
    eventCount += events.length;
    parts.push(`{"s":${JSON.stringify(streamId)},"e":${expectedVersionJson(expectedVersion)},"ev":[${eventParts.join(',')}]}`);
    return { streamId, expectedVersion, eventIds };
  });
  return { appends: prepared, json: `[${parts.join(',')}]`, eventCount };
}

/** The id column is a uuid: a caller-supplied id must be one (stored and returned in lower case). */
function eventId(id: string | undefined): string {
  if (id === undefined) return randomUUID();
  if (typeof id !== 'string' || !UUID.test(id)) throw new TypeError(`Event id must be a UUID, got ${String(id)}`);
  return id.toLowerCase();
}

/** Anything that is neither a known keyword nor a safe integer can never match: a conflict, as in SQLite. */
function expectedVersionJson(expected: ExpectedVersion): string {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return `"${expected}"`;
  if (Number.isSafeInteger(expected)) return String(expected);
  return '"never"';
}
