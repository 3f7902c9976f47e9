import Database from 'better-sqlite3';
import { join } from 'node:path';
import { EVENT_STORE } from '../../libs/runtime/src/tokens';
import { READ_MODEL_HANDLE } from '../../apps/api/src/infrastructure/infrastructure.tokens';
import type { EventStore } from '../../libs/event-store/src/port';
import type { OpenedReadModels } from '../../libs/read-models/src';
import { eventually, removeDataDir, startTestApp, type TestApp } from './support/test-app';

describe('readiness reports stuck projections', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
    if (t) await removeDataDir(t.dataDir);
  });

  it('answers 503 naming the projections while a batch keeps failing, and 200 again once it applies', async () => {
    expect((await t.http().get('/health')).status).toBe(200);
    expect((await t.http().get('/health/ready')).status).toBe(200);

    // Break the timeline's table under the running app, then write an event straight to the log.
    // SQLite: a connection of its own (the app's would wait synchronously for the write lock).
    const handle = t.app.get<OpenedReadModels>(READ_MODEL_HANDLE);
    const db =
      handle.location.kind === 'sqlite'
        ? new Database(join(t.dataDir, 'read-models.sqlite'))
        : { exec: (sql: string) => handle.queryDataSource.query(sql), close: () => undefined };
    try {
      await db.exec('ALTER TABLE timeline_entries RENAME TO timeline_entries_away');
      const store = t.app.get<EventStore>(EVENT_STORE);
      await store.appendToStream(
        'dispute-00000000-0000-4000-8000-0000000000aa',
        [{ type: 'InformationProvided', data: { answers: 'x', occurredAt: new Date().toISOString() }, metadata: { schemaVersion: 1 } }],
        'any',
      );

      const stuck = await eventually(async () => {
        const res = await t.http().get('/health/ready');
        expect(res.status).toBe(503);
        return res;
      });
      expect(stuck.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(stuck.body.detail).toMatch(/projections/);
      expect(stuck.body.checks.projections).toMatchObject({ status: 'down', message: 'projections is not ready' });
      expect(stuck.body.checks.projections).not.toHaveProperty('lag');
      // Liveness is not readiness: the process still answers.
      expect((await t.http().get('/health/live')).status).toBe(200);
      // Anyone: down, nothing more; the secretariat: the lag and the failure.
      const anonymous = await t.http().get('/health');
      expect(anonymous.status).toBe(503);
      expect(anonymous.body.checks).toBeUndefined();
      const secretariat = await t.as('sec-jan').get('/health');
      expect(secretariat.status).toBe(503);
      expect(secretariat.body.checks.projections).toMatchObject({
        ok: false,
        detail: { lag: expect.any(Number), lastFailure: expect.any(Object) },
      });

      await db.exec('ALTER TABLE timeline_entries_away RENAME TO timeline_entries');
      // Ready again as soon as the batch applies: no waiting out a window after the failure.
      await eventually(async () => expect((await t.http().get('/health/ready')).status).toBe(200), 15_000);
      expect((await t.http().get('/health')).status).toBe(200);
    } finally {
      db.close();
    }
  }, 30_000);
});
