export { KurrentDbEventStore } from './kurrentdb-event-store';
export type { KurrentDbEventStoreOptions } from './kurrentdb-event-store';
export { DEFAULT_STREAM_PREFIXES } from './stream-scope';
export { UnrepresentableLogPositionError } from './log-position';
