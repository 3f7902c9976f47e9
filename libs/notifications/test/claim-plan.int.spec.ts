import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { QueryRunner } from 'typeorm';
import { NotificationOutbox1764201600000 } from '../../read-models/src/migrations/1764201600000-notification-outbox';
import { CLAIM_PLAN_SETTINGS, claimStatement } from '../src/outbox-sender';

// A claim on PostgreSQL must walk the due index in order and stop at its limit, also when the
// table's statistics are from a quiet moment and a backlog has formed since: then the planner,
// left alone, expects a handful of pending rows and reads and sorts all of them (6-14 ms a claim
// at about a thousand pending in file-and-register).

const databaseUrl = process.env.DATABASE_URL;
const describeWithPostgres = databaseUrl ? describe : describe.skip;

describeWithPostgres('claimStatement on PostgreSQL (DATABASE_URL)', () => {
  const schema = `claim_plan_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const client = new Client({ connectionString: databaseUrl });
  const lease = { owner: 'sender-1', until: '2026-12-01T10:01:00.000Z', at: '2026-12-01T10:00:00.000Z', limit: 20 };

  beforeAll(async () => {
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}; SET search_path = ${schema}`);
    const runner = { query: (sql: string) => client.query(sql) } as unknown as QueryRunner;
    await new NotificationOutbox1764201600000().up(runner);
    const insert = (status: string, from: number, to: number): Promise<unknown> =>
      client.query(
        `INSERT INTO notification_messages (id, message_id, user_id, recipient_name, dispute_id, kind, essential, subject,
           body_text, body_html, link, created_at, status, next_attempt_at)
         SELECT 'm' || i, '<m' || i || '@gzc>', 'prov-anna', 'Anna', 'd' || i, 'filed', 1, 'Onderwerp', 'tekst', '<p>tekst</p>',
                '/zaken/d' || i, '2026-12-01T09:00:00.000Z', $1,
                to_char(timestamp '2026-12-01 09:00' + i * interval '1 ms', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
           FROM generate_series($2::int, $3::int) AS i`,
        [status, from, to],
      );
    // Statistics of a quiet moment: 2,000 messages sent, 5 waiting. Then a backlog of 2,000.
    await insert('sent', 1, 2000);
    await insert('pending', 2001, 2005);
    await client.query('ANALYZE notification_messages');
    await insert('pending', 2006, 4000);
  });
  afterAll(async () => {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  async function plan(settings: string | undefined): Promise<string> {
    const [sql, parameters] = claimStatement('notification_messages', ['id'], lease, true);
    let n = 0;
    const numbered = sql.replace(/\?/g, () => `$${++n}`);
    await client.query('BEGIN');
    try {
      if (settings) await client.query(settings);
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${numbered}`, parameters);
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    } finally {
      await client.query('ROLLBACK');
    }
  }

  it('walks the due index in order under the claim settings, also where the costs favour reading every due row', async () => {
    // The benchmark's planner chose a bitmap scan and a sort from its estimate (3 due rows where
    // there were 846-1,318); a high random_page_cost makes this small table's planner choose the same.
    const favoursBitmap = 'SET LOCAL random_page_cost = 40';
    expect(await plan(favoursBitmap)).toMatch(/Bitmap Heap Scan|Sort/);
    const settled = await plan(`${favoursBitmap}; ${CLAIM_PLAN_SETTINGS}`);
    expect(settled).toMatch(/Index Scan using ix_notification_messages_due/);
    expect(settled).not.toMatch(/Bitmap|Sort/);
  });
});
