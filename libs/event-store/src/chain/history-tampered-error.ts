// Raised when a stream read from the store does not match its hash chain: a row was edited,
// removed or reordered behind the store's back. Never retried, never answered silently.

export class HistoryTamperedError extends Error {
  constructor(
    readonly streamId: string,
    /** The first revision whose content or link does not match. */
    readonly revision: number,
    readonly reason: 'content_changed' | 'link_broken' | 'hash_missing' | 'revision_gap',
  ) {
    super(`History of stream ${streamId} does not match its hash chain at revision ${revision} (${reason})`);
    this.name = 'HistoryTamperedError';
  }
}
