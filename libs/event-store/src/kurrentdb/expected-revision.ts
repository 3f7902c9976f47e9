// The port's expected versions in the client's terms, and back (for error reports).
import { ANY, NO_STREAM, STREAM_EXISTS, type AppendStreamState, type CurrentStreamState } from '@kurrent/kurrentdb-client';
import type { ExpectedVersion } from '../port';

export function toStreamState(expected: ExpectedVersion): AppendStreamState {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      if (typeof expected !== 'number' || !Number.isSafeInteger(expected) || expected < -1) {
        throw new TypeError(`expectedVersion must be 'any', 'no_stream', 'stream_exists' or a revision >= -1, got ${String(expected)}`);
      }
      // -1 is the numeric spelling of "no stream" (as in the sqlite adapter and EventStoreDB itself).
      return expected === -1 ? NO_STREAM : BigInt(expected);
  }
}

/** The client's expected state as the port spells it (used when the caller's own value is unknown). */
export function fromStreamState(state: AppendStreamState): ExpectedVersion {
  return typeof state === 'bigint' ? Number(state) : state;
}

/** The stream's actual revision as the port reports it: undefined when there is no stream. */
export function fromCurrentState(state: CurrentStreamState | undefined): number | undefined {
  return typeof state === 'bigint' && state >= 0n ? Number(state) : undefined;
}
