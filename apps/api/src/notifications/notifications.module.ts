import { Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { NOTIFICATION_STORE, NotificationRuntime } from '../../../../libs/notifications/src';
import { HEALTH_CHECKS, type HealthCheck } from '../health/health.tokens';
import { READ_MODEL_HANDLE } from '../infrastructure/infrastructure.tokens';
import { NotificationsController } from './notifications.controller';
import { WebhooksController } from './webhooks.controller';

/** Joins the outbox's check to GET /health (the checks the infrastructure provides). */
@Injectable()
class OutboxHealth implements OnModuleInit {
  constructor(
    @Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[],
    private readonly runtime: NotificationRuntime,
  ) {}

  onModuleInit(): void {
    // A HealthCheck is { name, run } since libs/runtime landed; a bare function made /health answer 503.
    this.checks.push({
      name: 'notifications',
      run: async () => {
        const { ok, detail } = await this.runtime.health();
        return detail === undefined ? { ok } : { ok, detail: { outbox: detail } };
      },
    });
  }
}

/** Notifications, reminders and their delivery (libs/notifications), and the portal's /api/notifications. */
@Module({
  controllers: [NotificationsController, WebhooksController],
  providers: [{ provide: NOTIFICATION_STORE, useExisting: READ_MODEL_HANDLE }, NotificationRuntime, OutboxHealth],
  exports: [NotificationRuntime],
})
export class NotificationsModule {}
