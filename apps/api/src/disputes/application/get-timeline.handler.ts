import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  canSeeDocument,
  canSeeSessionNotes,
  isCaseVisibleTo,
  type DisputeState,
  type Actor,
} from '../../../../../libs/domain/src';
import type { ReadModels, TimelineEntry } from '../../../../../libs/read-models/src/contracts';
import { CaseNotFoundError } from '../../common/errors';
import { READ_MODELS } from '../../common/tokens';
import { GetTimelineQuery } from './dispute-queries';
import type { TimelineItemView } from './views';

@QueryHandler(GetTimelineQuery)
export class GetTimelineHandler implements IQueryHandler<GetTimelineQuery> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}

  async execute({ disputeId, actor }: GetTimelineQuery): Promise<TimelineItemView[]> {
    const state = await this.readModels.getCase(disputeId);
    if (!state || !isCaseVisibleTo(state, actor)) throw new CaseNotFoundError(disputeId);
    const entries = await this.readModels.getTimeline(disputeId);
    return entries.flatMap((entry) => visibleEntry(entry, state, actor));
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
