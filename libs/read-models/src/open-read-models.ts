import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { EventStore } from '../../event-store/src/port';
import type { CountRows } from './case-list-counts';
import { CheckpointWatcher } from './checkpoint-watcher';
import { startCountThread, type CountThread } from './count-thread';
import type { ProjectionRunner } from './contracts';
import { READ_MODEL_ENTITIES } from './entities';
import { LeaderElectedProjections } from './leader-elected-projections';
import { READ_MODEL_MIGRATIONS } from './migrations';
import { assertSchemaName, withAdvisoryLock } from './postgres-connection';
import { analyzeSchema, warnIfAutovacuumOff } from './postgres-planner-statistics';
import { ProjectionEngine, type ProjectionEngineOptions } from './projection-engine';
import { DEFAULT_PROJECTIONS } from './projections';
import { quoteIdentifier } from './sql';
import { isBusyError } from './sqlite-busy';
import { TypeOrmReadModels } from './typeorm-read-models';
import { startWalCheckpointer } from './wal-checkpointer';
import { ensurePrivateDatabaseFile, ensurePrivateDir } from '../../event-store/src/sqlite/private-files';

export const READ_MODELS_FILENAME = 'read-models.sqlite';

export interface SqliteReadModelsOptions {
  /** Folder of the embedded databases; created if missing. */
  dataDir: string;
  /**
   * SQLite's own wait for another connection's write lock once open (default 20 ms). Kept short
   * because better-sqlite3 waits synchronously; longer waits are retried asynchronously instead
   * (see sqlite-busy.ts). Opening (migrations) always waits up to 5 s for another process.
   */
  busyTimeoutMs?: number;
}

export interface PostgresReadModelsOptions {
  /** postgres://user:password@host:5432/database */
  databaseUrl: string;
  /** Schema of the read-model tables, created if missing (default public). */
  schema?: string;
  /** Connections per pool (projections and queries each have one). Default 10. */
  poolSize?: number;
}

export type OpenReadModelsOptions = SqliteReadModelsOptions | PostgresReadModelsOptions;

export type ReadModelLocation = { kind: 'sqlite'; filename: string } | { kind: 'postgres'; databaseUrl: string; schema: string };

export interface ProjectionRunnerOptions extends Omit<ProjectionEngineOptions, 'onProgress'> {
  /**
   * 'inline': this process runs the projections (on PostgreSQL each one only while it holds that
   * projection's advisory lock, so several processes never run the same projection at once).
   * 'off': other processes (apps/projector) run them; this one only follows their checkpoints,
   * so waitForPosition still gives read-your-writes.
   */
  mode?: 'inline' | 'off';
  /** PostgreSQL: how often a standby tries to take a projection's lock (default 1000 ms). */
  lockRetryMs?: number;
  /** PostgreSQL: told when this process starts or stops running a projection. */
  onLeadership?: (projection: string, leading: boolean) => void;
}

export interface OpenedReadModels {
  location: ReadModelLocation;
  /** The projections' connection: the only writer of read-model rows. */
  dataSource: DataSource;
  /**
   * The queries' own connection (and the idempotency records'). Kept apart so a query never sees
   * the uncommitted rows of a projection transaction, and an idempotency record never joins one.
   */
  queryDataSource: DataSource;
  readModels: TypeOrmReadModels;
  /** An engine that runs the projections in this process unconditionally (tests, embedded mode). */
  createProjectionEngine(store: EventStore, options?: ProjectionEngineOptions): ProjectionEngine;
  /** The runner for this deployment: see ProjectionRunnerOptions.mode. */
  createProjectionRunner(store: EventStore, options?: ProjectionRunnerOptions): ProjectionRunner;
  /**
   * Starts what the case list counts with now (SQLite: the count thread and its connection) and
   * resolves once it answers, so that the first list request does not wait for it. A server calls
   * it at start; tools and tests that never list cases leave it to the first count. Nothing to do
   * on PostgreSQL.
   */
  prepareCaseListCounts(): Promise<void>;
  /**
   * After a bulk load (a generated history, a replay into the live tables): PostgreSQL's ANALYZE
   * of every table in the schema, so the planner has their statistics now rather than when
   * autovacuum comes round to them. Nothing on SQLite (the case list picks its walk by its own counts).
   */
  analyzeTables(): Promise<void>;
  /** Stops the runners and engines created here, then closes the database. */
  close(): Promise<void>;
}

