// LISTENs on the store's channel over a dedicated connection (a pooled one would be handed to other
// queries) and calls `onNotify` for every NOTIFY the append function sends at commit, with the last
// position it committed (the payload). It is only
// the fast path: subscriptions also poll, so a dropped connection delays delivery, never loses it.
// After a drop it reconnects with backoff and fires `onNotify` once, since notifications sent while
// it was away are gone (without a position: everything may be new).
import { Client, ClientConfig, escapeIdentifier } from 'pg';

const RECONNECT_DELAYS_MS = [100, 500, 1000, 2000, 5000];

export class NotificationListener {
  private client: Client | undefined;
  private stopped = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly config: ClientConfig,
    private readonly channel: string,
    private readonly onNotify: (position: number | undefined) => void,
  ) {
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client(this.config);
    // A broken connection emits 'error' (and then 'end'); without a listener it would crash the process.
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    client.on('notification', (message) => this.onNotify(positionOf(message.payload)));
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${escapeIdentifier(this.channel)}`);
      if (this.stopped) return void (await client.end().catch(() => undefined));
      if (this.failures > 0) this.onNotify(undefined); // catch up on what was announced while disconnected
      this.failures = 0;
    } catch {
      this.reconnect(client);
    }
  }

  private reconnect(client: Client): void {
    if (this.stopped || this.client !== client) return; // stale client, or already handled
    this.client = undefined;
    void client.end().catch(() => undefined);
    const delay = RECONNECT_DELAYS_MS[Math.min(this.failures++, RECONNECT_DELAYS_MS.length - 1)];
    this.retryTimer = setTimeout(() => void this.connect(), delay);
    this.retryTimer.unref(); // polling keeps subscriptions alive; this timer alone should not
  }
}

/** The payload's position, or undefined when it is not one (then every subscriber reads). */
function positionOf(payload: string | undefined): number | undefined {
  const position = Number(payload);
  return Number.isSafeInteger(position) && position > 0 ? position : undefined;
}
