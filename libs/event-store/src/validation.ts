// Argument checks shared by adapters. These are caller bugs, so they throw plain TypeError /
// RangeError before touching the store (never EventStoreUnavailableError, which means "retry later").

export function assertStreamId(streamId: unknown): asserts streamId is string {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw new TypeError('streamId must be a non-empty string');
  }
}

export function assertCount(name: string, value: number | undefined): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
    throw new RangeError(`${name} must be a non-negative integer, got ${String(value)}`);
  }
}

/** Positions and revisions may be 0 ("from the start") but never negative or fractional. */
export function assertPosition(name: string, value: number | undefined): void {
  assertCount(name, value);
}
