import { EventEmitter } from 'node:events';
import { CatchUpSubscription, type CatchUpSource } from '../src/catch-up-subscription';
import type { StoredEvent } from '../src/port';
import { logEvent as event } from './support/log-event';

// The catch-up loop reads the log only when there may be something new: after a full batch, after
// an append signal, or on the poll timer; never again right after a short batch.

/** An in-memory log with the append signal, counting reads. */
class FakeLog implements CatchUpSource {
  readonly events: StoredEvent[] = [];
  reads = 0;
  private readonly signal = new EventEmitter();

  async read(after: number, maxCount: number): Promise<StoredEvent[]> {
    this.reads++;
    return this.events.filter((e) => e.position > after).slice(0, maxCount);
  }

  onAppended(listener: () => void): () => void {
    this.signal.on('appended', listener);
    return () => this.signal.off('appended', listener);
  }

  append(count: number): void {
    for (let i = 0; i < count; i++) this.events.push(event(this.events.length + 1));
    this.signal.emit('appended');
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('CatchUpSubscription', () => {
  const subscriptions: CatchUpSubscription[] = [];
  afterEach(async () => {
    for (const subscription of subscriptions.splice(0)) await subscription.stop();
  });

  function subscribe(log: FakeLog, received: number[], batchSize: number): void {
    subscriptions.push(
      new CatchUpSubscription(
        log,
        async (events) => {
          received.push(...events.map((e) => e.position));
        },
        { after: 0, streamPrefix: undefined, batchSize, pollIntervalMs: 60_000, onError: () => undefined },
      ),
    );
  }

  it('reads once per append signal when each batch is short, and delivers every event once, in order', async () => {
    const log = new FakeLog();
    const received: number[] = [];
    subscribe(log, received, 10);
    await settle();
    expect(log.reads).toBe(1); // the first read finds the empty log, then it waits

    for (let round = 1; round <= 5; round++) {
      log.append(3);
      await settle();
      expect(log.reads).toBe(1 + round);
    }
    expect(received).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });

  it('reads again at once after a full batch, until a batch comes back short', async () => {
    const log = new FakeLog();
    log.append(25);
    const received: number[] = [];
    subscribe(log, received, 10);
    await settle();
    expect(received).toHaveLength(25);
    expect(log.reads).toBe(3); // 10, 10, 5
  });

  it('reads again when an append arrives while the handler runs', async () => {
    const log = new FakeLog();
    const received: number[] = [];
    let appendedDuring = false;
    subscriptions.push(
      new CatchUpSubscription(
        log,
        async (events) => {
          received.push(...events.map((e) => e.position));
          if (!appendedDuring) {
            appendedDuring = true;
            log.append(2); // committed after this batch was read
          }
        },
        { after: 0, streamPrefix: undefined, batchSize: 10, pollIntervalMs: 60_000, onError: () => undefined },
      ),
    );
    await settle();
    log.append(1);
    await settle();
    expect(received).toEqual([1, 2, 3]);
  });
});
