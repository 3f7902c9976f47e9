import { Inject, Injectable } from '@nestjs/common';
import {
  canSeeDocument,
  canSeeSessionNotes,
  disputeStreamId,
  foldEvents,
  isCaseVisibleTo,
  toDisputeEvent,
  type Actor,
  type DirectoryView,
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
import { toCaseView } from './case-view';
import type { CaseView, TimelineItemView } from './views';

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

  /** The case as the caller may see it, with its allowed actions; `asOf`: as it was then. */
  async get(disputeId: string, actor: Actor, asOf?: Date): Promise<CaseView> {
    const current = await this.readModels.getCase(disputeId);
    // Visibility is decided on the case as it is now: a party later removed sees no history either.
    if (!current || !isCaseVisibleTo(current, actor)) throw new CaseNotFoundError(disputeId);
    const state = asOf ? await this.stateAt(disputeId, asOf) : current;
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

  /** The events the caller may see, oldest first, confidential content removed. */
  async timeline(disputeId: string, actor: Actor): Promise<TimelineItemView[]> {
    const state = await this.readModels.getCase(disputeId);
    if (!state || !isCaseVisibleTo(state, actor)) throw new CaseNotFoundError(disputeId);
    const entries = await this.readModels.getTimeline(disputeId);
    return entries.flatMap((entry) => visibleEntry(entry, state, actor));
  }

  /** A temporal query: the case folded from its own events up to that moment. */
  private async stateAt(disputeId: string, asOf: Date): Promise<DisputeState> {
    const limit = asOf.getTime();
    const events = (await this.store.readStream(disputeStreamId(disputeId)))
      .map(toDisputeEvent)
      .filter((e) => Date.parse(e.data.occurredAt) <= limit);
    const state = foldEvents(events, disputeId);
    if (!state.exists) throw new CaseNotFoundError(disputeId);
    return state;
  }
}

/**
 * Confidential content is removed per reader: session notes for the mediator only, documents by
 * their visibility. The DocumentSubmitted entry of a document the reader may not see is left out
 * altogether (not redacted), so neither its name, type, size nor hash shows; references to it from
 * other entries (a statement's documentIds, a settlement document) are dropped too.
 */
function visibleEntry(entry: TimelineEntry, state: DisputeState, actor: Actor): TimelineItemView[] {
  let data = entry.data;
  const mayRead = (documentId: unknown): boolean => {
    const document = state.documents.find((d) => d.documentId === documentId);
    return document !== undefined && canSeeDocument(document, state, actor);
  };
  if (entry.type === 'DocumentSubmitted' && !mayRead(data.documentId)) return [];
  if (Array.isArray(data.documentIds)) {
    data = { ...data, documentIds: data.documentIds.filter(mayRead) };
  }
  if (data.settlementDocumentId !== undefined && !mayRead(data.settlementDocumentId)) {
    const { settlementDocumentId: _hidden, ...rest } = data;
    data = rest;
  }
  if (entry.type === 'SessionHeld' && !canSeeSessionNotes(state, actor)) {
    const { notes: _notes, ...rest } = data;
    data = rest;
  }
  return [
    {
      version: entry.revision + 1,
      type: entry.type,
      at: entry.at,
      actor: entry.actor ? { userId: entry.actor.userId, role: entry.actor.role, organisationId: entry.actor.organisationId } : null,
      data,
    },
  ];
}
