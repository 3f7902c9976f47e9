import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { WrongExpectedVersionError, type EventStore, type StreamAppend } from '../../../../libs/event-store/src/port';

// Exactly-once commands. A request with an Idempotency-Key runs inside an idempotency scope; the
// command executor adds one marker event to the same atomic append as the command's events, in a
// stream of its own per key (`idempotency-<hash>`, expected version "no stream"). The marker holds
// the answer, so it is recorded in the same transaction as the events on every store (SQLite,
// PostgreSQL, KurrentDB's multi-stream append). A retry after a crash finds the marker and returns
// that answer; a second append with the same key fails on the marker stream instead of recording
// twice. Projections never see markers: they read `dispute-*` streams only.

export const IDEMPOTENCY_STREAM_PREFIX = 'idempotency-';
export const IDEMPOTENT_OUTCOME_EVENT = 'IdempotentOutcomeRecorded';

export interface RecordedOutcome {
  requestHash: string;
  statusCode: number;
  body: unknown;
}

interface IdempotencyScope {
  key: string;
  requestHash: string;
  statusCode: number;
  /** Turns the executor's result into the HTTP answer, when the route answers more than the result. */
  answer?: (result: unknown) => unknown;
}

const scopes = new AsyncLocalStorage<IdempotencyScope>();

/**
 * The stored form of a caller's key: a hash of `[sub, key]`, so keys of different users can never
 * collide (`alice` + `x:k1` and `alice:x` + `k1` differ), and the key's text is not stored.
 */
export function scopedKey(subject: string, key: string): string {
  return createHash('sha256')
    .update(JSON.stringify([subject, key]))
    .digest('hex');
}

export function runInIdempotencyScope<T>(scope: Omit<IdempotencyScope, 'answer'>, run: () => Promise<T>): Promise<T> {
  return scopes.run({ ...scope }, run);
}

/**
 * For routes whose answer is more than the command's result (a document upload): how to build it
 * from the result, so the marker holds the very answer the client gets.
 */
export function shapeIdempotentAnswer(answer: (result: unknown) => unknown): void {
  const scope = scopes.getStore();
  if (scope) scope.answer = answer;
}

/**
 * The marker to append with a command's events, or undefined outside an idempotency scope.
 * `result` is the command's outcome as the route answers it (unless the route shaped it).
 */
export function idempotencyMarker(result: unknown, actor: { userId: string; role: string }): StreamAppend | undefined {
  const scope = scopes.getStore();
  if (!scope) return undefined;
  const body = scope.answer ? scope.answer(result) : result;
  return {
    streamId: `${IDEMPOTENCY_STREAM_PREFIX}${scope.key}`,
    expectedVersion: 'no_stream',
    events: [
      {
        type: IDEMPOTENT_OUTCOME_EVENT,
        // The answer as its JSON text: the stores keep event data in canonical form (keys sorted, for
        // the hash chain), and a replay must give the client the very bytes of the first answer.
        data: { requestHash: scope.requestHash, statusCode: scope.statusCode, answer: JSON.stringify(body ?? null) },
        metadata: { schemaVersion: 1, actor: { userId: actor.userId, role: actor.role } },
      },
    ],
  };
}

/** The append failed because this key's marker exists: the command was recorded before. */
export function isRecordedBefore(error: unknown): boolean {
  return error instanceof WrongExpectedVersionError && error.streamId.startsWith(IDEMPOTENCY_STREAM_PREFIX);
}

/** The outcome recorded with the events of an earlier run of this key, if any. */
export async function findRecordedOutcome(store: EventStore, key: string): Promise<RecordedOutcome | undefined> {
  const [marker] = await store.readStream(`${IDEMPOTENCY_STREAM_PREFIX}${key}`, { maxCount: 1 });
  if (!marker || marker.type !== IDEMPOTENT_OUTCOME_EVENT) return undefined;
  const { requestHash, statusCode, answer, body } = marker.data as Partial<RecordedOutcome> & { answer?: unknown };
  if (typeof requestHash !== 'string' || typeof statusCode !== 'number') return undefined;
  // Markers written before the answer was kept as text hold it as `body`.
  return { requestHash, statusCode, body: typeof answer === 'string' ? (JSON.parse(answer) as unknown) : body };
}
