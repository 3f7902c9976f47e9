import { join } from 'node:path';
import { ensurePrivateDir, KurrentDbEventStore, PostgresEventStore, SqliteEventStore } from '../../event-store/src';
import type { EventStore } from '../../event-store/src/port';
import { openReadModels, type OpenedReadModels } from '../../read-models/src';
import type { AppConfig } from './config/app-config';

// Which stores a process uses, from its configuration; shared by the API and the projector so both
// always open the same ones.

/** EVENT_STORE: sqlite (`<DATA_DIR>/events.sqlite`), postgres (DATABASE_URL, schema DATABASE_SCHEMA) or kurrentdb (KURRENTDB_URL). */
export async function openEventStore(config: AppConfig): Promise<EventStore> {
  // DATA_DIR holds documents and the dev-token secret whichever stores are used: 0700 from the start.
  ensurePrivateDir(config.dataDir);
  switch (config.eventStore) {
    case 'sqlite':
      return SqliteEventStore.open({ filename: join(config.dataDir, 'events.sqlite') });
    case 'postgres':
      // loadConfig refuses EVENT_STORE=postgres without DATABASE_URL.
      return PostgresEventStore.open({ connectionString: config.databaseUrl as string, schema: config.databaseSchema });
    case 'kurrentdb':
      // loadConfig refuses EVENT_STORE=kurrentdb without KURRENTDB_URL.
      return KurrentDbEventStore.open({ connectionString: config.kurrentdbUrl as string });
  }
}

/** With DATABASE_URL the read models live in PostgreSQL (schema DATABASE_SCHEMA), whatever the event store; else SQLite in DATA_DIR. */
export function openConfiguredReadModels(config: AppConfig): Promise<OpenedReadModels> {
  return config.databaseUrl
    ? openReadModels({ databaseUrl: config.databaseUrl, schema: config.databaseSchema })
    : openReadModels({ dataDir: config.dataDir });
}
