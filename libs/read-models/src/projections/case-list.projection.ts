import type { EntityManager } from 'typeorm';
import { type DisputeState, evolve, initialState } from '../../../domain/src';
import type { StoredEvent } from '../../../event-store/src/port';
import { CaseAccessEntity, CaseListEntity, OpenDeadlineEntity } from '../entities';
import { chunk, groupByDispute, normaliseInstant, type Projection, toDisputeEvent } from './projection';

/**
 * The case list, who may list each case (case_access) and the open deadlines, all derived from
 * this projection's own fold of the dispute: simplest, and exact at every checkpoint.
 */
export const caseListProjection: Projection = {
  name: 'case-list',
  async apply(events: StoredEvent[], manager: EntityManager): Promise<void> {
    for (const [disputeId, disputeEvents] of groupByDispute(events)) {
      const previous = await loadState(manager, disputeId);
      const state = disputeEvents.reduce(
        (current, event) => evolve(current, toDisputeEvent(event)),
        previous ?? initialState(disputeId),
      );
      // A stream whose first event is not DisputeFiled cannot be listed; the case-summary keeps it.
      if (!state.exists) continue;
      await manager.upsert(CaseListEntity, toListRow(disputeId, state), ['disputeId']);
      await addAccess(manager, disputeId, principalsOf(state, disputeEvents));
      await replaceOpenDeadlines(manager, disputeId, state);
    }
  },
};

async function loadState(manager: EntityManager, disputeId: string): Promise<DisputeState | null> {
  const row = await manager
    .createQueryBuilder(CaseListEntity, 'c')
    .select(['c.disputeId'])
    .addSelect('c.state') // `state` is select: false, so reads of the list never carry it
    .where('c.disputeId = :disputeId', { disputeId })
    .getOne();
  return row?.state ?? null;
}

function toListRow(disputeId: string, state: DisputeState): CaseListEntity {
  const filedAt = normaliseInstant(state.filedAt ?? state.updatedAt ?? '');
  return {
    disputeId,
    caseNumber: state.caseNumber ?? null,
    status: state.status,
    phase: state.phase ?? '',
    legalFramework: state.legalFramework ?? '',
    sector: state.sector ?? '',
    subjects: state.subjects,
    route: state.route ?? null,
    claimantOrganisationIds: state.claimantOrganisationIds,
    respondentOrganisationIds: state.respondentOrganisationIds,
    summary: state.summary ?? '',
    urgent: state.urgent,
    filedAt,
    updatedAt: normaliseInstant(state.updatedAt ?? filedAt),
    version: state.version,
    searchText: searchTextOf(state),
    state,
  };
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

/** Parties' organisations and every neutral the state or these events ever named. */
function principalsOf(state: DisputeState, events: StoredEvent[]): Set<string> {
  const principals = new Set<string>();
  for (const id of [...state.claimantOrganisationIds, ...state.respondentOrganisationIds]) principals.add(`org:${id}`);
  if (state.filedOnBehalfBy) principals.add(`org:${state.filedOnBehalfBy}`);
  for (const neutral of state.neutrals) principals.add(`user:${neutral.userId}`);
  for (const event of events) {
    if (event.type !== 'NeutralsNominated' && event.type !== 'NeutralsAppointed') continue;
    const ids = event.data.neutralUserIds;
    if (Array.isArray(ids)) for (const id of ids) if (typeof id === 'string') principals.add(`user:${id}`);
  }
  return principals;
}

async function addAccess(manager: EntityManager, disputeId: string, principals: Set<string>): Promise<void> {
  const rows = [...principals].map((principal) => ({ disputeId, principal }));
  for (const slice of chunk(rows)) {
    // Insert-or-ignore: access is only ever granted here, never withdrawn.
    await manager.createQueryBuilder().insert().into(CaseAccessEntity).values(slice).orIgnore().execute();
  }
}

/** Delete-and-insert keeps the rows equal to the state's open deadlines (extended, met, missed...). */
async function replaceOpenDeadlines(manager: EntityManager, disputeId: string, state: DisputeState): Promise<void> {
  await manager.delete(OpenDeadlineEntity, { disputeId });
  const open = new Map<string, OpenDeadlineEntity>();
  for (const deadline of state.deadlines) {
    if (deadline.status !== 'open') continue;
    const dueAt = normaliseInstant(deadline.dueAt);
    open.set(deadline.deadlineId, { disputeId, deadlineId: deadline.deadlineId, kind: deadline.kind, dueAt });
  }
  const rows = [...open.values()];
  for (const slice of chunk(rows)) {
    await manager.createQueryBuilder().insert().into(OpenDeadlineEntity).values(slice).execute();
  }
}
