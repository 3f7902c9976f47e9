// The last event of each stream this process appended to or read to the end: what the process
// links the next append to without asking the database first. An entry may be out of date (another
// process appended since); the append function then refuses the link ('stale') and the store asks
// the database and links again, so a stale entry costs a retry, never a wrong chain.

export interface StreamHead {
  revision: number;
  /** null only for a row written without the chain, behind the store's back (reads then fail). */
  hash: string | null;
  /** ISO 8601 in UTC with milliseconds, as hashed. */
  recordedAt: string;
}

/** Bounded: the least recently stored entries go first (a Map keeps insertion order). */
export class StreamHeads {
  private readonly heads = new Map<string, StreamHead>();

  constructor(private readonly capacity = 10_000) {}

  get(streamId: string): StreamHead | undefined {
    return this.heads.get(streamId);
  }

  /** Keeps the later of the known and the given head: a read that finished after an append reports an older one. */
  remember(streamId: string, head: StreamHead): void {
    const known = this.heads.get(streamId);
    if (known !== undefined && known.revision > head.revision) return;
    this.heads.delete(streamId);
    this.heads.set(streamId, head);
    if (this.heads.size > this.capacity) this.heads.delete(this.heads.keys().next().value as string);
  }

  forget(streamId: string): void {
    this.heads.delete(streamId);
  }
}
