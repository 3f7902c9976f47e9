import { DataSource } from 'typeorm';
import { assertSchemaName } from '../../read-models/src/postgres-connection';
import { READ_MODEL_ENTITIES } from '../../read-models/src/entities';
import type { ReadModelLocation } from '../../read-models/src/open-read-models';

/**
 * A connection of its own to the read-model database. On SQLite a TypeORM data source is one
 * connection, and a transaction on it takes in every statement run meanwhile: the notifier, the
 * sender and the reminder scan each get their own, so none joins (or rolls back) another's work
 * and none disturbs the projections' or the queries' connections. SQLite's file lock orders their
 * writes (busy errors are retried, see sqlite-busy.ts). On PostgreSQL: a small pool.
 */
export async function openNotificationConnection(location: ReadModelLocation, name: string): Promise<DataSource> {
  const dataSource =
    location.kind === 'sqlite'
      ? new DataSource({
          type: 'better-sqlite3',
          database: location.filename,
          enableWAL: true,
          timeout: 5000,
          entities: READ_MODEL_ENTITIES,
          synchronize: false,
        })
      : new DataSource({
          type: 'postgres',
          url: location.databaseUrl,
          schema: location.schema,
          entities: READ_MODEL_ENTITIES,
          synchronize: false,
          installExtensions: false,
          applicationName: `gzc-${name}`,
          poolSize: 3,
          extra: { options: `-c search_path=${assertSchemaName(location.schema)}` },
        });
  await dataSource.initialize();
  if (location.kind === 'sqlite') {
    // No waiting inside the driver for the write lock: every write on these connections is retried
    // asynchronously (retryWhileBusy; the notifier's engine sets the same), and the holder is nearly
    // always another connection of this process, which cannot finish while better-sqlite3 blocks the
    // event loop. With 20 ms the sender's "sent" updates blocked the loop ~2.8 s in a 19 s benchmark.
    await dataSource.query('PRAGMA busy_timeout = 0');
    await dataSource.query('PRAGMA synchronous = NORMAL');
  }
  return dataSource;
}
