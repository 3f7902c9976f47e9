import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { EventStore } from '../../../../libs/event-store/src/port';
import type { OpenedReadModels } from '../../../../libs/read-models/src';
import { systemClock, type Clock } from '../../../../libs/runtime/src/clock';
import { CLOCK, EVENT_STORE, READ_MODELS } from '../../../../libs/runtime/src/tokens';
import type { AppConfig } from '../../../../libs/runtime/src/config/app-config';
import { HEALTH_CHECKS } from '../health/health.tokens';
import { PROJECTION_RUNNER, READ_MODEL_HANDLE } from './infrastructure.tokens';
import { openConfiguredReadModels, openEventStore } from '../../../../libs/runtime/src/open-stores';
import { ProjectionHealth } from './projection-health';
import { HistoryIntegrity } from './history-integrity';
import { StoreLifecycle } from './store-lifecycle';


/**
 * The stores behind the ports (see open-stores.ts). Embedded mode: events in
 * `<DATA_DIR>/events.sqlite`, read models in `<DATA_DIR>/read-models.sqlite`. The projections run
 * in this process unless PROJECTIONS=off (then projector processes run them and this one follows
 * their checkpoints for read-your-writes).
 */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(options: { config: AppConfig; clock?: Clock }): DynamicModule {
    const { config } = options;
    return {
      module: InfrastructureModule,
      providers: [
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        {
          provide: EVENT_STORE,
          useFactory: (): Promise<EventStore> => openEventStore(config),
        },
        {
          provide: READ_MODEL_HANDLE,
          // After the event store: on PostgreSQL both may create the same schema.
          useFactory: (_store: EventStore) => openConfiguredReadModels(config),
          inject: [EVENT_STORE],
        },
        { provide: READ_MODELS, useFactory: (h: OpenedReadModels) => h.readModels, inject: [READ_MODEL_HANDLE] },
        { provide: ProjectionHealth, useValue: new ProjectionHealth() },
        { provide: HistoryIntegrity, useValue: new HistoryIntegrity() },
        {
          provide: PROJECTION_RUNNER,
          useFactory: (h: OpenedReadModels, store: EventStore, health: ProjectionHealth) =>
            h.createProjectionRunner(store, {
              mode: config.projections,
              lockRetryMs: config.projectionLockRetryMs,
              onError: health.record,
            }),
          inject: [READ_MODEL_HANDLE, EVENT_STORE, ProjectionHealth],
        },
        StoreLifecycle,
        {
          provide: HEALTH_CHECKS,
          useFactory: (lifecycle: StoreLifecycle) => lifecycle.healthChecks(),
          inject: [StoreLifecycle],
        },
      ],
      exports: [CLOCK, EVENT_STORE, READ_MODELS, PROJECTION_RUNNER, READ_MODEL_HANDLE, HEALTH_CHECKS, HistoryIntegrity],
    };
  }
}
