// Dates as a person in the Netherlands reads them: the calendar day and clock time in
// Europe/Amsterdam, whatever the instant's offset in storage (UTC).

const ZONE = 'Europe/Amsterdam';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const dutchDateTime = new Intl.DateTimeFormat('nl-NL', { timeZone: ZONE, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const dutchDate = new Intl.DateTimeFormat('nl-NL', { timeZone: ZONE, day: 'numeric', month: 'long', year: 'numeric' });
const englishDateTime = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar day in Amsterdam of an instant or of a plain date, as YYYY-MM-DD; undefined if unreadable. */
export const amsterdamDay = (value: string): string | undefined => {
  if (PLAIN_DATE.test(value)) return Number.isNaN(Date.parse(`${value}T12:00:00Z`)) ? undefined : value;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : dayFormat.format(new Date(t));
};

/** Whole calendar days from day `from` to day `to` (both YYYY-MM-DD). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);

/** "12 december 2026 om 23:59" */
export const dutchMoment = (iso: string): string => dutchDateTime.format(new Date(iso));
/** "12 December 2026 at 23:59" */
export const englishMoment = (iso: string): string => englishDateTime.format(new Date(iso)).replace(',', ' at');
/** "12 december 2026" from a plain date or an instant. */
export const dutchDay = (value: string): string => dutchDate.format(new Date(PLAIN_DATE.test(value) ? `${value}T12:00:00Z` : value));
