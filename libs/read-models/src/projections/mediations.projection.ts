import type { EntityManager } from 'typeorm';
import { toDisputeEvent } from '../../../domain/src';
import type { StoredEvent } from '../../../event-store/src/port';
import { execute } from '../sql';
import { groupByDispute, normaliseInstant, type Projection } from './projection';

/**
 * Mediations: one row per dispute from filing (sector, phase, framework), filled in as the case
 * goes through mediation: the mediator appointed and when, the result and when it concluded, and
 * the route the case took afterwards. GET /api/mediation-outcomes lists the concluded ones.
 */
export const mediationsProjection: Projection = {
  name: 'mediations',
  tables: ['mediations'],
  async apply(events: StoredEvent[], manager: EntityManager): Promise<void> {
    for (const [disputeId, stored] of groupByDispute(events)) {
      for (const event of stored) {
        const e = toDisputeEvent(event);
        const at = normaliseInstant(e.data.occurredAt);
        switch (e.type) {
          case 'DisputeFiled':
            await execute(
              manager,
              `INSERT INTO mediations (dispute_id, sector, phase, legal_framework, filed_at) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT DO NOTHING`,
              [disputeId, e.data.sector, e.data.phase, e.data.legalFramework, at],
            );
            break;
          case 'DisputeRegistered':
            await execute(manager, 'UPDATE mediations SET case_number = ? WHERE dispute_id = ?', [e.data.caseNumber, disputeId]);
            break;
          case 'NeutralsAppointed':
            if (e.data.route === 'mediation') {
              await execute(
                manager,
                'UPDATE mediations SET mediator_user_id = ?, started_at = ?, route = ? WHERE dispute_id = ? AND started_at IS NULL',
                [e.data.chairUserId, at, 'mediation', disputeId],
              );
            }
            break;
          case 'MediationConcluded':
            await execute(manager, 'UPDATE mediations SET result = ?, concluded_at = ? WHERE dispute_id = ?', [
              e.data.result,
              at,
              disputeId,
            ]);
            break;
          case 'EscalationAccepted':
            await execute(manager, 'UPDATE mediations SET route = ? WHERE dispute_id = ? AND started_at IS NOT NULL', [
              e.data.route,
              disputeId,
            ]);
            break;
          default:
            break;
        }
      }
    }
  },
};
