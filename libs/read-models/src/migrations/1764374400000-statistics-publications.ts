import type { MigrationInterface, QueryRunner } from 'typeorm';

// Rule 22: the observers' publication per ended period (its counts and which cells are withheld),
// kept so that a restarted server does not solve every period again. Not a projection: each row
// carries the counts it was decided for, and is used only while the period's counts are the same.

export class StatisticsPublications1764374400000 implements MigrationInterface {
  name = 'StatisticsPublications1764374400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE statistics_publications (
      min_cell_count integer NOT NULL,
      label text NOT NULL,
      counts text NOT NULL,
      withheld text NOT NULL,
      PRIMARY KEY (min_cell_count, label)
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE statistics_publications');
  }
}
