import { ManualClock } from '../../libs/runtime/src/clock';
import { EVENT_STORE } from '../../libs/runtime/src/tokens';
import type { EventStore } from '../../libs/event-store/src/port';
import { act, CLAIMANT, DAY_MS, fileDispute, filingBody, getTimeline, RESPONDENT, SECRETARIAT } from './support/dispute-fixtures';
import { startTestApp, type TestApp } from './support/test-app';

describe('audit trail: who did what, when, in answer to what', () => {
  const T0 = '2026-03-02T09:00:00.000Z';
  let t: TestApp;
  let clock: ManualClock;
  let store: EventStore;
  beforeAll(async () => {
    clock = new ManualClock(new Date(T0));
    t = await startTestApp({ clock });
    store = t.app.get<EventStore>(EVENT_STORE);
  });
  afterAll(() => t.close());

  it("every event of a command carries the actor, the server's request id as correlation and causation id, and the caller's X-Request-Id apart", async () => {
    const id = await fileDispute(t, CLAIMANT, {}, { 'X-Request-Id': 'req-file-1' });
    await act(t, SECRETARIAT, id, 'register', {}, { 'X-Request-Id': 'req-register-1' });

    const events = await store.readStream(`dispute-${id}`);
    expect(events.map((e) => e.type)).toEqual(['DisputeFiled', 'DisputeRegistered', 'RespondentInvited']);
    const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    expect(events[0]!.metadata).toMatchObject({
      schemaVersion: 1,
      actor: { userId: 'prov-anna', role: 'provider', organisationId: 'org-fysio-delinde' },
      correlationId: expect.stringMatching(UUID),
      clientRequestId: 'req-file-1',
    });
    expect(events[0]!.metadata.causationId).toBe(events[0]!.metadata.correlationId);
    const registerRequest = events[1]!.metadata.correlationId;
    expect(registerRequest).toMatch(UUID);
    expect(registerRequest).not.toBe(events[0]!.metadata.correlationId);
    for (const event of events.slice(1)) {
      expect(event.metadata).toMatchObject({
        actor: { userId: 'sec-jan', role: 'secretariat', organisationId: 'org-geschilleninstantie' },
        correlationId: registerRequest,
        causationId: registerRequest,
        clientRequestId: 'req-register-1',
      });
    }
  });

  it('the timeline shows who did what and when: user, role, organisation, time', async () => {
    const id = await fileDispute(t);
    await act(t, SECRETARIAT, id, 'register');
    const timeline = await getTimeline(t, RESPONDENT, id);
    expect(timeline.map((e) => ({ type: e.type, at: e.at, actor: e.actor }))).toEqual([
      { type: 'DisputeFiled', at: T0, actor: { userId: 'prov-anna', role: 'provider', organisationId: 'org-fysio-delinde' } },
      { type: 'DisputeRegistered', at: T0, actor: { userId: 'sec-jan', role: 'secretariat', organisationId: 'org-geschilleninstantie' } },
      { type: 'RespondentInvited', at: T0, actor: { userId: 'sec-jan', role: 'secretariat', organisationId: 'org-geschilleninstantie' } },
    ]);
  });

  it("a DeadlineMissed found by the scheduler's scan is caused by the event that set the deadline (or last extended it)", async () => {
    clock.set(T0);
    const id = await fileDispute(t);
    await act(t, SECRETARIAT, id, 'register');
    const invitation = (await store.readStream(`dispute-${id}`)).find((e) => e.type === 'RespondentInvited')!;
    const deadlineId = (invitation.data.deadline as { deadlineId: string }).deadlineId;

    const other = await fileDispute(t);
    await act(t, SECRETARIAT, other, 'register');
    const otherDeadline = ((await store.readStream(`dispute-${other}`)).find((e) => e.type === 'RespondentInvited')!.data.deadline as { deadlineId: string }).deadlineId;
    await act(t, SECRETARIAT, other, 'extend-deadline', { deadlineId: otherDeadline, dueDate: new Date(Date.parse(T0) + 20 * DAY_MS).toISOString(), reason: 'Vakantie' }, { 'X-Request-Id': 'req-extend' });
    const extension = (await store.readStream(`dispute-${other}`)).find((e) => e.type === 'DeadlineExtended')!;

    clock.set(new Date(Date.parse(T0) + 30 * DAY_MS));
    await t.scheduler().tick();

    const missed = (await store.readStream(`dispute-${id}`)).find((e) => e.type === 'DeadlineMissed')!;
    expect(missed.data.deadlineId).toBe(deadlineId);
    expect(missed.metadata.causationId).toBe(invitation.id);
    expect(missed.metadata.actor).toEqual({ userId: 'system:deadline-scheduler', role: 'system' });
    expect(missed.metadata.correlationId).toMatch(/^deadline-scan-/);

    const missedAfterExtension = (await store.readStream(`dispute-${other}`)).find((e) => e.type === 'DeadlineMissed')!;
    expect(missedAfterExtension.metadata.causationId).toBe(extension.id);

    const timeline = await getTimeline(t, SECRETARIAT, id);
    expect(timeline.find((e) => e.type === 'DeadlineMissed')?.actor).toEqual({ userId: 'system:deadline-scheduler', role: 'system' });
  });

  it("directory changes carry the secretariat member, the server's request id and the caller's X-Request-Id apart", async () => {
    const token = await t.token('sec-jan');
    const res = await t
      .http()
      .patch('/api/directory/organisations/org-zv-zuid')
      .set({ Authorization: `Bearer ${token}`, 'X-Request-Id': 'req-dir-1' })
      .send({ name: 'Zorgverzekeraar Zuid NV' });
    expect(res.status).toBe(200);
    const [, changed] = await store.readStream('directory-org-org-zv-zuid');
    expect(changed).toMatchObject({
      type: 'OrganisationChanged',
      data: { changed: ['name'] },
      metadata: {
        actor: { userId: 'sec-jan', role: 'secretariat', organisationId: 'org-geschilleninstantie' },
        correlationId: res.headers['x-request-id'],
        causationId: res.headers['x-request-id'],
        clientRequestId: 'req-dir-1',
      },
    });
    expect(res.headers['x-request-id']).not.toBe('req-dir-1');
  });

  it('a caller cannot pass its command off as the scheduler: X-Request-Id deadline-scan-… is never a correlation or causation id', async () => {
    const forged = `deadline-scan-${'0'.repeat(8)}`;
    const filed = await t.as(CLAIMANT).post('/api/disputes', filingBody({}, t.now()), { 'X-Request-Id': forged });
    expect(filed.status).toBe(201);
    expect(filed.headers['x-request-id']).not.toBe(forged);
    const [event] = await store.readStream(`dispute-${filed.body.id}`);
    expect(event!.metadata.correlationId).toBe(filed.headers['x-request-id']);
    expect(event!.metadata.causationId).toBe(filed.headers['x-request-id']);
    expect(event!.metadata.clientRequestId).toBe(forged);
    expect(JSON.stringify([event!.metadata.correlationId, event!.metadata.causationId])).not.toContain('deadline-scan');
  });
});
