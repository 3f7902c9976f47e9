import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { DisputeState } from '../../../domain/src';
import { neutralStepQueue, neutralStepSince } from '../statistics/neutral-step';

// Issue 12: the secretariat's work queue (GET /api/caseload?compact=true&rows=N) counts its lists
// and reads only their oldest N rows in SQL, instead of loading every deadline and every case
// awaiting a neutral step:
// - caseload_cases.step_queue names the list of a case with a neutral step (challenge, nominate,
//   appoint; else null) and step_since orders it. They are written by the caseload projection; the
//   rows present now are filled here from their folded case (only rows marked neutral_step can have
//   a step, and those are few: open cases awaiting a neutral or with a pending challenge).
// - caseload_cases (status) counts open cases per status without reading the documents.
// - caseload_deadlines (kind, status, due_at, ...) counts and orders each deadline list;
//   (status, due_at, ...) finds the overdue ones, and per neutral the next one in due order.

export class WorkQueueRows1764633600000 implements MigrationInterface {
  name = 'WorkQueueRows1764633600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    // Binary order on PostgreSQL, as in SQLite: the lists are ordered by these texts.
    const text = postgres ? 'text COLLATE "C"' : 'text';
    await queryRunner.query(`ALTER TABLE caseload_cases ADD COLUMN step_queue ${text}`);
    await queryRunner.query(`ALTER TABLE caseload_cases ADD COLUMN step_since ${text}`);
    const rows: { dispute_id: string; document: string }[] = await queryRunner.query(
      `SELECT dispute_id, document FROM caseload_cases WHERE neutral_step = 1`,
    );
    const update = postgres
      ? 'UPDATE caseload_cases SET step_queue = $1, step_since = $2 WHERE dispute_id = $3'
      : 'UPDATE caseload_cases SET step_queue = ?, step_since = ? WHERE dispute_id = ?';
    for (const row of rows) {
      const state = JSON.parse(row.document) as DisputeState;
      await queryRunner.query(update, [neutralStepQueue(state), neutralStepSince(state), row.dispute_id]);
    }
    await queryRunner.query('CREATE INDEX ix_caseload_cases_step_queue ON caseload_cases (step_queue, step_since, dispute_id)');
    await queryRunner.query('CREATE INDEX ix_caseload_cases_status ON caseload_cases (status)');
    await queryRunner.query(
      'CREATE INDEX ix_caseload_deadlines_kind ON caseload_deadlines (kind, status, due_at, dispute_id, deadline_id)',
    );
    await queryRunner.query('CREATE INDEX ix_caseload_deadlines_open ON caseload_deadlines (status, due_at, dispute_id, deadline_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX ix_caseload_deadlines_open');
    await queryRunner.query('DROP INDEX ix_caseload_deadlines_kind');
    await queryRunner.query('DROP INDEX ix_caseload_cases_status');
    await queryRunner.query('DROP INDEX ix_caseload_cases_step_queue');
    await queryRunner.query('ALTER TABLE caseload_cases DROP COLUMN step_since');
    await queryRunner.query('ALTER TABLE caseload_cases DROP COLUMN step_queue');
  }
}
