import { Logger } from '@nestjs/common';

/** How long a projection failure keeps the projections unhealthy while they lag behind the log. */
const FAILURE_WINDOW_MS = 60_000;

/**
 * Remembers the projections' latest failure, so /health can say that the read models are stuck
 * (a batch that keeps failing is retried forever, and reads go stale) instead of only logging it.
 */
export class ProjectionFailures {
  private readonly logger = new Logger('Projections');
  private last?: { at: number; message: string };

  readonly record = (error: unknown): void => {
    const message = error instanceof Error ? error.message : String(error);
    this.last = { at: Date.now(), message };
    this.logger.error(`Projection batch failed, retrying: ${message}`);
  };

  /** The latest failure if it is recent, else undefined. */
  recent(now = Date.now()): { at: string; message: string } | undefined {
    if (!this.last || now - this.last.at > FAILURE_WINDOW_MS) return undefined;
    return { at: new Date(this.last.at).toISOString(), message: this.last.message };
  }
}
