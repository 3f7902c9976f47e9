import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DataSource, type EntityManager } from 'typeorm';
import type { EventStore } from '../../event-store/src/port';
import { READ_MODEL_ENTITIES } from './entities';
import { READ_MODEL_MIGRATIONS } from './migrations';
import type { OpenedReadModels } from './open-read-models';
import { postgresDataSource } from './open-read-models';
import { applyProjectionBatch } from './projection-batch';
import type { Projection } from './projections/projection';
import { analyzeTables } from './postgres-planner-statistics';
import { execute, isPostgres, quoteIdentifier, select } from './sql';
import { retryWhileBusy } from './sqlite-busy';
import { ensurePrivateDatabaseFile } from '../../event-store/src/sqlite/private-files';

export interface RebuildOptions {
  /**
   * Events per replay transaction (default 5000). Large on purpose: the fresh tables block no one,
   * and a dispute whose events share a batch is folded and written once.
   */
  batchSize?: number;
  /** Told after each replayed batch. */
  onProgress?: (position: number) => void;
  /** Swap attempts before giving up when the live projection keeps running ahead (default 50). */
  maxSwapAttempts?: number;
}

export interface RebuildResult {
  projection: string;
  /** The checkpoint the rebuilt tables were swapped in at. */
  position: number;
  /** Events replayed (all streams, as the log holds them). */
  events: number;
  swapAttempts: number;
  durationMs: number;
}

/** The projection named `name`, or an error listing the valid names. */
export function findProjection(projections: readonly Projection[], name: string | undefined): Projection {
  const found = projections.find((p) => p.name === name);
  if (found) return found;
  const valid = projections.map((p) => p.name).join(', ');
  throw new Error(
    name ? `Unknown projection "${name}". Valid projections: ${valid}` : `Name the projection to rebuild. Valid projections: ${valid}`,
  );
}

/**
 * Replays the whole log into fresh copies of the projection's tables (PostgreSQL: a fresh schema;
 * SQLite: a fresh database file), then swaps them in in one transaction that also moves the
 * checkpoint, while API queries keep answering from the old tables until that commit. Works while
 * the projection keeps running elsewhere: the swap locks the live checkpoint row (the live runner
 * waits), and if the live runner got further than the replay, the replay catches up and tries again.
 * After the swap the live runner continues from the rebuilt checkpoint.
 */
export async function rebuildProjection(
  readModels: OpenedReadModels,
  store: EventStore,
  projection: Projection,
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  if (projection.tables.length === 0) throw new Error(`Projection ${projection.name} declares no tables to rebuild`);
  const started = Date.now();
  const batchSize = options.batchSize ?? 5000;
  const fresh = await FreshTables.create(readModels);
  try {
    await fresh.beforeReplay(projection);
    let position = 0;
    let events = 0;
    for (let attempt = 1; ; attempt++) {
      // Replay (or catch up) to the head of the log as it is now, reading the next batch while
      // the current one is applied.
      const read = (after: number) => {
        const pending = store.readAll({ after, maxCount: batchSize });
        pending.catch(() => undefined); // awaited below; never an unhandled rejection if we stop first
        return pending;
      };
      let next = read(position);
      for (;;) {
        const batch = await next;
        if (batch.length === 0) break;
        next = read(batch[batch.length - 1].position);
        position = await fresh.dataSource.transaction((manager) => applyProjectionBatch(projection, batch, manager));
        events += batch.length;
        options.onProgress?.(position);
      }
      await fresh.beforeSwap(projection);
      const swapped = await fresh.swapIn(readModels.dataSource, projection, position);
      if (swapped) return { projection: projection.name, position, events, swapAttempts: attempt, durationMs: Date.now() - started };
      if (attempt >= (options.maxSwapAttempts ?? 50)) {
        throw new Error(`Rebuild of ${projection.name}: the live projection kept running ahead of the replay; try again`);
      }
    }
  } finally {
    await fresh.dispose();
  }
}

/** Where the replay writes, and how its tables replace the live ones. */
abstract class FreshTables {
  protected constructor(readonly dataSource: DataSource) {}

  static async create(readModels: OpenedReadModels): Promise<FreshTables> {
    const location = readModels.location;
    const suffix = randomBytes(6).toString('hex');
    if (location.kind === 'postgres') {
      const schema = `rebuild_${suffix}`;
      const setup = postgresDataSource(location.databaseUrl, location.schema, 1, false);
      await setup.initialize();
      try {
        await setup.query(`CREATE SCHEMA ${schema}`);
        await setup.query(`CREATE SCHEMA ${schema}_old`);
      } finally {
        await setup.destroy();
      }
      // Every migration, so the fresh tables have the live ones' columns, keys and index names.
      const dataSource = await postgresDataSource(location.databaseUrl, schema, 2, true).initialize();
      return new PostgresFreshTables(dataSource, location.databaseUrl, location.schema, schema);
    }
    const filename = join(dirname(location.filename), `read-models.rebuild-${suffix}.sqlite`);
    ensurePrivateDatabaseFile(filename);
    const dataSource = await new DataSource({
      type: 'better-sqlite3',
      database: filename,
      enableWAL: true,
      entities: READ_MODEL_ENTITIES,
      migrations: READ_MODEL_MIGRATIONS,
      migrationsRun: true,
      migrationsTransactionMode: 'all',
      synchronize: false,
    }).initialize();
    await dataSource.query('PRAGMA synchronous = OFF'); // scratch data: a crash just means rebuild again
    return new SqliteFreshTables(dataSource, filename);
  }

