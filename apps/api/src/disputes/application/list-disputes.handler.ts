import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { CaseListPage, CaseVisibilityScope, ReadModels } from '../../../../../libs/read-models/src/contracts';
import { READ_MODELS } from '../../common/tokens';
import { ListDisputesQuery } from './dispute-queries';

@QueryHandler(ListDisputesQuery)
export class ListDisputesHandler implements IQueryHandler<ListDisputesQuery> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}

  async execute({ actor, filter }: ListDisputesQuery): Promise<CaseListPage> {
    // Observers read statistics only, never a single case.
    if (actor.role === 'observer') return { items: [], nextCursor: null };
    const scope: CaseVisibilityScope =
      actor.role === 'secretariat'
        ? { all: true }
        : { organisationIds: actor.organisationId ? [actor.organisationId] : [], userId: actor.userId };
    return this.readModels.listCases(scope, filter);
  }
}
