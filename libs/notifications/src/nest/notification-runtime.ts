import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { DirectoryService } from '../../../directory/src/directory.service';
import type { EventStore } from '../../../event-store/src/port';
import { LeaderElectedProjections, ProjectionEngine, type OpenedReadModels } from '../../../read-models/src';
import type { ProjectionRunner } from '../../../read-models/src/contracts';
import type { Clock } from '../../../runtime/src/clock';
import type { AppConfig } from '../../../runtime/src/config/app-config';
import { APP_CONFIG, CLOCK, EVENT_STORE } from '../../../runtime/src/tokens';
import { openNotificationConnection } from '../notification-connection';
import { createNotifierProjection, type RecipientSource } from '../notifier.projection';
import { OutboxSender, type SendRound } from '../outbox-sender';
import { outboxBacklog, scanReminders } from '../reminder-scan';
import { EmlFileTransport, SmtpTransport, type MailTransport } from '../transports';
import { WebhookSender } from '../webhooks';

/** The opened read-model database (OpenedReadModels) the notifications live in. */
export const NOTIFICATION_STORE = Symbol('NOTIFICATION_STORE');

/** Provided as true by apps/projector: decide there even when the API's PROJECTIONS=off. */
export const RUN_NOTIFIER = Symbol('RUN_NOTIFIER');

/** The domain part of Message-IDs: the public host, so replies and threading stay ours. */
const messageIdDomain = (publicUrl: string): string => {
  try {
    return new URL(publicUrl).hostname || 'geschilleninstantie.local';
  } catch {
    return 'geschilleninstantie.local';
  }
};

/**
 * Notifications in this process: the notifier (a projection with its own checkpoint, so on
 * PostgreSQL it runs under its own advisory lock in one process at a time, like every projection),
 * the sender (any number of processes: leases keep each message with one sender at a time), and
 * the reminder scan. Started after the application's modules, so the directory is loaded.
 */
