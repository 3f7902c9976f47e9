import type { MigrationInterface, QueryRunner } from 'typeorm';

// The secretariat's work queue over a large history, read by index instead of by scanning:
// - caseload_cases.neutral_step marks the open cases awaiting a neutral or with a challenge to
//   decide (before, every open case's document was searched with LIKE). Existing rows are marked
//   by that same search, a superset: the folded case still decides (neutralStepCases), and the
//   projection writes the exact mark from the next event of the case on.
// - case_list (status, updated_at, dispute_id) finds the open case without movement the longest
//   per status, the first row of the index, instead of sorting every case of that status.

export class WorkQueueIndexes1764460800000 implements MigrationInterface {
  name = 'WorkQueueIndexes1764460800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE caseload_cases ADD COLUMN neutral_step integer NOT NULL DEFAULT 0`);
    await queryRunner.query(
      `UPDATE caseload_cases SET neutral_step = 1 WHERE status = 'awaiting_neutral' OR document LIKE '%"status":"pending"%'`,
    );
    await queryRunner.query(`CREATE INDEX ix_caseload_cases_neutral_step ON caseload_cases (neutral_step)`);
    await queryRunner.query(`CREATE INDEX ix_case_list_status_updated_at ON case_list (status, updated_at, dispute_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX ix_case_list_status_updated_at');
    await queryRunner.query('DROP INDEX ix_caseload_cases_neutral_step');
    await queryRunner.query('ALTER TABLE caseload_cases DROP COLUMN neutral_step');
  }
}