  /** Prepares the fresh tables for a bulk load. */
  async beforeReplay(_projection: Projection): Promise<void> {}

  /** Makes the fresh tables ready to serve (called before every swap attempt). */
  async beforeSwap(_projection: Projection): Promise<void> {}

  /** True when swapped; false when the live checkpoint is ahead of `position` (catch up first). */
  abstract swapIn(live: DataSource, projection: Projection, position: number): Promise<boolean>;

  abstract dispose(): Promise<void>;
}

/** Locks the live checkpoint row for the transaction and returns it. */
async function lockLiveCheckpoint(live: DataSource, projection: Projection, manager: EntityManager): Promise<number> {
  await execute(manager, 'INSERT INTO projection_checkpoints (name, position, updated_at) VALUES (?, 0, ?) ON CONFLICT DO NOTHING', [
    projection.name,
    new Date().toISOString(),
  ]);
  const [row] = await select<{ position: number | string }>(
    manager,
    `SELECT position FROM projection_checkpoints WHERE name = ?${isPostgres(live) ? ' FOR UPDATE' : ''}`,
    [projection.name],
  );
  return Number(row.position);
}

class PostgresFreshTables extends FreshTables {
  constructor(
    dataSource: DataSource,
    private readonly databaseUrl: string,
    private readonly liveSchema: string,
    private readonly freshSchema: string,
  ) {
    super(dataSource);
  }

  /** Secondary indexes dropped for the replay, recreated before the swap (a bulk load builds them once). */
  private deferredIndexes: string[] = [];

  override async beforeReplay(projection: Projection): Promise<void> {
    const rows: { indexname: string; indexdef: string }[] = await this.dataSource.query(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
       WHERE i.schemaname = $1 AND i.tablename = ANY($2)
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.connamespace = $1::regnamespace)`,
      [this.freshSchema, [...projection.tables]],
    );
    for (const row of rows) await this.dataSource.query(`DROP INDEX ${this.freshSchema}.${quoteIdentifier(row.indexname)}`);
    this.deferredIndexes = rows.map((row) => row.indexdef);
  }

  private analyzed = false;

  override async beforeSwap(projection: Projection): Promise<void> {
    for (const definition of this.deferredIndexes.splice(0)) await this.dataSource.query(definition);
    // Fresh tables have no planner statistics: without them the first queries after the swap
    // would be planned blind until autovacuum analyses the tables.
    if (!this.analyzed) await analyzeTables(this.dataSource, this.freshSchema, projection.tables);
    this.analyzed = true;
  }

  async swapIn(live: DataSource, projection: Projection, position: number): Promise<boolean> {
    const liveSchema = quoteIdentifier(this.liveSchema);
    return live.transaction(async (manager) => {
      // The live runner's transactions lock this row first too: it waits here, never deadlocks.
      const livePosition = await lockLiveCheckpoint(live, projection, manager);
      if (livePosition > position) return false;
      // Renaming schemas of tables is catalog work, not copying: the swap is instant however big
      // the tables. Queries waiting on the old tables resolve the names again after the commit.
      for (const table of projection.tables) {
        await manager.query(`ALTER TABLE ${liveSchema}.${table} SET SCHEMA ${this.freshSchema}_old`);
        await manager.query(`ALTER TABLE ${this.freshSchema}.${table} SET SCHEMA ${liveSchema}`);
      }
      await execute(manager, 'UPDATE projection_checkpoints SET position = ?, updated_at = ? WHERE name = ?', [
        position,
        new Date().toISOString(),
        projection.name,
      ]);
      return true;
    });
  }

  async dispose(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    const cleanup = postgresDataSource(this.databaseUrl, this.liveSchema, 1, false);
    await cleanup.initialize();
    try {
      await cleanup.query(`DROP SCHEMA IF EXISTS ${this.freshSchema} CASCADE`);
      await cleanup.query(`DROP SCHEMA IF EXISTS ${this.freshSchema}_old CASCADE`);
    } finally {
      await cleanup.destroy();
    }
  }
}

class SqliteFreshTables extends FreshTables {
  constructor(
    dataSource: DataSource,
    private readonly filename: string,
  ) {
    super(dataSource);
  }

  async swapIn(live: DataSource, projection: Projection, position: number): Promise<boolean> {
    // One SQLite connection sees the fresh file too; the copy runs in one write transaction, so
    // readers (WAL) keep seeing the old rows until it commits.
    await live.query('ATTACH DATABASE ? AS rebuild', [this.filename]);
    try {
      return await retryWhileBusy(() =>
        live.transaction(async (manager) => {
          const livePosition = await lockLiveCheckpoint(live, projection, manager);
          if (livePosition > position) return false;
          for (const table of projection.tables) {
            await manager.query(`DELETE FROM main.${table}`);
            await manager.query(`INSERT INTO main.${table} SELECT * FROM rebuild.${table}`);
          }
          await execute(manager, 'UPDATE projection_checkpoints SET position = ?, updated_at = ? WHERE name = ?', [
            position,
            new Date().toISOString(),
            projection.name,
          ]);
          return true;
        }),
      );
    } finally {
      await live.query('DETACH DATABASE rebuild');
    }
  }

  async dispose(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${this.filename}${suffix}`, { force: true });
  }
}
