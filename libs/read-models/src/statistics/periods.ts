// Periods of the statistics follow the Dutch calendar (Europe/Amsterdam), like case numbers: a
// case filed at 00:30 on 1 January Dutch time belongs to the new year, though it is 23:30 UTC.

export type GroupBy = 'year' | 'quarter';

/** A calendar date as written in a query: YYYY-MM-DD. */
export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number;
}

export interface Period {
  /** `2024` or `2024-Q1`. */
  label: string;
  /** First and last calendar day covered (inclusive), clipped to the window. */
  from: string;
  to: string;
  /** The instants [start, end) in ISO 8601 UTC. */
  start: string;
  end: string;
}

const HOUR_MS = 3_600_000;
const amsterdamHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', hourCycle: 'h23' });

/**
 * The instant of midnight at the start of a Dutch calendar day. Amsterdam is UTC+1 or UTC+2 and
 * clocks change at 02:00/03:00, never at midnight, so one of the two offsets gives hour 00.
 */
export function amsterdamMidnight(date: CalendarDate): Date {
  const utcMidnight = Date.UTC(date.year, date.month - 1, date.day);
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(utcMidnight - offsetHours * HOUR_MS);
    if (Number(amsterdamHour.format(candidate)) === 0) return candidate;
  }
  throw new Error(`No Amsterdam midnight found for ${formatDate(date)}`);
}

export const formatDate = (d: CalendarDate): string =>
  `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** Parses YYYY-MM-DD into a real calendar date, or undefined (2024-02-30 is not one). */
export function parseCalendarDate(text: string): CalendarDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

const nextDay = (d: CalendarDate): CalendarDate => {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
};
const previousDay = (d: CalendarDate): CalendarDate => {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day - 1));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
};
const compare = (a: CalendarDate, b: CalendarDate): number => a.year - b.year || a.month - b.month || a.day - b.day;

// Made once: building an Intl.DateTimeFormat costs far more than formatting with it, and every
// statistics request asks for today's date (it was 6% of the server's time under load).
const amsterdamDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

// The last answer, per UTC minute: Dutch time differs from UTC by whole hours, so the date can only
// change on a minute's boundary. A statistics request asks three or four times.
let lastToday: { minute: number; date: CalendarDate } | undefined;

/** Today's date in the Netherlands. */
export function amsterdamToday(now: Date): CalendarDate {
  const minute = Math.floor(now.getTime() / 60_000);
  if (lastToday?.minute !== minute) lastToday = { minute, date: parseCalendarDate(amsterdamDate.format(now))! };
  return { ...lastToday.date };
}

/** The window [from 00:00, the day after `to` 00:00) Dutch time as UTC instants. */
export function windowOf(from: CalendarDate, to: CalendarDate): { start: string; end: string } {
  return { start: amsterdamMidnight(from).toISOString(), end: amsterdamMidnight(nextDay(to)).toISOString() };
}

/** The calendar years or quarters that overlap [from, to], each clipped to it, oldest first. */
export function periodsOf(from: CalendarDate, to: CalendarDate, groupBy: GroupBy): Period[] {
  const periods: Period[] = [];
  const months = groupBy === 'year' ? 12 : 3;
  let cursor: CalendarDate = { year: from.year, month: from.month - ((from.month - 1) % months), day: 1 };
  while (compare(cursor, to) <= 0) {
    const nextStartMonth = cursor.month + months;
    const next: CalendarDate =
      nextStartMonth > 12
        ? { year: cursor.year + 1, month: nextStartMonth - 12, day: 1 }
        : { year: cursor.year, month: nextStartMonth, day: 1 };
    const first = compare(cursor, from) < 0 ? from : cursor;
    const lastOfPeriod = previousDay(next);
    const last = compare(lastOfPeriod, to) > 0 ? to : lastOfPeriod;
    const label = groupBy === 'year' ? String(cursor.year) : `${cursor.year}-Q${Math.floor((cursor.month - 1) / 3) + 1}`;
    periods.push({ label, from: formatDate(first), to: formatDate(last), ...windowOf(first, last) });
    cursor = next;
  }
  return periods;
}
