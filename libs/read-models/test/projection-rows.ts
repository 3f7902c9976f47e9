import type { DataSource } from 'typeorm';
import { DEFAULT_PROJECTIONS } from '../src';

/** Every table a projection writes. */
export const PROJECTION_TABLES: string[] = DEFAULT_PROJECTIONS.flatMap((p) => [...p.tables]);

/**
 * Every row of every projection table, each table's rows in one canonical order, values as
 * strings (bigint arrives as a string on PostgreSQL and a number on SQLite): two read models are
 * equal row by row exactly when these are equal.
 */
export async function projectionRows(
  dataSource: DataSource,
  tables: readonly string[] = PROJECTION_TABLES,
): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const table of tables) {
    const rows: Record<string, unknown>[] = await dataSource.query(`SELECT * FROM ${table}`);
    result[table] = rows
      .map((row) =>
        JSON.stringify(
          Object.keys(row)
            .sort()
            .map((key) => [key, row[key] === null ? null : String(row[key])]),
        ),
      )
      .sort();
  }
  return result;
}