const isPostgresOptions = (options: OpenReadModelsOptions): options is PostgresReadModelsOptions =>
  'databaseUrl' in options && typeof options.databaseUrl === 'string';

/**
 * Opens the read models, runs pending migrations (never `synchronize`), and wires the read side.
 * SQLite: `<dataDir>/read-models.sqlite` (WAL). PostgreSQL: the tables in `schema`.
 */
export async function openReadModels(options: OpenReadModelsOptions): Promise<OpenedReadModels> {
  return isPostgresOptions(options) ? openPostgres(options) : openSqlite(options);
}

async function openSqlite(options: SqliteReadModelsOptions): Promise<OpenedReadModels> {
  ensurePrivateDir(options.dataDir);
  const filename = join(options.dataDir, READ_MODELS_FILENAME);
  ensurePrivateDatabaseFile(filename);
  const dataSource = await initialiseWithMigrations(filename);
  const busyTimeoutMs = Math.max(0, Math.trunc(options.busyTimeoutMs ?? 20));
  const queryDataSource = await sqliteDataSource(filename, false).initialize();
  for (const connection of [dataSource, queryDataSource]) {
    await connection.query(`PRAGMA busy_timeout = ${busyTimeoutMs}`);
    // Read models are derived data: a power cut may roll back their last transactions (rows and
    // checkpoint together, so still consistent) and the projections redo them from the log. No
    // fsync per commit; the events themselves stay synchronous=FULL.
    await connection.query('PRAGMA synchronous = NORMAL');
    // Checkpoints run in a worker thread (wal-checkpointer.ts), not inside a commit on the event loop.
    await connection.query('PRAGMA wal_autocheckpoint = 0');
  }
  const checkpointer = startWalCheckpointer(filename, () => {
    // Without the worker the commits checkpoint again (SQLite's default): an occasional stall
    // rather than a WAL that grows without end.
    for (const connection of [dataSource, queryDataSource])
      if (connection.isInitialized) connection.query('PRAGMA wal_autocheckpoint = 1000').catch(() => undefined);
  });
  // Started on the first count (or by prepareCaseListCounts): many processes (tools, tests) never list cases.
  const countThreadFailed = (error: Error): void =>
    console.error("Read models: the count thread failed; the case list counts on the queries' connection", error.message);
  let counter: CountThread | undefined;
  let closing = false;
  const countRows: CountRows = (sql, parameters) =>
    closing
      ? Promise.reject(new Error('The read models are closing'))
      : (counter ??= startCountThread(filename, countThreadFailed)).count(sql, parameters);
  return wire({ kind: 'sqlite', filename }, dataSource, queryDataSource, {
    countRows,
    prepareCounts: async () => {
      await countRows('SELECT 1', []);
    },
    beforeClose: async () => {
      closing = true;
      await counter?.stop();
      await checkpointer.stop();
    },
  });
}

