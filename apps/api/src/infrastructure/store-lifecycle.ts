import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { EventStore } from '../../../../libs/event-store/src/port';
import type { OpenedReadModels } from '../../../../libs/read-models/src';
import type { ProjectionRunner } from '../../../../libs/read-models/src/contracts';
import { APP_CONFIG, EVENT_STORE } from '../../../../libs/runtime/src/tokens';
import type { AppConfig } from '../../../../libs/runtime/src/config/app-config';
import { PROJECTION_RUNNER, READ_MODEL_HANDLE } from './infrastructure.tokens';
import type { HealthCheck } from '../health/health.tokens';
import { ProjectionHealth } from './projection-health';
import { HistoryIntegrity } from './history-integrity';

/** Starts the projections (or the checkpoint watcher) before the API serves, so a restart answers from caught-up read models. */
@Injectable()
export class StoreLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(StoreLifecycle.name);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_HANDLE) private readonly readModels: OpenedReadModels,
    @Inject(PROJECTION_RUNNER) private readonly projections: ProjectionRunner,
    private readonly projectionHealth: ProjectionHealth,
    private readonly integrity: HistoryIntegrity,
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
    // Each asks its store afresh: readiness is red exactly while a store does not answer.
    return [
      { name: 'eventStore', run: async () => ({ ok: true, detail: { headPosition: await this.store.headPosition() } }) },
      {
        name: 'readModels',
        run: async () => {
          await this.readModels.readModels.getCase('00000000-0000-4000-8000-000000000000');
          return { ok: true };
        },
      },
      {
        name: 'projections',
        run: async () => this.projectionHealth.assess(this.projections.position(), await this.store.headPosition()),
      },
      // Down on /health while any case's history failed its hash chain: the record itself is in doubt,
      // which an operator must see at once, not find later in a log. Advisory: every other case is
      // still served, so the instance stays in /health/ready.
      {
        name: 'history',
        advisory: true,
        run: async () => {
          const tampered = this.integrity.list();
          return { ok: tampered.length === 0, detail: { tamperedStreams: tampered } };
        },
      },
    ];
  }
}
