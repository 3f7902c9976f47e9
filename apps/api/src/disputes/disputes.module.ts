import { Module, type DynamicModule } from '@nestjs/common';
import { DeadlineScheduler } from '../deadlines/deadline-scheduler';
import { DEADLINE_SCAN_INTERVAL_MS } from '../deadlines/deadline.tokens';
import { IdempotencyInterceptor } from '../http/idempotency.interceptor';
import { CaseNumberAllocator } from './application/case-number-allocator';
import { DisputeCommandExecutor } from './application/dispute-command-executor';
import { FileDisputeHandler } from './application/file-dispute.handler';
import { GetDisputeHandler } from './application/get-dispute.handler';
import { GetTimelineHandler } from './application/get-timeline.handler';
import { ListDisputesHandler } from './application/list-disputes.handler';
import { RunDisputeActionHandler } from './application/run-dispute-action.handler';
import { DisputeActionsController } from './http/dispute-actions.controller';
import { DisputesController } from './http/disputes.controller';

@Module({})
export class DisputesModule {
  static forRoot(options: { deadlineScanIntervalMs: number }): DynamicModule {
    return {
      module: DisputesModule,
      controllers: [DisputesController, DisputeActionsController],
      providers: [
        DisputeCommandExecutor,
        CaseNumberAllocator,
        FileDisputeHandler,
        RunDisputeActionHandler,
        GetDisputeHandler,
        ListDisputesHandler,
        GetTimelineHandler,
        IdempotencyInterceptor,
        DeadlineScheduler,
        { provide: DEADLINE_SCAN_INTERVAL_MS, useValue: options.deadlineScanIntervalMs },
      ],
      exports: [DisputeCommandExecutor, DeadlineScheduler],
    };
  }
}