async function openPostgres(options: PostgresReadModelsOptions): Promise<OpenedReadModels> {
  const schema = assertSchemaName(options.schema ?? 'public');
  const poolSize = options.poolSize ?? 10;
  // Processes starting together would race to create the schema and run the same migration.
  const dataSource = await withAdvisoryLock(options.databaseUrl, `gzc-read-model-migrations:${schema}`, async () => {
    const setup = postgresDataSource(options.databaseUrl, schema, 1, false);
    await setup.initialize();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`).catch((error: unknown) => {
        // IF NOT EXISTS is not atomic: the event store (own lock) may create it at the same moment.
        if (!isUniqueViolation(error)) throw error;
      });
    } finally {
      await setup.destroy();
    }
    return postgresDataSource(options.databaseUrl, schema, poolSize, true).initialize();
  });
  const queryDataSource = await postgresDataSource(options.databaseUrl, schema, poolSize, false).initialize();
  await warnIfAutovacuumOff(queryDataSource);
  // A count on PostgreSQL waits on the pool, not on the event loop: no thread needed.
  return wire({ kind: 'postgres', databaseUrl: options.databaseUrl, schema }, dataSource, queryDataSource, {
    analyzeTables: async () => {
      await analyzeSchema(queryDataSource, schema);
    },
  });
}

function wire(
  location: ReadModelLocation,
  dataSource: DataSource,
  queryDataSource: DataSource,
  parts: {
    countRows?: CountRows;
    prepareCounts?: () => Promise<void>;
    analyzeTables?: () => Promise<void>;
    beforeClose?: () => Promise<void>;
  },
): OpenedReadModels {
  const nothing = async (): Promise<void> => undefined;
  const { countRows, prepareCounts = nothing, analyzeTables = nothing, beforeClose = nothing } = parts;
  const runners = new Set<ProjectionRunner>();
  const track = <T extends ProjectionRunner>(runner: T): T => {
    runners.add(runner);
    return runner;
  };
  return {
    location,
    dataSource,
    queryDataSource,
    readModels: new TypeOrmReadModels(queryDataSource, countRows),
    prepareCaseListCounts: prepareCounts,
    analyzeTables,
    createProjectionEngine(store, engineOptions) {
      return track(new ProjectionEngine(dataSource, store, engineOptions));
    },
    createProjectionRunner(store, runnerOptions = {}) {
      const { mode = 'inline', lockRetryMs, onLeadership, ...engineOptions } = runnerOptions;
      const projections = engineOptions.projections ?? DEFAULT_PROJECTIONS;
      if (mode === 'off')
        return track(
          new CheckpointWatcher(
            dataSource,
            projections.map((p) => p.name),
          ),
        );
      // SQLite: one process file-locks the database per transaction and reads the checkpoint under
      // that lock, so every process may run the projections; exactly-once holds regardless.
      if (location.kind === 'sqlite') return track(new ProjectionEngine(dataSource, store, engineOptions));
      return track(
        new LeaderElectedProjections(dataSource, store, {
          ...engineOptions,
          projections,
          databaseUrl: location.databaseUrl,
          schema: location.schema,
          lockRetryMs,
          onLeadership,
        }),
      );
    },
    async close() {
      for (const runner of runners) await runner.stop();
      await beforeClose();
      if (queryDataSource.isInitialized) await queryDataSource.destroy();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}

function sqliteDataSource(database: string, runMigrations = true): DataSource {
  return new DataSource({
    type: 'better-sqlite3',
    database,
    // WAL: API reads never wait for a projection's write transaction, nor it for them.
    enableWAL: true,
    timeout: 5000,
    // The projections' multi-row INSERTs differ by their row count, so a batch brings many statement
    // texts; TypeORM's default cache of 100 prepared statements kept re-preparing them under load.
    statementCacheSize: 1000,
    entities: READ_MODEL_ENTITIES,
    migrations: READ_MODEL_MIGRATIONS,
    migrationsRun: runMigrations,
    migrationsTransactionMode: 'all',
    synchronize: false,
  });
}

/** A TypeORM data source whose connections resolve unqualified table names in `schema`. */
export function postgresDataSource(databaseUrl: string, schema: string, poolSize: number, runMigrations: boolean): DataSource {
  return new DataSource({
    type: 'postgres',
    url: databaseUrl,
    schema,
    entities: READ_MODEL_ENTITIES,
    migrations: READ_MODEL_MIGRATIONS,
    migrationsRun: runMigrations,
    migrationsTransactionMode: 'all',
    synchronize: false,
    installExtensions: false,
    applicationName: 'gzc-read-models',
    poolSize,
    extra: { options: `-c search_path=${assertSchemaName(schema)}` },
  });
}

/**
 * Processes starting together (api and projector on the same data dir) may both find a migration
 * pending; the loser's CREATE TABLE then fails ("already exists") and its migration transaction
 * rolls back. Opening again then finds the migration recorded and has nothing to do.
 */
async function initialiseWithMigrations(database: string, attempts = 5): Promise<DataSource> {
  for (let attempt = 1; ; attempt++) {
    const dataSource = sqliteDataSource(database);
    try {
      return await dataSource.initialize();
    } catch (error) {
      if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
      if (attempt >= attempts || !isLostMigrationRace(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100 * attempt));
    }
  }
}

const isUniqueViolation = (error: unknown): boolean => {
  const code = (error as { code?: unknown; driverError?: { code?: unknown } } | undefined)?.code;
  const driverCode = (error as { driverError?: { code?: unknown } } | undefined)?.driverError?.code;
  return code === '23505' || driverCode === '23505';
};

const isLostMigrationRace = (error: unknown): boolean =>
  isBusyError(error) || (error instanceof Error && /already exists/i.test(error.message));
