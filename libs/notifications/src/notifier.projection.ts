import type { EntityManager } from 'typeorm';
import { evolve, initialState, toDisputeEvent, type DisputeState } from '../../domain/src';
import type { StoredEvent } from '../../event-store/src/port';
import { chunk, groupByDispute, type Projection } from '../../read-models/src/projections/projection';
import { execute, select, valuesList } from '../../read-models/src/sql';
import { RecipientIndex } from './audience';
import { decideNotices } from './decide-notices';
import type { Notice } from './notice';
import { outboxRowOf, type OutboxRow, type OutboxRowOptions, type Recipient } from './outbox-message';
import { insertOutboxRows } from './outbox-sql';
import { isRemindable } from './reminders';
import { activeEndpoints, insertWebhookDeliveries, isWebhookRecipient, webhookRecipients } from './webhooks';

export const NOTIFIER_NAME = 'notifications';

/** Where the notifier finds the people to tell (the directory, with e-mail addresses). */
export interface RecipientSource {
  users(): readonly Recipient[];
  /** The kind and name of an organisation, for its webhooks (absent: no webhooks). */
  organisation?(id: string): { kind: string; name: string } | undefined;
}

export interface NotifierOptions extends OutboxRowOptions {
  recipients: RecipientSource;
  now: () => Date;
  /**
   * Notices about events older than this are kept for the portal but never e-mailed: the notifier
   * started on an existing log must not mail its whole history. Default 2 days.
   */
  maxAgeMs?: number;
}

/**
 * The notifier as a projection: the engine hands it each batch of the log inside the transaction
 * that moves its checkpoint (projection-batch.ts), so the messages it decides are written exactly
 * when the checkpoint passes their event: a crash before commit decides them again, never twice.
 * It keeps its own fold of each case (never another projection's rows, which may be at another
 * checkpoint) and the open deadlines the reminder scan needs.
 */
export function createNotifierProjection(options: NotifierOptions): Projection {
  const maxAgeMs = options.maxAgeMs ?? 2 * 86_400_000;
  return {
    name: NOTIFIER_NAME,
    tables: ['notification_case_states', 'notification_deadlines', 'notification_messages'],
    async apply(events: StoredEvent[], manager: EntityManager): Promise<void> {
      const endpoints = await activeEndpoints(manager);
      const lookup = options.recipients.organisation?.bind(options.recipients);
      const standIns = lookup ? webhookRecipients(endpoints, lookup) : [];
      const recipients = options.recipients.users();
      // Organisations with a webhook take part as one more recipient each (see webhooks.ts).
      const index = new RecipientIndex([...recipients, ...standIns]);
      const forWebhooks: Notice[] = [];
      const byId = new Map(recipients.map((r) => [r.id, r]));
      const groups = groupByDispute(events);
      const states = await loadStates(manager, [...groups.keys()]);
      const rows: OutboxRow[] = [];
      const changed: DisputeState[] = [];
      for (const [disputeId, disputeEvents] of groups) {
        let state = states.get(disputeId) ?? initialState(disputeId);
        for (const stored of disputeEvents) {
          const event = toDisputeEvent(stored);
          const after = evolve(state, event);
          const notices = decideNotices(event, {
            eventId: stored.id,
            actorUserId: stored.metadata.actor?.userId,
            before: state,
            after,
            index,
          });
          for (const notice of notices) {
            if (isWebhookRecipient(notice.userId)) {
              forWebhooks.push(notice);
              continue;
            }
            const recipient = byId.get(notice.userId);
            if (recipient) rows.push(outboxRowOf(notice, recipient, options));
          }
          state = after;
        }
        changed.push(state);
      }
      await saveStates(manager, changed);
      // Messages about the distant past stay readable in the portal but are not mailed.
      await insertOutboxRows(manager, rows, new Date(options.now().getTime() - maxAgeMs));
      await insertWebhookDeliveries(manager, forWebhooks, endpoints, options.publicUrl);
    },
  };
}

/** Decides the outbox rows of reminder notices (reminders.ts) for the same table. */
export const rowsOfNotices = (notices: readonly Notice[], recipients: RecipientSource, options: OutboxRowOptions): OutboxRow[] => {
  const byId = new Map(recipients.users().map((r) => [r.id, r]));
  return notices.flatMap((n) => {
    const recipient = byId.get(n.userId);
    return recipient ? [outboxRowOf(n, recipient, options)] : [];
  });
};

export async function loadStates(manager: EntityManager, disputeIds: string[]): Promise<Map<string, DisputeState>> {
  const states = new Map<string, DisputeState>();
  for (const slice of chunk(disputeIds, 500)) {
    const found = await select<{ dispute_id: string; document: string }>(
      manager,
      `SELECT dispute_id, document FROM notification_case_states WHERE dispute_id IN (${slice.map(() => '?').join(', ')})`,
      slice,
    );
    for (const row of found) states.set(row.dispute_id, JSON.parse(row.document) as DisputeState);
  }
  return states;
}

async function saveStates(manager: EntityManager, states: DisputeState[]): Promise<void> {
  for (const slice of chunk(states, 200)) {
    await execute(
      manager,
      `INSERT INTO notification_case_states (dispute_id, document) VALUES ${valuesList(slice.length, 2)}
       ON CONFLICT (dispute_id) DO UPDATE SET document = excluded.document`,
      slice.flatMap((s) => [s.disputeId, JSON.stringify(s)]),
    );
  }
  // The open deadlines someone must act on, for the reminder scan: replaced per changed case.
  for (const slice of chunk(states, 200)) {
    await execute(
      manager,
      `DELETE FROM notification_deadlines WHERE dispute_id IN (${slice.map(() => '?').join(', ')})`,
      slice.map((s) => s.disputeId),
    );
    const open = slice.flatMap((s) =>
      s.deadlines.filter(isRemindable).map((d) => [s.disputeId, d.deadlineId, new Date(d.dueAt).toISOString()]),
    );
    for (const part of chunk(open, 300)) {
      await execute(
        manager,
        `INSERT INTO notification_deadlines (dispute_id, deadline_id, due_at) VALUES ${valuesList(part.length, 3)}`,
        part.flat(),
      );
    }
  }
}
