import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  caseAccess,
  disputeStreamId,
  foldEvents,
  toDisputeEvent,
  type DirectoryView,
  type DisputeEvent,
  type DisputeState,
} from '../../../../../libs/domain/src';
import type { EventStore } from '../../../../../libs/event-store/src/port';
import type { ReadModels } from '../../../../../libs/read-models/src/contracts';
import type { Clock } from '../../common/clock';
import { CaseNotFoundError } from '../../common/errors';
import { CLOCK, DIRECTORY, EVENT_STORE, READ_MODELS } from '../../common/tokens';
import { toCaseView, toConflictCheckView } from './case-view';
import { GetDisputeQuery } from './dispute-queries';
import type { CaseView, ConflictCheckView } from './views';

@QueryHandler(GetDisputeQuery)
export class GetDisputeHandler implements IQueryHandler<GetDisputeQuery> {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DIRECTORY) private readonly directory: DirectoryView,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ disputeId, actor, asOf }: GetDisputeQuery): Promise<CaseView | ConflictCheckView> {
    const current = await this.readModels.getCase(disputeId);
    // Visibility is decided on the case as it is now: a party later removed sees no history either.
    const access = current ? caseAccess(current, actor) : { kind: 'none' as const };
    if (!current || access.kind === 'none') throw new CaseNotFoundError(disputeId);
    // Rule 2: a nominee sees what a conflict check needs, now or as of any date.
    if (access.kind === 'conflict_check') return toConflictCheckView(current, this.directory);
    if (access.kind === 'term_record') {
      // Rule 3: a former neutral reads the case as it stood when their term ended, never later.
      const events = await this.events(disputeId);
      const untilTermEnd = events.slice(0, access.untilVersion);
      const termEndedAt = untilTermEnd[untilTermEnd.length - 1]?.data.occurredAt;
      const limit = asOf ? asOf.getTime() : Number.POSITIVE_INFINITY;
      const state = this.fold(untilTermEnd.filter((e) => Date.parse(e.data.occurredAt) <= limit), disputeId);
      return toCaseView(state, actor, this.directory, this.clock.now(), asOf, termEndedAt);
    }
    const state = asOf ? await this.stateAt(disputeId, asOf) : current;
    return toCaseView(state, actor, this.directory, this.clock.now(), asOf);
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
