import { asOfInstant, daysLeft, describeDaysLeft, formatBytes, formatDate, formatDateTime, formatDeadline, formatEuros, parseEuros } from './format';

describe('Dutch amounts', () => {
  it('formats cents as euros the Dutch way', () => {
    expect(formatEuros(1_250_050)).toBe('€ 12.500,50');
    expect(formatEuros(62_500, { whole: true })).toBe('€ 625');
    expect(formatEuros(62_550, { whole: true })).toBe('€ 625,50');
    expect(formatEuros(0)).toBe('€ 0,00');
  });

  it('reads what people type as euros', () => {
    expect(parseEuros('12.500')).toBe(1_250_000);
    expect(parseEuros('12.500,50')).toBe(1_250_050);
    expect(parseEuros('1250,5')).toBe(125_050);
    expect(parseEuros('€ 1 250')).toBe(125_000);
    expect(parseEuros('1250.50')).toBe(125_050);
    expect(parseEuros('0')).toBe(0);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'twaalf', '-5', '12,345', '1.25.0', '12.50.00', '1e5']) expect(parseEuros(bad)).toBeNull();
  });
});

describe('Dutch dates in Amsterdam time', () => {
  it('shows dates and times in Amsterdam, winter and summer', () => {
    expect(formatDateTime('2026-12-12T09:14:00Z')).toBe('12 dec 2026 10:14');
    expect(formatDateTime('2026-07-01T22:30:00Z')).toBe('2 jul 2026 00:30');
    expect(formatDate('2026-12-31T23:30:00Z')).toBe('1 januari 2027');
    expect(formatDeadline('2026-12-14T22:59:59Z')).toBe('14 december 2026 om 23:59');
  });

  it('counts calendar days left in Amsterdam', () => {
    expect(daysLeft('2026-12-14T22:59:59Z', '2026-11-30T12:00:00Z')).toBe(14);
    // 23:30 UTC on 30 November is already 1 December in Amsterdam.
    expect(daysLeft('2026-12-14T22:59:59Z', '2026-11-30T23:30:00Z')).toBe(13);
    expect(daysLeft('2026-11-29T22:59:59Z', '2026-11-30T12:00:00Z')).toBe(-1);
    expect(describeDaysLeft(14)).toBe('nog 14 dagen');
    expect(describeDaysLeft(1)).toBe('nog 1 dag');
    expect(describeDaysLeft(0)).toBe('vandaag is de laatste dag');
    expect(describeDaysLeft(-2)).toBe('2 dagen geleden verlopen');
  });

  it('shows sizes in plain units', () => {
    expect(formatBytes(45)).toBe('45 bytes');
    expect(formatBytes(1536)).toBe('1,5 kB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3 MB');
  });
});

describe('the case as it was on a date', () => {
  it('means the end of that day in Amsterdam, winter and summer', () => {
    expect(asOfInstant('2026-11-20', '2026-11-30T12:00:00Z')).toBe('2026-11-20T22:59:59.000Z');
    expect(asOfInstant('2026-07-01', '2026-11-30T12:00:00Z')).toBe('2026-07-01T21:59:59.000Z');
  });

  it('means now for today, never a moment in the future', () => {
    expect(asOfInstant('2026-11-30', '2026-11-30T12:00:00Z')).toBe('2026-11-30T12:00:00Z');
  });
});
