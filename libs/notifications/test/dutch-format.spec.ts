import fc from 'fast-check';
import { amsterdamWallClock, dutchDate, dutchDateTime } from '../src/dutch-format';

// The dates in messages are put together by hand (for speed); they must read exactly as Intl's
// nl-NL in Amsterdam time, on any instant, the nights of the summer-time changes included.

const ZONE = 'Europe/Amsterdam';
const intlDate = new Intl.DateTimeFormat('nl-NL', { timeZone: ZONE, day: 'numeric', month: 'long', year: 'numeric' });
const intlWeekdayDate = new Intl.DateTimeFormat('nl-NL', {
  timeZone: ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const intlTime = new Intl.DateTimeFormat('nl-NL', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

const instants = fc
  .integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2040-12-31T23:59:59Z') })
  .map((ms) => new Date(ms).toISOString());

describe('Dutch dates in Amsterdam time', () => {
  it('read as Intl nl-NL reads them, for any instant', () => {
    fc.assert(
      fc.property(instants, (iso) => {
        expect(dutchDate(iso)).toBe(intlDate.format(new Date(iso)));
        expect(dutchDateTime(iso)).toBe(`${intlWeekdayDate.format(new Date(iso))} om ${intlTime.format(new Date(iso))}`);
      }),
      { numRuns: 3000 },
    );
  });

  it('follow the summer-time changes to the minute', () => {
    // 29 March 2026: 01:00 UTC becomes 03:00 in Amsterdam; 25 October 2026: 01:00 UTC becomes 02:00.
    expect(dutchDateTime('2026-03-29T00:59:00.000Z')).toBe('zondag 29 maart 2026 om 01:59');
    expect(dutchDateTime('2026-03-29T01:00:00.000Z')).toBe('zondag 29 maart 2026 om 03:00');
    expect(dutchDateTime('2026-10-25T00:59:00.000Z')).toBe('zondag 25 oktober 2026 om 02:59');
    expect(dutchDateTime('2026-10-25T01:00:00.000Z')).toBe('zondag 25 oktober 2026 om 02:00');
    // 23:30 UTC on 31 December is already the next day (and year) in Amsterdam.
    expect(dutchDate('2026-12-31T23:30:00.000Z')).toBe('1 januari 2027');
    expect(amsterdamWallClock('2026-07-01T12:15:30.000Z').toISOString()).toBe('2026-07-01T14:15:30.000Z');
    for (let hour = 0; hour < 48; hour++) {
      for (const day of ['2026-03-28', '2026-10-24']) {
        const iso = new Date(Date.parse(`${day}T00:00:00.000Z`) + hour * 3_600_000 + 17 * 60_000).toISOString();
        expect(dutchDateTime(iso)).toBe(`${intlWeekdayDate.format(new Date(iso))} om ${intlTime.format(new Date(iso))}`);
      }
    }
  });
});
