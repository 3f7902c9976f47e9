import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from './auth/auth.module';
import type { Clock } from '../../../libs/runtime/src/clock';
import { ConfigModule, type AppConfig } from '../../../libs/runtime/src/config/app-config';
import { DirectoryModule } from './directory/directory.module';
import { DisputesModule } from './disputes/disputes.module';
import { DocumentsModule } from './documents/documents.module';
import { FeesModule } from './fees/fees.module';
import { HealthModule } from './health/health.module';
import { RateLimitModule } from './http/rate-limit';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PortalModule } from './portal/portal.module';
import { StatisticsModule } from './statistics/statistics.module';
import { CheckpointsModule } from './checkpoints/checkpoints.module';
import { DossierModule } from './dossier/dossier.module';

export interface AppModuleOptions {
  config: AppConfig;
  /** Tests pass a ManualClock; default the system clock. */
  clock?: Clock;
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    const { config, clock } = options;
    const disputes = DisputesModule.forRoot({ deadlineScanIntervalMs: config.deadlineScanIntervalMs });
    const documents = DocumentsModule.forRoot(disputes);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        CqrsModule.forRoot(),
        RateLimitModule,
        DirectoryModule,
        AuthModule,
        HealthModule,
        InfrastructureModule.forRoot({ config, clock }),
        disputes,
        documents,
        DossierModule.forRoot(documents),
        StatisticsModule,
        NotificationsModule,
        FeesModule,
        // Before the portal, whose pages answer paths the API does not.
        CheckpointsModule,
        PortalModule,
      ],
    };
  }
}
