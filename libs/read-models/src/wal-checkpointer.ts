import { Worker } from 'node:worker_threads';

// SQLite copies the WAL back into the database file (a checkpoint, with an fsync of the file)
// inside whichever commit crosses wal_autocheckpoint pages. better-sqlite3 is synchronous, so that
// commit held the event loop: over a 100,000-case history, projection commits under a steady write
// load took up to 0.46 s, and every request waited. Here the connections leave checkpointing to a
// worker thread with a connection of its own: PASSIVE checkpoints never block readers or writers,
// and its fsync no longer runs on the event loop.

/** How often the worker checkpoints: a WAL that is checkpointed completely starts over at its beginning. */
const DEFAULT_INTERVAL_MS = 1000;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.filename, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    // Busy or locked now: the next round tries again.
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

export interface WalCheckpointer {
  /** Checkpoints once more, closes the worker's connection and ends the thread. */
  stop(): Promise<void>;
}

/**
 * Runs PASSIVE checkpoints of `filename` every `intervalMs` in a worker thread. `onFailure` is told
 * when the worker cannot run (the caller then lets its own connections checkpoint again).
 */
export function startWalCheckpointer(
  filename: string,
  onFailure: (error: unknown) => void,
  intervalMs = DEFAULT_INTERVAL_MS,
): WalCheckpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { filename, intervalMs, driver: require.resolve('better-sqlite3') },
  });
  let stopping = false;
  let failed = false;
  const fail = (error: unknown): void => {
    if (stopping || failed) return;
    failed = true;
    onFailure(error);
  };
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.once('error', fail);
  worker.once('exit', (code) => fail(new Error(`The WAL checkpoint worker ended (exit code ${code})`)));
  // The thread alone must not keep the process alive.
  worker.unref();
  return {
    async stop() {
      if (stopping) return exited;
      stopping = true;
      worker.postMessage('stop');
      const timer = setTimeout(() => void worker.terminate(), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
