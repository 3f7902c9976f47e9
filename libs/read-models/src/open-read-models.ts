import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { EventStore } from '../../event-store/src/port';
import { READ_MODEL_ENTITIES } from './entities';
import { READ_MODEL_MIGRATIONS } from './migrations';
import { ProjectionEngine, type ProjectionEngineOptions } from './projection-engine';
import { isBusyError } from './sqlite-busy';
import { TypeOrmReadModels } from './typeorm-read-models';

export const READ_MODELS_FILENAME = 'read-models.sqlite';

export interface OpenReadModelsOptions {
  /** Folder of the embedded databases; created if missing. */
  dataDir: string;
  /**
   * SQLite's own wait for another connection's write lock once open (default 20 ms). Kept short
   * because better-sqlite3 waits synchronously; longer waits are retried asynchronously instead
   * (see sqlite-busy.ts). Opening (migrations) always waits up to 5 s for another process.
   */
  busyTimeoutMs?: number;
}

export interface OpenedReadModels {
  /** The projections' connection: the only writer of read-model rows. */
  dataSource: DataSource;
  /**
   * The queries' own connection (and the idempotency records'). Kept apart so a query never sees
   * the uncommitted rows of a projection transaction, and an idempotency record never joins one.
   */
  queryDataSource: DataSource;
  readModels: TypeOrmReadModels;
  createProjectionEngine(store: EventStore, options?: ProjectionEngineOptions): ProjectionEngine;
  /** Stops the engines created here, then closes the database. */
  close(): Promise<void>;
}

/** Opens `<dataDir>/read-models.sqlite` (WAL), runs pending migrations, and wires the read side. */
export async function openReadModels(options: OpenReadModelsOptions): Promise<OpenedReadModels> {
  mkdirSync(options.dataDir, { recursive: true });
  const dataSource = await initialiseWithMigrations(join(options.dataDir, READ_MODELS_FILENAME));
  const busyTimeoutMs = Math.max(0, Math.trunc(options.busyTimeoutMs ?? 20));
  const queryDataSource = await createDataSource(join(options.dataDir, READ_MODELS_FILENAME), false).initialize();
  for (const connection of [dataSource, queryDataSource]) {
    await connection.query(`PRAGMA busy_timeout = ${busyTimeoutMs}`);
    // Read models are derived data: a power cut may roll back their last transactions (rows and
    // checkpoint together, so still consistent) and the projections redo them from the log. No
    // fsync per commit; the events themselves stay synchronous=FULL.
    await connection.query('PRAGMA synchronous = NORMAL');
  }

  const engines = new Set<ProjectionEngine>();
  return {
    dataSource,
    queryDataSource,
    readModels: new TypeOrmReadModels(queryDataSource),
    createProjectionEngine(store, engineOptions) {
      const engine = new ProjectionEngine(dataSource, store, engineOptions);
      engines.add(engine);
      return engine;
    },
    async close() {
      for (const engine of engines) await engine.stop();
      if (queryDataSource.isInitialized) await queryDataSource.destroy();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}

function createDataSource(database: string, runMigrations = true): DataSource {
  return new DataSource({
    type: 'better-sqlite3',
    database,
    // WAL: API reads never wait for a projection's write transaction, nor it for them.
    enableWAL: true,
    timeout: 5000,
    entities: READ_MODEL_ENTITIES,
    migrations: READ_MODEL_MIGRATIONS,
    migrationsRun: runMigrations,
    migrationsTransactionMode: 'all',
    synchronize: false,
  });
}

/**
 * Processes starting together (api and projector on the same data dir) may both find a migration
 * pending; the loser's CREATE TABLE then fails ("already exists") and its migration transaction
 * rolls back. Opening again then finds the migration recorded and has nothing to do.
 */
async function initialiseWithMigrations(database: string, attempts = 5): Promise<DataSource> {
  for (let attempt = 1; ; attempt++) {
    const dataSource = createDataSource(database);
    try {
      return await dataSource.initialize();
    } catch (error) {
      if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
      if (attempt >= attempts || !isLostMigrationRace(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100 * attempt));
    }
  }
}

const isLostMigrationRace = (error: unknown): boolean =>
  isBusyError(error) || (error instanceof Error && /already exists/i.test(error.message));
