// The client's failures in the port's terms, one rule for every call:
// - its wrong-expected-version error becomes ours, with the caller's own expected version;
// - anything that says "the server is not there or not answering" becomes EventStoreUnavailableError
//   (the API answers 503 with Retry-After);
// - caller mistakes (bad arguments, oversized appends, a deleted stream) stay as they are.
import {
  ErrorType,
  WrongExpectedVersionError as ClientWrongExpectedVersionError,
  isCommandError,
  type AppendStreamState,
} from '@kurrent/kurrentdb-client';
import { EventStoreUnavailableError, ExpectedVersion, WrongExpectedVersionError } from '../port';
import { fromCurrentState, fromStreamState } from './expected-revision';

/** gRPC status codes that mean the call never got a real answer. */
const UNAVAILABLE_GRPC_CODES = new Set([
  1, // CANCELLED (by the server or a dropped connection)
  4, // DEADLINE_EXCEEDED
  8, // RESOURCE_EXHAUSTED
  13, // INTERNAL
  14, // UNAVAILABLE
]);

/** Client error types that say nothing about the request itself: retrying later may succeed. */
const UNAVAILABLE_TYPES = new Set<string>([
  ErrorType.TIMEOUT,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.UNAVAILABLE,
  ErrorType.CANCELLED,
  ErrorType.NOT_LEADER,
  ErrorType.UNKNOWN,
  ErrorType.ACCESS_DENIED, // wrong credentials in KURRENTDB_URL: the store is unusable until fixed
  ErrorType.UNSUPPORTED, // e.g. multi-stream append on a server older than 25.1
]);

export interface ErrorContext {
  /** What was being done, for the message: 'append', 'readStream', ... */
  operation: string;
  /** The caller's expected version per stream, to report it exactly as the caller said it. */
  expectedVersionOf?: (streamId: string) => ExpectedVersion | undefined;
}

export function toPortError(error: unknown, context: ErrorContext): unknown {
  if (
    error instanceof WrongExpectedVersionError ||
    error instanceof EventStoreUnavailableError ||
    error instanceof TypeError ||
    error instanceof RangeError
  ) {
    return error;
  }
  if (error instanceof ClientWrongExpectedVersionError) {
    const streamId = error.streamName;
    const expected = context.expectedVersionOf?.(streamId) ?? fromStreamState(error.expectedState as AppendStreamState);
    return new WrongExpectedVersionError(streamId, expected, fromCurrentState(error.actualState));
  }
  if (isUnavailable(error)) {
    const detail = error instanceof Error ? error.message || error.name : String(error);
    return new EventStoreUnavailableError(`Event store ${context.operation} failed: ${detail}`, error);
  }
  return error;
}

export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (isCommandError(error)) return UNAVAILABLE_TYPES.has(error.type);
  // Errors the client passes through unconverted: raw gRPC statuses (e.g. "14 UNAVAILABLE: No
  // connection established") and its discovery failure.
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'number') return UNAVAILABLE_GRPC_CODES.has(code);
  return /failed to discover/i.test(error.message);
}
