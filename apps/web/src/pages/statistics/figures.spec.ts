import { csvWithDutchHeader, endedPeriods, formatFigure, isWithheld, periodName, valueAt, type StatisticsAnswer } from './figures';

describe('statistics figures', () => {
  it('writes withheld cells as "minder dan 5", never a blank', () => {
    expect(formatFigure(null, 'count', true)).toBe('minder dan 5');
    expect(formatFigure(null, 'rate', true)).toBe('niet getoond: minder dan 5 zaken');
    expect(formatFigure(null, 'rate', false)).toBe('geen zaken');
    expect(formatFigure(1234, 'count', false)).toBe('1.234');
    expect(formatFigure(0.4783, 'rate', false)).toBe('48%');
    expect(formatFigure(90.75, 'days', false)).toBe('90,8');
  });

  it('finds a figure by its dotted path and knows when it (or its parent) is withheld', () => {
    const answer = {
      durationsDays: { filingToClosure: { n: null, median: null, p90: null } },
      mediation: { successRate: 0.5 },
      suppressed: [{ period: '2025-Q1', cell: 'durationsDays.filingToClosure' }],
    } as unknown as StatisticsAnswer;
    expect(valueAt(answer, 'mediation.successRate')).toBe(0.5);
    expect(valueAt(answer, 'mediation.nothing')).toBeUndefined();
    expect(isWithheld(answer, '2025-Q1', 'durationsDays.filingToClosure.median')).toBe(true);
    expect(isWithheld(answer, '2025-Q2', 'durationsDays.filingToClosure.median')).toBe(false);
  });

  it('offers only years and quarters that have ended', () => {
    const { years, quarters } = endedPeriods('2026-11-30', 2025);
    expect(years.map((y) => y.key)).toEqual(['2025']);
    expect(quarters.map((q) => q.key)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    expect(quarters[1]).toMatchObject({ from: '2025-04-01', to: '2025-06-30', name: '2e kwartaal 2025' });
    expect(periodName('overall')).toBe('Hele periode');
  });

  it('gives the CSV Dutch column names and leaves the rows as they are', () => {
    const csv = 'period,from,to,figure,value,suppressed\r\noverall,2025-01-01,2025-12-31,filed,60,false\r\n';
    expect(csvWithDutchHeader(csv)).toBe(
      'periode,van,tot en met,cijfer,waarde,afgeschermd (minder dan 5)\r\noverall,2025-01-01,2025-12-31,filed,60,false\r\n',
    );
  });
});
