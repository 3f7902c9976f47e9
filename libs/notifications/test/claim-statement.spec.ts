import Database from 'better-sqlite3';
import type { QueryRunner } from 'typeorm';
import { NotificationOutbox1764201600000 } from '../../read-models/src/migrations/1764201600000-notification-outbox';
import { Webhooks1764288000000 } from '../../read-models/src/migrations/1764288000000-webhooks';
import { claimStatement } from '../src/outbox-sender';

// A claim of 20 due rows must find the rows it updates by primary key. Planned over the
// (status, next_attempt_at) index instead, SQLite visited every pending row per claim, and draining
// a backlog cost time quadratic in its size (the file-and-register benchmark's catch-up).

describe('claimStatement on SQLite', () => {
  const db = new Database(':memory:');
  const runner = { query: async (sql: string) => db.exec(sql) } as unknown as QueryRunner;

  beforeAll(async () => {
    await new NotificationOutbox1764201600000().up(runner);
    await new Webhooks1764288000000().up(runner);
  });
  afterAll(() => db.close());

  it.each(['notification_messages', 'webhook_deliveries'] as const)('updates the picked rows of %s by primary key', (table) => {
    const lease = { owner: 'sender-1', until: '2026-12-01T10:01:00.000Z', at: '2026-12-01T10:00:00.000Z', limit: 20 };
    const [sql, parameters] = claimStatement(table, ['id'], lease, false);
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...(parameters as unknown[]))
      .map((row) => (row as { detail: string }).detail);
    // The first step is the UPDATE's own search; the subquery that picks the due rows follows.
    expect(plan[0]).toMatch(new RegExp(`^SEARCH ${table} USING INDEX sqlite_autoindex_${table}_1 \\(id=\\?\\)$`));
    expect(plan.some((step) => /USING INDEX ix_\w+_due \(status=\? AND next_attempt_at<\?\)/.test(step))).toBe(true);
  });
});
