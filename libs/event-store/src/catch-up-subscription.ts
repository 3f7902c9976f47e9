// Catch-up subscription loop shared by adapters whose global log is an ordered table with a
// gap-free commit order (sqlite; postgres, whose appends take positions in commit order under a lock).
// The loop owns the checkpoint, so an event is handed over at most once per successful handler
// call, in position order, and a failed batch is retried as is: no loss, no skip, no reordering.
import type { EventEmitter } from 'node:events';
import type { StoredEvent, SubscribeOptions, Subscription } from './port';
import { assertPosition } from './validation';

export interface CatchUpSource {
  /** Events strictly after `after`, in position order, at most `maxCount`. */
  read(after: number, maxCount: number, streamPrefix: string | undefined): Promise<StoredEvent[]>;
  /** Calls `listener` whenever this process committed new events; returns the unsubscribe function. */
  onAppended(listener: () => void): () => void;
}

export interface CatchUpOptions {
  after: number;
  streamPrefix: string | undefined;
  batchSize: number;
  /** Idle re-read interval: how writers in OTHER processes (no in-process signal) are noticed. */
  pollIntervalMs: number;
  onError: (error: unknown) => void;
}

/** Retry pauses after consecutive failures; the last one repeats. Short first: most faults are blips. */
const RETRY_DELAYS_MS = [50, 100, 250, 500, 1000, 2000, 5000];

export class CatchUpSubscription implements Subscription {
  private stopped = false;
  /** Set by the append signal; lets the loop notice a commit made while it was reading. */
  private appendedSinceRead = false;
  private idle = false;
  private wake: (() => void) | undefined;
  private readonly unlisten: () => void;
  /** Settles when the loop has exited, so no handler is running any more. */
  readonly finished: Promise<void>;

  constructor(
    private readonly source: CatchUpSource,
    private readonly handler: (events: StoredEvent[]) => Promise<void>,
    private readonly options: CatchUpOptions,
  ) {
    this.unlisten = source.onAppended(() => {
      this.appendedSinceRead = true;
      if (this.idle) this.wake?.();
    });
    this.finished = this.run().finally(() => this.unlisten());
  }

  /**
   * Resolves once the handler is no longer running. Do not await it from inside the handler:
   * the loop waits for the handler, so that would never resolve.
   */
  stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    return this.finished;
  }

  private async run(): Promise<void> {
    let checkpoint = this.options.after;
    let failures = 0;
    while (!this.stopped) {
      this.appendedSinceRead = false;
      let batch: StoredEvent[];
      try {
        batch = await this.source.read(checkpoint, this.options.batchSize, this.options.streamPrefix);
      } catch (error) {
        this.report(error);
        await this.pause(retryDelay(failures++), false);
        continue;
      }
      if (batch.length === 0) {
        // Caught up: sleep until an in-process append (fast path) or the poll timer (other processes).
        if (!this.appendedSinceRead) await this.pause(this.options.pollIntervalMs, true);
        continue;
      }
      // Same batch until the handler accepts it; only then does the checkpoint move.
      while (!this.stopped) {
        try {
          await this.handler(batch);
          checkpoint = batch[batch.length - 1].position;
          failures = 0;
          break;
        } catch (error) {
          this.report(error);
          await this.pause(retryDelay(failures++), false);
        }
      }
      // A short batch held everything committed when it was read (positions are taken in commit
      // order): reading again would find nothing unless an append came since. Under a trickle of
      // commands that empty read was one round trip in two of every subscription. Appends of other
      // processes without a signal (SQLite) are found by the poll, as when idle.
      if (batch.length < this.options.batchSize && !this.appendedSinceRead) await this.pause(this.options.pollIntervalMs, true);
    }
  }

  /** Sleeps `ms`; stop() always cuts it short, an append only when `wakeOnAppend` (idle wait). */
  private pause(ms: number, wakeOnAppend: boolean): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        this.idle = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
      this.idle = wakeOnAppend;
    });
  }

  private report(error: unknown): void {
    try {
      this.options.onError(error);
    } catch {
      // A failing error reporter must not kill the subscription loop.
    }
  }
}

function retryDelay(failures: number): number {
  return RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length - 1)];
}

/** What an adapter with a local append signal hands to `startCatchUp`. */
export interface LocalCatchUp {
  read: CatchUpSource['read'];
  /** Emits 'appended' whenever this process (or a notification from another) committed events. */
  appended: EventEmitter;
  /** The adapter's running subscriptions, so close() can stop them; each removes itself when done. */
  subscriptions: Set<CatchUpSubscription>;
  pollIntervalMs: number;
  defaultBatchSize: number;
}

/** subscribeToAll for the table-backed adapters: validates the options, starts and tracks the loop. */
export function startCatchUp(
  local: LocalCatchUp,
  handler: (events: StoredEvent[]) => Promise<void>,
  options: SubscribeOptions,
): CatchUpSubscription {
  assertPosition('after', options.after);
  const batchSize = options.batchSize ?? local.defaultBatchSize;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be a positive integer');
  const subscription = new CatchUpSubscription(
    {
      read: local.read,
      onAppended: (listener) => {
        local.appended.on('appended', listener);
        return () => local.appended.off('appended', listener);
      },
    },
    handler,
    {
      after: options.after ?? 0,
      streamPrefix: options.streamPrefix,
      batchSize,
      pollIntervalMs: local.pollIntervalMs,
      onError: options.onError ?? ((error) => console.error('Event store subscription error; retrying', error)),
    },
  );
  local.subscriptions.add(subscription);
  void subscription.finished.finally(() => local.subscriptions.delete(subscription));
  return subscription;
}
