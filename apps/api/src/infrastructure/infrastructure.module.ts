import { Global, Module, type DynamicModule } from '@nestjs/common';
import { join } from 'node:path';
import { SqliteEventStore } from '../../../../libs/event-store/src';
import type { EventStore } from '../../../../libs/event-store/src/port';
import { openReadModels } from '../../../../libs/read-models/src';
import { systemClock, type Clock } from '../common/clock';
import { CLOCK, EVENT_STORE, READ_MODELS } from '../common/tokens';
import type { AppConfig } from '../config/app-config';
import { HEALTH_CHECKS } from '../health/health.tokens';
import { PROJECTION_RUNNER, READ_MODEL_HANDLE } from './infrastructure.tokens';
import { ProjectionFailures } from './projection-failures';
import { StoreLifecycle } from './store-lifecycle';

type ReadModelHandle = Awaited<ReturnType<typeof openReadModels>>;

/**
 * The stores behind the ports. Embedded mode: events in `<DATA_DIR>/events.sqlite`, read models
 * in `<DATA_DIR>/read-models.sqlite`, and the projections running in this process.
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
          useFactory: async (): Promise<EventStore> => {
            if (config.eventStore !== 'sqlite') {
              throw new Error(`EVENT_STORE=${config.eventStore} is not available in this version; use EVENT_STORE=sqlite.`);
            }
            return SqliteEventStore.open({ filename: join(config.dataDir, 'events.sqlite') });
          },
        },
        { provide: READ_MODEL_HANDLE, useFactory: () => openReadModels({ dataDir: config.dataDir }) },
        { provide: READ_MODELS, useFactory: (h: ReadModelHandle) => h.readModels, inject: [READ_MODEL_HANDLE] },
        { provide: ProjectionFailures, useValue: new ProjectionFailures() },
        {
          provide: PROJECTION_RUNNER,
          useFactory: (h: ReadModelHandle, store: EventStore, failures: ProjectionFailures) =>
            h.createProjectionEngine(store, { onError: failures.record }),
          inject: [READ_MODEL_HANDLE, EVENT_STORE, ProjectionFailures],
        },
        StoreLifecycle,
        {
          provide: HEALTH_CHECKS,
          useFactory: (lifecycle: StoreLifecycle) => lifecycle.healthChecks(),
          inject: [StoreLifecycle],
        },
      ],
      exports: [CLOCK, EVENT_STORE, READ_MODELS, PROJECTION_RUNNER, HEALTH_CHECKS],
    };
  }
}
