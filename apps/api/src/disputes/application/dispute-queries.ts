import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../../../../libs/domain/src';
import type { CaseListFilter, CaseListPage } from '../../../../../libs/read-models/src/contracts';
import type { CaseView, ConflictCheckView, TimelineItemView } from './views';

/** Filters and paging of GET /api/disputes, exactly as the read model takes them. */
export type DisputeListFilter = CaseListFilter;

/** A nominated neutral gets the ConflictCheckView (rule 2); everyone else who may see the case a CaseView. */
export class GetDisputeQuery extends Query<CaseView | ConflictCheckView> {
  constructor(readonly disputeId: string, readonly actor: Actor, readonly asOf?: Date) {
    super();
  }
}

export class ListDisputesQuery extends Query<CaseListPage> {
  constructor(readonly actor: Actor, readonly filter: DisputeListFilter) {
    super();
  }
}

export class GetTimelineQuery extends Query<TimelineItemView[]> {
  constructor(readonly disputeId: string, readonly actor: Actor) {
    super();
  }
}
