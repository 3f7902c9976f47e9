import type { DataSource } from 'typeorm';
import { quoteIdentifier } from './sql';

// PostgreSQL picks the case list's plan by its statistics of the tables, and the projections rewrite
// a case's rows on every event. Without VACUUM and ANALYZE the tables bloat and the statistics go
// stale: over 100,000 cases never analysed, a filtered list page took 25-200 ms, and 1-8 ms once
// analysed (the planner had chosen a bitmap scan over 250,000 index entries and a sort, where
// walking one index in list order stops after a page). Autovacuum keeps both right, a while after the writes; a bulk load
// (a rebuild, a generated history) analyses at once.

/** ANALYZE `tables` of `schema`, so the planner knows their sizes and values from the first query on. */
export async function analyzeTables(dataSource: DataSource, schema: string, tables: readonly string[]): Promise<void> {
  for (const table of tables) await dataSource.query(`ANALYZE ${quoteIdentifier(schema)}.${quoteIdentifier(table)}`);
}

/** ANALYZE every table of `schema` (the event store's too, where it shares the schema). */
export async function analyzeSchema(dataSource: DataSource, schema: string): Promise<void> {
  const rows: { tablename: string }[] = await dataSource.query('SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename', [
    schema,
  ]);
  await analyzeTables(
    dataSource,
    schema,
    rows.map((row) => row.tablename),
  );
}

export const AUTOVACUUM_OFF_WARNING =
  'Read models: PostgreSQL runs with autovacuum off. The projections rewrite rows on every event; without ' +
  'VACUUM and ANALYZE their tables bloat and the planner statistics go stale, and the case list slows down ' +
  'as cases accumulate. Turn autovacuum on, or run VACUUM ANALYZE on the schema regularly.';

let warned = false;

/** Whether autovacuum is off on the server; says so through `warn` once per process. */
export async function warnIfAutovacuumOff(dataSource: DataSource, warn: (message: string) => void = console.warn): Promise<boolean> {
  const [row] = (await dataSource.query(`SELECT current_setting('autovacuum') AS autovacuum`)) as { autovacuum: string }[];
  const off = row?.autovacuum !== 'on';
  if (off && !warned) {
    warned = true;
    warn(AUTOVACUUM_OFF_WARNING);
  }
  return off;
}
