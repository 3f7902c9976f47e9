// Classifies node-postgres failures. A version conflict and a reused event id come back from the
// append function as outcomes, not errors; what reaches these helpers is either a constraint
// violation that makes the group retry with one subtransaction per caller, or a failure of the
// server or the connection, which means "retry later" (EventStoreUnavailableError).
import { EventStoreUnavailableError } from '../port';

/** SQLSTATE 23505: a UNIQUE constraint rejected a row. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

export function unavailable(operation: string, error: unknown): EventStoreUnavailableError {
  if (error instanceof EventStoreUnavailableError) return error;
  const detail = error instanceof Error ? error.message || String((error as { code?: unknown }).code ?? error.name) : String(error);
  return new EventStoreUnavailableError(`Event store ${operation} failed: ${detail}`, error);
}

/** `Key (id)=(<uuid>) already exists.` → the uuid. */
export function duplicateIdFromDetail(detail: string | undefined): string | undefined {
  return /^Key \(id\)=\(([^)]*)\) already exists/.exec(detail ?? '')?.[1];
}

/** `Key (stream_id, revision)=(<stream>, <n>) already exists.` → the stream (it may contain ", "). */
export function streamFromRevisionDetail(detail: string | undefined): string | undefined {
  return /^Key \(stream_id, revision\)=\((.*), \d+\) already exists/s.exec(detail ?? '')?.[1];
}
