import ICAL from 'ical.js';
import { calendarInvitation } from '../src/calendar';

const parse = (text: string) => {
  const component = new ICAL.Component(ICAL.parse(text));
  const vtimezone = component.getFirstSubcomponent('vtimezone');
  if (vtimezone) ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
  return component;
};

describe('calendar invitations', () => {
  const facts = {
    uid: 'session-s1@geschilleninstantie-zorgcontractering',
    sequence: 0,
    method: 'REQUEST' as const,
    startsAt: '2026-12-14T09:00:00.000Z',
    durationMinutes: 120,
    title: 'Mediationgesprek GZC-2026-0001',
    location: 'Utrecht',
  };

  it('invites in Amsterdam time: 09:00 UTC in December is 10:00 in Amsterdam', () => {
    const text = calendarInvitation(facts, 'Uitnodiging', 'https://x.example/zaken/d1');
    const calendar = parse(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe(facts.uid);
    expect(event.sequence).toBe(0);
    expect(event.startDate.zone.tzid).toBe('Europe/Amsterdam');
    expect(event.startDate.hour).toBe(10);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-14T09:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-14T11:00:00.000Z');
    expect(event.location).toBe('Utrecht');
  });

  it('cancels with the same UID and a higher SEQUENCE', () => {
    const text = calendarInvitation({ ...facts, method: 'CANCEL', sequence: 1 }, 'Gaat niet door', 'https://x.example/zaken/d1');
    const calendar = parse(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe(facts.uid);
    expect(event.sequence).toBe(1);
    expect(calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('keeps the Amsterdam wall-clock time across the summer-time change', () => {
    const summer = calendarInvitation({ ...facts, startsAt: '2026-06-15T08:00:00.000Z' }, 'x', 'https://x.example');
    const event = new ICAL.Event(parse(summer).getFirstSubcomponent('vevent')!);
    expect(event.startDate.hour).toBe(10);
  });
});
