import type { DataSource } from 'typeorm';
import { retryWhileBusy } from '../../read-models/src/sqlite-busy';
import { select } from '../../read-models/src/sql';
import { RecipientIndex } from './audience';
import { loadStates, rowsOfNotices, type RecipientSource } from './notifier.projection';
import type { OutboxRowOptions } from './outbox-message';
import { insertOutboxRows } from './outbox-sql';
import { decideReminder, isRemindable, reminderOffsetDue } from './reminders';

export interface ReminderScanOptions extends OutboxRowOptions {
  recipients: RecipientSource;
  now: () => Date;
  /** Days before a deadline to remind whoever must act (default 3 and 1). */
  offsetsDays: readonly number[];
}

/**
 * Time-driven notices: for every open deadline the notifier knows of, the reminder due now (if
 * any) is written to the outbox together with its row in notification_reminders, in one
 * transaction; the row's key makes a reminder happen once whatever the number of scanners.
 * Returns how many reminder messages were written.
 */
export async function scanReminders(dataSource: DataSource, options: ReminderScanOptions): Promise<number> {
  const now = options.now();
  const horizon = new Date(now.getTime() + Math.max(...options.offsetsDays, 0) * 86_400_000);
  const candidates = await select<{ dispute_id: string; deadline_id: string; due_at: string }>(
    dataSource.manager,
    'SELECT dispute_id, deadline_id, due_at FROM notification_deadlines WHERE due_at > ? AND due_at <= ? ORDER BY due_at',
    [now.toISOString(), horizon.toISOString()],
  );
  if (candidates.length === 0) return 0;
  const index = new RecipientIndex(options.recipients.users());
  let written = 0;
  for (const candidate of candidates) {
    written += await retryWhileBusy(() =>
      dataSource.transaction(async (manager) => {
        const state = (await loadStates(manager, [candidate.dispute_id])).get(candidate.dispute_id);
        const deadline = state?.deadlines.find((d) => d.deadlineId === candidate.deadline_id);
        if (!state || !deadline || !isRemindable(deadline)) return 0;
        const offset = reminderOffsetDue(deadline, now, options.offsetsDays);
        if (offset === undefined) return 0;
        const inserted = await select<{ offset_days: number }>(
          manager,
          `INSERT INTO notification_reminders (dispute_id, deadline_id, due_at, offset_days, decided_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT DO NOTHING RETURNING offset_days`,
          [state.disputeId, deadline.deadlineId, deadline.dueAt, offset, now.toISOString()],
        );
        const rows = Array.isArray(inserted[0]) ? (inserted[0] as unknown[]) : inserted;
        if (rows.length === 0) return 0;
        const messages = rowsOfNotices(decideReminder(state, deadline, offset, now, index), options.recipients, options);
        await insertOutboxRows(manager, messages);
        return messages.length;
      }),
    );
  }
  return written;
}

/** How many messages wait to be sent, and how old the oldest is: /health reports a backlog from these. */
export async function outboxBacklog(dataSource: DataSource, now: Date): Promise<{ pending: number; oldestPendingSeconds: number; failing: number }> {
  const [row] = await select<{ pending: number | string; oldest: string | null; failing: number | string }>(
    dataSource.manager,
    `SELECT COUNT(*) AS pending, MIN(created_at) AS oldest, SUM(CASE WHEN attempts > 0 THEN 1 ELSE 0 END) AS failing
     FROM notification_messages WHERE status = 'pending' AND next_attempt_at <= ?`,
    [now.toISOString()],
  );
  const oldest = row?.oldest ? Math.max(0, Math.round((now.getTime() - Date.parse(row.oldest)) / 1000)) : 0;
  return { pending: Number(row?.pending ?? 0), oldestPendingSeconds: oldest, failing: Number(row?.failing ?? 0) };
}

