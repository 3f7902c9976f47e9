import type { EntityManager } from 'typeorm';

// The projections' hot statements are written as SQL, not built by TypeORM's query builder:
// building them was a fifth of the server's CPU under load. The SQL sticks to what SQLite and
// PostgreSQL share (ON CONFLICT ... DO UPDATE / DO NOTHING, multi-row VALUES); only the
// placeholders differ, so they are written as `?` and numbered here for PostgreSQL.

const numbered = new Map<string, string>();

function forDriver(manager: EntityManager, text: string): string {
  if (manager.connection.options.type !== 'postgres') return text;
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
