/** waitForPosition gave up: the read models have not caught up with a write yet. */
export class ProjectionWaitTimeoutError extends Error {
  constructor(
    readonly position: number,
    readonly reached: number,
    readonly timeoutMs: number,
  ) {
    super(`Read models did not reach position ${position} within ${timeoutMs} ms (they are at ${reached})`);
    this.name = 'ProjectionWaitTimeoutError';
  }
}

interface Waiter {
  position: number;
  resolve: () => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Callers waiting for the read models to reach a log position (read-your-writes), shared by the
 * runner that moves the checkpoints itself and the one that only watches them.
 */
export class PositionWaiters {
  private readonly waiters = new Set<Waiter>();

  constructor(private readonly reached: () => number) {}

  get size(): number {
    return this.waiters.size;
  }

  wait(position: number, timeoutMs: number): Promise<void> {
    if (this.reached() >= position) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        position,
        resolve,
        reject,
        timer: setTimeout(() => this.settle(waiter, new ProjectionWaitTimeoutError(position, this.reached(), timeoutMs)), timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Resolves everyone whose position has been reached. */
  wake(): void {
    const reached = this.reached();
    for (const waiter of [...this.waiters]) if (waiter.position <= reached) this.settle(waiter);
  }

  failAll(error: Error): void {
    for (const waiter of [...this.waiters]) this.settle(waiter, error);
  }

  private settle(waiter: Waiter, error?: Error): void {
    if (!this.waiters.delete(waiter)) return;
    clearTimeout(waiter.timer);
    if (error) waiter.reject(error);
    else waiter.resolve();
  }
}
