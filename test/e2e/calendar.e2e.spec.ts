import ICAL from 'ical.js';
import { ManualClock } from '../../libs/runtime/src/clock';
import {
  act,
  CLAIMANT,
  disputePath,
  expectProblem,
  MEDIATOR,
  PANEL,
  RESPONDENT,
  SECRETARIAT,
  toInMediation,
  toInProceedings,
} from './support/dispute-fixtures';
import { removeDataDir, startTestApp, type ApiResponse, type TestApp } from './support/test-app';

// "Zet in mijn agenda (.ics)": a session or hearing as an iCalendar file in Amsterdam time, with
// the UID of the e-mailed invitation, for exactly those who see it on the case page.

const OUTSIDER = 'prov-bram'; // another provider, no party to these cases
const OBSERVER = 'obs-karin';
const OTHER_MEDIATOR = 'med-gerrit';

function parse(res: ApiResponse): { calendar: ICAL.Component; event: ICAL.Event } {
  expect(res.status).toBe(200);
  expect(String(res.headers['content-type'])).toMatch(/^text\/calendar/);
  expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename=".+\.ics"/);
  // A private answer: no shared cache keeps it.
  expect(String(res.headers['cache-control'])).toMatch(/no-store/);
  const calendar = new ICAL.Component(ICAL.parse(res.text));
  const vtimezone = calendar.getFirstSubcomponent('vtimezone');
  expect(vtimezone?.getFirstPropertyValue('tzid')).toBe('Europe/Amsterdam');
  ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone!));
  return { calendar, event: new ICAL.Event(calendar.getFirstSubcomponent('vevent')!) };
}

describe('GET /api/disputes/{id}/sessions|hearings/{id}/calendar.ics', () => {
  let t: TestApp;
  const nextYear = new Date().getUTCFullYear() + 1;

  beforeAll(async () => {
    t = await startTestApp({ clock: new ManualClock(new Date()) });
  });
  afterAll(async () => {
    await t?.close();
    if (t) await removeDataDir(t.dataDir);
  });

  it('gives a session in Amsterdam time to the parties, the mediator and the secretariat; 404 to everyone else', async () => {
    const id = await toInMediation(t);
    // A date-time without an offset is Amsterdam time (rule 21): 10:00 in January is 09:00 UTC.
    const scheduled = await act(t, MEDIATOR, id, 'schedule-session', { startsAt: `${nextYear}-01-14T10:00:00`, location: 'Utrecht' });
    const sessionId: string = scheduled.body.sessionId;
    const path = `${disputePath(id)}/sessions/${encodeURIComponent(sessionId)}/calendar.ics`;

    for (const reader of [CLAIMANT, RESPONDENT, MEDIATOR, SECRETARIAT]) {
      const { calendar, event } = parse(await t.as(reader).get(path));
      expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
      // The same UID as the e-mailed invitation (libs/notifications), so a calendar keeps one entry.
      expect(event.uid).toBe(`session-${sessionId}@geschilleninstantie-zorgcontractering`);
      expect(event.sequence).toBe(0);
      expect(event.startDate.zone.tzid).toBe('Europe/Amsterdam');
      expect([event.startDate.hour, event.startDate.minute]).toEqual([10, 0]);
      expect(event.startDate.toJSDate().toISOString()).toBe(`${nextYear}-01-14T09:00:00.000Z`);
      expect(event.location).toBe('Utrecht');
      expect(event.summary).toMatch(/^Mediationgesprek GZC-\d{4}-\d{4}$/);
    }

    for (const refused of [OUTSIDER, OBSERVER, OTHER_MEDIATOR]) expectProblem(await t.as(refused).get(path), 404);
    expectProblem(await t.as(CLAIMANT).get(`${disputePath(id)}/sessions/no-such-session/calendar.ics`), 404);
    expectProblem(await t.as(CLAIMANT).get(`${disputePath(id)}/hearings/${encodeURIComponent(sessionId)}/calendar.ics`), 404);
    const anonymous = await t.http().get(path);
    expect(anonymous.status).toBe(401);
  });

  it('gives a session that can no longer take place as its cancellation (same UID, higher SEQUENCE)', async () => {
    const id = await toInMediation(t);
    const scheduled = await act(t, MEDIATOR, id, 'schedule-session', { startsAt: `${nextYear}-02-03T13:00:00` });
    await act(t, MEDIATOR, id, 'conclude-mediation', { result: 'no_agreement' });
    const { calendar, event } = parse(await t.as(CLAIMANT).get(`${disputePath(id)}/sessions/${scheduled.body.sessionId}/calendar.ics`));
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.uid).toBe(`session-${scheduled.body.sessionId}@geschilleninstantie-zorgcontractering`);
    expect(event.sequence).toBe(1);
    expect(calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('gives a hearing to the parties and every panel member, in summer time; not to the former mediator (rule 3)', async () => {
    const id = await toInProceedings(t);
    const scheduled = await act(t, PANEL[0], id, 'schedule-hearing', { startsAt: `${nextYear}-06-15T14:30:00`, location: 'Den Haag' });
    const hearingId: string = scheduled.body.hearingId;
    const path = `${disputePath(id)}/hearings/${encodeURIComponent(hearingId)}/calendar.ics`;

    for (const reader of [CLAIMANT, RESPONDENT, ...PANEL]) {
      const { event } = parse(await t.as(reader).get(path));
      expect(event.uid).toBe(`hearing-${hearingId}@geschilleninstantie-zorgcontractering`);
      expect([event.startDate.hour, event.startDate.minute]).toEqual([14, 30]);
      expect(event.startDate.toJSDate().toISOString()).toBe(`${nextYear}-06-15T12:30:00.000Z`);
      expect(event.endDate.toJSDate().toISOString()).toBe(`${nextYear}-06-15T14:30:00.000Z`);
      expect(event.summary).toMatch(/^Zitting GZC-/);
    }
    // The mediator's term ended with the mediation: their record stops there, without this hearing.
    for (const refused of [MEDIATOR, OUTSIDER, OBSERVER]) expectProblem(await t.as(refused).get(path), 404);
  });
});
