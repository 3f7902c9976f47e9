// How a KurrentDB log position — a (commit, prepare) pair of 64-bit byte offsets in the transaction
// file — becomes the port's `position`, a JS number strictly increasing in delivery order, and back.
//
// Why one number can carry the pair faithfully: every event appended through the gRPC API (all
// KurrentDB/EventStoreDB servers from 20.6 on, single- and multi-stream appends alike) is written
// as a self-committing prepare record, and $all reports such an event at TFPos(LogPosition,
// LogPosition): commit === prepare. (The server's AllReader builds those positions that way; only
// events of explicit transactions from the legacy TCP API, which KurrentDB no longer offers, have a
// commit record after their prepares and so commit > prepare.) So the number IS the commit position
// and the prepare position at once, and decoding gives back the exact pair the server handed out.
// A pair that does not fit (commit !== prepare, or beyond 2^53 bytes = 8 PiB of log) is refused
// with an error that names it, never rounded: a checkpoint that silently pointed elsewhere would
// skip or repeat events. The port therefore stays as it is, and the SQLite/PostgreSQL adapters and
// the read models (bigint checkpoint columns) are untouched.
import type { Position } from '@kurrent/kurrentdb-client';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A server position the port's single number cannot represent without loss. */
export class UnrepresentableLogPositionError extends Error {
  constructor(
    readonly logPosition: Position,
    reason: string,
  ) {
    super(`KurrentDB log position commit=${logPosition.commit} prepare=${logPosition.prepare} cannot be a checkpoint: ${reason}`);
    this.name = 'UnrepresentableLogPositionError';
  }
}

/** The port's position of an event the server reported at `logPosition`. */
export function encodeLogPosition(logPosition: Position): number {
  const { commit, prepare } = logPosition;
  if (commit !== prepare) {
    throw new UnrepresentableLogPositionError(
      logPosition,
      'commit and prepare differ (an event of a legacy explicit transaction, not written by this adapter)',
    );
  }
  if (commit < 0n || commit > MAX_SAFE) {
    throw new UnrepresentableLogPositionError(logPosition, 'outside the range a JS number holds exactly');
  }
  return Number(commit);
}

/**
 * The server position to read or subscribe from for a port checkpoint: 'start' for 0 (nothing
 * read yet), else the exact (commit, prepare) pair of the event at that checkpoint.
 */
export function decodeLogPosition(position: number): Position | 'start' {
  if (!Number.isSafeInteger(position) || position < 0) {
    throw new RangeError(`position must be a non-negative safe integer, got ${String(position)}`);
  }
  if (position === 0) return 'start';
  const value = BigInt(position);
  return { commit: value, prepare: value };
}
