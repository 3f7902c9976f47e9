import type { EventEmitter } from 'node:events';
import type { StoredEvent } from './port';

// One read of the log for the subscriptions of a process that ask for the same thing at once. An
// append wakes every subscription (the projections, the notifier, the directory) together, and each
// caught-up one then asks for the events after the same position: without this, one command cost
// the log three reads (on PostgreSQL three round trips, each parsing the same rows). Readers get
// their own array of the same event objects, which handlers only read (the projections of one
// engine already share them).
//
// Only a read started since the last append signal is shared: a subscription woken by a signal
// must see that append, and a read begun before it may not (the subscription would take the short
// answer for "caught up" and wait for the next one).

type Read = (after: number, maxCount: number, streamPrefix: string | undefined) => Promise<StoredEvent[]>;

interface InFlight {
  maxCount: number;
  events: Promise<StoredEvent[]>;
}

export class CoalescedLogReads {
  private readonly inFlight = new Map<string, InFlight>();
  /** Counts the append signals; part of the key, so a read is shared only until the next signal. */
  private signals = 0;

  constructor(
    private readonly readLog: Read,
    appended: EventEmitter,
  ) {
    appended.on('appended', () => this.signals++);
  }

  /** Events strictly after `after`, at most `maxCount`: shared with a read for the same position running now. */
  async read(after: number, maxCount: number, streamPrefix: string | undefined): Promise<StoredEvent[]> {
    const key = `${this.signals}\u0000${after}\u0000${streamPrefix ?? ''}`;
    const running = this.inFlight.get(key);
    if (running) {
      const events = await running.events.catch(() => undefined);
      // A shorter answer than the running read asked for held everything committed; a full one may
      // have stopped short of what this reader asked for (a reader taking a short batch for
      // "caught up" would then wait for the next append), so that reader reads on its own.
      if (events && (events.length < running.maxCount || maxCount <= running.maxCount)) return events.slice(0, maxCount);
      return this.readLog(after, maxCount, streamPrefix);
    }
    const events = this.readLog(after, maxCount, streamPrefix);
    const entry: InFlight = { maxCount, events };
    this.inFlight.set(key, entry);
    try {
      return (await events).slice();
    } finally {
      if (this.inFlight.get(key) === entry) this.inFlight.delete(key);
    }
  }
}
