import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { retryWhileBusy } from '../../read-models/src/sqlite-busy';
import { execute, select } from '../../read-models/src/sql';
import { newWebhookSecret } from './webhooks';

export interface WebhookEndpointView {
  id: string;
  organisationId: string;
  url: string;
  active: boolean;
  createdAt: string;
}

export interface WebhookDeliveryView {
  id: string;
  kind: string;
  disputeId: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string;
  deliveredAt: string | null;
}

/** The secretariat's side of webhooks: register, list, switch off, and read the delivery log. */
export class WebhookEndpoints {
  constructor(private readonly dataSource: DataSource) {}

  /** Registers an endpoint; the secret is answered once, here, and never again. */
  async register(organisationId: string, url: string, createdBy: string, now: Date): Promise<WebhookEndpointView & { secret: string }> {
    const endpoint = { id: randomUUID(), organisationId, url, active: true, createdAt: now.toISOString() };
    const secret = newWebhookSecret();
    await retryWhileBusy(() =>
      execute(
        this.dataSource.manager,
        'INSERT INTO webhook_endpoints (id, organisation_id, url, secret, active, created_at, created_by) VALUES (?, ?, ?, ?, 1, ?, ?)',
        [endpoint.id, organisationId, url, secret, endpoint.createdAt, createdBy],
      ),
    );
    return { ...endpoint, secret };
  }

  async list(): Promise<WebhookEndpointView[]> {
    const rows = await select<{ id: string; organisation_id: string; url: string; active: number | string; created_at: string }>(
      this.dataSource.manager,
      'SELECT id, organisation_id, url, active, created_at FROM webhook_endpoints ORDER BY created_at, id',
      [],
    );
    return rows.map((r) => ({ id: r.id, organisationId: r.organisation_id, url: r.url, active: Number(r.active) === 1, createdAt: r.created_at }));
  }

  async get(id: string): Promise<WebhookEndpointView | undefined> {
    return (await this.list()).find((e) => e.id === id);
  }

  /** Switches an endpoint off: nothing more is decided for it, and what waits is cancelled. */
  async deactivate(id: string): Promise<boolean> {
    if (!(await this.get(id))) return false;
    await retryWhileBusy(() => execute(this.dataSource.manager, 'UPDATE webhook_endpoints SET active = 0 WHERE id = ?', [id]));
    return true;
  }

  async deliveries(endpointId: string, limit: number): Promise<WebhookDeliveryView[]> {
    const rows = await select<Record<string, string | number | null>>(
      this.dataSource.manager,
      `SELECT id, kind, dispute_id, status, attempts, last_status_code, last_error, created_at, next_attempt_at, delivered_at
       FROM webhook_deliveries WHERE endpoint_id = ? ORDER BY created_at DESC, id DESC LIMIT ?`,
      [endpointId, limit],
    );
    return rows.map((r) => ({
      id: String(r.id),
      kind: String(r.kind),
      disputeId: String(r.dispute_id),
      status: String(r.status),
      attempts: Number(r.attempts),
      lastStatusCode: r.last_status_code === null ? null : Number(r.last_status_code),
      lastError: r.last_error === null ? null : String(r.last_error),
      createdAt: String(r.created_at),
      nextAttemptAt: String(r.next_attempt_at),
      deliveredAt: r.delivered_at === null ? null : String(r.delivered_at),
    }));
  }
}
