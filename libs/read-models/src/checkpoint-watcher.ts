import type { DataSource } from 'typeorm';
import type { ProjectionRunner } from './contracts';
import { PositionWaiters } from './position-waiters';

export interface CheckpointWatcherOptions {
  /** How often the checkpoints are read while someone waits (default 10 ms). */
  pollMs?: number;
  /** How often they are read otherwise, for position() (health); default 1000 ms. */
  idlePollMs?: number;
}

/**
 * Follows the projections' checkpoints as stored, for a process whose projections run elsewhere
 * (another process, or this one only while it holds a projection's lock). Reads them often while a
 * command waits for read-your-writes, rarely otherwise; local progress (`note`) wakes waiters at once.
 */
export class CheckpointWatcher implements ProjectionRunner {
  private readonly positions = new Map<string, number>();
  private readonly waiters = new PositionWaiters(() => this.position());
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  private running = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly names: readonly string[],
    private readonly options: CheckpointWatcherOptions = {},
  ) {}

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.refresh();
    this.schedule();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.waiters.failAll(new Error('The projection runner stopped'));
  }

  position(): number {
    let lowest = Number.POSITIVE_INFINITY;
    for (const name of this.names) lowest = Math.min(lowest, this.positions.get(name) ?? 0);
    return Number.isFinite(lowest) ? lowest : 0;
  }

  /** A projection run in this process reached `position` (committed). */
  note(name: string, position: number): void {
    if (position > (this.positions.get(name) ?? 0)) this.positions.set(name, position);
    this.waiters.wake();
  }

  waitForPosition(position: number, timeoutMs = 5000): Promise<void> {
    return this.waiters.wait(position, timeoutMs);
  }

  private schedule(soon = false): void {
    if (!this.running) return;
    if (this.timer && !soon) return;
    if (this.timer) clearTimeout(this.timer);
    const delay = this.waiters.size > 0 ? (this.options.pollMs ?? 10) : (this.options.idlePollMs ?? 1000);
    this.timer = setTimeout(() => void this.tick(), soon ? Math.min(delay, this.options.pollMs ?? 10) : delay);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    if (this.polling) return this.schedule();
    this.polling = true;
    try {
      await this.refresh();
    } catch {
      // The database is away for a moment; waiters time out on their own, health shows the lag.
    } finally {
      this.polling = false;
    }
    this.schedule();
  }

  private async refresh(): Promise<void> {
    if (!this.dataSource.isInitialized) return;
    const rows: { name: string; position: number | string }[] = await this.dataSource.query(
      'SELECT name, position FROM projection_checkpoints',
    );
    for (const row of rows) {
      if (this.names.includes(row.name)) this.note(row.name, Number(row.position));
    }
  }
}
