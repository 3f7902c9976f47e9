import {
  buildObserverPublication,
  countFigures,
  linearSolver,
  publishedScopes,
  publishedScopeValues,
  publishScopes,
  type LinearSolver,
  type ObserverPublication,
} from '../src/statistics';
import { runInSlices } from '../src/statistics/suppression-audit';
import { randomHistory } from './support/random-case-facts';

// The observers' publication is solved once per ended period and kept: a later computation that
// starts from it must give exactly what computing everything again gives, solve nothing when no
// count changed, and solve again from a period a late event touched.

const K = 5;
const MID_2017 = new Date('2017-07-15T12:00:00Z'); // 2016 and 2017-Q1..Q2 published
const JAN_2018 = new Date('2018-01-15T12:00:00Z'); // all of 2016 and 2017 published

/** The solver, counting the programs it is given. */
function countingSolver(solver: LinearSolver): { solver: LinearSolver; programs: () => number } {
  let programs = 0;
  const counting = new Proxy(solver, {
    get(target, property, receiver) {
      if (property === 'createModel') {
        return (...args: Parameters<LinearSolver['createModel']>) => {
          programs++;
          return target.createModel(...args);
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return { solver: counting, programs: () => programs };
}

const withheldOf = (p: ObserverPublication): Record<string, number[]> =>
  Object.fromEntries([...p.scopes].map(([label, f]) => [label, [...f.withheld]]));

describe('observer publication: kept per ended period, resumed where counts changed', () => {
  // Histories whose small counts lie in several periods, so that the solver has work to do.
  const seeds = [3, 11, 27, 42];

  it.each(seeds)('seed %i: resuming after a new quarter ends equals computing everything again', async (seed) => {
    const solver = await linearSolver();
    const h = randomHistory(seed, 2017, 16);
    const before = buildObserverPublication(solver, h.facts, h.missedAt, MID_2017, K);
    const resumed = buildObserverPublication(solver, h.facts, h.missedAt, JAN_2018, K, before);
    const fresh = buildObserverPublication(solver, h.facts, h.missedAt, JAN_2018, K);
    expect(withheldOf(resumed)).toEqual(withheldOf(fresh));
    // Periods published before keep their withheld cells.
    for (const [label, f] of before.scopes) expect([...resumed.scopes.get(label)!.withheld]).toEqual([...f.withheld]);
  });

  it.each(seeds)('seed %i: nothing is solved again when no published count changed', async (seed) => {
    const { solver, programs } = countingSolver(await linearSolver());
    const h = randomHistory(seed, 2017, 16);
    const first = buildObserverPublication(solver, h.facts, h.missedAt, JAN_2018, K);
    const solvedFirst = programs();
    expect(solvedFirst).toBeGreaterThan(0);
    const again = buildObserverPublication(solver, h.facts, h.missedAt, JAN_2018, K, first);
    expect(programs()).toBe(solvedFirst);
    expect(withheldOf(again)).toEqual(withheldOf(first));
  });

  it.each(seeds)('seed %i: a late event in 2016 is solved again from its period on', async (seed) => {
    const solver = await linearSolver();
    const h = randomHistory(seed, 2017, 16);
    const first = buildObserverPublication(solver, h.facts, h.missedAt, JAN_2018, K);
    // A case whose facts change afterwards in an ended period (a rebuild with a corrected event).
    const late = [...h.facts, { ...h.facts[0], disputeId: 'late', filedAt: '2016-08-10T10:00:00.000Z', closedAt: null, outcome: null }];
    const resumed = buildObserverPublication(solver, late, h.missedAt, JAN_2018, K, first);
    const fresh = buildObserverPublication(solver, late, h.missedAt, JAN_2018, K);
    expect(withheldOf(resumed)).toEqual(withheldOf(fresh));
    expect([...resumed.scopes.get('2016-Q3')!.values]).not.toEqual([...first.scopes.get('2016-Q3')!.values]);
  });

  it('a previous publication for another k is not used', async () => {
    const { solver, programs } = countingSolver(await linearSolver());
    const h = randomHistory(3, 2017, 16);
    const withK3 = buildObserverPublication(solver, h.facts, h.missedAt, JAN_2018, 3);
    const before = programs();
    const fresh = buildObserverPublication(solver, h.facts, h.missedAt, JAN_2018, K);
    const solvedFresh = programs() - before;
    expect(solvedFresh).toBeGreaterThan(0);
    const resumed = buildObserverPublication(solver, h.facts, h.missedAt, JAN_2018, K, withK3);
    expect(withheldOf(resumed)).toEqual(withheldOf(fresh));
    expect(programs() - before - solvedFresh).toBe(solvedFresh);
  });

  it('in slices, the same publication; and a computation asked to stop stops', async () => {
    const solver = await linearSolver();
    const h = randomHistory(11, 2017, 16);
    const scopes = publishedScopes(JAN_2018);
    const values = publishedScopeValues(scopes, (periods) => countFigures(h.facts, h.missedAt, periods).counts);
    const sliced = await runInSlices(publishScopes(solver, scopes, values, K), 1);
    expect(withheldOf(sliced)).toEqual(withheldOf(buildObserverPublication(solver, h.facts, h.missedAt, JAN_2018, K)));
    const stop = new AbortController();
    const running = runInSlices(publishScopes(solver, scopes, values, K), 1, stop.signal);
    stop.abort(new Error('shutting down'));
    await expect(running).rejects.toThrow('shutting down');
  });
});
