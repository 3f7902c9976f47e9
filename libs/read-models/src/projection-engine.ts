import type { DataSource, EntityManager } from 'typeorm';
import type { EventStore, StoredEvent, Subscription } from '../../event-store/src/port';
import type { ProjectionRunner } from './contracts';
import { ProjectionCheckpointEntity } from './entities';
import { applyAfterCheckpoint, applyProjectionBatch, lockCheckpoints, moveCheckpoints } from './projection-batch';
import { isPostgres } from './sql';
import { DEFAULT_PROJECTIONS, type Projection } from './projections';
import { isBusyError, retryWhileBusy } from './sqlite-busy';
import { inTurn, sqliteFileOf } from './sqlite-write-gate';
import { PositionWaiters } from './position-waiters';

export { ProjectionWaitTimeoutError } from './position-waiters';

export interface ProjectionEngineOptions {
  /** Default: cases, timeline. */
  projections?: readonly Projection[];
  /** Largest batch the subscription hands over at once. */
  batchSize?: number;
  /** A failed batch is reported here, then retried by the subscription after a pause. */
  onError?: (error: unknown) => void;
  /** Told each time a projection's checkpoint moves (after its transaction committed). */
  onProgress?: (projection: string, position: number) => void;
}

/** A projection failed on a batch; its transaction was rolled back, so its rows and checkpoint are as before. */
export class ProjectionFailedError extends Error {
  constructor(
    readonly projection: string,
    readonly fromPosition: number,
    readonly toPosition: number,
    override readonly cause: unknown,
  ) {
    super(
      `Projection ${projection} failed on positions ${fromPosition}..${toPosition}: ` +
        (cause instanceof Error ? cause.message : String(cause)),
    );
    this.name = 'ProjectionFailedError';
  }
}

/**
 * better-sqlite3 is synchronous: a projection transaction never yields to HTTP requests while it
 * runs, so its length is a stall. A bounded batch keeps each one short during a long catch-up.
 */
const DEFAULT_BATCH_SIZE = 100;

/**
 * A batch this small (a command's events, or a few commands') applies every projection in one
 * stretch: a millisecond or two. Under read load each yield between projections waited a whole
 * round of queued requests (about 20 ms at 16 clients), and the command waiting for its
 * read-your-writes position waited for five of them. Larger batches (a catch-up, a burst of
 * commands) still yield between projections, so no request waits for all of them at once.
 */
const ONE_STRETCH_UP_TO_EVENTS = 16;

/** PostgreSQL: a batch this small applies the projections side by side (see applySideBySide). */
const SIDE_BY_SIDE_UP_TO_EVENTS = 16;

/**
 * Runs every projection from ONE catch-up subscription on the global log. The subscription has
 * no stream filter: every event moves the checkpoints, so a position the API waits for (the last
 * event of its append, maybe in a `case-numbers-*` stream) is always reached; the projections
 * themselves only see `dispute-*` events.
 */
