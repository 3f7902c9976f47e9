import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { retryWhileBusy } from '../../read-models/src/sqlite-busy';
import { execute, isPostgres, select } from '../../read-models/src/sql';
import type { MailTransport } from './transports';

export interface OutboxSenderOptions {
  transport: MailTransport;
  from: string;
  now: () => Date;
  /** Messages claimed per round. */
  batchSize?: number;
  /** How long a claimed message is this sender's; after that (a crash) another may send it again, with the same Message-ID. */
  leaseMs?: number;
  /** First retry after this long, doubling per attempt up to maxBackoffMs. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** Told of each failed attempt (the message stays pending and is retried). */
  onError?: (error: unknown, messageId: string) => void;
}

const CLAIMED_COLUMNS = [
  'id',
  'message_id',
  'kind',
  'link',
  'email',
  'recipient_name',
  'user_id',
  'essential',
  'subject',
  'body_text',
  'body_html',
  'ics',
  'ics_method',
  'created_at',
  'attempts',
];

interface ClaimedRow {
  id: string;
  message_id: string;
  kind: string;
  link: string;
  email: string | null;
  recipient_name: string;
  user_id: string;
  essential: number;
  subject: string;
  body_text: string;
  body_html: string;
  ics: string | null;
  ics_method: string | null;
  created_at: string;
  attempts: number;
}

export interface SendRound {
  sent: number;
  failed: number;
  skipped: number;
}

/** Exponential backoff with a cap: 30 s, 1 min, 2 min, … up to the cap (default 1 hour). Never gives up. */
export const backoffMs = (attempts: number, base: number, max: number): number => Math.min(max, base * 2 ** Math.max(0, attempts - 1));

/**
 * Delivers the outbox. A round claims due messages with a lease (one UPDATE … RETURNING, so two
 * senders never claim the same row), sends each, and marks it sent only if it still holds the
 * lease. A crash between sending and marking leaves the lease to expire; the message is then sent
 * again with the same Message-ID. A failure puts the message back with a later next attempt.
 */
