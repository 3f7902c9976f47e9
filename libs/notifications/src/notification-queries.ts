import type { DataSource } from 'typeorm';
import { retryWhileBusy } from '../../read-models/src/sqlite-busy';
import { execute, select } from '../../read-models/src/sql';
import { NON_ESSENTIAL_KINDS, type NoticeKind } from './notice';

/** A message as the portal's "Meldingen" shows it to its recipient. */
export interface NotificationItem {
  id: string;
  disputeId: string;
  kind: string;
  essential: boolean;
  subject: string;
  text: string;
  link: string;
  createdAt: string;
  read: boolean;
  /** pending, sent, skipped (not mailed: no address or switched off) or expired (history, never mailed). */
  delivery: string;
}

export interface NotificationPreferences {
  /** False: messages that may be switched off are not e-mailed (they still show in the portal). */
  nonEssentialEmail: boolean;
  /** The kinds that switch off with it; deadlines, meetings, decisions and closures always stay on. */
  nonEssentialKinds: readonly NoticeKind[];
}

type Row = {
  id: string;
  dispute_id: string;
  kind: string;
  essential: number | string;
  subject: string;
  body_text: string;
  link: string;
  created_at: string;
  read_at: string | null;
  status: string;
};

/** The portal's side of the outbox: each user reads and marks only their own messages. */
export class NotificationQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(userId: string, limit: number, before?: { createdAt: string; id: string }): Promise<{ items: NotificationItem[]; unreadCount: number; nextCursor: string | null }> {
    const where = ['user_id = ?'];
    const parameters: unknown[] = [userId];
    if (before) {
      where.push('(created_at < ? OR (created_at = ? AND id < ?))');
      parameters.push(before.createdAt, before.createdAt, before.id);
    }
    const rows = await select<Row>(
      this.dataSource.manager,
      `SELECT id, dispute_id, kind, essential, subject, body_text, link, created_at, read_at, status FROM notification_messages
       WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT ?`,
      [...parameters, limit + 1],
    );
    const [count] = await select<{ n: number | string }>(
      this.dataSource.manager,
      'SELECT COUNT(*) AS n FROM notification_messages WHERE user_id = ? AND read_at IS NULL',
      [userId],
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        id: r.id,
        disputeId: r.dispute_id,
        kind: r.kind,
        essential: Number(r.essential) === 1,
        subject: r.subject,
        text: r.body_text,
        link: r.link,
        createdAt: r.created_at,
        read: r.read_at !== null,
        delivery: r.status,
      })),
      unreadCount: Number(count?.n ?? 0),
      nextCursor: rows.length > limit && last ? Buffer.from(JSON.stringify({ createdAt: last.created_at, id: last.id })).toString('base64url') : null,
    };
  }

  /** True when the message exists and is the caller's (marking twice is fine). */
  async markRead(userId: string, id: string, now: Date): Promise<boolean> {
    const [found] = await select<{ id: string }>(this.dataSource.manager, 'SELECT id FROM notification_messages WHERE id = ? AND user_id = ?', [id, userId]);
    if (!found) return false;
    await retryWhileBusy(() =>
      execute(this.dataSource.manager, 'UPDATE notification_messages SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL', [now.toISOString(), id, userId]),
    );
    return true;
  }

  async markAllRead(userId: string, now: Date): Promise<void> {
    await retryWhileBusy(() =>
      execute(this.dataSource.manager, 'UPDATE notification_messages SET read_at = ? WHERE user_id = ? AND read_at IS NULL', [now.toISOString(), userId]),
    );
  }

  async preferences(userId: string): Promise<NotificationPreferences> {
    const [row] = await select<{ non_essential_email: number | string }>(
      this.dataSource.manager,
      'SELECT non_essential_email FROM notification_preferences WHERE user_id = ?',
      [userId],
    );
    return { nonEssentialEmail: row ? Number(row.non_essential_email) === 1 : true, nonEssentialKinds: NON_ESSENTIAL_KINDS };
  }

  async setPreferences(userId: string, nonEssentialEmail: boolean, now: Date): Promise<NotificationPreferences> {
    await retryWhileBusy(() =>
      execute(
        this.dataSource.manager,
        `INSERT INTO notification_preferences (user_id, non_essential_email, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET non_essential_email = excluded.non_essential_email, updated_at = excluded.updated_at`,
        [userId, nonEssentialEmail ? 1 : 0, now.toISOString()],
      ),
    );
    return this.preferences(userId);
  }
}

export const decodeNotificationCursor = (cursor: string): { createdAt: string; id: string } | undefined => {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { createdAt?: unknown; id?: unknown };
    return typeof parsed.createdAt === 'string' && typeof parsed.id === 'string' ? { createdAt: parsed.createdAt, id: parsed.id } : undefined;
  } catch {
    return undefined;
  }
};
