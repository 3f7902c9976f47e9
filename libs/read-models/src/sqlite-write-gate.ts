import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';

// SQLite lets one connection write at a time. Two engines of this process on the same file (the
// projections and the notifier) used to find out by trying: the second one's BEGIN and first write
// failed with SQLITE_BUSY, were rolled back and retried after a pause (264 times in a benchmark of
// 2,000 commands, each adding 5-15 ms to the commands waiting for their projections). A gate per
// file makes them take turns in this process instead. Other processes, and this process's other
// connections, are still ordered by SQLite's lock and retryWhileBusy.

const tails = new Map<string, Promise<unknown>>();

/** The file a SQLite data source writes to, or undefined for PostgreSQL and in-memory databases. */
export function sqliteFileOf(dataSource: DataSource): string | undefined {
  const { type, database } = dataSource.options as { type: string; database?: unknown };
  if (type !== 'better-sqlite3' && type !== 'sqlite') return undefined;
  if (typeof database !== 'string' || database === '' || database === ':memory:') return undefined;
  return resolve(database);
}

/** Runs `work` after every earlier `work` on the same file has finished (whether or not it failed). */
export function inTurn<T>(file: string | undefined, work: () => Promise<T>): Promise<T> {
  if (file === undefined) return work();
  const previous = tails.get(file) ?? Promise.resolve();
  const run = previous.then(work);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  tails.set(file, tail);
  void tail.then(() => {
    if (tails.get(file) === tail) tails.delete(file);
  });
  return run;
}
