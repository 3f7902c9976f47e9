import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { EventStore } from '../../../../libs/event-store/src/port';
import type { OpenedReadModels } from '../../../../libs/read-models/src';
import type { ProjectionRunner } from '../../../../libs/read-models/src/contracts';
import { APP_CONFIG, EVENT_STORE } from '../../../../libs/runtime/src/tokens';
import type { AppConfig } from '../../../../libs/runtime/src/config/app-config';
import { PROJECTION_RUNNER, READ_MODEL_HANDLE } from './infrastructure.tokens';
import { ProjectionFailures } from './projection-failures';

type HealthCheck = () => Promise<{ name: string; ok: boolean; detail?: unknown }>;

/** Starts the projections (or the checkpoint watcher) before the API serves, so a restart answers from caught-up read models. */
@Injectable()
export class StoreLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(StoreLifecycle.name);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_HANDLE) private readonly readModels: OpenedReadModels,
    @Inject(PROJECTION_RUNNER) private readonly projections: ProjectionRunner,
    private readonly failures: ProjectionFailures,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.projections.start();
    // PROJECTIONS=off: projector processes catch up; this one must not refuse to start meanwhile.
    if (this.config.projections === 'off') return;
    const head = await this.store.headPosition();
    await this.projections.waitForPosition(head, 600_000);
    this.logger.log(`Projections caught up to position ${head}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projections.stop();
    await this.readModels.close();
    await this.store.close();
  }

  healthChecks(): HealthCheck[] {
    return [
      async () => {
        const head = await this.store.headPosition();
        return { name: 'eventStore', ok: true, detail: { headPosition: head } };
      },
      async () => {
        const head = await this.store.headPosition();
        const position = this.projections.position();
        const lag = Math.max(0, head - position);
        const lastFailure = this.failures.recent();
        // Behind the log AND failing: reads are going stale. Behind alone is just busy.
        return { name: 'projections', ok: !(lag > 0 && lastFailure), detail: { position, lag, ...(lastFailure ? { lastFailure } : {}) } };
      },
    ];
  }
}
