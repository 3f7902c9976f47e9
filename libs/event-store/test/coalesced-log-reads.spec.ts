import { EventEmitter } from 'node:events';
import type { StoredEvent } from '../src/port';
import { logEvent as event } from './support/log-event';
import { CoalescedLogReads } from '../src/coalesced-log-reads';

// Subscriptions woken together share one read of the log, but never one begun before the append
// signal that woke them, and never a full answer shorter than they asked for.

/** A log whose reads wait until released, so several can be in flight at once. */
class SlowLog {
  readonly events: StoredEvent[] = [];
  readonly calls: { after: number; maxCount: number }[] = [];
  private releases: (() => void)[] = [];
  fail = false;

  read = (after: number, maxCount: number): Promise<StoredEvent[]> => {
    this.calls.push({ after, maxCount });
    // What is committed when the read starts is what it answers.
    const answer = this.events.filter((e) => e.position > after).slice(0, maxCount);
    const fail = this.fail;
    return new Promise((resolve, reject) => this.releases.push(() => (fail ? reject(new Error('log down')) : resolve(answer))));
  };

  append(count: number): void {
    for (let i = 0; i < count; i++) this.events.push(event(this.events.length + 1));
  }

  release(): void {
    const releases = this.releases;
    this.releases = [];
    for (const release of releases) release();
  }
}

async function settled<T>(promises: Promise<T>[], log: SlowLog): Promise<T[]> {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    log.release();
  }
  return Promise.all(promises);
}

function setUp(): { log: SlowLog; signal: EventEmitter; reads: CoalescedLogReads } {
  const log = new SlowLog();
  const signal = new EventEmitter();
  return { log, signal, reads: new CoalescedLogReads(log.read, signal) };
}

describe('CoalescedLogReads', () => {
  it('answers three readers of the same position with one read, each with an array of its own', async () => {
    const { log, reads } = setUp();
    log.append(3);
    const answers = await settled([reads.read(0, 100, undefined), reads.read(0, 100, undefined), reads.read(0, 100, undefined)], log);
    expect(log.calls).toHaveLength(1);
    for (const answer of answers) expect(answer.map((e) => e.position)).toEqual([1, 2, 3]);
    expect(answers[0]).not.toBe(answers[1]);
    expect(answers[0][0]).toBe(answers[1][0]);
  });

  it('does not share a read begun before an append signal: the reader woken by it sees the append', async () => {
    const { log, signal, reads } = setUp();
    log.append(1);
    const early = reads.read(0, 100, undefined);
    log.append(1);
    signal.emit('appended');
    const woken = reads.read(0, 100, undefined);
    const [first, second] = await settled([early, woken], log);
    expect(log.calls).toHaveLength(2);
    expect(first.map((e) => e.position)).toEqual([1]);
    expect(second.map((e) => e.position)).toEqual([1, 2]);
  });

  it('shares a smaller read with a larger reader only when its answer was short (everything committed)', async () => {
    const { log, reads } = setUp();
    log.append(2);
    const [small, large] = await settled([reads.read(0, 5, undefined), reads.read(0, 500, undefined)], log);
    expect(log.calls).toHaveLength(1);
    expect(large.map((e) => e.position)).toEqual([1, 2]);
    expect(small).toHaveLength(2);

    log.append(8); // 10 now: a read of 5 comes back full
    const [full, more] = await settled([reads.read(2, 5, undefined), reads.read(2, 500, undefined)], log);
    expect(full.map((e) => e.position)).toEqual([3, 4, 5, 6, 7]);
    expect(more.map((e) => e.position)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(log.calls.slice(1)).toEqual([
      { after: 2, maxCount: 5 },
      { after: 2, maxCount: 500 },
    ]);
  });

  it('gives a smaller reader the first events of a larger read', async () => {
    const { log, reads } = setUp();
    log.append(10);
    const [large, small] = await settled([reads.read(0, 500, undefined), reads.read(0, 4, undefined)], log);
    expect(log.calls).toHaveLength(1);
    expect(large).toHaveLength(10);
    expect(small.map((e) => e.position)).toEqual([1, 2, 3, 4]);
  });

  it('keeps positions and stream prefixes apart', async () => {
    const { log, reads } = setUp();
    log.append(3);
    await settled([reads.read(0, 100, undefined), reads.read(1, 100, undefined), reads.read(0, 100, 'dispute-')], log);
    expect(log.calls).toHaveLength(3);
  });

  it('when the shared read fails, the one who started it gets the error and the others read again', async () => {
    const { log, reads } = setUp();
    log.append(2);
    log.fail = true;
    const first = reads.read(0, 100, undefined).catch((error: unknown) => error);
    const second = reads.read(0, 100, undefined);
    await new Promise((resolve) => setImmediate(resolve));
    log.fail = false;
    const [error, answer] = await settled([first, second], log);
    expect(error).toMatchObject({ message: 'log down' });
    expect((answer as StoredEvent[]).map((e) => e.position)).toEqual([1, 2]);
    expect(log.calls).toHaveLength(2);
  });
});
