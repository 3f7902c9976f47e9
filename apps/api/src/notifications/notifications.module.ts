import { Module } from '@nestjs/common';
import { NotificationRuntime } from './notification-runtime';
import { NotificationsController } from './notifications.controller';

/** Notifications, reminders and their delivery (libs/notifications), and the portal's /api/notifications. */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationRuntime],
  exports: [NotificationRuntime],
})
export class NotificationsModule {}
