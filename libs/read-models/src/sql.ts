import type { DataSource, EntityManager } from 'typeorm';

// The projections' hot statements are written as SQL, not built by TypeORM's query builder:
// building them was a fifth of the server's CPU under load. The SQL sticks to what SQLite and
// PostgreSQL share (ON CONFLICT ... DO UPDATE / DO NOTHING, multi-row VALUES); only the
// placeholders differ, so they are written as `?` and numbered here for PostgreSQL.

const numbered = new Map<string, string>();

type Connected = EntityManager | DataSource;

const connectionOf = (target: Connected): DataSource =>
  'connection' in target && target.connection ? target.connection : (target as DataSource);

/** True when the manager's or data source's database is PostgreSQL. */
export const isPostgres = (target: Connected): boolean => connectionOf(target).options.type === 'postgres';

/** The statement with `?` placeholders as the driver wants them (`$1, $2, ...` on PostgreSQL). */
export function forDriver(target: Connected, text: string): string {
  if (!isPostgres(target)) return text;
  let sql = numbered.get(text);
  if (sql === undefined) {
    let n = 0;
    sql = text.replace(/\?/g, () => `$${++n}`);
    numbered.set(text, sql);
  }
  return sql;
}

/** Runs a statement inside the manager's transaction. */
export async function execute(manager: EntityManager, text: string, parameters: unknown[]): Promise<void> {
  await manager.query(forDriver(manager, text), parameters);
}

/** Runs a query inside the manager's transaction and returns its rows. */
export function select<T>(manager: EntityManager, text: string, parameters: unknown[]): Promise<T[]> {
  return manager.query(forDriver(manager, text), parameters);
}

/** `(?, ?, ?), (?, ?, ?)` for a multi-row INSERT of `rows` rows of `columns` values. */
export const valuesList = (rows: number, columns: number): string =>
  Array.from({ length: rows }, () => `(${Array(columns).fill('?').join(', ')})`).join(', ');

/** A double-quoted SQL identifier (schema names come from configuration). */
export const quoteIdentifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;
