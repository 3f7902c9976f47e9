// Catch-up subscription to $all on top of the server's own (push) subscription: events arrive as
// the server sends them (server-side stream-name filter), are queued, and handed to the handler in
// batches — whatever arrived while the handler ran becomes the next batch. The loop owns the
// checkpoint: it moves only when the handler accepted a batch, a failed batch is retried as is, and
// when the server connection fails the subscription is reopened from that checkpoint. Events at or
// before the checkpoint (a start position is inclusive on the server, and a reopened subscription
// repeats what was queued but not handled) are dropped here by position, so nothing is skipped,
// repeated or reordered.
import type { AllStreamResolvedEvent, AllStreamSubscription } from '@kurrent/kurrentdb-client';
import type { StoredEvent, Subscription } from '../port';

export interface KurrentDbSubscriptionOptions {
  after: number;
  batchSize: number;
  onError: (error: unknown) => void;
  /** Opens the server subscription from a checkpoint (0: from the start). */
  open: (after: number) => AllStreamSubscription;
  /** The port's event for a delivered record; undefined to skip it (not ours). Throws for a record it cannot read. */
  toEvent: (resolved: AllStreamResolvedEvent) => StoredEvent | undefined;
}

/** Pauses after consecutive failures; the last one repeats. */
const RETRY_DELAYS_MS = [50, 100, 250, 500, 1000, 2000, 5000];

export class KurrentDbSubscription implements Subscription {
  private stopped = false;
  private checkpoint: number;
  /** Position of the last event queued from the current server subscription. */
  private lastQueued: number;
  private queue: StoredEvent[] = [];
  private server: AllStreamSubscription | undefined;
  private serverFailure: unknown;
  private wake: (() => void) | undefined;
  /** True while waiting for events: only then does an arriving event end the wait early. */
  private idle = false;
  readonly finished: Promise<void>;

  constructor(
    private readonly handler: (events: StoredEvent[]) => Promise<void>,
    private readonly options: KurrentDbSubscriptionOptions,
  ) {
    this.checkpoint = options.after;
    this.lastQueued = options.after;
    this.finished = this.run().finally(() => this.closeServer());
  }

  /** Resolves once the handler is no longer running. Do not await it from inside the handler. */
  stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    return this.finished;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      if (!this.server) {
        try {
          this.connect();
        } catch (error) {
          this.report(error);
          await this.pause(retryDelay(failures++));
          continue;
        }
      }
      if (this.queue.length === 0) {
        if (this.serverFailure !== undefined) {
          // Everything received before the failure has been handled: reopen from the checkpoint.
          this.report(this.serverFailure);
          this.closeServer();
          await this.pause(retryDelay(failures++));
          continue;
        }
        await this.pause(undefined, true);
        continue;
      }
      const batch = this.queue.splice(0, this.options.batchSize);
      while (!this.stopped) {
        try {
          await this.handler(batch);
          this.checkpoint = batch[batch.length - 1].position;
          failures = 0;
          break;
        } catch (error) {
          this.report(error);
          await this.pause(retryDelay(failures++));
        }
      }
      if (this.server?.isPaused() && this.queue.length < this.options.batchSize) this.server.resume();
    }
  }

  private connect(): void {
    this.queue = [];
    this.serverFailure = undefined;
    this.lastQueued = this.checkpoint;
    const server = this.options.open(this.checkpoint);
    this.server = server;
    server.on('data', (resolved: AllStreamResolvedEvent) => {
      if (this.server !== server || this.serverFailure !== undefined) return;
      let event: StoredEvent | undefined;
      try {
        event = this.options.toEvent(resolved);
      } catch (error) {
        this.fail(server, error);
        return;
      }
      if (!event || event.position <= this.lastQueued) return;
      this.lastQueued = event.position;
      this.queue.push(event);
      // Back-pressure: the server stops sending while a couple of batches wait.
      if (this.queue.length >= 2 * this.options.batchSize) server.pause();
      if (this.idle) this.wake?.();
    });
    server.on('error', (error: unknown) => this.fail(server, error));
    server.on('end', () => this.fail(server, new Error('The KurrentDB subscription ended')));
  }

  private fail(server: AllStreamSubscription, error: unknown): void {
    if (this.server !== server || this.serverFailure !== undefined || this.stopped) return;
    this.serverFailure = error;
    server.pause();
    if (this.idle) this.wake?.();
  }

  private closeServer(): void {
    const server = this.server;
    this.server = undefined;
    this.queue = [];
    if (!server) return;
    server.removeAllListeners('data');
    server.on('error', () => undefined); // a late error of a closed subscription is expected noise
    void server.unsubscribe().catch(() => undefined);
  }

  /**
   * Sleeps `ms` (undefined: no time limit). stop() always ends it; a new event or a server failure
   * only when `idle` (waiting for events), not during a retry pause.
   */
  private pause(ms: number | undefined, idle = false): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        if (timer) clearTimeout(timer);
        this.wake = undefined;
        this.idle = false;
        resolve();
      };
      const timer = ms === undefined ? undefined : setTimeout(done, ms);
      this.wake = done;
      this.idle = idle;
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
