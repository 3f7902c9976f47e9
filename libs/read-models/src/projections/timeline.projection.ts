import type { EntityManager } from 'typeorm';
import type { StoredEvent } from '../../../event-store/src/port';
import { insertable, TimelineEntryEntity } from '../entities';
import { chunk, disputeIdOf, type Projection } from './projection';

/**
 * Every dispute event as a timeline row. A plain INSERT on purpose: a second application of the
 * same event would be a checkpoint bug, and the primary key makes it fail loudly instead of hiding it.
 */
export const timelineProjection: Projection = {
  name: 'timeline',
  async apply(events: StoredEvent[], manager: EntityManager): Promise<void> {
    const rows = events.map((event): TimelineEntryEntity => ({
      disputeId: disputeIdOf(event.streamId),
      revision: event.revision,
      position: event.position,
      type: event.type,
      at: typeof event.data.occurredAt === 'string' ? event.data.occurredAt : event.recordedAt,
      actor: event.metadata.actor ?? null,
      data: event.data,
    }));
    for (const slice of chunk(rows)) {
      await manager.createQueryBuilder().insert().into(TimelineEntryEntity).values(insertable(slice)).execute();
    }
  },
};
