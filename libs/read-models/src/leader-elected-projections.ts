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
 * (Were two ever to run at once, the checkpoint row lock in applyProjectionBatch still keeps each
 * batch applied once; the advisory lock saves the duplicated work.) waitForPosition follows the
 * stored checkpoints, so read-your-writes holds whichever process runs a projection.
 */
export class LeaderElectedProjections implements ProjectionRunner {
  private readonly watcher: CheckpointWatcher;
  private readonly loops: LeadershipLoop[];

  constructor(dataSource: DataSource, store: EventStore, options: LeaderElectedProjectionsOptions) {
    const { projections, databaseUrl, schema, lockRetryMs = 1000, onLeadership, ...engineOptions } = options;
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
          createEngine: () =>
            new ProjectionEngine(dataSource, store, {
              ...engineOptions,
              projections: [projection],
              onProgress: (name, position) => this.watcher.note(name, position),
            }),
        }),
    );
  }

  async start(): Promise<void> {
    await this.watcher.start();
    for (const loop of this.loops) loop.start();
  }

  async stop(): Promise<void> {
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
}

interface LoopOptions {
  databaseUrl: string;
  schema: string;
  lockRetryMs: number;
  onLeadership?: (projection: string, leading: boolean) => void;
  onError: (error: unknown) => void;
  createEngine: () => ProjectionEngine;
}

/** Tries one projection's lock until it gets it, runs the projection while the lock's connection lives. */
class LeadershipLoop {
  private running = false;
  private client: Client | undefined;
  private engine: ProjectionEngine | undefined;
  private timer: NodeJS.Timeout | undefined;
  private turn: Promise<void> = Promise.resolve();

  constructor(
    readonly projection: Projection,
    private readonly options: LoopOptions,
  ) {}

  isLeading(): boolean {
    return this.engine !== undefined;
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
      if (this.engine) {
        await this.client.query('SELECT 1'); // a dead lock connection fails here: resign below
        return;
      }
      const { rows } = await this.client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked', [
        projectionLockKey(this.options.schema, this.projection.name),
      ]);
      if (!rows[0]?.locked || !this.running) return;
      const engine = this.options.createEngine();
      this.engine = engine;
      this.options.onLeadership?.(this.projection.name, true);
      await engine.start();
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

  /** Stops the engine and closes the lock connection (which releases the lock). */
  private async resign(): Promise<void> {
    const engine = this.engine;
    const client = this.client;
    this.engine = undefined;
    this.client = undefined;
    if (engine) {
      await engine.stop();
      this.options.onLeadership?.(this.projection.name, false);
    }
    await client?.end().catch(() => undefined);
  }
}
