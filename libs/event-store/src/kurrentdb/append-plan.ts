// Turns the port's list of stream appends into what KurrentDB accepts. The server takes each stream
// at most once per (multi-stream) append and refuses empty writes, while the port allows a stream
// several times (each part checked against the revision the earlier parts leave) and empty parts
// (a pure version check). So parts of one stream are merged into one write whose first expected
// version the server checks; the later parts' expectations are checked here, against the revision
// the earlier parts must have produced, when that revision follows from the first expectation.
import { ExpectedVersion, WrongExpectedVersionError } from '../port';

export interface PlannedPart {
  /** Index of the part in the caller's list (results are returned in that order). */
  index: number;
  eventCount: number;
  expectedVersion: ExpectedVersion;
}

export interface StreamWrite {
  streamId: string;
  /** What the server must check: the first part's expectation (possibly pinned, see below). */
  expectedVersion: ExpectedVersion;
  parts: PlannedPart[];
  eventCount: number;
}

/** Groups parts per stream in first-appearance order. */
export function groupByStream(
  appends: readonly { streamId: string; expectedVersion: ExpectedVersion; eventCount: number }[],
): StreamWrite[] {
  const writes = new Map<string, StreamWrite>();
  appends.forEach((append, index) => {
    const part = { index, eventCount: append.eventCount, expectedVersion: append.expectedVersion };
    const write = writes.get(append.streamId);
    if (write) {
      write.parts.push(part);
      write.eventCount += append.eventCount;
    } else {
      writes.set(append.streamId, {
        streamId: append.streamId,
        expectedVersion: append.expectedVersion,
        parts: [part],
        eventCount: append.eventCount,
      });
    }
  });
  return [...writes.values()];
}

/**
 * The revision (undefined: no stream) the stream has after `eventsBefore` events appended on top of
 * an expectation that the server checked, or 'unknown' when that expectation does not fix it.
 */
export function revisionAfter(expected: ExpectedVersion, eventsBefore: number): number | undefined | 'unknown' {
  if (expected === 'no_stream') return eventsBefore === 0 ? undefined : eventsBefore - 1;
  if (typeof expected === 'number') {
    if (expected === -1) return eventsBefore === 0 ? undefined : eventsBefore - 1;
    return expected + eventsBefore;
  }
  return 'unknown';
}

/**
 * Checks the later parts of a write whose first expectation fixes the revision. Returns false when
 * it cannot tell (first part 'any' / 'stream_exists' and a later part needs the exact revision):
 * the caller then pins the first expectation to the stream's current revision and asks again.
 * Throws WrongExpectedVersionError for the first later part that cannot match, exactly as a store
 * checking part after part would.
 */
export function checkLaterParts(write: StreamWrite): boolean {
  let eventsBefore = write.parts[0].eventCount;
  for (const part of write.parts.slice(1)) {
    const actual = revisionAfter(write.expectedVersion, eventsBefore);
    const expected = part.expectedVersion;
    if (expected !== 'any') {
      if (actual === 'unknown') {
        // 'stream_exists' after appended events, or after a checked 'stream_exists', always holds.
        const exists = eventsBefore > 0 || write.expectedVersion === 'stream_exists';
        if (!(expected === 'stream_exists' && exists)) return false;
      } else if (!matches(expected, actual)) {
        throw new WrongExpectedVersionError(write.streamId, expected, actual);
      }
    }
    eventsBefore += part.eventCount;
  }
  return true;
}

export function matches(expected: ExpectedVersion, actual: number | undefined): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === undefined;
    case 'stream_exists':
      return actual !== undefined;
    default:
      return expected === (actual ?? -1);
  }
}

/** The revision each part leaves, given the revision before the write. */
export function partRevisions(write: StreamWrite, revisionBefore: number | undefined): (number | undefined)[] {
  let revision = revisionBefore ?? -1;
  return write.parts.map((part) => {
    revision += part.eventCount;
    return revision < 0 ? undefined : revision;
  });
}
