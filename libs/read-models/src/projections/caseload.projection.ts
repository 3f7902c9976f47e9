import type { EntityManager } from 'typeorm';
import { evolve, initialState, isTerminal, toDisputeEvent, type DisputeState } from '../../../domain/src';
import type { StoredEvent } from '../../../event-store/src/port';
import { execute, select, valuesList } from '../sql';
import { needsNeutralStep, neutralStepQueue, neutralStepSince } from '../statistics/neutral-step';
import { chunk, groupByDispute, normaliseInstant, type Projection } from './projection';

/**
 * The caseload: every OPEN case with its current neutrals (nominated or appointed) and its
 * deadlines that are open or were missed. A case leaves all three tables when it closes, so the
 * tables stay as small as the work in hand. Folds with the domain's evolve, keeping its own copy
 * of the open case's state (no other projection's table is read).
 *
 * Set-based per batch, like `cases`: one read of the batch's open cases, then multi-row statements,
 * so a batch costs a handful of round trips on PostgreSQL whatever its size.
 */
export const caseloadProjection: Projection = {
  name: 'caseload',
  tables: ['caseload_cases', 'caseload_neutrals', 'caseload_deadlines'],
  async apply(events: StoredEvent[], manager: EntityManager): Promise<void> {
    const groups = groupByDispute(events);
    const disputeIds = [...groups.keys()];
    const previous = await loadOpenCases(manager, disputeIds);

    const open: [string, DisputeState][] = [];
    const closed: string[] = [];
    for (const [disputeId, stored] of groups) {
      // A closed case was removed: an event after closing (decide() prevents it) starts from
      // nothing and finds no DisputeFiled, so it is not listed again.
      const before = previous.get(disputeId) ?? initialState(disputeId);
      const state = stored.reduce((current, event) => evolve(current, toDisputeEvent(event)), before);
      if (!state.exists || isTerminal(state.status)) closed.push(disputeId);
      else open.push([disputeId, state]);
    }

    // Every touched dispute's neutrals and deadlines are replaced; closed ones lose their case row too.
    for (const slice of chunk(disputeIds, 500)) {
      const inList = `(${slice.map(() => '?').join(', ')})`;
      await execute(manager, `DELETE FROM caseload_neutrals WHERE dispute_id IN ${inList}`, slice);
      await execute(manager, `DELETE FROM caseload_deadlines WHERE dispute_id IN ${inList}`, slice);
    }
    for (const slice of chunk(closed, 500)) {
      await execute(manager, `DELETE FROM caseload_cases WHERE dispute_id IN (${slice.map(() => '?').join(', ')})`, slice);
    }

    const caseRows = open.map(([id, s]) => [
      id,
      s.caseNumber ?? null,
      s.status,
      s.route ?? null,
      s.urgent ? 1 : 0,
      JSON.stringify(s),
      needsNeutralStep(s) ? 1 : 0,
      // The work queue's counts and oldest rows per list are read by index, without the document.
      neutralStepQueue(s),
      neutralStepSince(s),
    ]);
    for (const slice of chunk(caseRows, 200)) {
      await execute(
        manager,
        `INSERT INTO caseload_cases (dispute_id, case_number, status, route, urgent, document, neutral_step, step_queue, step_since)
         VALUES ${valuesList(slice.length, 9)}
         ON CONFLICT (dispute_id) DO UPDATE SET case_number = excluded.case_number, status = excluded.status,
           route = excluded.route, urgent = excluded.urgent, document = excluded.document, neutral_step = excluded.neutral_step,
           step_queue = excluded.step_queue, step_since = excluded.step_since`,
        slice.flat(),
      );
    }
    const neutralRows = open.flatMap(([id, s]) =>
      s.neutrals
        .filter((n) => n.status === 'nominated' || n.status === 'appointed')
        .map((n) => [id, n.userId, n.role, n.status, n.chair ? 1 : 0]),
    );
    for (const slice of chunk(neutralRows, 500)) {
      await execute(
        manager,
        `INSERT INTO caseload_neutrals (dispute_id, user_id, role, neutral_status, chair) VALUES ${valuesList(slice.length, 5)}`,
        slice.flat(),
      );
    }
    const deadlineRows = open.flatMap(([id, s]) =>
      s.deadlines
        .filter((d) => d.status === 'open' || d.status === 'missed')
        .map((d) => [id, d.deadlineId, d.kind, normaliseInstant(d.dueAt), d.side ?? null, d.status]),
    );
    for (const slice of chunk(deadlineRows, 500)) {
      await execute(
        manager,
        `INSERT INTO caseload_deadlines (dispute_id, deadline_id, kind, due_at, side, status) VALUES ${valuesList(slice.length, 6)}`,
        slice.flat(),
      );
    }
  },
};

async function loadOpenCases(manager: EntityManager, disputeIds: string[]): Promise<Map<string, DisputeState>> {
  const states = new Map<string, DisputeState>();
  for (const slice of chunk(disputeIds, 500)) {
    const rows = await select<{ dispute_id: string; document: string }>(
      manager,
      `SELECT dispute_id, document FROM caseload_cases WHERE dispute_id IN (${slice.map(() => '?').join(', ')})`,
      slice,
    );
    for (const row of rows) states.set(row.dispute_id, JSON.parse(row.document));
  }
  return states;
}
