// Classifies SQLite failures: a lost race on (stream_id, revision) is a version conflict the
// caller can resolve by reloading; anything else (SQLITE_BUSY after busy_timeout, I/O errors,
// a closed connection) means the store is unavailable and the caller should retry later.
import { EventStoreUnavailableError } from '../port';

interface SqliteLikeError {
  code?: unknown;
  message?: unknown;
}

/** True for a UNIQUE(stream_id, revision) violation: another writer took that revision first. */
export function isRevisionConflict(error: unknown): boolean {
  const { code, message } = (error ?? {}) as SqliteLikeError;
  return (
    typeof code === 'string' &&
    code.startsWith('SQLITE_CONSTRAINT') &&
    typeof message === 'string' &&
    message.includes('events.stream_id') &&
    message.includes('events.revision')
  );
}

/** True for a UNIQUE(id) violation: the caller reused an event id. */
export function isDuplicateEventId(error: unknown): boolean {
  const { code, message } = (error ?? {}) as SqliteLikeError;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT') && message === 'UNIQUE constraint failed: events.id';
}

export function unavailable(operation: string, error: unknown): EventStoreUnavailableError {
  if (error instanceof EventStoreUnavailableError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new EventStoreUnavailableError(`Event store ${operation} failed: ${detail}`, error);
}

// Kept importable from here for existing callers; the class is shared by every adapter.
export { DuplicateEventIdError } from '../duplicate-event-id-error';
