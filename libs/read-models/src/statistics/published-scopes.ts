import { amsterdamToday, periodsOf, type CalendarDate, type Period } from './periods';

// What observers can be given: every Dutch calendar quarter that has ended, and every year whose
// fourth quarter has ended, from the founding year on. A period is published once, when it ends,
// and its figures never change afterwards (they count events of the past only), so the figures
// and the choice of withheld cells can be fixed per period, in the order the periods end.

export const FIRST_PUBLISHED_YEAR = 2016;

export interface PublishedScope {
  /** `2024` or `2024-Q3`. */
  label: string;
  kind: 'year' | 'quarter';
  period: Period;
}

/** The scopes published by `now`, in the order they became final: each quarter, then its year after Q4. */
export function publishedScopes(now: Date): PublishedScope[] {
  const today = amsterdamToday(now);
  const lastEnded = lastEndedQuarter(today);
  if (lastEnded === undefined) return [];
  const from: CalendarDate = { year: FIRST_PUBLISHED_YEAR, month: 1, day: 1 };
  const to: CalendarDate = { year: lastEnded.year, month: lastEnded.quarter * 3, day: [31, 30, 30, 31][lastEnded.quarter - 1] };
  const years = new Map(periodsOf(from, to, 'year').map((p) => [p.label, p]));
  const scopes: PublishedScope[] = [];
  for (const q of periodsOf(from, to, 'quarter')) {
    scopes.push({ label: q.label, kind: 'quarter', period: q });
    if (q.label.endsWith('-Q4')) scopes.push({ label: q.label.slice(0, 4), kind: 'year', period: years.get(q.label.slice(0, 4))! });
  }
  return scopes;
}

/** The last quarter that ended before `today` (Dutch calendar), or undefined before 2016-Q1 ended. */
export function lastEndedQuarter(today: CalendarDate): { year: number; quarter: number } | undefined {
  const current = Math.floor((today.month - 1) / 3) + 1;
  const last = current === 1 ? { year: today.year - 1, quarter: 4 } : { year: today.year, quarter: current - 1 };
  return last.year < FIRST_PUBLISHED_YEAR ? undefined : last;
}

/** Names the set of periods published by `now` (it changes when a quarter ends). */
export function lastPublishedLabel(now: Date): string {
  const last = lastEndedQuarter(amsterdamToday(now));
  return last ? `${last.year}-Q${last.quarter}` : 'none';
}
