import { disputePath, fileDispute, SECRETARIAT } from './support/dispute-fixtures';
import { rawEditFirstEvent } from './support/raw-edit';
import { removeDataDir, startTestApp, type TestApp } from './support/test-app';

// A raw edit of an event row (SQLite or PostgreSQL, whichever this run uses) is detected when the
// case is read: a 409 history_tampered problem (never a 500, never the edited content), an error
// in the log, and /health naming the stream.
describe('a case whose history was edited behind the application’s back', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
    if (t) await removeDataDir(t.dataDir);
  });

  it('answers 409 history_tampered on read and on a command, and /health names the case', async () => {
    const intact = await fileDispute(t);
    const edited = await fileDispute(t);
    expect((await t.as(SECRETARIAT).get(disputePath(edited))).status).toBe(200);
    expect((await t.http().get('/health')).status).toBe(200);

    await rawEditFirstEvent(t, edited);

    const read = await t.as(SECRETARIAT).get(disputePath(edited));
    expect(read.status).toBe(409);
    expect(read.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(read.body).toMatchObject({ code: 'history_tampered', status: 409 });
    expect(read.body.detail).toMatch(/changed outside the system/);
    // In Dutch for the portal, which sends Accept-Language: nl.
    const dutch = await t.as(SECRETARIAT).get(disputePath(edited), { 'Accept-Language': 'nl' });
    expect(dutch.body).toMatchObject({ code: 'history_tampered', status: 409 });
    expect(dutch.body.detail).toMatch(/buiten het systeem om gewijzigd/);
    expect(read.text).not.toContain('Iets anders');

    const command = await t.as(SECRETARIAT).post(`${disputePath(edited)}/withdraw`, { reason: 'test' });
    expect(command.status).toBe(409);
    expect(command.body).toMatchObject({ code: 'history_tampered' });

    // One damaged case does not take the instance out of traffic: the others are served.
    expect((await t.http().get('/health/ready')).status).toBe(200);
    // The secretariat sees which case and where.
    const health = await t.as(SECRETARIAT).get('/health');
    expect(health.status).toBe(503);
    expect(health.body.checks.history).toMatchObject({
      ok: false,
      detail: { tamperedStreams: [expect.objectContaining({ streamId: `dispute-${edited}`, revision: 0, reason: 'content_changed' })] },
    });

    // Other cases stay readable.
    expect((await t.as(SECRETARIAT).get(disputePath(intact))).status).toBe(200);
  }, 30_000);
});
