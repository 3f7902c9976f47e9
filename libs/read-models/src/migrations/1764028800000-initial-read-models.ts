import type { MigrationInterface, QueryRunner } from 'typeorm';

// Hand-written so the schema is reviewed SQL, not whatever synchronize would guess. Only text and
// integer columns, JSON as text, ISO 8601 times as text: the same statements run on SQLite and
// PostgreSQL. Two words differ on PostgreSQL: log positions are bigint (a log outgrows int4), and
// text compares byte by byte (COLLATE "C") as it does on SQLite, so keyset paging, ordering and
// time-as-text comparisons give identical results on both.

export class InitialReadModels1764028800000 implements MigrationInterface {
  name = 'InitialReadModels1764028800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    const text = postgres ? 'text COLLATE "C"' : 'text';
    const position = postgres ? 'bigint' : 'integer';
    await queryRunner.query(`CREATE TABLE projection_checkpoints (
      name ${text} PRIMARY KEY NOT NULL,
      position ${position} NOT NULL,
      updated_at ${text} NOT NULL
    )`);

    await queryRunner.query(`CREATE TABLE case_summaries (
      dispute_id ${text} PRIMARY KEY NOT NULL,
      version integer NOT NULL,
      document ${text} NOT NULL,
      updated_at ${text} NOT NULL
    )`);

    await queryRunner.query(`CREATE TABLE case_list (
      dispute_id ${text} PRIMARY KEY NOT NULL,
      case_number ${text},
      status ${text} NOT NULL,
      phase ${text} NOT NULL,
      legal_framework ${text} NOT NULL,
      sector ${text} NOT NULL,
      subjects ${text} NOT NULL,
      route ${text},
      claimant_organisation_ids ${text} NOT NULL,
      respondent_organisation_ids ${text} NOT NULL,
      summary ${text} NOT NULL,
      urgent integer NOT NULL,
      filed_at ${text} NOT NULL,
      updated_at ${text} NOT NULL,
      version integer NOT NULL,
      search_text ${text} NOT NULL
    )`);
    // Keyset paging walks this index; each filter index ends with the same keys so a filtered
    // page is an index range scan, not a sort.
    await queryRunner.query(`CREATE INDEX ix_case_list_paging ON case_list (filed_at DESC, dispute_id DESC)`);
    for (const column of ['status', 'phase', 'legal_framework', 'sector', 'route']) {
      await queryRunner.query(`CREATE INDEX ix_case_list_${column} ON case_list (${column}, filed_at DESC, dispute_id DESC)`);
    }

    await queryRunner.query(`CREATE TABLE case_access (
      dispute_id ${text} NOT NULL,
      principal ${text} NOT NULL,
      PRIMARY KEY (dispute_id, principal)
    )`);
    await queryRunner.query(`CREATE INDEX ix_case_access_principal ON case_access (principal, dispute_id)`);

    await queryRunner.query(`CREATE TABLE timeline_entries (
      dispute_id ${text} NOT NULL,
      revision integer NOT NULL,
      position ${position} NOT NULL,
      type ${text} NOT NULL,
      at ${text} NOT NULL,
      actor ${text},
      data ${text} NOT NULL,
      PRIMARY KEY (dispute_id, revision)
    )`);

    await queryRunner.query(`CREATE TABLE open_deadlines (
      dispute_id ${text} NOT NULL,
      deadline_id ${text} NOT NULL,
      kind ${text} NOT NULL,
      due_at ${text} NOT NULL,
      PRIMARY KEY (dispute_id, deadline_id)
    )`);
    await queryRunner.query(`CREATE INDEX ix_open_deadlines_due_at ON open_deadlines (due_at)`);

    await queryRunner.query(`CREATE TABLE idempotency_records (
      scope_key ${text} PRIMARY KEY NOT NULL,
      request_hash ${text} NOT NULL,
      status_code integer NOT NULL,
      body ${text},
      created_at ${text} NOT NULL
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'idempotency_records',
      'open_deadlines',
      'timeline_entries',
      'case_access',
      'case_list',
      'case_summaries',
      'projection_checkpoints',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
