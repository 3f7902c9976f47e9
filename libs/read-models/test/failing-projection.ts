import type { DataSource, EntityManager } from 'typeorm';
import type { StoredEvent } from '../../event-store/src/port';
import type { Projection } from '../src';

/** `projection`, which writes its rows and then fails, on every batch that ends after `position`. */
export function failingAfter(projection: Projection, position: number): Projection {
  return {
    name: projection.name,
    tables: projection.tables,
    async apply(events: StoredEvent[], manager: EntityManager) {
      await projection.apply(events, manager);
      if (events[events.length - 1].position > position) throw new Error('disk on fire');
    },
  };
}

/** The case list holds exactly the dispute events up to `position`: nothing of a batch rolled back. */
export async function expectCaseListThrough(dataSource: DataSource, all: StoredEvent[], position: number): Promise<void> {
  const applied = all.filter((e) => e.position <= position && e.streamId.startsWith('dispute-'));
  const versions = (await dataSource.query('SELECT dispute_id, version FROM case_list')) as { dispute_id: string; version: number }[];
  for (const { dispute_id, version } of versions) {
    expect(Number(version)).toBe(applied.filter((e) => e.streamId === `dispute-${dispute_id}`).length);
  }
  expect(versions).toHaveLength(new Set(applied.map((e) => e.streamId)).size);
}