@Injectable()
export class NotificationRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private runner: ProjectionRunner | undefined;
  private sender: OutboxSender | undefined;
  private webhookSender: WebhookSender | undefined;
  private webhookTimer: NodeJS.Timeout | undefined;
  private reminderTimer: NodeJS.Timeout | undefined;
  private reminderScan: Promise<number> | undefined;
  private readonly connections: DataSource[] = [];
  private scanConnection: DataSource | undefined;
  readonly transport: MailTransport;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(NOTIFICATION_STORE) private readonly readModels: OpenedReadModels,
    private readonly directory: DirectoryService,
    @Optional() @Inject(RUN_NOTIFIER) private readonly runNotifier?: boolean,
  ) {
    const settings = config.notifications;
    this.transport = settings.smtpUrl ? new SmtpTransport(settings.smtpUrl) : new EmlFileTransport(join(config.dataDir, 'outbox'));
  }

  async onApplicationBootstrap(): Promise<void> {
    const settings = this.config.notifications;
    if (settings.mode === 'off') return;
    const now = () => this.clock.now();
    const recipients: RecipientSource = {
      users: () => this.directory.users(),
      organisation: (id) => this.directory.organisation(id),
    };
    const rowOptions = { publicUrl: settings.publicUrl, messageIdDomain: messageIdDomain(settings.publicUrl) };
    const location = this.readModels.location;
    // SQLite: a connection per worker (see notification-connection.ts). PostgreSQL: one small pool
    // for all of them (each transaction takes its own pooled connection), to spare the server.
    let shared: DataSource | undefined;
    const connect = async (name: string) => {
      if (location.kind === 'postgres' && shared) return shared;
      const connection = await openNotificationConnection(location, location.kind === 'postgres' ? 'notifications' : name);
      this.connections.push(connection);
      if (location.kind === 'postgres') shared = connection;
      return connection;
    };
    // PROJECTIONS=off: projector processes decide (apps/projector); this one only sends.
    if (this.config.projections === 'inline' || this.runNotifier === true) {
      const notifier = createNotifierProjection({ ...rowOptions, recipients, now });
      const onError = (error: unknown) => this.logger.error(`Notifier batch failed, retrying: ${error instanceof Error ? error.message : String(error)}`);
      const connection = await connect('notifier');
      // The same single-active rule as the projections: on PostgreSQL its own advisory lock.
      this.runner =
        location.kind === 'sqlite'
          ? new ProjectionEngine(connection, this.store, { projections: [notifier], onError })
          : new LeaderElectedProjections(connection, this.store, {
              projections: [notifier],
              databaseUrl: location.databaseUrl,
              schema: location.schema,
              lockRetryMs: this.config.projectionLockRetryMs,
              onError,
            });
      await this.runner.start();
    }
    this.scanConnection = await connect('reminders');
    this.sender = new OutboxSender(await connect('sender'), {
      transport: this.transport,
      from: settings.mailFrom,
      now,
      onError: (error, messageId) =>
        this.logger.warn(`Delivery of ${messageId || 'a message'} failed, will retry: ${error instanceof Error ? error.message : String(error)}`),
    });
    this.sender.start(settings.sendIntervalMs);
    this.webhookSender = new WebhookSender(await connect('webhooks'), {
      now,
      onError: (error, id) => this.logger.warn(`Webhook delivery ${id} failed, will retry: ${error instanceof Error ? error.message : String(error)}`),
    });
    this.webhookTimer = setInterval(() => void this.webhookSender?.round().catch((e) => this.logger.error(`Webhook round failed: ${String(e)}`)), settings.sendIntervalMs);
    this.webhookTimer.unref();
    const scan = () => this.scanReminders().catch((e) => this.logger.error(`Reminder scan failed: ${String(e)}`));
    this.reminderTimer = setInterval(() => void scan(), Math.max(settings.sendIntervalMs, 1000));
    this.reminderTimer.unref();
    this.logger.log(`Notifications on: ${this.transport.kind === 'smtp' ? 'SMTP' : `.eml files in ${join(this.config.dataDir, 'outbox')}`}`);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.reminderTimer) clearInterval(this.reminderTimer);
    if (this.webhookTimer) clearInterval(this.webhookTimer);
    await this.webhookSender?.stop();
    await this.reminderScan?.catch(() => undefined);
    await this.sender?.stop();
    await this.runner?.stop();
    for (const connection of this.connections) if (connection.isInitialized) await connection.destroy();
  }

  /** Resolves once the notifier has decided up to the log position (tests, read-your-writes). */
  async waitForPosition(position: number, timeoutMs = 10_000): Promise<void> {
    await this.runner?.waitForPosition(position, timeoutMs);
  }

  /** One sender round now (tests; the timer does this in production). */
  sendNow(): Promise<SendRound> {
    if (!this.sender) return Promise.resolve({ sent: 0, failed: 0, skipped: 0 });
    return this.sender.round();
  }

  /** One webhook delivery round now (tests; the timer does this in production). */
  deliverWebhooksNow(): Promise<{ delivered: number; failed: number }> {
    return this.webhookSender ? this.webhookSender.round() : Promise.resolve({ delivered: 0, failed: 0 });
  }

  /** One reminder scan now; overlapping calls share it. */
  scanReminders(): Promise<number> {
    const settings = this.config.notifications;
    const connection = this.scanConnection;
    if (!connection) return Promise.resolve(0);
    this.reminderScan ??= scanReminders(connection, {
      publicUrl: settings.publicUrl,
      messageIdDomain: messageIdDomain(settings.publicUrl),
      recipients: { users: () => this.directory.users() },
      now: () => this.clock.now(),
      offsetsDays: settings.reminderDays,
    }).finally(() => (this.reminderScan = undefined));
    return this.reminderScan;
  }

  async health(): Promise<{ name: string; ok: boolean; detail?: unknown }> {
    const backlog = await outboxBacklog(this.readModels.queryDataSource, this.clock.now());
    const backingUp = backlog.oldestPendingSeconds > this.config.notifications.backlogAlertSeconds;
    return { name: 'notificationOutbox', ok: !backingUp, detail: { ...backlog, backingUp, transport: this.transport.kind } };
  }
}
