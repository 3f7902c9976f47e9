import ICAL from 'ical.js';
import { calendarInvitation, foldLines, invitationCalendar } from '../src/calendar';

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

  it("is byte for byte ical-generator's own text, long lines and non-ASCII folded the same way", () => {
    const long = 'Uitnodiging voor het gesprek over de tarieven € 1.250,00 met één café-eigenaar 👩‍⚕️ '.repeat(6);
    const variants = [
      { ...facts },
      { ...facts, method: 'CANCEL' as const, sequence: 1, location: 'Zaal ë, Catharijnesingel 1, Utrecht '.repeat(4) },
      { ...facts, startsAt: '2026-07-01T12:15:00.000Z', location: undefined, title: `Zitting ${'x'.repeat(120)}` },
    ];
    for (const variant of variants) {
      for (const description of ['Kort', long]) {
        const url = `https://geschillen.example.nl/zaken/${'d'.repeat(80)}`;
        expect(calendarInvitation(variant, description, url, '2026-06-01T08:00:00.000Z')).toBe(
          invitationCalendar(variant, description, url, '2026-06-01T08:00:00.000Z').toString(),
        );
      }
    }
    // Folding: no line over 75 octets, and unfolding gives the line back.
    const line = `DESCRIPTION:${long}`;
    const folded = foldLines(line);
    expect(folded.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });
});
