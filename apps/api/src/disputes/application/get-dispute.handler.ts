import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  disputeStreamId,
  foldEvents,
  isCaseVisibleTo,
  toDisputeEvent,
  type DirectoryView,
  type DisputeState,
  type Policies,
} from '../../../../../libs/domain/src';
import type { EventStore } from '../../../../../libs/event-store/src/port';
import type { ReadModels } from '../../../../../libs/read-models/src/contracts';
import type { Clock } from '../../common/clock';
import { CaseNotFoundError } from '../../common/errors';
import { CLOCK, DIRECTORY, EVENT_STORE, POLICIES, READ_MODELS } from '../../common/tokens';
import { toCaseView } from './case-view';
import { GetDisputeQuery } from './dispute-queries';
import type { CaseView } from './views';

@QueryHandler(GetDisputeQuery)
export class GetDisputeHandler implements IQueryHandler<GetDisputeQuery> {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DIRECTORY) private readonly directory: DirectoryView,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(POLICIES) private readonly policies: Policies,
  ) {}

  async execute({ disputeId, actor, asOf }: GetDisputeQuery): Promise<CaseView> {
    const current = await this.readModels.getCase(disputeId);
    // Visibility is decided on the case as it is now: a party later removed sees no history either.
    if (!current || !isCaseVisibleTo(current, actor)) throw new CaseNotFoundError(disputeId);
    const state = asOf ? await this.stateAt(disputeId, asOf) : current;
    return toCaseView(state, actor, this.directory, this.clock.now(), asOf, this.policies);
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
