import type { EntityManager } from 'typeorm';
import { casePrincipals, type DisputeState, evolve, initialState, toDisputeEvent } from '../../../domain/src';
import type { StoredEvent } from '../../../event-store/src/port';
import { execute, select, valuesList } from '../sql';
import { CASE_LIST_COLUMNS } from './case-list-columns';
import { chunk, groupByDispute, normaliseInstant, type Projection } from './projection';

/**
 * The cases: one fold of each dispute's events with the domain's evolve, written to the case
 * summary (the whole folded case, for GET /api/disputes/{id}), the case list (the columns the list
 * filters and pages on), who may list each case (case_access) and its open deadlines. One
 * projection and one transaction, so the list never disagrees with the case it lists.
 *
 * Set-based per batch: one read of the batch's disputes, then one multi-row statement per table
 * (in slices), so a batch costs a handful of round trips on PostgreSQL whatever its size.
 */
export const casesProjection: Projection = {
  name: 'cases',
  tables: ['case_summaries', 'case_list', 'case_access', 'open_deadlines'],
  async apply(events: StoredEvent[], manager: EntityManager): Promise<void> {
    const groups = groupByDispute(events);
    const previous = await loadSummaries(manager, [...groups.keys()]);

    const summaries: unknown[][] = [];
    const listRows: unknown[][] = [];
    const access: [string, string, unknown][] = [];
    const revoked: [string, string][] = [];
    const deadlinesChanged: [string, DisputeState][] = [];
    for (const [disputeId, disputeEvents] of groups) {
      const before = previous.get(disputeId) ?? initialState(disputeId);
      const state = disputeEvents.reduce((current, event) => evolve(current, toDisputeEvent(event)), before);
      summaries.push([
        disputeId,
        state.version,
        JSON.stringify(state),
        state.updatedAt ?? disputeEvents[disputeEvents.length - 1].recordedAt,
      ]);
      // A stream whose first event is not DisputeFiled cannot be listed; the summary keeps it.
      if (!state.exists) continue;
      const listRow = listRowOf(disputeId, state);
      listRows.push(listRow);
      // Access changes on few events (registration, nominations, ends of terms): write only what changed.
      const had = casePrincipals(before);
      const has = casePrincipals(state);
      const filedAt = listRow[CASE_LIST_COLUMNS.indexOf('filed_at')];
      for (const principal of has) if (!had.has(principal)) access.push([disputeId, principal, filedAt]);
      for (const principal of had) if (!has.has(principal)) revoked.push([disputeId, principal]);
      if (openDeadlinesKey(before) !== openDeadlinesKey(state)) deadlinesChanged.push([disputeId, state]);
    }

    for (const slice of chunk(summaries, 500)) {
      await execute(
        manager,
        `INSERT INTO case_summaries (dispute_id, version, document, updated_at) VALUES ${valuesList(slice.length, 4)}
         ON CONFLICT (dispute_id) DO UPDATE SET version = excluded.version, document = excluded.document, updated_at = excluded.updated_at`,
        slice.flat(),
      );
    }
    for (const slice of chunk(listRows, 200)) await execute(manager, upsertListRows(slice.length), slice.flat());
    // Rules 1 and 3: access is granted at registration (respondents) and ends with a neutral's term.
    for (const [disputeId, principal] of revoked) {
      await execute(manager, `DELETE FROM case_access WHERE dispute_id = ? AND principal = ?`, [disputeId, principal]);
    }
    for (const slice of chunk(access, 1000)) {
      await execute(
        manager,
        `INSERT INTO case_access (dispute_id, principal, filed_at) VALUES ${valuesList(slice.length, 3)} ON CONFLICT DO NOTHING`,
        slice.flat(),
      );
    }
    await replaceOpenDeadlines(manager, deadlinesChanged);
  },
};

/** The batch's disputes as the summaries hold them (absent: not seen before). */
async function loadSummaries(manager: EntityManager, disputeIds: string[]): Promise<Map<string, DisputeState>> {
  const states = new Map<string, DisputeState>();
  for (const slice of chunk(disputeIds, 500)) {
    const rows = await select<{ dispute_id: string; document: string }>(
      manager,
      `SELECT dispute_id, document FROM case_summaries WHERE dispute_id IN (${slice.map(() => '?').join(', ')})`,
      slice,
    );
    for (const row of rows) states.set(row.dispute_id, JSON.parse(row.document));
  }
  return states;
}

const upsertListRows = (rows: number): string =>
  `INSERT INTO case_list (${CASE_LIST_COLUMNS.join(', ')}) VALUES ${valuesList(rows, CASE_LIST_COLUMNS.length)}
  ON CONFLICT (dispute_id) DO UPDATE SET ${CASE_LIST_COLUMNS.slice(1)
    .map((column) => `${column} = excluded.${column}`)
    .join(', ')}`;

function listRowOf(disputeId: string, state: DisputeState): unknown[] {
  const filedAt = normaliseInstant(state.filedAt ?? state.updatedAt ?? '');
  return [
    disputeId,
    state.caseNumber ?? null,
    state.status,
    state.phase ?? '',
    state.legalFramework ?? '',
    state.sector ?? '',
    JSON.stringify(state.subjects),
    state.route ?? null,
    JSON.stringify(state.claimantOrganisationIds),
    JSON.stringify(state.respondentOrganisationIds),
    state.summary ?? '',
    state.urgent ? 1 : 0,
    filedAt,
    normaliseInstant(state.updatedAt ?? filedAt),
    state.version,
    searchTextOf(state),
  ];
}

function searchTextOf(state: DisputeState): string {
  return [
    state.caseNumber,
    state.summary,
    ...state.subjects,
    state.sector,
    ...state.claimantOrganisationIds,
    ...state.respondentOrganisationIds,
    state.filedOnBehalfBy,
  ]
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .join(' ')
    .toLowerCase();
}

const openDeadlinesKey = (state: DisputeState): string =>
  state.deadlines
    .filter((d) => d.status === 'open')
    .map((d) => `${d.deadlineId}@${d.dueAt}`)
    .join(',');

/** Delete-and-insert keeps each changed dispute's rows equal to its open deadlines (extended, met, missed...). */
async function replaceOpenDeadlines(manager: EntityManager, changed: [string, DisputeState][]): Promise<void> {
  for (const slice of chunk(changed, 500)) {
    await execute(
      manager,
      `DELETE FROM open_deadlines WHERE dispute_id IN (${slice.map(() => '?').join(', ')})`,
      slice.map(([id]) => id),
    );
  }
  const rows = changed.flatMap(([disputeId, state]) =>
    state.deadlines.filter((d) => d.status === 'open').map((d) => [disputeId, d.deadlineId, d.kind, normaliseInstant(d.dueAt)]),
  );
  for (const slice of chunk(rows, 500)) {
    await execute(
      manager,
      `INSERT INTO open_deadlines (dispute_id, deadline_id, kind, due_at) VALUES ${valuesList(slice.length, 4)}`,
      slice.flat(),
    );
  }
}
