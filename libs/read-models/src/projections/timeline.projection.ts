import type { EntityManager } from 'typeorm';
import { disputeIdOf, upcast } from '../../../domain/src';
import type { StoredEvent } from '../../../event-store/src/port';
import { execute, valuesList } from '../sql';
import { chunk, type Projection } from './projection';

/**
 * Every dispute event as a timeline row, its data in the current shape of its type (upcast), so
 * readers of the timeline never meet a stored older shape. A plain INSERT on purpose: a second application of the
 * same event would be a checkpoint bug, and the primary key makes it fail loudly instead of hiding it.
 */
export const timelineProjection: Projection = {
  name: 'timeline',
  tables: ['timeline_entries'],
  async apply(events: StoredEvent[], manager: EntityManager): Promise<void> {
    for (const slice of chunk(events, 500)) {
      await execute(
        manager,
        `INSERT INTO timeline_entries (dispute_id, revision, position, type, at, actor, data) VALUES ${valuesList(slice.length, 7)}`,
        slice.flatMap((event) => [
          disputeIdOf(event.streamId),
          event.revision,
          event.position,
          event.type,
          typeof event.data.occurredAt === 'string' ? event.data.occurredAt : event.recordedAt,
          event.metadata.actor ? JSON.stringify(event.metadata.actor) : null,
          JSON.stringify(upcast(event).data),
        ]),
      );
    }
  },
};
