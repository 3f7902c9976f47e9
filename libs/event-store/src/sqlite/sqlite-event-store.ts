// Embedded event store on one SQLite file (better-sqlite3). The driver is synchronous; the async
// port wraps it. A file store's appends commit in a worker thread (commit-thread.ts), so neither
// their fsync nor a wait for another process's write lock (up to busyTimeoutMs) holds the event
// loop; reads run here, and in WAL mode they wait for no writer.
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
import { CoalescedLogReads } from '../coalesced-log-reads';
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
import { contentHashOfTexts } from '../chain/event-hash';
import { verifyChain } from '../chain/verify-chain';
import { EventRow, toCanonicalJsonObject, toJsonObject, toStoredEvent } from './event-rows';
import { chainHeadsInWorker, chainHeadsQuery, type ChainHeadRow } from './chain-heads-query';
import { migrate } from './schema';
import { DuplicateEventIdError, unavailable } from './sqlite-errors';
import { CommitOutcome, compileGroupCommit, GroupCommit, PreparedAppend, refusalError } from './group-commit-program';
import { CommitThread } from './commit-thread';
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

export class SqliteEventStore implements EventStore {
  /** Fired after each commit so same-process subscribers wake at once instead of at the next poll. */
  private readonly appended = new EventEmitter().setMaxListeners(0);
  /** The subscriptions' reads of the log: one for all that ask for the same events at once. */
  private readonly logReads = new CoalescedLogReads(
    async (after, maxCount, streamPrefix) => this.readAllSync(after, maxCount, streamPrefix),
    this.appended,
  );
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private readonly statements: ReturnType<typeof prepareStatements>;
  /**
   * Group commit: the appends that arrive within one turn of the event loop share ONE transaction
   * and so one fsync (group-commit-program.ts). A file store commits in a worker thread, one group
   * at a time, while the next group gathers; an in-memory store commits here.
   */
  private readonly committer: { thread: CommitThread } | { inProcess: GroupCommit };
  private queue: QueuedAppend[] = [];
  private flushScheduled = false;
  /** The group the commit thread is committing; the next flush waits for it. */
  private inFlight: Promise<void> | undefined;
  /** closing: no new subscriptions; closed: no calls at all (set once handlers have drained). */
  private closing: Promise<void> | undefined;
  private closed = false;

  private constructor(
    private readonly db: Database.Database,
    private readonly pollIntervalMs: number,
    private readonly withChain: boolean,
    /** The database file for worker threads' own connections; undefined for an in-memory store. */
    private readonly file: { filename: string; busyTimeoutMs: number; synchronous: 'FULL' | 'NORMAL' } | undefined,
  ) {
    this.statements = prepareStatements(db);
    if (file) {
      const thread = new CommitThread(file);
      thread.start(); // ready by the first command, in parallel with the rest of start-up
      this.committer = { thread };
    } else {
      this.committer = { inProcess: compileGroupCommit(db) };
    }
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
      const file = onDisk
        ? { filename, busyTimeoutMs, synchronous: synchronous === 'NORMAL' ? ('NORMAL' as const) : ('FULL' as const) }
        : undefined;
      return new SqliteEventStore(db, pollIntervalMs, !benchmarkWithoutHashChain, file);
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
    if (this.inFlight) return; // the group in the thread flushes again when it is done
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const prepared = batch.map((item) => item.prepared);
    if ('inProcess' in this.committer) {
      const commit = this.committer.inProcess;
      let outcomes: CommitOutcome[];
      try {
        outcomes = this.run('append', () => commit(prepared));
      } catch (error) {
        for (const item of batch) item.reject(error);
        return;
      }
      this.settle(batch, outcomes);
      return;
    }
    this.inFlight = this.committer.thread
      .commit(prepared)
      .then(
        (outcomes) => this.settle(batch, outcomes),
        (error: unknown) => {
          const failure = unavailable('append', error);
          for (const item of batch) item.reject(failure);
        },
      )
      .finally(() => {
        this.inFlight = undefined;
        this.flush();
      });
  }

  private settle(batch: QueuedAppend[], outcomes: CommitOutcome[]): void {
    let wrote = false;
    outcomes.forEach((outcome, i) => {
      if ('error' in outcome) {
        batch[i].reject(refusalError(outcome.error));
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
      // Appends already accepted are committed, not dropped.
      this.flush();
      while (this.inFlight) await this.inFlight;
      this.closed = true;
      if ('thread' in this.committer) await this.committer.thread.close();
      this.db.close();
    })();
    return this.closing;
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

function prepareStatements(db: Database.Database) {
  const columns = 'position, id, stream_id, revision, type, data, metadata, recorded_at';
  return {
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
