// Shared by every adapter: a reused event id is neither a version conflict nor an outage.

/**
 * An appended event reused an id already in the store: a caller bug or a blind retry of an append
 * that did succeed. Not a version conflict and not an outage.
 */
export class DuplicateEventIdError extends Error {
  constructor(readonly eventId: string) {
    super(`An event with id ${eventId} is already in the store`);
    this.name = 'DuplicateEventIdError';
  }
}
