import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { Webhook } from 'standardwebhooks';
import { chunk } from '../../read-models/src/projections/projection';
import { retryWhileBusy } from '../../read-models/src/sqlite-busy';
import { execute, isPostgres, select, valuesList } from '../../read-models/src/sql';
import type { Notice } from './notice';
import { outboxIdOf } from './outbox-message';
import { backoffMs, claimStatement, runClaim } from './outbox-sender';
import { caseLink, renderNotice } from './render';
import type { Recipient } from './outbox-message';

// Webhooks for organisations' own systems. An organisation with an endpoint takes part in the
// notifier's decision as one more recipient (a stand-in user of that organisation with its party
// role): the same audience and visibility rules decide whether it hears of an event, so an
// organisation never hears what its own users would not be told. The payload says what happened
// and links to the case; the details are read through the API with the organisation's own access.

const WEBHOOK_PREFIX = 'webhook:';
export const webhookRecipientId = (organisationId: string): string => `${WEBHOOK_PREFIX}${organisationId}`;
export const isWebhookRecipient = (userId: string): boolean => userId.startsWith(WEBHOOK_PREFIX);

/** The party role of an organisation kind; other kinds (the disputes body, observers) get no webhooks. */
export const PARTY_ROLE_OF_KIND: Record<string, Recipient['role'] | undefined> = {
  provider: 'provider',
  insurer: 'insurer',
  care_office: 'insurer',
  association: 'association',
};

export interface WebhookEndpointRow {
  id: string;
  organisation_id: string;
}

export async function activeEndpoints(manager: EntityManager): Promise<WebhookEndpointRow[]> {
  return select<WebhookEndpointRow>(manager, 'SELECT id, organisation_id FROM webhook_endpoints WHERE active = 1', []);
}

/** Stand-in recipients for the organisations that have an active endpoint. */
export function webhookRecipients(
  endpoints: readonly WebhookEndpointRow[],
  kindOf: (organisationId: string) => { kind: string; name: string } | undefined,
): Recipient[] {
  const organisations = [...new Set(endpoints.map((e) => e.organisation_id))];
  return organisations.flatMap((organisationId) => {
    const organisation = kindOf(organisationId);
    const role = organisation ? PARTY_ROLE_OF_KIND[organisation.kind] : undefined;
    return role && organisation ? [{ id: webhookRecipientId(organisationId), name: organisation.name, role, organisationId }] : [];
  });
}

export interface WebhookPayload {
  /** The same for every attempt: receivers deduplicate on it (it is also the webhook-id header). */
  id: string;
  type: string;
  disputeId: string;
  caseNumber: string | null;
  occurredAt: string;
  /** The case page; the API's GET /api/disputes/{id} gives the details the organisation may see. */
  link: string;
  /** The same words the organisation's users read, in Dutch. */
  summary: string;
  dueAt?: string;
}

/** The delivery rows of the notices addressed to organisations' stand-ins: one per endpoint. */
export async function insertWebhookDeliveries(
  manager: EntityManager,
  notices: readonly Notice[],
  endpoints: readonly WebhookEndpointRow[],
  publicUrl: string,
): Promise<void> {
  const rows: unknown[][] = [];
  for (const notice of notices) {
    for (const endpoint of endpoints) {
      if (webhookRecipientId(endpoint.organisation_id) !== notice.userId) continue;
      const id = outboxIdOf(`${notice.key}:${endpoint.id}`);
      const payload: WebhookPayload = {
        id: `msg_${id}`,
        type: notice.kind,
        disputeId: notice.disputeId,
        caseNumber: typeof notice.facts.caseNumber === 'string' ? notice.facts.caseNumber : null,
        occurredAt: notice.at,
        link: caseLink(publicUrl, notice.disputeId),
        summary: renderNotice(notice, '', { publicUrl }).subject,
        ...(typeof notice.facts.dueAt === 'string' ? { dueAt: notice.facts.dueAt } : {}),
      };
      rows.push([id, endpoint.id, notice.disputeId, notice.kind, JSON.stringify(payload), notice.at, 'pending', 0, notice.at]);
    }
  }
  for (const slice of chunk(rows, 60)) {
    await execute(
      manager,
      `INSERT INTO webhook_deliveries (id, endpoint_id, dispute_id, kind, payload, created_at, status, attempts, next_attempt_at)
       VALUES ${valuesList(slice.length, 9)} ON CONFLICT (id) DO NOTHING`,
      slice.flat(),
    );
  }
}

