// Rule 21: instants are stored in UTC; every calendar date a person gives, and every date-time
// written without an offset, is read in Europe/Amsterdam. Pure functions (no clock, no I/O), so
// the domain can use them and the HTTP layer can convert what people type.

export const DUTCH_ZONE = 'Europe/Amsterdam';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** A real calendar date (2026-02-30 is not one). */
function calendarDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

// The platform's time-zone data (Intl) rather than a package: the domain imports nothing from outside.
const WALL_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: DUTCH_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** Amsterdam wall-clock fields of an instant. */
function wallClock(t: number): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const part: Record<string, number> = {};
  for (const p of WALL_CLOCK.formatToParts(new Date(t))) if (p.type !== 'literal') part[p.type] = Number(p.value);
  return { year: part.year, month: part.month, day: part.day, hour: part.hour, minute: part.minute, second: part.second };
}

/** Amsterdam's offset from UTC at instant `t`, in milliseconds (whole seconds: the milliseconds are the same). */
function offsetAt(t: number): number {
  const w = wallClock(t);
  const whole = t - (((t % 1000) + 1000) % 1000);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - whole;
}

/**
 * The instant of a wall-clock time in Amsterdam. A time in the spring-forward gap moves on an hour
 * (02:30 becomes 03:30 summer time); a time that occurs twice in autumn is the second
 * (winter time), as before.
 */
export function amsterdamInstant(y: number, month: number, d: number, h = 0, mi = 0, s = 0, ms = 0): Date {
  const asIfUtc = Date.UTC(y, month - 1, d, h, mi, s, ms);
  // Both offsets in force around that day; the wall time is read with each and kept where it fits.
  const candidates = [offsetAt(asIfUtc - 86_400_000), offsetAt(asIfUtc + 86_400_000)].map((offset) => asIfUtc - offset);
  const fitting = candidates.filter((t) => offsetAt(t) === asIfUtc - t).sort((a, b) => a - b);
  if (fitting.length > 0) return new Date(fitting[fitting.length - 1]);
  // In the gap: with the offset from before the change, which lands an hour later on the clock.
  return new Date(asIfUtc - Math.min(...candidates.map((t) => asIfUtc - t)));
}

/** 23:59:59.999 Amsterdam time on the given calendar day. */
export const endOfAmsterdamDay = (y: number, month: number, d: number): Date => amsterdamInstant(y, month, d, 23, 59, 59, 999);

/** The Amsterdam calendar date (year, month 1-12, day) of an instant. */
export function amsterdamDateOf(at: Date | string): { year: number; month: number; day: number } {
  const w = wallClock(new Date(at).getTime());
  return { year: w.year, month: w.month, day: w.day };
}

/** The Amsterdam calendar day of an instant, or a plain date as it is, as YYYY-MM-DD; undefined if unreadable. */
export function amsterdamDay(value: string): string | undefined {
  const date = DATE.exec(value);
  if (date) return calendarDate(Number(date[1]), Number(date[2]), Number(date[3])) ? value : undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t)) return undefined;
  const { year, month, day } = amsterdamDateOf(new Date(t));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole calendar days from day `from` to day `to` (both YYYY-MM-DD). */
export const calendarDaysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);

/** The instant as Amsterdam wall-clock time with its offset, for people to read: 2026-12-12T23:59:59.999+01:00. */
export function toAmsterdamIso(at: Date | string): string {
  const t = new Date(at).getTime();
  const w = wallClock(t);
  const offsetMinutes = Math.round(offsetAt(t) / 60_000);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset = `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
  const ms = ((t % 1000) + 1000) % 1000;
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}.${pad(ms, 3)}${offset}`;
}

/** How a plain calendar date is read: the start of that day (a session) or its end (a deadline, asOf). */
export type DateOnlyMeans = 'start_of_day' | 'end_of_day';

/**
 * Reads what a person wrote as an instant: a date-time with an offset (or Z) as it is; one
 * without an offset as Amsterdam wall-clock time; a plain date as the start or end of that day in
 * Amsterdam. Undefined when it is none of these.
 */
export function readPersonInstant(text: string, dateOnly: DateOnlyMeans): Date | undefined {
  if (WITH_OFFSET.test(text)) {
    const t = new Date(text);
    return Number.isNaN(t.getTime()) ? undefined : t;
  }
  const date = DATE.exec(text);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    if (!calendarDate(y, m, d)) return undefined;
    return dateOnly === 'end_of_day' ? endOfAmsterdamDay(y, m, d) : amsterdamInstant(y, m, d);
  }
  const local = LOCAL_DATE_TIME.exec(text);
  if (local) {
    const [y, m, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(local[i]));
    const s = Number(local[6] ?? 0);
    const ms = Number((local[7] ?? '0').padEnd(3, '0'));
    if (!calendarDate(y, m, d) || h > 23 || mi > 59 || s > 59) return undefined;
    return amsterdamInstant(y, m, d, h, mi, s, ms);
  }
  return undefined;
}

/**
 * The due instant of a deadline of `days` days from `now`: the end (23:59:59 Amsterdam time) of
 * the Amsterdam calendar day `days` days after today.
 */
export function deadlineEndingAfterDays(nowIso: string, days: number): string {
  const today = amsterdamDateOf(nowIso);
  const last = new Date(Date.UTC(today.year, today.month - 1, today.day + days));
  return endOfAmsterdamDay(last.getUTCFullYear(), last.getUTCMonth() + 1, last.getUTCDate()).toISOString();
}
