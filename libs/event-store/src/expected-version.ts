// Optimistic concurrency check shared by the adapters that keep events in a table (sqlite, later
// postgres): one rule, so every adapter rejects exactly the same appends.
import { ExpectedVersion, WrongExpectedVersionError } from './port';

/**
 * Throws WrongExpectedVersionError unless the stream's current revision (undefined: no such stream)
 * matches what the caller expected.
 */
export function assertExpectedVersion(streamId: string, expected: ExpectedVersion, current: number | undefined): void {
  if (!matchesExpectedVersion(expected, current)) {
    throw new WrongExpectedVersionError(streamId, expected, current);
  }
}

function matchesExpectedVersion(expected: ExpectedVersion, current: number | undefined): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === undefined;
    case 'stream_exists':
      return current !== undefined;
    default:
      // -1 is the usual spelling of "no stream" in numeric form (EventStoreDB does the same).
      return expected === (current ?? -1);
  }
}
