// Dates, times and amounts as a Dutch reader expects them, always in Amsterdam time (rule 21).

const ZONE = 'Europe/Amsterdam';

const dateFormat = new Intl.DateTimeFormat('nl-NL', { timeZone: ZONE, day: 'numeric', month: 'long', year: 'numeric' });
const weekdayDateFormat = new Intl.DateTimeFormat('nl-NL', {
  timeZone: ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('nl-NL', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hour12: false });
const euroFormat = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

/** "12 december 2026" */
export const dutchDate = (iso: string): string => dateFormat.format(new Date(iso));

/** "zaterdag 12 december 2026 om 10:00" */
export const dutchDateTime = (iso: string): string =>
  `${weekdayDateFormat.format(new Date(iso))} om ${timeFormat.format(new Date(iso))}`;

/** "€ 1.250,00" */
export const euros = (cents: number): string => euroFormat.format(cents / 100);

/** Whole days from `now` until `dueAt`, rounded up (a deadline later today is "1 dag"). */
export const daysLeft = (now: string, dueAt: string): number =>
  Math.max(0, Math.ceil((Date.parse(dueAt) - Date.parse(now)) / 86_400_000));

export const dayWord = (n: number): string => (n === 1 ? '1 dag' : `${n} dagen`);
