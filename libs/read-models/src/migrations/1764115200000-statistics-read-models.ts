import type { MigrationInterface, QueryRunner } from 'typeorm';

// The disputes body's own read models: per-case statistics facts, missed deadlines, mediations
// and the neutrals' caseload. Plain SQL that SQLite and PostgreSQL both accept: text, integer
// (0/1 for booleans), JSON as text, ISO 8601 UTC instants as text (text order is time order).

export class StatisticsReadModels1764115200000 implements MigrationInterface {
  name = 'StatisticsReadModels1764115200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE statistics_cases (
      dispute_id text PRIMARY KEY NOT NULL,
      case_number text,
      filed_at text NOT NULL,
      registered_at text,
      appointed_at text,
      closed_at text,
      outcome text,
      phase text NOT NULL,
      legal_framework text NOT NULL,
      sector text NOT NULL,
      subjects text NOT NULL,
      initial_route text NOT NULL,
      final_route text,
      claimant_kind text NOT NULL,
      small_provider integer NOT NULL,
      urgent integer NOT NULL,
      respondent_answer text,
      respondent_answered_at text,
      mediation_result text,
      mediation_concluded_at text,
      escalated_at text,
      last_position bigint NOT NULL
    )`);
    // The query side keeps the facts in memory and reloads only the rows changed since it last looked.
    await queryRunner.query(`CREATE INDEX ix_statistics_cases_last_position ON statistics_cases (last_position)`);

    await queryRunner.query(`CREATE TABLE statistics_missed_deadlines (
      dispute_id text NOT NULL,
      deadline_id text NOT NULL,
      kind text NOT NULL,
      missed_at text NOT NULL,
      position bigint NOT NULL,
      PRIMARY KEY (dispute_id, deadline_id)
    )`);
    await queryRunner.query(`CREATE INDEX ix_statistics_missed_position ON statistics_missed_deadlines (position)`);

    await queryRunner.query(`CREATE TABLE mediations (
      dispute_id text PRIMARY KEY NOT NULL,
      case_number text,
      sector text NOT NULL,
      phase text NOT NULL,
      legal_framework text NOT NULL,
      filed_at text NOT NULL,
      mediator_user_id text,
      started_at text,
      concluded_at text,
      result text,
      route text
    )`);
    await queryRunner.query(`CREATE INDEX ix_mediations_concluded_at ON mediations (concluded_at)`);

    await queryRunner.query(`CREATE TABLE caseload_cases (
      dispute_id text PRIMARY KEY NOT NULL,
      case_number text,
      status text NOT NULL,
      route text,
      urgent integer NOT NULL,
      document text NOT NULL
    )`);
    await queryRunner.query(`CREATE TABLE caseload_neutrals (
      dispute_id text NOT NULL,
      user_id text NOT NULL,
      role text NOT NULL,
      neutral_status text NOT NULL,
      chair integer NOT NULL,
      PRIMARY KEY (dispute_id, user_id)
    )`);
    await queryRunner.query(`CREATE INDEX ix_caseload_neutrals_user ON caseload_neutrals (user_id, dispute_id)`);
    await queryRunner.query(`CREATE TABLE caseload_deadlines (
      dispute_id text NOT NULL,
      deadline_id text NOT NULL,
      kind text NOT NULL,
      due_at text NOT NULL,
      side text,
      status text NOT NULL,
      PRIMARY KEY (dispute_id, deadline_id)
    )`);
    await queryRunner.query(`CREATE INDEX ix_caseload_deadlines_due_at ON caseload_deadlines (due_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'caseload_deadlines',
      'caseload_neutrals',
      'caseload_cases',
      'mediations',
      'statistics_missed_deadlines',
      'statistics_cases',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