export class OutboxSender {
  readonly owner = `sender-${randomUUID()}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<SendRound> | undefined;
  /** True until start() (rounds may still be run by hand), and after stop(). */
  private stopped = true;
  /** Set by stop(): a round in progress ends after the message it is sending. */
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: OutboxSenderOptions,
  ) {}

  start(intervalMs: number): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = async (): Promise<void> => {
      if (this.stopped) return;
      try {
        // Keep going while rounds are full; then wait for the interval.
        for (;;) {
          const round = await this.round();
          if (this.stopped || round.sent + round.failed + round.skipped < (this.options.batchSize ?? 20)) break;
        }
      } catch (error) {
        this.options.onError?.(error, '');
      }
      if (!this.stopped) this.timer = setTimeout(() => void loop(), intervalMs);
    };
    this.timer = setTimeout(() => void loop(), 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
    this.options.transport.close();
  }

  /** One round; overlapping calls share it. */
  round(): Promise<SendRound> {
    this.running ??= this.sendRound().finally(() => (this.running = undefined));
    return this.running;
  }

  private async sendRound(): Promise<SendRound> {
    const result: SendRound = { sent: 0, failed: 0, skipped: 0 };
    const now = this.options.now();
    const claimed = await this.claim(now);
    const optedOut = await this.optedOutOf(claimed);
    for (const row of claimed) {
      if (this.stopping) break;
      if (!row.email || (row.essential === 0 && optedOut.has(row.user_id))) {
        // No address, or the user switched this kind off: kept for the portal, not mailed.
        await this.mark(row.id, `status = 'skipped', lease_owner = NULL, lease_until = NULL`, []);
        result.skipped++;
        continue;
      }
      try {
        await this.options.transport.send({
          messageId: row.message_id,
          kind: row.kind,
          link: row.link,
          from: this.options.from,
          to: { name: row.recipient_name, address: row.email },
          subject: row.subject,
          text: row.body_text,
          html: row.body_html,
          date: new Date(row.created_at),
          ...(row.ics ? { ics: { method: row.ics_method ?? 'REQUEST', content: row.ics } } : {}),
        });
        await this.mark(
          row.id,
          `status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL, lease_owner = NULL, lease_until = NULL`,
          [this.options.now().toISOString()],
        );
        result.sent++;
      } catch (error) {
        const attempts = row.attempts + 1;
        const next = new Date(
          this.options.now().getTime() + backoffMs(attempts, this.options.baseBackoffMs ?? 30_000, this.options.maxBackoffMs ?? 3_600_000),
        );
        const message = error instanceof Error ? error.message : String(error);
        await this.mark(row.id, `attempts = attempts + 1, next_attempt_at = ?, last_error = ?, lease_owner = NULL, lease_until = NULL`, [
          next.toISOString(),
          message.slice(0, 500),
        ]);
        this.options.onError?.(error, row.message_id);
        result.failed++;
      }
    }
    return result;
  }

  private async claim(now: Date): Promise<ClaimedRow[]> {
    const lease = {
      owner: this.owner,
      until: new Date(now.getTime() + (this.options.leaseMs ?? 60_000)).toISOString(),
      at: now.toISOString(),
      limit: this.options.batchSize ?? 20,
    };
    const [sql, parameters] = claimStatement('notification_messages', CLAIMED_COLUMNS, lease, isPostgres(this.dataSource));
    return normaliseRows(await runClaim<ClaimedRow>(this.dataSource, sql, parameters));
  }

  private async optedOutOf(rows: ClaimedRow[]): Promise<Set<string>> {
    const users = [...new Set(rows.filter((r) => r.essential === 0).map((r) => r.user_id))];
    if (users.length === 0) return new Set();
    const found = await select<{ user_id: string }>(
      this.dataSource.manager,
      `SELECT user_id FROM notification_preferences WHERE non_essential_email = 0 AND user_id IN (${users.map(() => '?').join(', ')})`,
      users,
    );
    return new Set(found.map((r) => r.user_id));
  }

  /** Updates a row this sender still holds; a row whose lease passed to another sender is left alone. */
  private async mark(id: string, assignments: string, parameters: unknown[]): Promise<void> {
    await retryWhileBusy(() =>
      execute(this.dataSource.manager, `UPDATE notification_messages SET ${assignments} WHERE id = ? AND lease_owner = ?`, [
        ...parameters,
        id,
        this.owner,
      ]),
    );
  }
}

/** PostgreSQL's UPDATE … RETURNING comes back as [rows, count] through TypeORM; SQLite's as rows. */
function normaliseRows(result: unknown): ClaimedRow[] {
  const rows =
    Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? result[0] : result;
  return (rows as ClaimedRow[]).map((r) => ({ ...r, essential: Number(r.essential), attempts: Number(r.attempts) }));
}

/**
 * PostgreSQL's planner settings for a claim: walk the due index in order and stop at the limit. The
 * statistics of an outbox are usually from a quiet moment (a few pending rows), so when a backlog
 * forms the planner expects a handful and picks a bitmap scan of every pending row and a sort: seen
 * at 846-1,318 pending rows, 6-14 ms a claim and the most expensive statement of a command in
 * file-and-register on PostgreSQL (0.8 ms a command of the server's ~3.7).
 */
export const CLAIM_PLAN_SETTINGS = 'SET LOCAL enable_bitmapscan = off; SET LOCAL enable_sort = off';

/** Runs a claimStatement: on PostgreSQL in a transaction of its own with CLAIM_PLAN_SETTINGS. */
export async function runClaim<T>(dataSource: DataSource, sql: string, parameters: unknown[]): Promise<T[]> {
  if (!isPostgres(dataSource)) return retryWhileBusy(() => select<T>(dataSource.manager, sql, parameters));
  return dataSource.transaction(async (manager) => {
    await manager.query(CLAIM_PLAN_SETTINGS);
    return select<T>(manager, sql, parameters);
  });
}

/**
 * The statement that leases up to `limit` due rows of `table` to `owner`, returning `columns`. On
 * PostgreSQL the rows are picked in a MATERIALIZED CTE with FOR UPDATE SKIP LOCKED: as a plain
 * `IN (subquery)`, an UPDATE that waited for a concurrent claim re-ran the subquery on its recheck
 * and took more rows than the limit, up to all of them (seen in outbox-delivery.int.spec.ts: one
 * sender leased all 60 while the other got none), and a lease held too long can pass to another
 * sender mid-send. On SQLite one statement holds the database's write lock, so the plain form is exact.
 */
export function claimStatement(
  table: 'notification_messages' | 'webhook_deliveries',
  columns: readonly string[],
  lease: { owner: string; until: string; at: string; limit: number },
  postgres: boolean,
): [string, unknown[]] {
  const due = `status = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)`;
  if (postgres) {
    return [
      `WITH picked AS MATERIALIZED (SELECT id FROM ${table} WHERE ${due} ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
       UPDATE ${table} AS m SET lease_owner = ?, lease_until = ? FROM picked WHERE m.id = picked.id
       RETURNING ${columns.map((c) => `m.${c}`).join(', ')}`,
      [lease.at, lease.at, lease.limit, lease.owner, lease.until],
    ];
  }
  // `+status`: the outer recheck must not use the (status, next_attempt_at) index. Without statistics
  // SQLite chose it over the primary key and visited every pending row per claim of 20, so draining a
  // backlog of n messages cost O(n²); with the primary key it visits the 20 picked rows.
  return [
    `UPDATE ${table} SET lease_owner = ?, lease_until = ?
     WHERE id IN (SELECT id FROM ${table} WHERE ${due} ORDER BY next_attempt_at LIMIT ?)
       AND +status = 'pending' AND (lease_until IS NULL OR lease_until < ?)
     RETURNING ${columns.join(', ')}`,
    [lease.owner, lease.until, lease.at, lease.at, lease.limit, lease.at],
  ];
}
