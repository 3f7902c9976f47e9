// Embedded event store on one SQLite file (better-sqlite3). The driver is synchronous; the async
// port wraps it. A call may block the event loop for up to busyTimeoutMs while another process
// holds the write lock: acceptable for an embedded store, and the reason appends are short.
//
// Ordering: SQLite admits one writer at a time (appends take the write lock up front with BEGIN
// IMMEDIATE) and positions are assigned inside that transaction, so position order IS commit
// order and a reader never sees position n+1 before n. That is what makes "read everything after
// my checkpoint" a safe subscription. PostgreSQL lacks this guarantee (sequence values are taken
// before commit); its adapter serialises position assignment and commit (postgres-event-store.ts).
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { CatchUpSubscription, startCatchUp } from '../catch-up-subscription';
import { assertExpectedVersion } from '../expected-version';
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
import { contentHashOfTexts, linkHash } from '../chain/event-hash';
import { verifyChain } from '../chain/verify-chain';
import { EventRow, toCanonicalJsonObject, toJsonObject, toStoredEvent } from './event-rows';
import { chainHeadsInWorker, chainHeadsQuery, type ChainHeadRow } from './chain-heads-query';
import { migrate } from './schema';
import { DuplicateEventIdError, isDuplicateEventId, isRevisionConflict, unavailable } from './sqlite-errors';
import { ensurePrivateDatabaseFile, ensurePrivateDir } from './private-files';

export interface SqliteEventStoreOptions {
  /** Database file; its directory is created if missing. ':memory:' works for throwaway stores. */
  filename: string;
  /**
   * FULL (default): each acknowledged append is fsynced and survives a power loss.
   * NORMAL: survives a process crash, but the last commits may be lost on power loss or OS crash.
   */
  synchronous?: 'FULL' | 'NORMAL';
  /** How often an idle subscription re-reads to see appends made by other processes. Default 100. */
  pollIntervalMs?: number;
  /** How long a call waits for another process's write lock before failing. Default 5000. */
  busyTimeoutMs?: number;
  /**
   * Benchmark only (bench/chain.bench.js measures what the chain costs): appends write no hash
   * chain, so reading those streams fails with HistoryTamperedError. Never set it in the product.
   */
  benchmarkWithoutHashChain?: boolean;
}

const DEFAULT_BATCH_SIZE = 500;
const NO_LIMIT = -1; // SQLite: a negative LIMIT means no limit.

/** One caller's appendToStreams waiting for the next group commit. */
interface QueuedAppend {
  prepared: PreparedAppend[];
  resolve: (results: AppendResult[]) => void;
  reject: (error: unknown) => void;
}

type AppendOutcome = { results: AppendResult[] } | { error: unknown };

/** A serialised event ready to insert; serialising first keeps caller bugs out of the transaction. */
interface PreparedAppend {
  streamId: string;
  expectedVersion: ExpectedVersion;
  rows: { id: string; type: string; data: string; metadata: string; contentHash: string | null }[];
}

export class SqliteEventStore implements EventStore {
  /** Fired after each commit so same-process subscribers wake at once instead of at the next poll. */
  private readonly appended = new EventEmitter().setMaxListeners(0);
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly commitGroup: (batch: QueuedAppend[]) => AppendOutcome[];
  private queue: QueuedAppend[] = [];
  private flushScheduled = false;
  /** closing: no new subscriptions; closed: no calls at all (set once handlers have drained). */
  private closing: Promise<void> | undefined;
  private closed = false;

