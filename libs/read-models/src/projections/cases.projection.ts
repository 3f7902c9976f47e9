import type { EntityManager } from 'typeorm';
import { type DisputeState, evolve, initialState, toDisputeEvent } from '../../../domain/src';
import type { StoredEvent } from '../../../event-store/src/port';
import { execute, select, valuesList } from '../sql';
import { chunk, groupByDispute, normaliseInstant, type Projection } from './projection';

/**
 * The cases: one fold of each dispute's events with the domain's evolve, written to the case
 * summary (the whole folded case, for GET /api/disputes/{id}), the case list (the columns the list
 * filters and pages on), who may list each case (case_access) and its open deadlines. One
 * projection and one transaction, so the list never disagrees with the case it lists.
 */
export const casesProjection: Projection = {
  name: 'cases',
  tables: ['case_summaries', 'case_list', 'case_access', 'open_deadlines'],
  async apply(events: StoredEvent[], manager: EntityManager): Promise<void> {
    for (const [disputeId, disputeEvents] of groupByDispute(events)) {
      const [row] = await select<{ document: string }>(manager, 'SELECT document FROM case_summaries WHERE dispute_id = ?', [disputeId]);
      const previous: DisputeState = row ? JSON.parse(row.document) : initialState(disputeId);
      const state = disputeEvents.reduce((current, event) => evolve(current, toDisputeEvent(event)), previous);
      await execute(
        manager,
        `INSERT INTO case_summaries (dispute_id, version, document, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (dispute_id) DO UPDATE SET version = excluded.version, document = excluded.document, updated_at = excluded.updated_at`,
        [disputeId, state.version, JSON.stringify(state), state.updatedAt ?? disputeEvents[disputeEvents.length - 1].recordedAt],
      );
      // A stream whose first event is not DisputeFiled cannot be listed; the summary keeps it.
      if (!state.exists) continue;
      await upsertListRow(manager, disputeId, state);
      // Access only grows and deadlines change on few events: write only what changed.
      const before = principalsOf(previous);
      const granted = [...principalsOf(state)].filter((principal) => !before.has(principal));
      if (granted.length > 0) await addAccess(manager, disputeId, granted);
      if (openDeadlinesKey(previous) !== openDeadlinesKey(state)) await replaceOpenDeadlines(manager, disputeId, state);
    }
  },
};

const LIST_COLUMNS = [
  'dispute_id',
  'case_number',
  'status',
  'phase',
  'legal_framework',
  'sector',
  'subjects',
  'route',
  'claimant_organisation_ids',
  'respondent_organisation_ids',
  'summary',
  'urgent',
  'filed_at',
  'updated_at',
  'version',
  'search_text',
];
const UPSERT_LIST_ROW = `INSERT INTO case_list (${LIST_COLUMNS.join(', ')}) VALUES ${valuesList(1, LIST_COLUMNS.length)}
  ON CONFLICT (dispute_id) DO UPDATE SET ${LIST_COLUMNS.slice(1)
    .map((column) => `${column} = excluded.${column}`)
    .join(', ')}`;

async function upsertListRow(manager: EntityManager, disputeId: string, state: DisputeState): Promise<void> {
  const filedAt = normaliseInstant(state.filedAt ?? state.updatedAt ?? '');
  await execute(manager, UPSERT_LIST_ROW, [
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
  ]);
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

/** Parties' organisations and every neutral ever on the case (lapsed ones stay in state.neutrals). */
function principalsOf(state: DisputeState): Set<string> {
  const principals = new Set<string>();
  if (!state.exists) return principals;
  for (const id of [...state.claimantOrganisationIds, ...state.respondentOrganisationIds]) principals.add(`org:${id}`);
  if (state.filedOnBehalfBy) principals.add(`org:${state.filedOnBehalfBy}`);
  for (const neutral of state.neutrals) principals.add(`user:${neutral.userId}`);
  return principals;
}

const openDeadlinesKey = (state: DisputeState): string =>
  state.deadlines
    .filter((d) => d.status === 'open')
    .map((d) => `${d.deadlineId}@${d.dueAt}`)
    .join(',');

/** Insert-or-ignore: access is only ever granted here, never withdrawn. */
async function addAccess(manager: EntityManager, disputeId: string, principals: string[]): Promise<void> {
  for (const slice of chunk(principals)) {
    await execute(
      manager,
      `INSERT INTO case_access (dispute_id, principal) VALUES ${valuesList(slice.length, 2)} ON CONFLICT DO NOTHING`,
      slice.flatMap((principal) => [disputeId, principal]),
    );
  }
}

/** Delete-and-insert keeps the rows equal to the state's open deadlines (extended, met, missed...). */
async function replaceOpenDeadlines(manager: EntityManager, disputeId: string, state: DisputeState): Promise<void> {
  await execute(manager, 'DELETE FROM open_deadlines WHERE dispute_id = ?', [disputeId]);
  const open = state.deadlines.filter((deadline) => deadline.status === 'open');
  for (const slice of chunk(open)) {
    await execute(
      manager,
      `INSERT INTO open_deadlines (dispute_id, deadline_id, kind, due_at) VALUES ${valuesList(slice.length, 4)}`,
      slice.flatMap((d) => [disputeId, d.deadlineId, d.kind, normaliseInstant(d.dueAt)]),
    );
  }
}
