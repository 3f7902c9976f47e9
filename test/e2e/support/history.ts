import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDirectoryView, DEFAULT_POLICIES, type UserInfo } from '../../../libs/domain/src';
import type { StoredEvent } from '../../../libs/event-store/src/port';
import { loadConfig } from '../../../libs/runtime/src/config/app-config';
import { openConfiguredReadModels, openEventStore } from '../../../libs/runtime/src/open-stores';
import { generateHistory, type HistorySummary } from '../../../apps/seed-history/src/history-generator';
import { storeEnv } from './test-app';

/**
 * Generates a history into the stores a test app on `dataDir` opens (SQLite in it, or its own
 * PostgreSQL schema in the e2e-postgres project), projects it, and returns every stored event.
 */
export async function seedHistory(
  dataDir: string,
  options: { cases: number; seed: number; fromYear?: number; toYear?: number; until?: string },
): Promise<{ summary: HistorySummary; events: StoredEvent[] }> {
  const directory = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/demo-directory.json'), 'utf8')) as {
    organisations: Parameters<typeof createDirectoryView>[0]['organisations'];
    users: UserInfo[];
  };
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, ...storeEnv(dataDir) });
  const store = await openEventStore(config);
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
    const readModels = await openConfiguredReadModels(config);
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