  private constructor(
    private readonly db: Database.Database,
    private readonly pollIntervalMs: number,
    private readonly withChain: boolean,
    /** The database file for a worker thread's own connection; undefined for an in-memory store. */
    private readonly file: { filename: string; busyTimeoutMs: number } | undefined,
  ) {
    this.statements = prepareStatements(db);
    // Group commit: the appends that arrive within one turn of the event loop share ONE
    // transaction and so one fsync, which is what a synchronous=FULL commit costs. Each caller's
    // append runs as a nested transaction, which better-sqlite3 makes a SAVEPOINT: a version
    // conflict rolls back that caller's events alone, and the others still commit.
    const appendAtomically = db.transaction((appends: PreparedAppend[]) => appends.map((a) => this.appendInTransaction(a)));
    // IMMEDIATE: take the write lock before reading the current revisions, so no other writer
    // can slip in between the check and the insert.
    const group = db.transaction((batch: QueuedAppend[]) =>
      batch.map((item): AppendOutcome => {
        try {
          return { results: appendAtomically(item.prepared) };
        } catch (error) {
          return { error };
        }
      }),
    );
    this.commitGroup = (batch) => group.immediate(batch);
  }

  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    const { filename, synchronous = 'FULL', pollIntervalMs = 100, busyTimeoutMs = 5000, benchmarkWithoutHashChain = false } = options;
    let db: Database.Database | undefined;
    const onDisk = filename !== ':memory:' && filename !== '';
    try {
      if (onDisk) {
        ensurePrivateDir(dirname(filename));
        ensurePrivateDatabaseFile(filename);
      }
      db = new Database(filename);
      db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
      // WAL: readers (subscriptions, queries) never block the writer nor each other.
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
      db.pragma('foreign_keys = ON');
      migrate(db);
      return new SqliteEventStore(db, pollIntervalMs, !benchmarkWithoutHashChain, onDisk ? { filename, busyTimeoutMs } : undefined);
    } catch (error) {
      db?.close();
      throw unavailable(`open of ${filename}`, error);
    }
  }

  async appendToStream(streamId: string, events: NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
    const [result] = await this.appendToStreams([{ streamId, events, expectedVersion }]);
    return result;
  }

  /** Acknowledged (resolved) only after the group's commit, so an acknowledged append is durable. */
  async appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]> {
    const prepared = appends.map((a) => prepareAppend(a, this.withChain));
    this.assertOpen();
    return new Promise<AppendResult[]>((resolve, reject) => {
      this.queue.push({ prepared, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        // setImmediate runs after the I/O callbacks of this turn: requests that arrived together
        // get to queue their appends before the commit.
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    let outcomes: AppendOutcome[];
    try {
      outcomes = this.run('append', () => this.commitGroup(batch));
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    let wrote = false;
    outcomes.forEach((outcome, i) => {
      if ('error' in outcome) {
        batch[i].reject(appendError(outcome.error));
      } else {
        wrote ||= batch[i].prepared.some((a) => a.rows.length > 0);
        batch[i].resolve(outcome.results);
      }
    });
    if (wrote) this.appended.emit('appended');
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    assertStreamId(streamId);
    assertPosition('fromRevision', options.fromRevision);
    assertCount('maxCount', options.maxCount);
    const limit = options.maxCount ?? NO_LIMIT;
    const rows = this.run('readStream', () =>
      options.direction === 'backwards'
        ? this.statements.readStreamBackwards.all(streamId, options.fromRevision ?? Number.MAX_SAFE_INTEGER, limit)
        : this.statements.readStream.all(streamId, options.fromRevision ?? 0, limit),
    );
    const events = rows.map(toStoredEvent);
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

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    return this.readAllSync(options.after ?? 0, options.maxCount, options.streamPrefix);
  }

  /**
   * A running subscription keeps its poll timer armed, so it keeps the process alive (a projector
   * worker needs exactly that); close() or stop() ends it.
   */
  subscribeToAll(handler: (events: StoredEvent[]) => Promise<void>, options: SubscribeOptions = {}): Subscription {
    if (this.closing) throw new EventStoreUnavailableError('Event store is closed');
    return startCatchUp(
      {
        read: async (after, maxCount, streamPrefix) => this.readAllSync(after, maxCount, streamPrefix),
        appended: this.appended,
        subscriptions: this.subscriptions,
        pollIntervalMs: this.pollIntervalMs,
        defaultBatchSize: DEFAULT_BATCH_SIZE,
      },
      handler,
      options,
    );
  }

  /** Read in a worker thread for a file store (see chain-heads-query.ts): the full list reads every stream's last event. */
  async chainHeads(streamPrefix: string, options: ChainHeadsOptions = {}): Promise<{ streamId: string; revision: number; hash: string }[]> {
    const after = options.after ?? 0;
    assertPosition('after', after);
    this.assertOpen();
    let rows: ChainHeadRow[];
    if (this.file) {
      try {
        rows = await chainHeadsInWorker(this.file.filename, streamPrefix, after, this.file.busyTimeoutMs);
      } catch (error) {
        throw unavailable('chainHeads', error);
      }
    } else {
      const { sql, parameters } = chainHeadsQuery(streamPrefix, after);
      rows = this.run('chainHeads', () => this.db.prepare(sql).all(parameters) as ChainHeadRow[]);
    }
    return rows.map((r) => ({ streamId: r.stream_id, revision: r.revision, hash: r.hash ?? '' }));
  }

  async headPosition(): Promise<number> {
    return this.run('headPosition', () => (this.statements.head.get() as { head: number }).head);
  }

  /** Stops every subscription (waiting for running handlers), then closes the file. Idempotent. */
  async close(): Promise<void> {
    this.closing ??= (async () => {
      // Handlers still running may read the store while they finish, so close the file after them.
      await Promise.all([...this.subscriptions].map((s) => s.stop()));
      this.flush(); // appends already accepted are committed, not dropped
      this.closed = true;
      this.db.close();
    })();
    return this.closing;
  }

  private appendInTransaction({ streamId, expectedVersion, rows }: PreparedAppend): AppendResult {
    const last = this.statements.lastOfStream.get(streamId) as { revision: number; position: number; hash: string | null } | undefined;
    assertExpectedVersion(streamId, expectedVersion, last?.revision);
    let revision = last?.revision ?? -1;
    let position = last?.position ?? 0;
    // Read under the write lock (BEGIN IMMEDIATE), so the link is to the expected revision's event.
    let previousHash = last?.hash ?? null;
    const recordedAt = new Date().toISOString();
    for (const row of rows) {
      revision++;
      const hash =
        row.contentHash === null ? null : linkHash({ streamId, revision, recordedAt, contentHash: row.contentHash, previousHash });
      position = this.insert(streamId, expectedVersion, revision, row, recordedAt, hash, previousHash);
      previousHash = hash;
    }
    return { streamId, nextExpectedVersion: revision, position };
  }

  /** Inserts one event; throwing here rolls back the whole append. Returns its position. */
  private insert(
    streamId: string,
    expectedVersion: ExpectedVersion,
    revision: number,
    row: PreparedAppend['rows'][number],
    recordedAt: string,
    hash: string | null,
    previousHash: string | null,
  ): number {
    try {
      const info = this.statements.insert.run(row.id, streamId, revision, row.type, row.data, row.metadata, recordedAt, hash, previousHash);
      return Number(info.lastInsertRowid);
    } catch (error) {
      if (isRevisionConflict(error)) {
        // Defensive: BEGIN IMMEDIATE makes this unreachable for our own writers, but a writer that
        // skips the check (another tool on the same file) would surface here as a lost race.
        const current = this.statements.lastOfStream.get(streamId) as { revision: number } | undefined;
        throw new WrongExpectedVersionError(streamId, expectedVersion, current?.revision);
      }
      if (isDuplicateEventId(error)) throw new DuplicateEventIdError(row.id);
      throw error;
    }
  }

  private readAllSync(after: number, maxCount: number | undefined, streamPrefix: string | undefined): StoredEvent[] {
    assertPosition('after', after);
    assertCount('maxCount', maxCount);
    const limit = maxCount ?? NO_LIMIT;
    const rows = this.run('readAll', () =>
      streamPrefix === undefined || streamPrefix === ''
        ? this.statements.readAll.all(after, limit)
        : this.statements.readAllWithPrefix.all({ after, prefix: streamPrefix, limit }),
    );
    return rows.map(toStoredEvent);
  }

  /** Runs a database call; anything but a version conflict or caller error becomes "unavailable". */
  private run<T>(operation: string, call: () => T): T {
    this.assertOpen();
    try {
      return call();
    } catch (error) {
      if (error instanceof WrongExpectedVersionError || isCallerError(error)) throw error;
      throw unavailable(operation, error);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError('Event store is closed');
  }
}

/** A caller's failed append inside a group: its own conflict or bug as is, anything else "unavailable". */
function appendError(error: unknown): unknown {
  if (error instanceof WrongExpectedVersionError || isCallerError(error)) return error;
  return unavailable('append', error);
}

function prepareStatements(db: Database.Database) {
  const columns = 'position, id, stream_id, revision, type, data, metadata, recorded_at';
  return {
    lastOfStream: db.prepare('SELECT revision, position, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1'),
    insert: db.prepare(
      'INSERT INTO events (id, stream_id, revision, type, data, metadata, recorded_at, hash, previous_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    readStream: db.prepare<[string, number, number], EventRow>(
      `SELECT ${columns}, hash, previous_hash FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
    ),
    readStreamBackwards: db.prepare<[string, number, number], EventRow>(
      `SELECT ${columns}, hash, previous_hash FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    ),
    readAll: db.prepare<[number, number], EventRow>(`SELECT ${columns} FROM events WHERE position > ? ORDER BY position LIMIT ?`),
    // substr rather than LIKE: LIKE is case-insensitive and treats % and _ in the prefix as wildcards.
    // This scans the log after `after`; fine at our volumes, revisit with an index if prefixes get rare.
    readAllWithPrefix: db.prepare<[{ after: number; prefix: string; limit: number }], EventRow>(
      `SELECT ${columns} FROM events
        WHERE position > @after AND substr(stream_id, 1, length(@prefix)) = @prefix
        ORDER BY position LIMIT @limit`,
    ),
    head: db.prepare('SELECT COALESCE(MAX(position), 0) AS head FROM events'),
  };
}

/** Validates and serialises outside the transaction, so a bad event never holds the write lock. */
function prepareAppend({ streamId, expectedVersion, events }: StreamAppend, withChain: boolean): PreparedAppend {
  assertStreamId(streamId);
  return {
    streamId,
    expectedVersion,
    rows: events.map((event) => {
      if (typeof event.type !== 'string' || event.type === '') throw new TypeError('Event type must be a non-empty string');
      const id = event.id ?? randomUUID();
      if (!withChain)
        return {
          id,
          type: event.type,
          data: toJsonObject('data', event.data),
          metadata: toJsonObject('metadata', event.metadata),
          contentHash: null,
        };
      // Stored as the canonical (JCS) text the chain hashes: one serialisation, outside the write lock.
      const data = toCanonicalJsonObject('data', event.data);
      const metadata = toCanonicalJsonObject('metadata', event.metadata);
      const hash = contentHashOfTexts(id, event.type, data, metadata);
      return { id, type: event.type, data, metadata, contentHash: hash };
    }),
  };
}

/** Bad arguments or a reused event id: the caller must fix them, retrying would not help. */
function isCallerError(error: unknown): boolean {
  return error instanceof TypeError || error instanceof RangeError || error instanceof DuplicateEventIdError;
}
