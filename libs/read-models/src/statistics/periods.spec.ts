import { amsterdamToday } from './periods';

describe('amsterdamToday', () => {
  it('turns at midnight Dutch time, winter (UTC+1) and summer (UTC+2), also when asked in between', () => {
    const at = (iso: string) => amsterdamToday(new Date(iso));
    // Asked back and forth across the turn of the day: a remembered answer must not outlive its minute.
    expect(at('2025-01-14T22:59:59.999Z')).toEqual({ year: 2025, month: 1, day: 14 });
    expect(at('2025-01-14T23:00:00.000Z')).toEqual({ year: 2025, month: 1, day: 15 });
    expect(at('2025-01-14T22:59:30.000Z')).toEqual({ year: 2025, month: 1, day: 14 });
    expect(at('2025-07-14T21:59:59.000Z')).toEqual({ year: 2025, month: 7, day: 14 });
    expect(at('2025-07-14T22:00:00.000Z')).toEqual({ year: 2025, month: 7, day: 15 });
    expect(at('2025-12-31T23:00:00.000Z')).toEqual({ year: 2026, month: 1, day: 1 });
  });

  it('gives each caller its own object', () => {
    const now = new Date('2025-03-01T10:00:00.000Z');
    const first = amsterdamToday(now);
    first.day = 31;
    expect(amsterdamToday(now)).toEqual({ year: 2025, month: 3, day: 1 });
  });
});
