import { DUTCH_ZONE } from './amsterdam-time';

// Dates and amounts as a Dutch reader expects them, for the domain's messages and the portal:
// "12 december 2026", "12 december 2026 om 14:30", "€ 1.234,56". Always in Amsterdam time.

const DATE = new Intl.DateTimeFormat('nl-NL', { timeZone: DUTCH_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
const TIME = new Intl.DateTimeFormat('nl-NL', { timeZone: DUTCH_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const EURO = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const EN_DATE = new Intl.DateTimeFormat('en-GB', { timeZone: DUTCH_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
const EN_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: DUTCH_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

const toDate = (at: Date | string): Date => (typeof at === 'string' ? new Date(at) : at);

/** "12 december 2026": the Amsterdam calendar day of an instant. */
export const formatDutchDate = (at: Date | string): string => DATE.format(toDate(at));

/** "12 december 2026 om 14:30" (Amsterdam time). */
export const formatDutchDateTime = (at: Date | string): string => `${DATE.format(toDate(at))} om ${TIME.format(toDate(at))}`;

/** "12 December 2026": the same day for the English message. */
export const formatEnglishDate = (at: Date | string): string => EN_DATE.format(toDate(at));

/** "12 December 2026 at 14:30" (Amsterdam time). */
export const formatEnglishDateTime = (at: Date | string): string => `${EN_DATE.format(toDate(at))} at ${EN_TIME.format(toDate(at))}`;

/** "€ 1.234,56" from whole cents (Intl's Dutch currency format, with a no-break space). */
export const formatEuro = (cents: number): string => EURO.format(cents / 100);
