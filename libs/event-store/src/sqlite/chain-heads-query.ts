import { Worker } from 'node:worker_threads';

// The heads of every chain under a prefix, for the signed checkpoints. Over a 100,000-case log
// (1.3 million events) the first form of this query (MAX(revision) with the hash as a bare column,
// filtered by substr) read every event row and took 5.4 s, on the event loop, every checkpoint
// interval: the server answered nothing meanwhile. Now the grouping walks the (stream_id,
// revision) index alone within the prefix's range, only each stream's last row is read (1.5 s
// there), and a file store runs it in a worker thread on a read-only connection of its own.

export interface ChainHeadRow {
  stream_id: string;
  revision: number;
  hash: string | null;
}

/**
 * The statement and its parameters: a range on the (stream_id, revision) index when the prefix
 * allows one; with `after`, the events after that position (a range on the primary key) instead.
 */
export function chainHeadsQuery(prefix: string, after = 0): { sql: string; parameters: Record<string, string | number> } {
  const last = prefix.charCodeAt(prefix.length - 1);
  // SQLite compares TEXT as UTF-8 bytes; for a prefix ending in an ASCII character the strings
  // that start with it are exactly those in [prefix, prefix with that character + 1).
  const range = after === 0 && prefix.length > 0 && last < 0x7f;
  const where = range
    ? 'stream_id >= @prefix AND stream_id < @upper'
    : `substr(stream_id, 1, length(@prefix)) = @prefix${after > 0 ? ' AND position > @after' : ''}`;
  const parameters: Record<string, string | number> = range
    ? { prefix, upper: prefix.slice(0, -1) + String.fromCharCode(last + 1) }
    : after > 0
      ? { prefix, after }
      : { prefix };
  // With `after`, the grouping would still walk the whole (stream_id, revision) index (1.3 s over
  // the 100,000-case log): NOT INDEXED leaves it the primary key's range. A stream's last event is
  // its newest, so the newest revision after `after` is its head.
  const source = after > 0 ? 'events NOT INDEXED' : 'events';
  return {
    sql: `SELECT e.stream_id, e.revision, e.hash
            FROM (SELECT stream_id, MAX(revision) AS revision FROM ${source} WHERE ${where} GROUP BY stream_id) AS heads
            JOIN events AS e ON e.stream_id = heads.stream_id AND e.revision = heads.revision
           ORDER BY e.stream_id`,
    parameters,
  };
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.filename, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
  parentPort.postMessage({ rows: db.prepare(workerData.sql).all(workerData.parameters) });
} catch (error) {
  parentPort.postMessage({ error: { message: error.message, code: error.code } });
} finally {
  db?.close();
}
`;

/** Runs the query on a read-only connection in a worker thread, so the event loop goes on meanwhile. */
export function chainHeadsInWorker(filename: string, prefix: string, after: number, busyTimeoutMs: number): Promise<ChainHeadRow[]> {
  const { sql, parameters } = chainHeadsQuery(prefix, after);
  return new Promise<ChainHeadRow[]>((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { filename, sql, parameters, busyTimeoutMs, driver: require.resolve('better-sqlite3') },
    });
    let settled = false;
    worker.once('message', (reply: { rows?: ChainHeadRow[]; error?: { message: string; code?: string } }) => {
      settled = true;
      if (reply.rows) resolve(reply.rows);
      else reject(Object.assign(new Error(reply.error?.message ?? 'chainHeads failed'), { code: reply.error?.code }));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`The chain heads reader ended without an answer (exit code ${code})`));
    });
  });
}
