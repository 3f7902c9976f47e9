// The catch-up loop of the KurrentDB adapter, against a stand-in for the server's subscription
// stream: what it hands the handler, in which batches, after failures of the handler and of the
// connection. (The real server is exercised by the contract suite when KURRENTDB_URL is set.)
import { PassThrough } from 'node:stream';
import type { AllStreamResolvedEvent, AllStreamSubscription } from '@kurrent/kurrentdb-client';
import type { StoredEvent } from '../src';
import { KurrentDbSubscription } from '../src/kurrentdb/kurrentdb-subscription';

/** A server subscription stand-in: an object-mode stream of positions. */
function fakeServer(): AllStreamSubscription & PassThrough {
  const stream = new PassThrough({ objectMode: true }) as unknown as AllStreamSubscription & PassThrough;
  (stream as unknown as { unsubscribe: () => Promise<void> }).unsubscribe = async () => {
    stream.destroy();
  };
  return stream;
}

const record = (position: number) => ({ position }) as unknown as AllStreamResolvedEvent;
const toEvent = (resolved: AllStreamResolvedEvent): StoredEvent =>
  ({ position: (resolved as unknown as { position: number }).position, type: 'T' }) as StoredEvent;

async function until(condition: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('KurrentDbSubscription', () => {
  it('hands over events after the checkpoint in order, dropping the inclusive start and repeats', async () => {
    const server = fakeServer();
    const opened: number[] = [];
    const received: number[] = [];
    const sub = new KurrentDbSubscription(async (events) => void received.push(...events.map((e) => e.position)), {
      after: 20,
      batchSize: 10,
      onError: () => undefined,
      open: (after) => (opened.push(after), server),
      toEvent,
    });
    for (const p of [20, 30, 30, 40, 50]) server.write(record(p));
    await until(() => received.length >= 3);
    await sub.stop();
    expect(opened).toEqual([20]);
    expect(received).toEqual([30, 40, 50]);
  });

  it('retries a failed batch as is, then moves on', async () => {
    const server = fakeServer();
    const calls: number[][] = [];
    const errors: unknown[] = [];
    const sub = new KurrentDbSubscription(
      async (events) => {
        calls.push(events.map((e) => e.position));
        if (calls.length === 1) throw new Error('projection hiccup');
      },
      { after: 0, batchSize: 2, onError: (e) => errors.push(e), open: () => server, toEvent },
    );
    for (const p of [1, 2, 3]) server.write(record(p));
    await until(() => calls.flat().includes(3));
    await sub.stop();
    expect(calls[0]).toEqual([1, 2]);
    expect(calls[1]).toEqual([1, 2]);
    expect(calls.slice(2).flat()).toEqual([3]);
    expect((errors[0] as Error).message).toBe('projection hiccup');
  });

  it('reopens from the last handled checkpoint when the connection fails, without loss or repeats', async () => {
    const servers = [fakeServer(), fakeServer()];
    const opened: number[] = [];
    const received: number[] = [];
    const errors: unknown[] = [];
    const sub = new KurrentDbSubscription(async (events) => void received.push(...events.map((e) => e.position)), {
      after: 0,
      batchSize: 10,
      onError: (e) => errors.push(e),
      open: (after) => {
        opened.push(after);
        return servers[opened.length - 1];
      },
      toEvent,
    });
    servers[0].write(record(5));
    servers[0].write(record(6));
    await until(() => received.length === 2);
    servers[0].emit('error', new Error('connection reset'));
    await until(() => opened.length === 2);
    // The new subscription starts AT the checkpoint (inclusive on the server) and goes on.
    for (const p of [6, 7, 8]) servers[1].write(record(p));
    await until(() => received.length === 4);
    await sub.stop();
    expect(opened).toEqual([0, 6]);
    expect(received).toEqual([5, 6, 7, 8]);
    expect((errors[0] as Error).message).toBe('connection reset');
  });

  it('stops only once the running handler has finished', async () => {
    const server = fakeServer();
    let running = false;
    const sub = new KurrentDbSubscription(
      async () => {
        running = true;
        await new Promise((r) => setTimeout(r, 100));
        running = false;
      },
      { after: 0, batchSize: 10, onError: () => undefined, open: () => server, toEvent },
    );
    server.write(record(1));
    await until(() => running);
    await sub.stop();
    expect(running).toBe(false);
  });
});
