import { Worker } from 'node:worker_threads';

// The case list picks its walk by row counts (case-list-counts.ts). Over a 100,000-case history one
// count takes up to 40 ms (all cases of one phase), and better-sqlite3 would run it on the event
// loop, holding every request meanwhile, on first use and again each time a count goes stale. Here
// a worker thread with a connection of its own counts, so the event loop only waits for a message.

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.filename, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
// The statements are the counts' few texts (one per filter column, principals, all).
const statements = new Map();
parentPort.on('message', (message) => {
  if (message === 'stop') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    let statement = statements.get(message.sql);
    if (statement === undefined) {
      statement = db.prepare(message.sql).pluck();
      statements.set(message.sql, statement);
    }
    parentPort.postMessage({ id: message.id, n: Number(statement.get(...message.parameters) ?? 0) });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: String((error && error.message) || error) });
  }
});
`;

export interface CountThread {
  /** The single number `sql` selects (a COUNT), counted in the thread. Rejects once the thread has failed. */
  count(sql: string, parameters: unknown[]): Promise<number>;
  /** Closes the thread's connection and ends the thread. */
  stop(): Promise<void>;
}

/**
 * Starts a thread that answers counts over the SQLite database `filename`. `onFailure` is told once
 * if the thread cannot go on (it did not start, or ended before `stop`); its counts are refused then.
 */
export function startCountThread(filename: string, onFailure: (error: Error) => void = () => undefined): CountThread {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { filename, driver: require.resolve('better-sqlite3') },
  });
  const pending = new Map<number, { resolve: (n: number) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let failure: Error | undefined;
  let stopping = false;
  const fail = (error: Error): void => {
    if (failure === undefined && !stopping) onFailure(error);
    failure ??= error;
    for (const waiter of pending.values()) waiter.reject(failure);
    pending.clear();
  };
  worker.on('message', (message: { id: number; n?: number; error?: string }) => {
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error !== undefined) waiter.reject(new Error(message.error));
    else waiter.resolve(message.n ?? 0);
  });
  worker.once('error', (error) => fail(new Error(`The count thread failed: ${error.message}`)));
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', (code) => {
      fail(new Error(`The count thread ended (exit code ${code})`));
      resolve();
    }),
  );
  // The thread alone must not keep the process alive.
  worker.unref();
  return {
    count(sql, parameters) {
      if (failure) return Promise.reject(failure);
      if (stopping) return Promise.reject(new Error('The count thread is stopping'));
      const id = nextId++;
      return new Promise<number>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, sql, parameters });
      });
    },
    async stop() {
      if (!stopping) {
        stopping = true;
        worker.postMessage('stop');
        const timer = setTimeout(() => void worker.terminate(), 5000);
        await exited;
        clearTimeout(timer);
      }
      return exited;
    },
  };
}
