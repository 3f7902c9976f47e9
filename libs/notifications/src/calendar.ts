import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { CalendarFacts } from './notice';

const ZONE = 'Europe/Amsterdam';
const ORGANIZER = { name: 'Geschilleninstantie Zorgcontractering', email: 'secretariaat@geschilleninstantie.example' };

/**
 * An iCalendar invitation (METHOD:REQUEST), cancellation (METHOD:CANCEL) or download (METHOD:PUBLISH) in Amsterdam time with
 * its VTIMEZONE. One UID per session or hearing; every later version carries a higher SEQUENCE so
 * calendars replace the earlier one.
 */
export function calendarInvitation(facts: CalendarFacts, description: string, url: string, stamp: string = facts.startsAt): string {
  const calendar = ical({
    prodId: { company: 'Geschilleninstantie Zorgcontractering', product: 'zaaksysteem', language: 'NL' },
    method: ICalCalendarMethod[facts.method],
    timezone: { name: ZONE, generator: amsterdamVtimezone },
  });
  const start = amsterdamWallClock(facts.startsAt);
  calendar.createEvent({
    id: facts.uid,
    sequence: facts.sequence,
    start,
    end: new Date(start.getTime() + facts.durationMinutes * 60_000),
    timezone: ZONE,
    stamp: amsterdamWallClock(stamp),
    summary: facts.title,
    description,
    url,
    ...(facts.location ? { location: facts.location } : {}),
    status: facts.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: ORGANIZER,
  });
  return calendar.toString();
}

let vtimezone: string | null | undefined;
/** The VTIMEZONE of Amsterdam, built once (building it per message was most of the rendering time). */
const amsterdamVtimezone = (zone: string): string | null =>
  zone === ZONE ? (vtimezone === undefined ? (vtimezone = getVtimezoneComponent(zone)) : vtimezone) : getVtimezoneComponent(zone);

const wallClockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * ical-generator writes a native Date's UTC fields after `TZID=` (it converts zones only through a
 * date library such as Luxon). So the Date handed to it carries the Amsterdam wall-clock time in
 * its UTC fields; the output then reads e.g. `DTSTART;TZID=Europe/Amsterdam:20261214T100000`.
 */
function amsterdamWallClock(iso: string): Date {
  const parts = Object.fromEntries(wallClockFormat.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return new Date(Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second));
}
