import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { caseAccess, visibleEventData } from '../../../../../libs/domain/src';
import type { ReadModels } from '../../../../../libs/read-models/src/contracts';
import { CaseNotFoundError } from '../../common/errors';
import { READ_MODELS } from '../../common/tokens';
import { GetTimelineQuery } from './dispute-queries';
import type { TimelineItemView } from './views';

/**
 * The events the caller may see, oldest first, as the domain's visibility rules (visibility.ts)
 * allow: nothing for a nominee (rule 2), nothing after the end of a former neutral's term (rule 3),
 * documents by their visibility (rule 4), and no stream version or other numbering (rule 5).
 */
@QueryHandler(GetTimelineQuery)
export class GetTimelineHandler implements IQueryHandler<GetTimelineQuery> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}

  async execute({ disputeId, actor }: GetTimelineQuery): Promise<TimelineItemView[]> {
    const state = await this.readModels.getCase(disputeId);
    if (!state || caseAccess(state, actor).kind === 'none') throw new CaseNotFoundError(disputeId);
    const entries = await this.readModels.getTimeline(disputeId);
    return entries.flatMap((entry) => {
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
    });
  }
}