/** A Standard Webhooks secret: `whsec_` and 24 random bytes in base64. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(24).toString('base64')}`;

export interface WebhookSenderOptions {
  now: () => Date;
  batchSize?: number;
  leaseMs?: number;
  /** An endpoint that does not answer within this is a failed attempt (default 10 s). */
  timeoutMs?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  onError?: (error: unknown, deliveryId: string) => void;
}

interface DueDelivery {
  id: string;
  payload: string;
  attempts: number;
  url: string;
  secret: string;
  active: number;
}

/**
 * Posts due deliveries, signed per Standard Webhooks (webhook-id, webhook-timestamp,
 * webhook-signature). 2xx is delivered; anything else, a timeout or a network error is retried
 * with exponential backoff. Claims work as the mail sender's (a lease per row).
 */
export class WebhookSender {
  readonly owner = `webhooks-${randomUUID()}`;
  private running: Promise<{ delivered: number; failed: number }> | undefined;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: WebhookSenderOptions,
  ) {}

  /** Waits for a round in progress; no new one starts after this. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running?.catch(() => undefined);
  }

  round(): Promise<{ delivered: number; failed: number }> {
    if (this.stopped) return Promise.resolve({ delivered: 0, failed: 0 });
    this.running ??= this.deliverRound().finally(() => (this.running = undefined));
    return this.running;
  }

  private async deliverRound(): Promise<{ delivered: number; failed: number }> {
    const now = this.options.now();
    const at = now.toISOString();
    const lease = {
      owner: this.owner,
      until: new Date(now.getTime() + (this.options.leaseMs ?? 60_000)).toISOString(),
      at,
      limit: this.options.batchSize ?? 20,
    };
    const [sql, parameters] = claimStatement('webhook_deliveries', ['id'], lease, isPostgres(this.dataSource));
    const claimed = await runClaim<{ id: string }>(this.dataSource, sql, parameters);
    const ids = (Array.isArray(claimed[0]) ? (claimed[0] as { id: string }[]) : claimed).map((r) => r.id);
    const result = { delivered: 0, failed: 0 };
    if (ids.length === 0) return result;
    const due = await select<DueDelivery>(
      this.dataSource.manager,
      `SELECT d.id, d.payload, d.attempts, e.url, e.secret, e.active FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
       WHERE d.id IN (${ids.map(() => '?').join(', ')}) ORDER BY d.created_at`,
      ids,
    );
    for (const delivery of due) {
      if (Number(delivery.active) !== 1) {
        await this.mark(delivery.id, `status = 'cancelled', lease_owner = NULL, lease_until = NULL`, []);
        continue;
      }
      const outcome = await this.post(delivery);
      if (outcome.ok) {
        await this.mark(
          delivery.id,
          `status = 'delivered', delivered_at = ?, attempts = attempts + 1, last_status_code = ?, last_error = NULL, lease_owner = NULL, lease_until = NULL`,
          [this.options.now().toISOString(), outcome.status],
        );
        result.delivered++;
      } else {
        const attempts = Number(delivery.attempts) + 1;
        const next = new Date(
          this.options.now().getTime() + backoffMs(attempts, this.options.baseBackoffMs ?? 30_000, this.options.maxBackoffMs ?? 3_600_000),
        );
        await this.mark(
          delivery.id,
          `attempts = attempts + 1, next_attempt_at = ?, last_status_code = ?, last_error = ?, lease_owner = NULL, lease_until = NULL`,
          [next.toISOString(), outcome.status ?? null, outcome.error.slice(0, 500)],
        );
        this.options.onError?.(new Error(outcome.error), delivery.id);
        result.failed++;
      }
    }
    return result;
  }

  private async post(delivery: DueDelivery): Promise<{ ok: true; status: number } | { ok: false; status?: number; error: string }> {
    const payload = JSON.parse(delivery.payload) as WebhookPayload;
    const timestamp = this.options.now();
    const signature = new Webhook(delivery.secret).sign(payload.id, timestamp, delivery.payload);
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': payload.id,
          'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
          'webhook-signature': signature,
        },
        body: delivery.payload,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
      return { ok: false, status: response.status, error: `answered ${response.status}` };
    } catch (error) {
      const name = (error as { name?: string }).name;
      return { ok: false, error: name === 'TimeoutError' ? 'no answer in time' : error instanceof Error ? error.message : String(error) };
    }
  }

  private async mark(id: string, assignments: string, parameters: unknown[]): Promise<void> {
    await retryWhileBusy(() =>
      execute(this.dataSource.manager, `UPDATE webhook_deliveries SET ${assignments} WHERE id = ? AND lease_owner = ?`, [
        ...parameters,
        id,
        this.owner,
      ]),
    );
  }
}
