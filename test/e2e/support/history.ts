import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDirectoryView, DEFAULT_POLICIES, type UserInfo } from '../../../libs/domain/src';
import { SqliteEventStore } from '../../../libs/event-store/src';
import type { StoredEvent } from '../../../libs/event-store/src/port';
import { openReadModels } from '../../../libs/read-models/src';
import { generateHistory, type HistorySummary } from '../../../apps/seed-history/src/history-generator';

/** Generates a history into `<dataDir>/events.sqlite`, projects it, and returns every stored event. */
export async function seedHistory(
  dataDir: string,
  options: { cases: number; seed: number; fromYear?: number; toYear?: number; until?: string },
): Promise<{ summary: HistorySummary; events: StoredEvent[] }> {
  const directory = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/demo-directory.json'), 'utf8')) as {
    organisations: Parameters<typeof createDirectoryView>[0]['organisations'];
    users: UserInfo[];
  };
  const store = SqliteEventStore.open({ filename: join(dataDir, 'events.sqlite'), synchronous: 'NORMAL' });
  try {
    const summary = await generateHistory(store, {
      cases: options.cases,
      seed: options.seed,
      fromYear: options.fromYear ?? 2016,
      toYear: options.toYear ?? 2026,
      until: new Date(options.until ?? '2026-06-30T12:00:00Z'),
      policies: DEFAULT_POLICIES,
      directory: createDirectoryView(directory),
      users: directory.users,
    });
    const readModels = await openReadModels({ dataDir });
    try {
      const engine = readModels.createProjectionEngine(store, { batchSize: 2000 });
      const head = await store.headPosition();
      await engine.start();
      await engine.waitForPosition(head, 120_000);
      await engine.stop();
    } finally {
      await readModels.close();
    }
    return { summary, events: await store.readAll() };
  } finally {
    await store.close();
  }
}
