import { Logger } from '@nestjs/common';
import type { HealthCheckOutcome } from '../health/health.tokens';

/**
 * Whether the projections keep up. Behind the log alone is just busy; behind AND failing since the
 * position last moved is stuck (a batch that keeps failing is retried forever, and reads go stale).
 * No time window: the moment a batch applies again the position moves and readiness recovers.
 */
export class ProjectionHealth {
  private readonly logger = new Logger('Projections');
  private lastFailure?: { at: number; message: string };
  private seenPosition = -1;
  private movedAt = 0;

  readonly record = (error: unknown): void => {
    const message = error instanceof Error ? error.message : String(error);
    this.lastFailure = { at: Date.now(), message };
    this.logger.error(`Projection batch failed, retrying: ${message}`);
  };

  assess(position: number, head: number, now = Date.now()): HealthCheckOutcome {
    if (position !== this.seenPosition) {
      this.seenPosition = position;
      this.movedAt = now;
    }
    const lag = Math.max(0, head - position);
    const failing = this.lastFailure !== undefined && this.lastFailure.at >= this.movedAt;
    const lastFailure = failing ? { at: new Date(this.lastFailure!.at).toISOString(), message: this.lastFailure!.message } : undefined;
    return { ok: !(lag > 0 && failing), detail: { position, lag, ...(lastFailure ? { lastFailure } : {}) } };
  }
}
