// Application errors besides the domain's DomainError and the store's errors; the problem+json
// filter maps each to its status.

/** Unknown case, or one the caller may not see: both answer 404 so existence does not leak. */
export class CaseNotFoundError extends Error {
  constructor(readonly disputeId: string) {
    super(`No dispute ${disputeId} that you can see.`);
    this.name = 'CaseNotFoundError';
  }
}

/** If-Match did not match, or a concurrent change won the race: 409. */
export class VersionConflictError extends Error {
  constructor(
    readonly expected: number | undefined,
    readonly actual: number,
  ) {
    super(
      expected === undefined
        ? `The case changed while your command ran (now at version ${actual}); reload it and try again.`
        : `The case is at version ${actual}, not ${expected}: someone changed it after you loaded it. Reload it and decide again.`,
    );
    this.name = 'VersionConflictError';
  }
}

/** The same Idempotency-Key was sent with a different request: 422. */
export class IdempotencyKeyReusedError extends Error {
  constructor() {
    super('This Idempotency-Key was already used for a different request; use a new key for a new request.');
    this.name = 'IdempotencyKeyReusedError';
  }
}

/** A duplicate waited too long for the first request with its Idempotency-Key to answer: 409. */
export class IdempotentRequestInProgressError extends Error {
  constructor() {
    super('A request with this Idempotency-Key is still being processed; retry it in a moment.');
    this.name = 'IdempotentRequestInProgressError';
  }
}
