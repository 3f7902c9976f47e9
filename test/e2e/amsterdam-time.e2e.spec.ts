import { ManualClock } from '../../libs/runtime/src/clock';
import {
  MEDIATOR,
  SECRETARIAT,
  act,
  deadlineOf,
  actionPath,
  disputePath,
  errorFields,
  fileDispute,
  getCase,
  getTimeline,
  toInMediation,
  type Body,
} from './support/dispute-fixtures';
import { removeDataDir, startTestApp, type TestApp } from './support/test-app';

// Rule 21 over HTTP: dates a person gives are read in Europe/Amsterdam and stored in UTC; the
// case shows deadlines in UTC and in Amsterdam time with the offset; a deadline ends at 23:59:59
// Amsterdam time on its last day, also across the change to summer time (Sunday 30 March 2025,
// 02:00 CET becomes 03:00 CEST) and back (Sunday 26 October 2025, 03:00 CEST becomes 02:00 CET).

const FRIDAY_BEFORE_SUMMER_TIME = '2025-03-28T10:00:00.000Z'; // 11:00 in Amsterdam

describe('rule 21: Amsterdam time over HTTP', () => {
  const clock = new ManualClock(new Date(FRIDAY_BEFORE_SUMMER_TIME));
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(async () => {
    await t?.close();
    if (t) await removeDataDir(t.dataDir);
  });

  it('a deadline of 14 days that crosses the change to summer time ends at 23:59:59 summer time on its last day', async () => {
    clock.set(new Date(FRIDAY_BEFORE_SUMMER_TIME));
    const id = await fileDispute(t);
    await act(t, SECRETARIAT, id, 'register');
    const answer = await deadlineOf(t, id, 'respondent_answer');
    expect(answer.dueAt).toBe('2025-04-11T21:59:59.999Z');
    expect(answer.dueAtAmsterdam).toBe('2025-04-11T23:59:59.999+02:00');
    // Not missed one minute before the end of that Amsterdam day, missed one minute after it.
    clock.set(new Date(Date.parse(answer.dueAt) - 60_000));
    await t.scheduler().tick();
    expect((await getTimeline(t, SECRETARIAT, id)).filter((e) => e.type === 'DeadlineMissed')).toHaveLength(0);
    clock.set(new Date(Date.parse(answer.dueAt) + 60_000));
    await t.scheduler().tick();
    expect((await getTimeline(t, SECRETARIAT, id)).filter((e) => e.type === 'DeadlineMissed')).toHaveLength(1);
  });

  it.each([
    ['2025-03-29', '2025-03-29T22:59:59.999Z', '2025-03-29T23:59:59.999+01:00'], // a plain date in winter time: its end
    ['2025-03-30', '2025-03-30T21:59:59.999Z', '2025-03-30T23:59:59.999+02:00'], // the day the clocks go forward
    ['2025-04-02T17:00', '2025-04-02T15:00:00.000Z', '2025-04-02T17:00:00.000+02:00'], // no offset: Amsterdam wall-clock time
    ['2025-04-02T17:00:00Z', '2025-04-02T17:00:00.000Z', '2025-04-02T19:00:00.000+02:00'], // an offset is kept as given
  ])('an information request due %s is stored as %s and shown as %s', async (given, utc, amsterdam) => {
    clock.set(new Date(FRIDAY_BEFORE_SUMMER_TIME));
    const id = await fileDispute(t);
    await act(t, SECRETARIAT, id, 'request-information', { questions: 'Stuur het contract mee.', dueDate: given });
    const due = await deadlineOf(t, id, 'information');
    expect({ dueAt: due.dueAt, dueAtAmsterdam: due.dueAtAmsterdam }).toEqual({ dueAt: utc, dueAtAmsterdam: amsterdam });
  });

  it('a session time without an offset is Amsterdam time, also on the night the clocks go back', async () => {
    clock.set(new Date(FRIDAY_BEFORE_SUMMER_TIME));
    const id = await toInMediation(t);
    // 02:30 happens twice on 26 October 2025; a time without an offset is the second (winter time).
    const night = await act(t, MEDIATOR, id, 'schedule-session', { startsAt: '2025-10-26T02:30' });
    const summer = await act(t, MEDIATOR, id, 'schedule-session', { startsAt: '2025-06-02T10:00' });
    const sessions = (await getCase(t, MEDIATOR, id)).sessions as Body[];
    const startOf = (sessionId: string): string => sessions.find((s) => s.sessionId === sessionId)!.startsAt;
    expect(startOf(night.body.sessionId)).toBe('2025-10-26T01:30:00.000Z');
    expect(startOf(summer.body.sessionId)).toBe('2025-06-02T08:00:00.000Z');
  });

  it('asOf=YYYY-MM-DD is the end of that day in Amsterdam; a date-time without offset is Amsterdam time; the future is refused', async () => {
    clock.set(new Date('2025-03-28T10:00:00.000Z'));
    const id = await fileDispute(t);
    // Registered at 00:30 on Saturday 29 March in Amsterdam, still Friday 28 March in UTC.
    clock.set(new Date('2025-03-28T23:30:00.000Z'));
    await act(t, SECRETARIAT, id, 'register');
    clock.set(new Date('2025-03-29T12:00:00.000Z'));
    const statusAsOf = async (asOf: string): Promise<string> =>
      (await getCase(t, SECRETARIAT, id, `?asOf=${encodeURIComponent(asOf)}`)).status;
    expect(await statusAsOf('2025-03-28')).toBe('filed'); // the end of Friday in Amsterdam is 22:59:59 UTC
    expect(await statusAsOf('2025-03-28T23:59')).toBe('filed'); // Amsterdam time: 22:59 UTC
    expect(await statusAsOf('2025-03-28T23:59:00Z')).toBe('awaiting_respondent'); // UTC: after the registration
    expect(await statusAsOf('2025-03-29')).toBe('awaiting_respondent'); // today: the case as it is now
    for (const future of ['2025-03-30', '2025-03-29T14:00']) {
      const res = await t.as(SECRETARIAT).get(`${disputePath(id)}?asOf=${encodeURIComponent(future)}`);
      expect({ future, status: res.status }).toEqual({ future, status: 400 });
      expect(errorFields(res)).toEqual(['asOf']);
    }
  });

  it('a date that is not on the calendar is refused naming the field, in Dutch when asked', async () => {
    clock.set(new Date(FRIDAY_BEFORE_SUMMER_TIME));
    const id = await fileDispute(t);
    const res = await t
      .as(SECRETARIAT)
      .post(
        actionPath(id, 'request-information'),
        { questions: 'Stuur het contract mee.', dueDate: '2025-02-30' },
        { 'Accept-Language': 'nl' },
      );
    expect(res.status).toBe(400);
    expect(errorFields(res)).toEqual(['dueDate']);
    expect(res.body.errors[0]).toEqual(
      expect.objectContaining({ code: 'not_a_date', message: expect.stringMatching(/^De uiterste datum moet een datum zijn/) }),
    );
  });
});
