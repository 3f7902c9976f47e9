import { computeStatistics, periodsOf, windowOf, type CalendarDate, type GroupBy } from '../src/statistics';
import { randomHistory, type RandomHistory } from './support/random-case-facts';
import { StatisticsAttacker, type CellRange, type PublishedTable } from './support/statistics-attacker';

// Rule 22 as a property: over many small random histories, an observer who requests every table
// the API offers (every whole year and quarter, both groupings, every multi-year window) and
// solves an integer program over all of it cannot narrow any withheld cell below "1 to k-1".

const HISTORIES = Number(process.env.ATTACKER_HISTORIES ?? 200);
const FIRST_YEAR = 2016;
const LAST_YEAR = 2018;
const K = 5;

/** Every question an observer may ask: whole years (by year or by quarter), single quarters, runs of whole years. */
function observerQueries(): { from: CalendarDate; to: CalendarDate; groupBy: GroupBy; scope: string }[] {
  const queries: { from: CalendarDate; to: CalendarDate; groupBy: GroupBy; scope: string }[] = [];
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
    for (let last = y; last <= LAST_YEAR; last++) {
      for (const groupBy of ['year', 'quarter'] as const) {
        queries.push({ from: { year: y, month: 1, day: 1 }, to: { year: last, month: 12, day: 31 }, groupBy, scope: last === y ? String(y) : `${y}..${last}` });
      }
    }
    for (let q = 1; q <= 4; q++) {
      const lastDay = [31, 30, 30, 31][q - 1];
      queries.push({ from: { year: y, month: q * 3 - 2, day: 1 }, to: { year: y, month: q * 3, day: lastDay }, groupBy: 'quarter', scope: `${y}-Q${q}` });
    }
  }
  return queries;
}

function publishAll(history: RandomHistory): PublishedTable[] {
  return observerQueries().map((q) => {
    const result = computeStatistics(history.facts, history.missedAt, {
      window: windowOf(q.from, q.to),
      periods: periodsOf(q.from, q.to, q.groupBy),
      audience: 'observer',
      minCellCount: K,
    });
    return { overallScope: q.scope, body: JSON.parse(JSON.stringify(result)) };
  });
}

describe('statistics privacy (rule 22) against an attacker with an integer program', () => {
  it(`no withheld cell can be narrowed below 1..${K - 1} in ${HISTORIES} random histories`, async () => {
    const started = Date.now();
    let cellsChecked = 0;
    let withheldTotal = 0;
    let programs = 0;
    const failures: { seed: number; range: CellRange; cases: number }[] = [];
    for (let i = 0; i < HISTORIES; i++) {
      const history = randomHistory(1000 + i, LAST_YEAR);
      const attacker = new StatisticsAttacker();
      for (const table of publishAll(history)) attacker.add(table);
      const ranges = await attacker.ranges(FIRST_YEAR, K);
      withheldTotal += ranges.length;
      programs += attacker.programs;
      for (const range of ranges) {
        cellsChecked++;
        if (range.lo > 1 || range.hi < K - 1) failures.push({ seed: history.seed, range, cases: history.facts.length });
      }
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(`rule 22 attacker: ${HISTORIES} histories, ${cellsChecked} withheld cells checked, ${programs} integer programs, ${failures.length} narrowed, ${seconds.toFixed(1)} s`);
    expect(withheldTotal).toBeGreaterThan(HISTORIES); // the property is not vacuous
    expect(failures.slice(0, 10)).toEqual([]);
  }, 120_000);
});
