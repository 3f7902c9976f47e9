import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 14: a list filtered on two columns (status and legal framework, say) walked one column's
// index and fetched every case row it passed to test the other column. Among the newest cases few
// are decided, so one page of "wlz, decided" passed hundreds of cases, and after any commit by
// another connection SQLite reads every page it touches again (a write empties every other
// connection's page cache): 675 reads from the operating system for that page. Each filter index
// now also holds the other four filter columns, so the other filters are tested on the index entry
// and only matching cases are fetched: 67 reads.

export const CASE_LIST_FILTER_COLUMNS = ['status', 'phase', 'legal_framework', 'sector', 'route'] as const;

export class CaseListFilterColumns1764720000000 implements MigrationInterface {
  name = 'CaseListFilterColumns1764720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const column of CASE_LIST_FILTER_COLUMNS) {
      const others = CASE_LIST_FILTER_COLUMNS.filter((other) => other !== column);
      await queryRunner.query(`DROP INDEX ix_case_list_${column}`);
      await queryRunner.query(
        `CREATE INDEX ix_case_list_${column} ON case_list (${column}, filed_at DESC, dispute_id DESC, ${others.join(', ')})`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of CASE_LIST_FILTER_COLUMNS) {
      await queryRunner.query(`DROP INDEX ix_case_list_${column}`);
      await queryRunner.query(`CREATE INDEX ix_case_list_${column} ON case_list (${column}, filed_at DESC, dispute_id DESC)`);
    }
  }
}
