// The event store port (docs/architecture.md). Adapters: sqlite (embedded), later postgres and
// kurrentdb. Every adapter passes the same contract suite (contract/event-store.contract.ts).

/**
 * The revision the caller expects the stream to be at:
 * - 'no_stream': the stream must not exist yet;
 * - 'stream_exists': it must exist, at any revision;
 * - 'any': no check;
 * - a number: the revision (0-based) of the stream's last event.
 */
export type ExpectedVersion = 'no_stream' | 'stream_exists' | 'any' | number;

export interface EventActor {
  userId: string;
  role: string;
  organisationId?: string;
}

export interface EventMetadata {
  /** Version of the event's data shape; upcasters lift older shapes when reading. */
  schemaVersion: number;
  actor?: EventActor;
  correlationId?: string;
  causationId?: string;
  [key: string]: unknown;
}

export interface NewEvent {
  /** Unique id; the adapter generates a UUID when absent. */
  id?: string;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

export interface StoredEvent {
  id: string;
  streamId: string;
  /** 0-based position within its stream. */
  revision: number;
  /** Position in the global log: strictly increasing in the order subscribers see events. */
  position: number;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  /** When the store recorded it (ISO 8601). */
  recordedAt: string;
}

export interface AppendResult {
  streamId: string;
  /** Revision of the last event appended: the expected version for the next append. */
  nextExpectedVersion: number;
  /** Global position of the last event appended. */
  position: number;
}

export interface StreamAppend {
  streamId: string;
  expectedVersion: ExpectedVersion;
  events: NewEvent[];
}

export interface ReadStreamOptions {
  /** 'backwards' reads from the newest event down: `maxCount: 1` gives the last event alone. */
  direction?: 'forwards' | 'backwards';
  /** First revision to read (inclusive). Default 0 forwards, the stream's end backwards. */
  fromRevision?: number;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Read events strictly after this global position. Default: from the beginning. */
  after?: number;
  maxCount?: number;
  /** Only streams whose id starts with this prefix. */
  streamPrefix?: string;
}

export interface SubscribeOptions {
  /** Deliver events strictly after this checkpoint. Default: from the beginning. */
  after?: number;
  streamPrefix?: string;
  /** Largest batch handed to the handler at once. */
  batchSize?: number;
  /** Called when the handler or the store fails; the subscription retries the same batch after a pause. */
  onError?: (error: unknown) => void;
}

export interface Subscription {
  /** Stops delivery; resolves once the handler is no longer running. */
  stop(): Promise<void>;
}

export interface ChainHeadsOptions {
  /** Only streams with an event at a log position after this one (0: every stream). */
  after?: number;
}

export interface EventStore {
  /** Appends atomically to one stream. Throws WrongExpectedVersionError on a version mismatch. */
  appendToStream(streamId: string, events: NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult>;
  /** Appends to several streams in one atomic transaction: all or nothing. */
  appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]>;
  /** A stream's events in revision order; [] for a stream that does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  /** The global log in position order. */
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  /**
   * Catch-up subscription: delivers every event after the checkpoint, in order, in batches,
   * then keeps delivering new ones. The next batch waits until the handler's promise settles.
   */
  subscribeToAll(handler: (events: StoredEvent[]) => Promise<void>, options?: SubscribeOptions): Subscription;
  /**
   * The last event's chain hash of every stream whose id starts with the prefix (for signed
   * checkpoints), sorted by stream id. With `after`, only the streams with an event after that log
   * position (what changed since a checkpoint). Optional: a store without a hash chain (a test
   * double, say) leaves it out.
   */
  chainHeads?(streamPrefix: string, options?: ChainHeadsOptions): Promise<{ streamId: string; revision: number; hash: string }[]>;
  /** Position of the newest event in the log, 0 when empty. */
  headPosition(): Promise<number>;
  close(): Promise<void>;
}

export class WrongExpectedVersionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    /** The stream's current revision, or -1 / undefined when it does not exist. */
    readonly actual: number | undefined,
  ) {
    super(`Stream ${streamId} is at revision ${actual ?? 'none'}, expected ${String(expected)}`);
    this.name = 'WrongExpectedVersionError';
  }
}

/** The store cannot be reached or failed; the API answers 503 with Retry-After. */
export class EventStoreUnavailableError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'EventStoreUnavailableError';
  }
}
