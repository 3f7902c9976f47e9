import type { DataSource } from 'typeorm';
import type { EventStore } from '../../event-store/src/port';
import type { OpenedReadModels } from '../src';
import { CASE_LIST_FILTER_COLUMNS } from '../src/migrations/1764720000000-case-list-filter-columns';
import { CaseScript, openStore, tempDir } from './support';
import { openTarget, READ_MODEL_TARGETS, readModelsForSuite } from './targets';

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
  // The tests only read the schema: one set of read models serves them all.
  const readModels = readModelsForSuite(kind);

  it.each(CASE_LIST_FILTER_COLUMNS)('the %s index is in list order and carries the other filter columns', async (column) => {
    const columns = await indexColumns(readModels(), `ix_case_list_${column}`);
    expect(columns.slice(0, 3)).toEqual([column, 'filed_at', 'dispute_id']);
    expect([...columns.slice(3)].sort()).toEqual(CASE_LIST_FILTER_COLUMNS.filter((other) => other !== column).sort());
  });

  if (kind === 'sqlite') {
    it('a list on two filters walks one filter index (the other tested on its entries), not a sort', async () => {
      const plan: { detail: string }[] = await readModels().queryDataSource.query(
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

// A party whose own cases are not fewer than the filter's walks the filter's index and probes its
// access per case. The probe carries the filing time, so it seeks in the access order index, where
// cases walked in list order lie side by side, not by the primary key (random ids, a page each).
describe.each(READ_MODEL_TARGETS)('the case list access probe (%s)', (kind) => {
  let dir: ReturnType<typeof tempDir>;
  let store: EventStore;
  let opened: OpenedReadModels;
  const mine: string[] = [];

  beforeAll(async () => {
    dir = tempDir();
    store = openStore(dir.path);
    opened = await openTarget(kind, dir.path);
    const engine = opened.createProjectionEngine(store);
    await engine.start();
    let last: CaseScript | undefined;
    for (let i = 0; i < 8; i++) {
      // Two filing times shared by several cases, so paging crosses ties.
      const filedAt = `2025-04-0${1 + (i % 2)}T09:00:00.000Z`;
      last = await new CaseScript(store, { filedAt, claimants: ['prov-p'], respondents: ['ins-q'], sector: 'dental' }).file();
      mine.push(last.id);
      await new CaseScript(store, {
        filedAt,
        claimants: ['prov-other'],
        respondents: ['ins-q'],
        sector: 'physiotherapy_paramedical',
      }).file();
    }
    await engine.waitForPosition(last!.lastPosition);
    await engine.stop();
  });
  afterAll(async () => {
    await opened.close();
    await store.close();
    dir.remove();
  });

  const scope = { organisationIds: ['prov-p'], userId: 'prov-user' };

  it('lists exactly the party’s cases of the filter, page by page', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await opened.readModels.listCases(scope, { sector: 'dental', limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(8);
    expect([...seen].sort()).toEqual([...mine].sort());
  });

  if (kind === 'sqlite') {
    it('probes access in the access order index', async () => {
      const manager = opened.queryDataSource.manager;
      const query = jest.spyOn(manager, 'query');
      try {
        await opened.readModels.listCases(scope, { sector: 'dental', limit: 3 });
        const probe = query.mock.calls.find(([sql]) => String(sql).includes('EXISTS'));
        expect(probe).toBeDefined();
        const [sql, parameters] = probe!;
        const plan: { detail: string }[] = await opened.queryDataSource.query(`EXPLAIN QUERY PLAN ${String(sql)}`, parameters as unknown[]);
        expect(plan.map((row) => row.detail).join(' | ')).toMatch(/EXISTS USING COVERING INDEX ix_case_access_order/);
      } finally {
        query.mockRestore();
      }
    });
  }
});
