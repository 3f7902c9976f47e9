import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { amsterdamWallClock } from './dutch-format';
import type { CalendarFacts } from './notice';

const ZONE = 'Europe/Amsterdam';
const ORGANIZER = { name: 'Geschilleninstantie Zorgcontractering', email: 'secretariaat@geschilleninstantie.example' };

/**
 * An iCalendar invitation (METHOD:REQUEST), cancellation (METHOD:CANCEL) or download (METHOD:PUBLISH) in Amsterdam time with
 * its VTIMEZONE. One UID per session or hearing; every later version carries a higher SEQUENCE so
 * calendars replace the earlier one.
 *
 * ical-generator builds it; only its last step, folding long lines, is done here: the library
 * measures each character with a new TextEncoder, which was three quarters of the notifier's
 * rendering time. The result is the library's own `calendar.toString()`, byte for byte
 * (calendar.spec.ts compares the two).
 */
export function calendarInvitation(facts: CalendarFacts, description: string, url: string, stamp: string = facts.startsAt): string {
  const calendar = invitationCalendar(facts, description, url, stamp);
  // The calendar's lines before its event (VERSION … VTIMEZONE … X-WR-TIMEZONE) are short and the
  // same for every invitation of this method; folding works line by line, so only the event's need it.
  return `${calendarHead(facts.method)}${foldLines(calendar.events()[0].toString())}END:VCALENDAR`;
}

/** The invitation as ical-generator's calendar; `toString()` on it gives the same text as calendarInvitation. */
export function invitationCalendar(facts: CalendarFacts, description: string, url: string, stamp: string = facts.startsAt): ICalCalendar {
  const calendar = emptyCalendar(facts.method);
  // ical-generator writes a native Date's UTC fields after `TZID=` (it converts zones only through a
  // date library such as Luxon), so it gets the Amsterdam wall-clock time in them:
  // `DTSTART;TZID=Europe/Amsterdam:20261214T100000`.
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
  return calendar;
}

const emptyCalendar = (method: CalendarFacts['method']): ICalCalendar =>
  ical({
    prodId: { company: 'Geschilleninstantie Zorgcontractering', product: 'zaaksysteem', language: 'NL' },
    method: ICalCalendarMethod[method],
    timezone: { name: ZONE, generator: amsterdamVtimezone },
  });

const heads = new Map<string, string>();
/** Everything the library writes before the events, for a calendar of this method. */
function calendarHead(method: CalendarFacts['method']): string {
  let head = heads.get(method);
  if (head === undefined) {
    const whole = emptyCalendar(method).toString();
    head = whole.slice(0, whole.lastIndexOf('END:VCALENDAR'));
    heads.set(method, head);
  }
  return head;
}

/** RFC 5545 folding as ical-generator does it: a line break and a space before the octet that would pass 74. */
export function foldLines(text: string): string {
  return text
    .split('\r\n')
    .map((line) => {
      if (Buffer.byteLength(line) <= 74) return line;
      let folded = '';
      let octets = 0;
      for (let i = 0; i < line.length; i++) {
        let char = line.charAt(i);
        const code = line.charCodeAt(i);
        if (code >= 0xd800 && code <= 0xdbff) char += line.charAt(++i);
        const size = Buffer.byteLength(char);
        octets += size;
        if (octets > 74) {
          folded += '\r\n ';
          octets = size;
        }
        folded += char;
      }
      return folded;
    })
    .join('\r\n');
}

let vtimezone: string | null | undefined;
/** The VTIMEZONE of Amsterdam, built once (building it per message was most of the rendering time). */
const amsterdamVtimezone = (zone: string): string | null =>
  zone === ZONE ? (vtimezone === undefined ? (vtimezone = getVtimezoneComponent(zone)) : vtimezone) : getVtimezoneComponent(zone);
