import type { DataSource } from 'typeorm';
import type { OpenedReadModels } from '../src';
import { CASE_LIST_FILTER_COLUMNS } from '../src/migrations/1764720000000-case-list-filter-columns';
import { tempDir } from './support';
import { openTarget, READ_MODEL_TARGETS } from './targets';

// Each filter index of the case list holds the other filter columns too, so a list filtered on two
// columns tests the second on the index entry and fetches only the cases that match (after another
// connection's commit SQLite reads every fetched page again; see docs/reliability.md, eleventh round).

async function indexColumns(opened: OpenedReadModels, index: string): Promise<string[]> {
  const dataSource: DataSource = opened.queryDataSource;
  if (opened.location.kind === 'postgres') {
    const rows: { name: string }[] = await dataSource.query(
      `SELECT a.attname AS name
       FROM pg_index i
       JOIN pg_class x ON x.oid = i.indexrelid
       JOIN pg_namespace n ON n.oid = x.relnamespace
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
       WHERE x.relname = $1 AND n.nspname = $2
       ORDER BY k.ord`,
      [index, opened.location.schema],
    );
    return rows.map((row) => row.name);
  }
  const rows: { seqno: number; name: string }[] = await dataSource.query(`PRAGMA index_info(${index})`);
  return rows.sort((a, b) => a.seqno - b.seqno).map((row) => row.name);
}

describe.each(READ_MODEL_TARGETS)('case list filter indexes (%s)', (kind) => {
  let dir: ReturnType<typeof tempDir>;
  let opened: OpenedReadModels;

  beforeEach(async () => {
    dir = tempDir();
    opened = await openTarget(kind, dir.path);
  });
  afterEach(async () => {
    await opened.close();
    dir.remove();
  });

  it.each(CASE_LIST_FILTER_COLUMNS)('the %s index is in list order and carries the other filter columns', async (column) => {
    const columns = await indexColumns(opened, `ix_case_list_${column}`);
    expect(columns.slice(0, 3)).toEqual([column, 'filed_at', 'dispute_id']);
    expect([...columns.slice(3)].sort()).toEqual(CASE_LIST_FILTER_COLUMNS.filter((other) => other !== column).sort());
  });

  if (kind === 'sqlite') {
    it('a list on two filters walks one filter index (the other tested on its entries), not a sort', async () => {
      const plan: { detail: string }[] = await opened.queryDataSource.query(
        `EXPLAIN QUERY PLAN SELECT dispute_id FROM case_list c WHERE c.status = ? AND c.legal_framework = ?
         ORDER BY c.filed_at DESC, c.dispute_id DESC LIMIT 21`,
        ['decided', 'wlz'],
      );
      const details = plan.map((row) => row.detail).join(' | ');
      expect(details).toMatch(/USING (COVERING )?INDEX ix_case_list_(status|legal_framework)/);
      expect(details).not.toMatch(/TEMP B-TREE/);
    });
  }
});
