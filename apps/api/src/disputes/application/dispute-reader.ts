import { Inject, Injectable } from '@nestjs/common';
import {
  caseAccess,
  disputeStreamId,
  foldEvents,
  toDisputeEvent,
  visibleEventData,
  type Actor,
  type DirectoryView,
  type DisputeEvent,
  type DisputeState,
  type Policies,
} from '../../../../../libs/domain/src';
import type { EventStore } from '../../../../../libs/event-store/src/port';
import type {
  CaseListFilter,
  CaseListPage,
  CaseVisibilityScope,
  ReadModels,
  TimelineEntry,
} from '../../../../../libs/read-models/src/contracts';
import type { Clock } from '../../../../../libs/runtime/src/clock';
import { CLOCK, DIRECTORY, EVENT_STORE, POLICIES, READ_MODELS } from '../../../../../libs/runtime/src/tokens';
import { CaseNotFoundError } from '../../common/errors';
import { toCaseView, toConflictCheckView } from './case-view';
import type { CaseView, ConflictCheckView, TimelineItemView } from './views';

/** Filters and paging of GET /api/disputes, exactly as the read model takes them. */
export type DisputeListFilter = CaseListFilter;

/**
 * What a caller may read of disputes. Controllers read through injected readers like this one
 * (statistics: the ReadModels port; documents: ReadDocumentsService; the directory: DirectoryService);
 * commands go through the command bus.
 */
@Injectable()
export class DisputeReader {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DIRECTORY) private readonly directory: DirectoryView,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(POLICIES) private readonly policies: Policies,
  ) {}

  /**
   * The case as the caller may see it, with its allowed actions; `asOf`: as it was then. The
   * domain's visibility rules (visibility.ts) decide how far: a nominee gets the conflict check
   * (rule 2), a former neutral the case as it stood when their term ended (rule 3).
   */
  async get(disputeId: string, actor: Actor, asOf?: Date): Promise<CaseView | ConflictCheckView> {
    const current = await this.readModels.getCase(disputeId);
    // Visibility is decided on the case as it is now: a party later removed sees no history either.
    const access = current ? caseAccess(current, actor) : undefined;
    if (!current || !access || access.kind === 'none') throw new CaseNotFoundError(disputeId);
    if (access.kind === 'conflict_check') return toConflictCheckView(current, this.directory);
    if (access.kind === 'term_record') {
      const untilTermEnd = (await this.events(disputeId)).slice(0, access.untilVersion);
      const termEndedAt = untilTermEnd[untilTermEnd.length - 1]?.data.occurredAt;
      const limit = asOf ? asOf.getTime() : Number.POSITIVE_INFINITY;
      const state = this.fold(untilTermEnd.filter((e) => Date.parse(e.data.occurredAt) <= limit), disputeId);
      return toCaseView(state, actor, this.directory, this.clock.now(), asOf, this.policies, termEndedAt);
    }
    // The case page shows the record: its history is checked against the hash chain first (the
    // store's read does that; a changed history throws HistoryTamperedError, answered 409).
    const state = asOf ? await this.stateAt(disputeId, asOf) : (await this.store.readStream(disputeStreamId(disputeId)), current);
    return toCaseView(state, actor, this.directory, this.clock.now(), asOf, this.policies);
  }

  /** The cases the caller may see, newest first. */
  async list(actor: Actor, filter: DisputeListFilter): Promise<CaseListPage> {
    // Observers read statistics only, never a single case.
    if (actor.role === 'observer') return { items: [], nextCursor: null };
    const scope: CaseVisibilityScope =
      actor.role === 'secretariat'
        ? { all: true }
        : { organisationIds: actor.organisationId ? [actor.organisationId] : [], userId: actor.userId };
    return this.readModels.listCases(scope, filter);
  }

  /**
   * The events the caller may see, oldest first, as visibility.ts allows: nothing for a nominee
   * (rule 2), nothing after a former neutral's term (rule 3), documents by their visibility
   * (rule 4), confidential content removed, and no stream version or other numbering (rule 5).
   */
  async timeline(disputeId: string, actor: Actor): Promise<TimelineItemView[]> {
    const state = await this.readModels.getCase(disputeId);
    if (!state || caseAccess(state, actor).kind === 'none') throw new CaseNotFoundError(disputeId);
    const entries = await this.readModels.getTimeline(disputeId);
    return entries.flatMap((entry) => visibleEntry(entry, state, actor));
  }

  /** A temporal query: the case folded from its own events up to that moment. */
  private async stateAt(disputeId: string, asOf: Date): Promise<DisputeState> {
    const limit = asOf.getTime();
    return this.fold((await this.events(disputeId)).filter((e) => Date.parse(e.data.occurredAt) <= limit), disputeId);
  }

  private async events(disputeId: string): Promise<DisputeEvent[]> {
    return (await this.store.readStream(disputeStreamId(disputeId))).map(toDisputeEvent);
  }

  private fold(events: DisputeEvent[], disputeId: string): DisputeState {
    const state = foldEvents(events, disputeId);
    if (!state.exists) throw new CaseNotFoundError(disputeId);
    return state;
  }
}

/** One timeline entry as this reader may see it, or none. */
function visibleEntry(entry: TimelineEntry, state: DisputeState, actor: Actor): TimelineItemView[] {
  const data = visibleEventData({ type: entry.type, data: entry.data, version: entry.revision + 1 }, state, actor);
  if (data === undefined) return [];
  const by = entry.actor;
  return [
    {
      type: entry.type,
      at: entry.at,
      actor: by ? { userId: by.userId, role: by.role, ...(by.organisationId ? { organisationId: by.organisationId } : {}) } : null,
      data,
    },
  ];
}
