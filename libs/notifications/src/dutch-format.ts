// Dates, times and amounts as a Dutch reader expects them, always in Amsterdam time (rule 21).
//
// Formatting a date with Intl per message was a quarter of the notifier's rendering time. Amsterdam's
// offset from UTC changes only on a whole UTC hour, so Intl is asked once per UTC hour for the
// offset and the Dutch words are put together here (dutch-format.spec.ts checks them against Intl's
// nl-NL for random instants, the summer-time changes included).

const ZONE = 'Europe/Amsterdam';
const HOUR = 3_600_000;

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const WEEKDAYS = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'];

const wallClockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const offsets = new Map<number, number>();

/** Amsterdam's offset from UTC, in milliseconds, at the instant `ms`. */
function amsterdamOffsetMs(ms: number): number {
  const hour = Math.floor(ms / HOUR);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const parts = Object.fromEntries(wallClockFormat.formatToParts(new Date(hour * HOUR)).map((p) => [p.type, p.value]));
    offset = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute) - hour * HOUR;
    if (offsets.size >= 50_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
}

/**
 * The Amsterdam wall-clock time of an instant, carried in a Date's UTC fields (getUTCHours() is the
 * hour in Amsterdam). Seconds and milliseconds are kept.
 */
export function amsterdamWallClock(iso: string): Date {
  const ms = Date.parse(iso);
  return new Date(ms + amsterdamOffsetMs(ms));
}

const two = (n: number): string => String(n).padStart(2, '0');
const dateOf = (wall: Date): string => `${wall.getUTCDate()} ${MONTHS[wall.getUTCMonth()]} ${wall.getUTCFullYear()}`;

/** "12 december 2026" */
export const dutchDate = (iso: string): string => dateOf(amsterdamWallClock(iso));

/** "zaterdag 12 december 2026 om 10:00" */
export const dutchDateTime = (iso: string): string => {
  const wall = amsterdamWallClock(iso);
  return `${WEEKDAYS[wall.getUTCDay()]} ${dateOf(wall)} om ${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}`;
};

const euroFormat = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

/** "€ 1.250,00" */
export const euros = (cents: number): string => euroFormat.format(cents / 100);

/** Whole days from `now` until `dueAt`, rounded up (a deadline later today is "1 dag"). */
export const daysLeft = (now: string, dueAt: string): number => Math.max(0, Math.ceil((Date.parse(dueAt) - Date.parse(now)) / 86_400_000));

export const dayWord = (n: number): string => (n === 1 ? '1 dag' : `${n} dagen`);
