// Production entry point. The contract suite (jest) lives in ./contract and is NOT exported here,
// so importing the event store never pulls test globals into the app.
export * from './port';
export { SqliteEventStore } from './sqlite/sqlite-event-store';
export type { SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export { ensurePrivateDatabaseFile, ensurePrivateDir } from './sqlite/private-files';
export { DuplicateEventIdError } from './duplicate-event-id-error';
export { PostgresEventStore } from './postgres/postgres-event-store';
export type { PostgresEventStoreOptions } from './postgres/postgres-event-store';
export { KurrentDbEventStore, DEFAULT_STREAM_PREFIXES, UnrepresentableLogPositionError } from './kurrentdb';
export type { KurrentDbEventStoreOptions } from './kurrentdb';
export * from './chain';
