import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ReadModels } from '../../../../libs/read-models/src/contracts';
import type { Clock } from '../../../../libs/runtime/src/clock';
import type { AppConfig } from '../../../../libs/runtime/src/config/app-config';
import { APP_CONFIG, CLOCK, READ_MODELS } from '../../../../libs/runtime/src/tokens';

/** How often the publication is checked: it changes when a quarter ends, or (rarely) by a late event. */
const INTERVAL_MS = 60_000;

/**
 * Solves the observers' publication (rule 22) at start and then every minute, in the background,
 * so that the first observer's question does not wait for the solver. Between changes a check
 * costs a comparison of the published counts.
 */
@Injectable()
export class ObserverPublicationWarmer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ObserverPublicationWarmer.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.warm();
    this.timer = setInterval(() => this.warm(), INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    // A solve under way would hold the shutdown for as long as it takes: stop it at its next pause.
    this.readModels.statistics.stopPublishing();
    await this.running;
  }

  private warm(): void {
    this.running ??= this.readModels.statistics
      .prepareObserverPublication(this.clock.now(), this.config.statisticsMinCellCount)
      .catch((e: unknown) => this.logger.warn(`Observer statistics not prepared: ${String(e)}`))
      .finally(() => (this.running = undefined));
  }
}
