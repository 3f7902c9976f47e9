import { TZDate } from '@date-fns/tz';

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

/** The instant of a wall-clock time in Amsterdam (a time in the spring-forward gap moves on an hour). */
export function amsterdamInstant(y: number, month: number, d: number, h = 0, mi = 0, s = 0, ms = 0): Date {
  return new Date(new TZDate(y, month - 1, d, h, mi, s, ms, DUTCH_ZONE).getTime());
}

/** 23:59:59.999 Amsterdam time on the given calendar day. */
export const endOfAmsterdamDay = (y: number, month: number, d: number): Date => amsterdamInstant(y, month, d, 23, 59, 59, 999);

/** The Amsterdam calendar date (year, month 1-12, day) of an instant. */
export function amsterdamDateOf(at: Date | string): { year: number; month: number; day: number } {
  const z = new TZDate(new Date(at).getTime(), DUTCH_ZONE);
  return { year: z.getFullYear(), month: z.getMonth() + 1, day: z.getDate() };
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
