import { amsterdamDate } from './amsterdam-date';

const byIntl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

describe('amsterdamDate', () => {
  it('gives the same date as Intl for every quarter hour around each clock change, 2020-2035', () => {
    const mismatches: string[] = [];
    for (let year = 2020; year <= 2035; year++) {
      for (const month of [2, 9]) {
        const start = Date.UTC(year, month, 24);
        for (let t = start; t < start + 9 * 24 * 3_600_000; t += 15 * 60_000) {
          const at = new Date(t);
          if (amsterdamDate(at) !== byIntl.format(at)) mismatches.push(at.toISOString());
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('gives the same date as Intl every hour of 2024-2027', () => {
    const mismatches: string[] = [];
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2028, 0, 1); t += 3_600_000) {
      const at = new Date(t);
      if (amsterdamDate(at) !== byIntl.format(at)) mismatches.push(at.toISOString());
    }
    expect(mismatches).toEqual([]);
  });

  it('turns the year at 23:00 UTC in winter', () => {
    expect(amsterdamDate(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(amsterdamDate(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
    expect(amsterdamDate(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
    expect(amsterdamDate(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });
});
