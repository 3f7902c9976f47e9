import { Worker } from 'node:worker_threads';
import { CommitOutcome, GROUP_COMMIT_PROGRAM, PreparedAppend, sqliteFailure } from './group-commit-program';

// A file store's group commits run in this worker thread, on a connection of its own. better-sqlite3
// is synchronous, so on the event loop a synchronous=FULL commit held every request for its fsync
// (about 1.5 ms each here: 0.4 ms of the event loop a command under load), and a commit waiting for
// another process's write lock held it for up to busy_timeout. The thread commits one group while
// the event loop queues the next.

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { hash } = require('node:crypto');
const { runInThisContext } = require('node:vm');
const Database = require(workerData.driver);
const db = new Database(workerData.filename, { fileMustExist: true });
db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
db.pragma('synchronous = ' + workerData.synchronous);
db.pragma('foreign_keys = ON');
const commit = runInThisContext(workerData.program, { filename: 'group-commit-program.js' })(db, (text) => hash('sha256', text, 'hex'));
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  let reply;
  try {
    reply = { id: message.id, outcomes: commit(message.batch) };
  } catch (error) {
    reply = { id: message.id, failure: { code: error?.code, message: String(error?.message ?? error) } };
  }
  parentPort.postMessage(reply);
});
`;

export interface CommitThreadOptions {
  filename: string;
  busyTimeoutMs: number;
  synchronous: 'FULL' | 'NORMAL';
}

interface Reply {
  id: number;
  outcomes?: CommitOutcome[];
  failure?: { code: string | undefined; message: string };
}

interface Running {
  worker: Worker;
  exited: Promise<void>;
  pending: Map<number, { resolve: (outcomes: CommitOutcome[]) => void; reject: (error: Error) => void }>;
}

/**
 * Started by start() or on first use. A thread that fails rejects the group it was committing as unavailable (the
 * callers retry, with their idempotency keys) and the next group starts a new thread. It keeps the
 * process alive only while a group is in it.
 */
export class CommitThread {
  private running: Running | undefined;
  private nextId = 0;
  /** After close(), no thread starts again (its connection would outlive the store). */
  private closed = false;

  constructor(private readonly options: CommitThreadOptions) {}

  /** Starts the thread ahead of the first commit (it takes some 30-50 ms to load the driver and open the file). */
  start(): void {
    if (!this.closed) this.running ??= this.spawn();
  }

  /** Commits the group; rejects only when the whole transaction failed (each outcome says the rest). */
  commit(batch: PreparedAppend[][]): Promise<CommitOutcome[]> {
    if (this.closed) return Promise.reject(new Error('The event store was closed'));
    const running = this.running ?? this.spawn();
    const id = this.nextId++;
    return new Promise<CommitOutcome[]>((resolve, reject) => {
      running.pending.set(id, { resolve, reject });
      running.worker.ref();
      running.worker.postMessage({ id, batch });
    });
  }

  /** Closes the thread's connection and ends it; call once no group is in it. */
  async close(): Promise<void> {
    this.closed = true;
    const running = this.running;
    if (!running) return;
    this.running = undefined;
    this.fail(running, new Error('The event store was closed'));
    running.worker.postMessage('close');
    // Only for a thread that never answers: terminating one inside a SQLite call aborts the whole
    // process (better-sqlite3), so wait out any busy wait first.
    const timer = setTimeout(() => void running.worker.terminate(), this.options.busyTimeoutMs + 5000);
    await running.exited;
    clearTimeout(timer);
  }

  private spawn(): Running {
    const { filename, busyTimeoutMs, synchronous } = this.options;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { filename, busyTimeoutMs, synchronous, program: GROUP_COMMIT_PROGRAM, driver: require.resolve('better-sqlite3') },
    });
    const running: Running = { worker, exited: new Promise((resolve) => worker.once('exit', () => resolve())), pending: new Map() };
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const call = running.pending.get(reply.id);
      if (!call) return;
      running.pending.delete(reply.id);
      if (running.pending.size === 0) worker.unref();
      if (reply.outcomes) call.resolve(reply.outcomes);
      else call.reject(sqliteFailure(reply.failure ?? { code: undefined, message: 'The commit thread gave no answer' }));
    });
    worker.once('error', (error) => this.stop(running, error));
    worker.once('exit', (code) => this.stop(running, new Error(`The commit thread ended (exit code ${code})`)));
    this.running = running;
    return running;
  }

  private stop(running: Running, error: Error): void {
    if (this.running === running) this.running = undefined;
    this.fail(running, error);
  }

  private fail(running: Running, error: Error): void {
    for (const call of running.pending.values()) call.reject(error);
    running.pending.clear();
  }
}
