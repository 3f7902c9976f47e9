import { formatDutchDate, formatDutchDateTime, formatEuro, readPersonInstant, toAmsterdamIso } from '../src/time';

describe('rule 21: what people write is read in Amsterdam', () => {
  it.each([
    ['2026-12-12', 'end_of_day', '2026-12-12T22:59:59.999Z'],
    ['2026-07-01', 'end_of_day', '2026-07-01T21:59:59.999Z'],
    ['2026-07-01', 'start_of_day', '2026-06-30T22:00:00.000Z'],
    ['2026-03-01T10:00', 'start_of_day', '2026-03-01T09:00:00.000Z'],
    ['2026-08-01T10:00:30', 'start_of_day', '2026-08-01T08:00:30.000Z'],
    ['2026-03-01T10:00:00Z', 'start_of_day', '2026-03-01T10:00:00.000Z'],
    ['2026-03-01T10:00:00+05:00', 'end_of_day', '2026-03-01T05:00:00.000Z'],
    // Clocks go forward on 29 March 2026: 02:30 does not exist and moves on to 03:30 summer time.
    ['2026-03-29T02:30', 'start_of_day', '2026-03-29T01:30:00.000Z'],
    ['2026-03-29T03:00', 'start_of_day', '2026-03-29T01:00:00.000Z'],
    // Clocks go back on 25 October 2026: 02:30 happens twice; the second (winter time) is meant.
    ['2026-10-25T02:30', 'start_of_day', '2026-10-25T01:30:00.000Z'],
    ['2026-10-25T01:30', 'start_of_day', '2026-10-24T23:30:00.000Z'],
    ['2026-10-25', 'end_of_day', '2026-10-25T22:59:59.999Z'],
  ] as const)('%s (%s) is %s', (text, means, iso) => {
    expect(readPersonInstant(text, means)?.toISOString()).toBe(iso);
  });

  it.each(['2026-02-30', 'yesterday', '2026-13-01T10:00', '2026-01-01T25:00'])('%s is not a date', (text) => {
    expect(readPersonInstant(text, 'end_of_day')).toBeUndefined();
  });
});

describe('Dutch formatting for messages and the portal', () => {
  it('shows dates as a Dutch reader writes them, on the Amsterdam calendar day', () => {
    expect(formatDutchDate('2026-12-12T22:59:59.999Z')).toBe('12 december 2026');
    expect(formatDutchDate('2026-12-31T23:30:00.000Z')).toBe('1 januari 2027');
    expect(formatDutchDateTime('2026-03-01T09:00:00.000Z')).toBe('1 maart 2026 om 10:00');
  });
  it('shows euro amounts from cents', () => {
    expect(formatEuro(123456).replace(/\s/g, ' ')).toBe('€ 1.234,56');
    expect(formatEuro(5).replace(/\s/g, ' ')).toBe('€ 0,05');
  });
});

describe('rule 21: instants shown in Amsterdam time with their offset', () => {
  it.each([
    ['2025-03-17T22:59:59.999Z', '2025-03-17T23:59:59.999+01:00'], // winter time
    ['2025-04-11T21:59:59.999Z', '2025-04-11T23:59:59.999+02:00'], // summer time
    ['2025-03-30T00:59:59.000Z', '2025-03-30T01:59:59.000+01:00'], // the last second before the clocks go forward
    ['2025-03-30T01:00:00.000Z', '2025-03-30T03:00:00.000+02:00'], // and the first after
    ['2025-10-26T00:30:00.000Z', '2025-10-26T02:30:00.000+02:00'], // 02:30 the first time in autumn
    ['2025-10-26T01:30:00.000Z', '2025-10-26T02:30:00.000+01:00'], // and the second time
    ['2025-12-31T23:30:00.000Z', '2026-01-01T00:30:00.000+01:00'], // already the next year in Amsterdam
  ])('%s is %s', (utc, local) => {
    expect(toAmsterdamIso(utc)).toBe(local);
    expect(new Date(local).toISOString()).toBe(utc); // the same instant
  });
});
