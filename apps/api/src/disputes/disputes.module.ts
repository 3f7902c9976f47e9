import { Module, type DynamicModule } from '@nestjs/common';
import { DeadlineScheduler } from '../deadlines/deadline-scheduler';
import { DEADLINE_SCAN_INTERVAL_MS } from '../deadlines/deadline.tokens';
import { IdempotencyInterceptor } from '../http/idempotency.interceptor';
import { CaseNumberAllocator } from './application/case-number-allocator';
import { DisputeReader } from './application/dispute-reader';
import { RunDisputeCommandHandler } from './application/run-dispute-command.handler';
import { DisputeActionsController } from './http/dispute-actions.controller';
import { DisputesController } from './http/disputes.controller';
import { MeetingCalendarController } from './http/meeting-calendar.controller';

@Module({})
export class DisputesModule {
  static forRoot(options: { deadlineScanIntervalMs: number }): DynamicModule {
    return {
      module: DisputesModule,
      controllers: [DisputesController, DisputeActionsController, MeetingCalendarController],
      providers: [
        CaseNumberAllocator,
        RunDisputeCommandHandler,
        DisputeReader,
        IdempotencyInterceptor,
        DeadlineScheduler,
        { provide: DEADLINE_SCAN_INTERVAL_MS, useValue: options.deadlineScanIntervalMs },
      ],
      exports: [DeadlineScheduler],
    };
  }
}
