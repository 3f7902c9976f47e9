import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError, type Actor } from '../../../../libs/domain/src';
import type { ReadModels } from '../../../../libs/read-models/src/contracts';
import type { Clock } from '../../../../libs/runtime/src/clock';
import { CaseNotFoundError, VersionConflictError } from '../common/errors';
import { CLOCK, READ_MODELS } from '../../../../libs/runtime/src/tokens';
import { CommandBus } from '@nestjs/cqrs';
import { RunDisputeCommand } from '../disputes/application/dispute-commands';
import { DEADLINE_SCAN_INTERVAL_MS } from './deadline.tokens';

export const SYSTEM_ACTOR: Actor = { userId: 'system:deadline-scheduler', role: 'system' };
const BATCH = 100;

/**
 * Records DeadlineMissed for every open deadline whose time has come. The read model only finds
 * candidates; the decision is the domain's, on the stream, with an expected version. So a
 * deadline is missed exactly once even with several processes scanning or after a restart: the
 * loser of a race, or a second scan, is refused by the domain and skipped.
 */
@Injectable()
export class DeadlineScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DEADLINE_SCAN_INTERVAL_MS) private readonly intervalMs: number,
    private readonly commandBus: CommandBus,
  ) {}

  onApplicationBootstrap(): void {
    if (this.intervalMs <= 0) return;
    this.timer = setInterval(() => void this.tick().catch((e) => this.logger.error(`Deadline scan failed: ${String(e)}`)), this.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One scan; returns how many deadlines this process recorded as missed. Overlapping calls share one scan. */
  tick(): Promise<number> {
    this.running ??= this.scan().finally(() => (this.running = undefined));
    return this.running;
  }

  private async scan(): Promise<number> {
    let recorded = 0;
    const skipped = new Set<string>();
    for (;;) {
      const due = (await this.readModels.dueDeadlines(this.clock.now(), BATCH + skipped.size)).filter(
        (d) => !skipped.has(`${d.disputeId}/${d.deadlineId}`),
      );
      if (due.length === 0) return recorded;
      for (const deadline of due) {
        if (await this.recordMissed(deadline.disputeId, deadline.deadlineId)) recorded++;
        // The projection drops the row once applied; skipping also guards against a stale row.
        skipped.add(`${deadline.disputeId}/${deadline.deadlineId}`);
      }
    }
  }

  private async recordMissed(disputeId: string, deadlineId: string): Promise<boolean> {
    try {
      await this.commandBus.execute(
        new RunDisputeCommand(disputeId, { type: 'record-deadline-missed', deadlineId }, SYSTEM_ACTOR, {
          correlationId: `deadline-scan-${randomUUID()}`,
        }),
      );
      return true;
    } catch (error) {
      // Already recorded (by us earlier or another process), extended, or the case has closed.
      if (error instanceof DomainError || error instanceof CaseNotFoundError || error instanceof VersionConflictError) {
        return false;
      }
      throw error;
    }
  }
}
