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
    this.checks.push({
      name: 'notificationOutbox',
      advisory: true,
      run: async () => {
        const { ok, detail } = await this.runtime.health();
        return { ok, detail: detail as Record<string, unknown> };
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
