import type { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { EventStore } from '../../event-store/src/port';
import { CheckpointWatcher } from './checkpoint-watcher';
import type { ProjectionRunner } from './contracts';
import { connectClient } from './postgres-connection';
import { ProjectionEngine, type ProjectionEngineOptions } from './projection-engine';
import type { Projection } from './projections/projection';

export interface LeaderElectedProjectionsOptions extends Omit<ProjectionEngineOptions, 'onProgress' | 'projections'> {
  projections: readonly Projection[];
  databaseUrl: string;
  schema: string;
  /** How often a standby tries the lock, and the leader checks its lock connection (default 1000 ms). */
  lockRetryMs?: number;
  /** Told when this process starts or stops running a projection. */
  onLeadership?: (projection: string, leading: boolean) => void;
}

/** The advisory-lock key text of a projection: one lock per projection per read-model schema. */
export const projectionLockKey = (schema: string, projection: string): string => `gzc-projection:${schema}:${projection}`;

/**
 * PostgreSQL, several API or projector processes: each projection runs in exactly one process at a
 * time. A process runs a projection only while it holds that projection's session-level advisory
 * lock on a dedicated connection; standbys try again every lockRetryMs. When the leader dies its
 * connection drops, PostgreSQL releases the lock, and a standby takes over from the checkpoint.
 * (Were two ever to run at once, the checkpoint row lock in the engine's batch still keeps each
 * batch applied once; the advisory lock saves the duplicated work.) waitForPosition follows the
 * stored checkpoints, so read-your-writes holds whichever process runs a projection.
 *
 * The projections a process leads run in ONE engine: one catch-up read of the log for all of them,
 * and one transaction a batch (small batches side by side: ProjectionEngine.applySideBySide). An
 * engine per projection read the log once each, and committed once each for every batch. When the
 * set a process leads changes (it takes or loses a lock), the engine is replaced by one for the new
 * set; each starts from its projections' stored checkpoints, so nothing is applied twice or skipped.
 */
export class LeaderElectedProjections implements ProjectionRunner {
  private readonly watcher: CheckpointWatcher;
  private readonly loops: LeadershipLoop[];
  private readonly led = new Set<string>();
  private engine: { names: string; engine: ProjectionEngine } | undefined;
  /** Engine changes happen one at a time, in the order asked. */
  private changes: Promise<void> = Promise.resolve();
  private stopping = false;
  private readonly projections: readonly Projection[];
  private readonly engineOptions: Omit<ProjectionEngineOptions, 'onProgress' | 'projections'>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    options: LeaderElectedProjectionsOptions,
  ) {
    const { projections, databaseUrl, schema, lockRetryMs = 1000, onLeadership, ...engineOptions } = options;
    this.projections = projections;
    this.engineOptions = engineOptions;
    this.watcher = new CheckpointWatcher(
      dataSource,
      projections.map((p) => p.name),
    );
    this.loops = projections.map(
      (projection) =>
        new LeadershipLoop(projection, {
          databaseUrl,
          schema,
          lockRetryMs,
          onLeadership,
          onError: engineOptions.onError ?? ((error) => console.error(error)),
          lead: (leading) => this.lead(projection.name, leading),
        }),
    );
  }

  async start(): Promise<void> {
    this.stopping = false;
    await this.watcher.start();
    for (const loop of this.loops) loop.start();
  }

  async stop(): Promise<void> {
    // First the engine, so that the loops resigning one by one do not start an engine for the rest.
    this.stopping = true;
    await this.change();
    await Promise.all(this.loops.map((loop) => loop.stop()));
    await this.watcher.stop();
  }

  position(): number {
    return this.watcher.position();
  }

  waitForPosition(position: number, timeoutMs?: number): Promise<void> {
    return this.watcher.waitForPosition(position, timeoutMs);
  }

  /** Names of the projections this process runs right now. */
  leading(): string[] {
    return this.loops.filter((loop) => loop.isLeading()).map((loop) => loop.projection.name);
  }

  /** A loop took (or lost) its lock: resolves once the engine runs exactly the projections led. */
  private lead(name: string, leading: boolean): Promise<void> {
    if (leading) this.led.add(name);
    else this.led.delete(name);
    return this.change();
  }

  private change(): Promise<void> {
    const next = this.changes.then(() => this.runLed());
    this.changes = next.catch(() => undefined);
    return next;
  }

  /**
   * Replaces the engine when the set of projections led differs from the one it runs. Several loops
   * taking their locks at once (a process starting) ask one after another; the first change already
   * sees every lock taken so far, and the others find nothing to do.
   */
  private async runLed(): Promise<void> {
    const wanted = this.stopping ? [] : this.projections.filter((p) => this.led.has(p.name));
    const names = wanted.map((p) => p.name).join(',');
    if ((this.engine?.names ?? '') === names) return;
    const previous = this.engine;
    this.engine = undefined;
    await previous?.engine.stop();
    if (wanted.length === 0) return;
    const engine = new ProjectionEngine(this.dataSource, this.store, {
      ...this.engineOptions,
      projections: wanted,
      onProgress: (name, position) => this.watcher.note(name, position),
    });
    try {
      await engine.start();
    } catch (error) {
      await engine.stop().catch(() => undefined);
      throw error;
    }
    this.engine = { names, engine };
  }
}

interface LoopOptions {
  databaseUrl: string;
  schema: string;
  lockRetryMs: number;
  onLeadership?: (projection: string, leading: boolean) => void;
  onError: (error: unknown) => void;
  /** Runs (true) or stops running (false) the projection in this process's engine. */
  lead: (leading: boolean) => Promise<void>;
}

/** Tries one projection's lock until it gets it, runs the projection while the lock's connection lives. */
class LeadershipLoop {
  private running = false;
  private client: Client | undefined;
  private leading = false;
  private timer: NodeJS.Timeout | undefined;
  private turn: Promise<void> = Promise.resolve();

  constructor(
    readonly projection: Projection,
    private readonly options: LoopOptions,
  ) {}

  isLeading(): boolean {
    return this.leading;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.next(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.turn;
    await this.resign();
  }

  private next(delayMs: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.turn = this.attempt().finally(() => this.next(this.options.lockRetryMs));
    }, delayMs);
  }

  /** One turn: connect if needed, take the lock if free, or check that the held lock's connection lives. */
  private async attempt(): Promise<void> {
    try {
      if (!this.client) this.client = await this.connect();
      if (this.leading) {
        await this.client.query('SELECT 1'); // a dead lock connection fails here: resign below
        return;
      }
      const { rows } = await this.client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked', [
        projectionLockKey(this.options.schema, this.projection.name),
      ]);
      if (!rows[0]?.locked || !this.running) return;
      this.leading = true;
      this.options.onLeadership?.(this.projection.name, true);
      await this.options.lead(true);
    } catch (error) {
      if (this.running) this.options.onError(error);
      await this.resign();
    }
  }

  private async connect(): Promise<Client> {
    const client = await connectClient(this.options.databaseUrl, this.options.schema, `gzc-projection-lock:${this.projection.name}`);
    // The connection dropped: the lock is gone with it, so stop running the projection now.
    client.once('end', () => {
      if (this.client === client) void this.resign();
    });
    return client;
  }

  /** Stops running the projection and closes the lock connection (which releases the lock). */
  private async resign(): Promise<void> {
    const wasLeading = this.leading;
    const client = this.client;
    this.leading = false;
    this.client = undefined;
    if (wasLeading) {
      await this.options.lead(false).catch((error: unknown) => this.options.onError(error));
      this.options.onLeadership?.(this.projection.name, false);
    }
    await client?.end().catch(() => undefined);
  }
}
