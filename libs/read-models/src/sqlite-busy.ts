// better-sqlite3 is synchronous: while it waits for another connection's write lock it blocks the
// whole event loop. If that other connection lives in the SAME process (two engines, or an engine
// and another writer), the lock holder can never run, so the wait always ends in SQLITE_BUSY after
// the full busy timeout. We therefore keep SQLite's own busy wait short and retry asynchronously,
// which lets the holder finish its transaction in between.

export function isBusyError(error: unknown): boolean {
  const code = errorCode(error) ?? errorCode((error as { driverError?: unknown } | undefined)?.driverError);
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

export interface BusyRetryOptions {
  /** Give up after this long and rethrow the last SQLITE_BUSY. */
  maxWaitMs?: number;
  /** Stop retrying early (e.g. the engine is stopping). */
  shouldStop?: () => boolean;
}

export async function retryWhileBusy<T>(work: () => Promise<T>, options: BusyRetryOptions = {}): Promise<T> {
  const { maxWaitMs = 30_000, shouldStop = () => false } = options;
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isBusyError(error) || shouldStop() || Date.now() - started > maxWaitMs) throw error;
      // Jitter, growing a little: two waiters rarely collide twice in a row.
      const pause = Math.min(5 + attempt * 5, 50) + Math.random() * 10;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
