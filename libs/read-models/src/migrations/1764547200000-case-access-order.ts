import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 14: a mediator's list walked every case of a filter (all mediations) to find the few that
// are theirs, a probe of case_access per row. case_access now carries the case's filing time, so a
// principal with few cases walks their own cases in list order instead (typeorm-read-models.ts
// chooses per question). The index (principal, dispute_id) is replaced: the new one serves its
// lookups by principal as well.

export class CaseAccessOrder1764547200000 implements MigrationInterface {
  name = 'CaseAccessOrder1764547200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    const text = postgres ? 'text COLLATE "C"' : 'text';
    await queryRunner.query(`ALTER TABLE case_access ADD COLUMN filed_at ${text} NOT NULL DEFAULT ''`);
    // A case is given access rows only once listed (filed), so every row finds its case here.
    await queryRunner.query(
      `UPDATE case_access SET filed_at = COALESCE((SELECT c.filed_at FROM case_list c WHERE c.dispute_id = case_access.dispute_id), '')`,
    );
    await queryRunner.query('DROP INDEX ix_case_access_principal');
    await queryRunner.query('CREATE INDEX ix_case_access_order ON case_access (principal, filed_at DESC, dispute_id DESC)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX ix_case_access_order');
    await queryRunner.query('CREATE INDEX ix_case_access_principal ON case_access (principal, dispute_id)');
    await queryRunner.query('ALTER TABLE case_access DROP COLUMN filed_at');
  }
}
