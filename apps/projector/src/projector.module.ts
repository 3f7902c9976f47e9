import { Inject, Injectable, Logger, Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { EventStore } from '../../../libs/event-store/src/port';
import type { OpenedReadModels } from '../../../libs/read-models/src';
import type { ProjectionRunner } from '../../../libs/read-models/src/contracts';
import { ConfigModule, type AppConfig } from '../../../libs/runtime/src/config/app-config';
import { openConfiguredReadModels, openEventStore } from '../../../libs/runtime/src/open-stores';
import { DirectoryService } from '../../../libs/directory/src/directory.service';
import { NOTIFICATION_STORE, NotificationRuntime, RUN_NOTIFIER } from '../../../libs/notifications/src';
import { systemClock } from '../../../libs/runtime/src/clock';
import { CLOCK, EVENT_STORE as RUNTIME_EVENT_STORE } from '../../../libs/runtime/src/tokens';

const EVENT_STORE = Symbol('EVENT_STORE');
const READ_MODELS = Symbol('READ_MODELS');
const RUNNER = Symbol('PROJECTION_RUNNER');

export interface ProjectorOptions {
  config: AppConfig;
}

/** Runs the projections from start-up to shutdown; on PostgreSQL only those whose lock it holds. */
@Injectable()
class ProjectorLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Projector');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: OpenedReadModels,
    @Inject(RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.runner.start();
    const where = this.readModels.location.kind === 'postgres' ? `PostgreSQL schema ${this.readModels.location.schema}` : this.readModels.location.filename;
    this.logger.log(`Projector running: read models in ${where}, at position ${this.runner.position()}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    await this.readModels.close();
    await this.store.close();
  }
}

/**
 * The standalone projector: no HTTP, just the event store, the read models and the projection
 * runner. Several may run (and API processes with PROJECTIONS=inline too); on PostgreSQL each
 * projection runs in one of them at a time, and a standby takes over when the active one dies.
 */
@Module({})
export class ProjectorModule {
  static forRoot(options: ProjectorOptions): DynamicModule {
    const { config } = options;
    const logger = new Logger('Projector');
    return {
      module: ProjectorModule,
      imports: [ConfigModule.forRoot(config)],
      providers: [
        { provide: EVENT_STORE, useFactory: () => openEventStore(config) },
        // After the event store: on PostgreSQL both may create the same schema.
        { provide: READ_MODELS, useFactory: (_store: EventStore) => openConfiguredReadModels(config), inject: [EVENT_STORE] },
        {
          provide: RUNNER,
          useFactory: (readModels: OpenedReadModels, store: EventStore) =>
            readModels.createProjectionRunner(store, {
              mode: 'inline',
              lockRetryMs: config.projectionLockRetryMs,
              onError: (error) => logger.error(`Projection batch failed, retrying: ${error instanceof Error ? error.message : String(error)}`),
              onLeadership: (projection, leading) =>
                logger.log(leading ? `Running projection ${projection}` : `Stopped running projection ${projection}`),
            }),
          inject: [READ_MODELS, EVENT_STORE],
        },
        ProjectorLifecycle,
        // Notifications: the notifier under its own lock, the sender and the reminder scan, with
        // the directory (for the recipients) followed from the log as in the API.
        { provide: RUNTIME_EVENT_STORE, useExisting: EVENT_STORE },
        { provide: NOTIFICATION_STORE, useExisting: READ_MODELS },
        { provide: CLOCK, useValue: systemClock },
        { provide: RUN_NOTIFIER, useValue: true },
        DirectoryService,
        NotificationRuntime,
      ],
    };
  }
}
