import type { EntityManager } from 'typeorm';
import { evolve, initialState, isTerminal, toDisputeEvent, type DisputeState } from '../../../domain/src';
import type { StoredEvent } from '../../../event-store/src/port';
import { execute, select, valuesList } from '../sql';
import { chunk, groupByDispute, normaliseInstant, type Projection } from './projection';

/**
 * The caseload: every OPEN case with its current neutrals (nominated or appointed) and its
 * deadlines that are open or were missed. A case leaves all three tables when it closes, so the
 * tables stay as small as the work in hand. Folds with the domain's evolve, keeping its own copy
 * of the open case's state (no other projection's table is read).
 */
export const caseloadProjection: Projection = {
  name: 'caseload',
  tables: ['caseload_cases', 'caseload_neutrals', 'caseload_deadlines'],
  async apply(events: StoredEvent[], manager: EntityManager): Promise<void> {
    for (const [disputeId, stored] of groupByDispute(events)) {
      const [row] = await select<{ document: string }>(manager, 'SELECT document FROM caseload_cases WHERE dispute_id = ?', [disputeId]);
      const previous: DisputeState = row ? JSON.parse(row.document) : initialState(disputeId);
      // A closed case was removed: an event after closing (decide() prevents it) starts from
      // nothing and finds no DisputeFiled, so it is not listed again.
      const state = stored.reduce((current, event) => evolve(current, toDisputeEvent(event)), previous);
      await execute(manager, 'DELETE FROM caseload_neutrals WHERE dispute_id = ?', [disputeId]);
      await execute(manager, 'DELETE FROM caseload_deadlines WHERE dispute_id = ?', [disputeId]);
      if (!state.exists || isTerminal(state.status)) {
        await execute(manager, 'DELETE FROM caseload_cases WHERE dispute_id = ?', [disputeId]);
        continue;
      }
      await execute(
        manager,
        `INSERT INTO caseload_cases (dispute_id, case_number, status, route, urgent, document) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (dispute_id) DO UPDATE SET case_number = excluded.case_number, status = excluded.status,
           route = excluded.route, urgent = excluded.urgent, document = excluded.document`,
        [disputeId, state.caseNumber ?? null, state.status, state.route ?? null, state.urgent ? 1 : 0, JSON.stringify(state)],
      );
      const neutrals = state.neutrals.filter((n) => n.status !== 'lapsed');
      for (const slice of chunk(neutrals)) {
        await execute(
          manager,
          `INSERT INTO caseload_neutrals (dispute_id, user_id, role, neutral_status, chair) VALUES ${valuesList(slice.length, 5)}`,
          slice.flatMap((n) => [disputeId, n.userId, n.role, n.status, n.chair ? 1 : 0]),
        );
      }
      const deadlines = state.deadlines.filter((d) => d.status === 'open' || d.status === 'missed');
      for (const slice of chunk(deadlines)) {
        await execute(
          manager,
          `INSERT INTO caseload_deadlines (dispute_id, deadline_id, kind, due_at, side, status) VALUES ${valuesList(slice.length, 6)}`,
          slice.flatMap((d) => [disputeId, d.deadlineId, d.kind, normaliseInstant(d.dueAt), d.side ?? null, d.status]),
        );
      }
    }
  },
};