export class ProjectionEngine implements ProjectionRunner {
  private readonly projections: readonly Projection[];
  /** Checkpoint per projection as this process last saw it in the database. */
  private readonly positions = new Map<string, number>();
  private readonly waiters = new PositionWaiters(() => this.position());
  private subscription: Subscription | undefined;
  private stopping = false;
  /** SQLite: the file whose writers of this process take turns (sqlite-write-gate.ts). */
  private readonly sqliteFile: string | undefined;
  private readonly postgres: boolean;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly options: ProjectionEngineOptions = {},
  ) {
    this.projections = options.projections ?? DEFAULT_PROJECTIONS;
    const names = new Set(this.projections.map((p) => p.name));
    if (names.size !== this.projections.length) throw new Error('Projection names must be unique');
    this.sqliteFile = sqliteFileOf(dataSource);
    this.postgres = isPostgres(dataSource);
  }

  async start(): Promise<void> {
    if (this.subscription) return;
    this.stopping = false;
    if (!isPostgres(this.dataSource)) {
      // SQLite: no waiting inside the driver for the write lock. Every write of this engine is
      // retried asynchronously (retryWhileBusy), and the holder is most often another connection of
      // this same process (the other engine, the idempotency records), which cannot finish while
      // better-sqlite3 blocks the event loop waiting for it: each such wait was a whole busy timeout.
      await this.dataSource.query('PRAGMA busy_timeout = 0');
    }
    const stored = await this.dataSource.getRepository(ProjectionCheckpointEntity).find();
    for (const projection of this.projections) {
      this.positions.set(projection.name, stored.find((row) => row.name === projection.name)?.position ?? 0);
    }
    // From the lowest checkpoint: projections already further along skip what they have applied.
    this.subscription = this.store.subscribeToAll((events) => this.handle(events), {
      after: this.position(),
      batchSize: this.options.batchSize ?? DEFAULT_BATCH_SIZE,
      onError: this.options.onError ?? ((error) => console.error(error)),
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
    this.waiters.failAll(new Error('The projection engine stopped'));
  }

  position(): number {
    let lowest = Number.POSITIVE_INFINITY;
    for (const projection of this.projections) lowest = Math.min(lowest, this.positions.get(projection.name) ?? 0);
    return Number.isFinite(lowest) ? lowest : 0;
  }

  waitForPosition(position: number, timeoutMs = 5000): Promise<void> {
    return this.waiters.wait(position, timeoutMs);
  }

  /**
   * One batch: every projection in ONE transaction (one connection, one commit, the checkpoints read
   * and moved in one statement each). Under load a transaction per projection cost a commit and an
   * event-loop turn each (on PostgreSQL a round trip per statement), and the command waiting for its
   * read-your-writes position waited for all of them in turn. If a projection fails, the batch runs
   * again with each projection inside a savepoint of its own: the failing one is rolled back alone
   * and does not hold the others back on this batch; the batch is then failed so the subscription
   * retries it, and the projections that applied it skip it by their checkpoints. (On PostgreSQL a
   * small batch runs side by side instead: see applySideBySide.)
   */
  private async handle(events: StoredEvent[]): Promise<void> {
    const first = events[0].position;
    const last = events[events.length - 1].position;
    let outcome: Outcome;
    try {
      outcome = await this.applyInTransaction(events);
    } catch (error) {
      // An engine's only projection failed, or the transaction did (the lock never came, the commit
      // failed): nothing applied.
      if (error instanceof ProjectionFailedError) throw error;
      const failures = this.projections.map((p) => new ProjectionFailedError(p.name, first, last, error));
      throw failures.length === 1 ? failures[0] : new AggregateError(failures, failures.map((f) => f.message).join('; '));
    }
    for (const [name, reached] of outcome.reached) {
      this.positions.set(name, Math.max(this.positions.get(name) ?? 0, reached));
      this.options.onProgress?.(name, reached);
    }
    this.waiters.wake();
    // Let the event loop breathe between batches: HTTP requests served by this process stay
    // responsive during a long catch-up, and another connection waiting for the write lock in this
    // process (see sqlite-busy.ts) gets its turn.
    await new Promise((resolve) => setImmediate(resolve));
    const { failures } = outcome;
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) throw new AggregateError(failures, failures.map((f) => f.message).join('; '));
  }

  /**
   * Without savepoints first: they are two statements a projection (two round trips each on
   * PostgreSQL) that only a failing batch needs. One projection needs none: its failure is the
   * whole transaction's.
   */
  private async applyInTransaction(events: StoredEvent[]): Promise<Outcome> {
    if (this.postgres && this.projections.length > 1 && events.length <= SIDE_BY_SIDE_UP_TO_EVENTS) return this.applySideBySide(events);
    const attempt = (isolate: boolean): Promise<Outcome> =>
      retryWhileBusy(
        () => inTurn(this.sqliteFile, () => this.dataSource.transaction((manager) => this.applyAll(events, manager, isolate))),
        {
          shouldStop: () => this.stopping,
        },
      );
    if (this.projections.length === 1) return attempt(false);
    try {
      return await attempt(false);
    } catch (error) {
      if (!(error instanceof ProjectionFailedError)) throw error;
      return attempt(true);
    }
  }

  /**
   * PostgreSQL, a small batch: each projection in a transaction of its own, all at once on the
   * pool's connections. A command waits for every projection to reach its events (read your
   * writes), and with many requests in flight each round trip waits a turn of the event loop. In one
   * transaction the projections' statements follow one another: beside 16 readers the commands
   * waited 400-585 ms at the median, against 274-295 ms with an engine per projection. Side by side
   * each projection takes its own few turns at the same time: 279-282 ms. Larger batches (a burst of
   * commands, a catch-up) share one transaction, where the statements saved count more.
   */
  private async applySideBySide(events: StoredEvent[]): Promise<Outcome> {
    const first = events[0].position;
    const last = events[events.length - 1].position;
    const settled = await Promise.allSettled(
      this.projections.map((projection) => this.dataSource.transaction((manager) => applyProjectionBatch(projection, events, manager))),
    );
    const reached = new Map<string, number>();
    const failures: ProjectionFailedError[] = [];
    settled.forEach((result, i) => {
      const { name } = this.projections[i];
      if (result.status === 'fulfilled') reached.set(name, result.value);
      else failures.push(new ProjectionFailedError(name, first, last, result.reason));
    });
    return { reached, failures };
  }

  /** isolate: each projection in a savepoint, its failure collected; otherwise its failure is thrown. */
  private async applyAll(events: StoredEvent[], manager: EntityManager, isolate: boolean): Promise<Outcome> {
    const first = events[0].position;
    const last = events[events.length - 1].position;
    const checkpoints = await lockCheckpoints(
      manager,
      this.projections.map((p) => p.name),
    );
    const reached = new Map<string, number>();
    const moved: string[] = [];
    const failures: ProjectionFailedError[] = [];
    const yieldBetween = events.length > ONE_STRETCH_UP_TO_EVENTS;
    for (const [i, projection] of this.projections.entries()) {
      // better-sqlite3 runs a whole transaction in one stretch of microtasks (no I/O between its
      // statements): in a large batch, yield between projections so HTTP requests are served
      // meanwhile. This connection keeps the write lock across the yield; other writers retry
      // asynchronously.
      if (i > 0 && yieldBetween) await new Promise((resolve) => setImmediate(resolve));
      const checkpoint = checkpoints.get(projection.name) ?? 0;
      if (isolate) await manager.query('SAVEPOINT projection');
      try {
        const position = await applyAfterCheckpoint(projection, events, checkpoint, manager);
        reached.set(projection.name, position ?? checkpoint);
        if (position !== undefined) moved.push(projection.name);
      } catch (error) {
        // SQLite could not take the write lock: retry the whole transaction (retryWhileBusy).
        if (isBusyError(error)) throw error;
        const failure = new ProjectionFailedError(projection.name, first, last, error);
        if (!isolate) throw failure;
        await manager.query('ROLLBACK TO SAVEPOINT projection');
        failures.push(failure);
      }
      if (isolate) await manager.query('RELEASE SAVEPOINT projection');
    }
    await moveCheckpoints(manager, moved, last);
    return { reached, failures };
  }
}

interface Outcome {
  /** The checkpoint each projection reached (the ones that failed are absent). */
  reached: Map<string, number>;
  failures: ProjectionFailedError[];
}
