import type { EntityManager } from 'typeorm';
import { evolve, initialState } from '../../../domain/src';
import type { StoredEvent } from '../../../event-store/src/port';
import { CaseSummaryEntity } from '../entities';
import { groupByDispute, type Projection, toDisputeEvent } from './projection';

/** The folded dispute per case: load the stored document, fold the new events with the domain's evolve. */
export const caseSummaryProjection: Projection = {
  name: 'case-summary',
  async apply(events: StoredEvent[], manager: EntityManager): Promise<void> {
    for (const [disputeId, disputeEvents] of groupByDispute(events)) {
      const row = await manager.findOneBy(CaseSummaryEntity, { disputeId });
      const state = disputeEvents.reduce(
        (current, event) => evolve(current, toDisputeEvent(event)),
        row?.document ?? initialState(disputeId),
      );
      await manager.upsert(
        CaseSummaryEntity,
        {
          disputeId,
          version: state.version,
          document: state,
          updatedAt: state.updatedAt ?? disputeEvents[disputeEvents.length - 1].recordedAt,
        },
        ['disputeId'],
      );
    }
  },
};
