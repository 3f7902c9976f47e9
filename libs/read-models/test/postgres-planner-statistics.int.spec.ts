import type { DataSource } from 'typeorm';
import type { EventStore } from '../../event-store/src/port';
import { casesProjection, openReadModels, rebuildProjection, type OpenedReadModels } from '../src';
import { AUTOVACUUM_OFF_WARNING } from '../src/postgres-planner-statistics';
import { CaseScript, openStore, tempDir } from './support';
import { openTarget } from './targets';

// PostgreSQL plans the case list by the planner's statistics of its tables: a bulk load analyses
// them at once, and a server without autovacuum is told so. Runs where DATABASE_URL is set (CI).
const describePostgres = process.env.DATABASE_URL ? describe : describe.skip;

/** Whether ANALYZE has run on `table` (pg_stats has rows for a table only after it). */
async function analysed(dataSource: DataSource, schema: string, table: string): Promise<boolean> {
  const [row] = (await dataSource.query('SELECT count(*)::int AS n FROM pg_stats WHERE schemaname = $1 AND tablename = $2', [
    schema,
    table,
  ])) as { n: number }[];
  return row.n > 0;
}

describePostgres('PostgreSQL planner statistics of the read models', () => {
  let dir: ReturnType<typeof tempDir>;
  let store: EventStore;
  let live: OpenedReadModels;
  // One spy for the whole file: the module that warns is loaded once for this file, so it warns once.
  let warn: jest.SpyInstance;
  beforeAll(() => (warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)));
  afterAll(() => warn.mockRestore());
  const schemaOf = (opened: OpenedReadModels): string => (opened.location.kind === 'postgres' ? opened.location.schema : '');

  beforeEach(async () => {
    dir = tempDir();
    store = openStore(dir.path);
    live = await openTarget('postgres', dir.path);
    const engine = live.createProjectionEngine(store);
    await engine.start();
    for (let i = 0; i < 5; i++) {
      const c = await new CaseScript(store, { filedAt: `2025-03-0${i + 1}T09:00:00.000Z`, summary: `Case ${i}` }).file();
      await c.register(i + 1, `2025-03-0${i + 1}T10:00:00.000Z`);
    }
    await engine.waitForPosition(await store.headPosition());
    await engine.stop();
  });

  afterEach(async () => {
    await live.close();
    await store.close();
    dir.remove();
  });

  it('analyzeTables gives every table of the schema its statistics', async () => {
    const schema = schemaOf(live);
    // CI's server runs without autovacuum, so nothing else analyses the tables meanwhile.
    const [{ autovacuum }] = (await live.dataSource.query(`SELECT current_setting('autovacuum') AS autovacuum`)) as {
      autovacuum: string;
    }[];
    if (autovacuum === 'off') expect(await analysed(live.dataSource, schema, 'case_list')).toBe(false);
    await live.analyzeTables();
    for (const table of ['case_list', 'case_access', 'case_summaries']) expect(await analysed(live.dataSource, schema, table)).toBe(true);
  });

  it('a rebuild swaps in tables that are already analysed', async () => {
    const schema = schemaOf(live);
    const rebuilder = await openReadModels({ databaseUrl: process.env.DATABASE_URL as string, schema });
    try {
      await rebuildProjection(rebuilder, store, casesProjection);
    } finally {
      await rebuilder.close();
    }
    for (const table of casesProjection.tables) expect(await analysed(live.dataSource, schema, table)).toBe(true);
    // The list reads the swapped-in tables.
    expect((await live.readModels.listCases({ all: true }, { limit: 20 })).items).toHaveLength(5);
  });

  it('says once per process when the server runs without autovacuum', async () => {
    const [{ autovacuum }] = (await live.dataSource.query(`SELECT current_setting('autovacuum') AS autovacuum`)) as {
      autovacuum: string;
    }[];
    const again = await openTarget('postgres', dir.path);
    await again.close();
    // The read models were opened five times in this file (a rebuild's own handle included).
    const warnings = warn.mock.calls.filter(([message]) => message === AUTOVACUUM_OFF_WARNING);
    expect(warnings).toHaveLength(autovacuum === 'off' ? 1 : 0);
  });
});
