import { CommandBus } from '@nestjs/cqrs';
import { createHash, randomUUID } from 'node:crypto';
import { WrongExpectedVersionError } from '../../libs/event-store/src/port';
import { READ_MODELS } from '../../libs/runtime/src/tokens';
import { RunDisputeCommand } from '../../apps/api/src/disputes/application/dispute-commands';
import { jsonRequestFingerprint, requestHashOf } from '../../apps/api/src/http/idempotency.interceptor';
import { isRecordedBefore, runInIdempotencyScope, scopedKey } from '../../apps/api/src/http/idempotent-outcome';
import type { ReadModels } from '../../libs/read-models/src/contracts';
import { actionPath, countOf, getTimeline, inDays, MEDIATOR, must, toInMediation } from './support/dispute-fixtures';
import { removeDataDir, startTestApp, type TestApp } from './support/test-app';

// Exactly-once rests on the marker appended with the events, not on the claim in the idempotency
// store: these tests take the claim out of the picture.
describe('Idempotency-Key: the marker recorded with the events', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
    if (t) await removeDataDir(t.dataDir);
  });

  it('a second run under the same key cannot append: it fails on the marker stream and records nothing', async () => {
    const id = await toInMediation(t);
    const bus = t.app.get(CommandBus);
    const mediator = { userId: MEDIATOR, role: 'mediator' as const };
    const schedule = () =>
      bus.execute(
        new RunDisputeCommand(id, { type: 'schedule-session', sessionId: randomUUID(), startsAt: inDays(t, 8) }, mediator, {
          correlationId: 'c-1',
        }),
      );
    const scope = { key: scopedKey(MEDIATOR, 'twice'), requestHash: 'h', statusCode: 200 };

    const first = await runInIdempotencyScope(scope, schedule);
    expect(first).toMatchObject({ id, status: 'in_mediation' });
    // The domain would allow another session; the marker, checked in the same append, refuses it.
    const second = await runInIdempotencyScope(scope, schedule).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(second).toBeInstanceOf(WrongExpectedVersionError);
    expect(isRecordedBefore(second)).toBe(true);
    expect(countOf(await getTimeline(t, MEDIATOR, id), 'SessionScheduled')).toBe(1);
  });

  it('a replay from the marker is the first answer byte for byte (the stores keep event data with sorted keys)', async () => {
    const id = await toInMediation(t);
    const body = { startsAt: inDays(t, 10), location: 'Zwolle' };
    const path = actionPath(id, 'schedule-session');
    const requestHash = requestHashOf(
      jsonRequestFingerprint('POST', path, createHash('sha256').update(JSON.stringify(body)).digest('hex')),
    );
    // Recorded as a process that died before storing its answer leaves it: the marker only.
    const first = await runInIdempotencyScope({ key: scopedKey(MEDIATOR, 'bytes'), requestHash, statusCode: 200 }, () =>
      t.app
        .get(CommandBus)
        .execute(
          new RunDisputeCommand(
            id,
            { type: 'schedule-session', sessionId: randomUUID(), startsAt: body.startsAt, location: body.location },
            { userId: MEDIATOR, role: 'mediator' },
            { correlationId: 'c-bytes' },
          ),
        ),
    );
    const replay = must(await t.as(MEDIATOR).post(path, body, { 'Idempotency-Key': 'bytes' }), 200, 'replay');
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.text).toBe(JSON.stringify(first));
    expect(countOf(await getTimeline(t, MEDIATOR, id), 'SessionScheduled')).toBe(1);
  });

  it('a claim left by a process that died before appending is taken over after 5 s, not after a minute', async () => {
    const id = await toInMediation(t);
    const body = { startsAt: inDays(t, 9), location: 'Zwolle' };
    // A claim as a dead process leaves it: pending, never answered, no marker.
    const store = t.app.get<ReadModels>(READ_MODELS).idempotency;
    const now = new Date().toISOString();
    const path = actionPath(id, 'schedule-session');
    const sameRequest = requestHashOf(
      jsonRequestFingerprint('POST', path, createHash('sha256').update(JSON.stringify(body)).digest('hex')),
    );
    expect(await store.claim(scopedKey(MEDIATOR, 'orphan'), sameRequest, now, now)).toBe(true);

    const started = Date.now();
    const res = await t.as(MEDIATOR).post(path, body, { 'Idempotency-Key': 'orphan' });
    const waited = Date.now() - started;
    must(res, 200, 'schedule-session after an orphaned claim');
    expect(waited).toBeGreaterThanOrEqual(4_000);
    expect(waited).toBeLessThan(15_000);
    expect(countOf(await getTimeline(t, MEDIATOR, id), 'SessionScheduled')).toBe(1);
    // And the retry replays it.
    const again = must(await t.as(MEDIATOR).post(path, body, { 'Idempotency-Key': 'orphan' }), 200, 'retry');
    expect(again.body).toEqual(res.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
  }, 30_000);
});
