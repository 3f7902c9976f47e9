import type { CalendarDate, GroupBy } from '../../src/statistics';

// The questions an observer may put to GET /api/statistics over the years firstYear..lastYear.

/** Every question an observer may ask: whole years (by year or by quarter), single quarters, runs of whole years. */
export function observerQueries(
  firstYear: number,
  lastYear: number,
): { from: CalendarDate; to: CalendarDate; groupBy: GroupBy; scope: string }[] {
  const queries: { from: CalendarDate; to: CalendarDate; groupBy: GroupBy; scope: string }[] = [];
  for (let y = firstYear; y <= lastYear; y++) {
    for (let last = y; last <= lastYear; last++) {
      for (const groupBy of ['year', 'quarter'] as const) {
        queries.push({
          from: { year: y, month: 1, day: 1 },
          to: { year: last, month: 12, day: 31 },
          groupBy,
          scope: last === y ? String(y) : `${y}..${last}`,
        });
      }
    }
    for (let q = 1; q <= 4; q++) {
      const lastDay = [31, 30, 30, 31][q - 1];
      queries.push({
        from: { year: y, month: q * 3 - 2, day: 1 },
        to: { year: y, month: q * 3, day: lastDay },
        groupBy: 'quarter',
        scope: `${y}-Q${q}`,
      });
    }
  }
  return queries;
}
