import fc from 'fast-check';
import {
  COUNT_CELLS,
  computeStatistics,
  periodsOf,
  renderStatisticsJson,
  statisticsFromTally,
  StatisticsTally,
  windowOf,
  type CaseFacts,
} from '../src/statistics';
import { ScopeFiguresCache } from '../src/statistics/scope-figures-cache';

// The statistics tally follows the cases as they change (take the old facts out, put the new ones
// in) instead of recounting every case on each new checkpoint. Whatever the sequence of changes,
// it must publish exactly what a recount from scratch publishes, for both audiences.

const instant = fc
  .integer({ min: Date.UTC(2023, 6, 1), max: Date.UTC(2026, 5, 30) })
  .map((ms) => new Date(Math.floor(ms / 3_600_000) * 3_600_000).toISOString());
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const factArb = (disputeId: string): fc.Arbitrary<CaseFacts> =>
  fc
    .record({
      filedAt: instant,
      registeredAt: maybe(instant),
      appointedAt: maybe(instant),
      closedAt: maybe(instant),
      outcome: maybe(fc.constantFrom('settled', 'withdrawn', 'decided_granted', 'declined' as const)),
      phase: fc.constantFrom('precontractual', 'contractual'),
      sector: fc.constantFrom('dental', 'pharmacy', 'physiotherapy_paramedical'),
      subjects: fc.subarray(['tariff', 'volume', 'quality']),
      finalRoute: maybe(fc.constantFrom('mediation', 'binding_advice', 'arbitration')),
      smallProvider: fc.boolean(),
      respondentAnswer: maybe(fc.constantFrom('accepted', 'declined' as const)),
      respondentAnsweredAt: maybe(instant),
      mediationResult: maybe(fc.constantFrom('full_agreement', 'partial_agreement', 'no_agreement')),
      mediationConcludedAt: maybe(instant),
      escalatedAt: maybe(instant),
    })
    .map((r) => ({
      disputeId,
      caseNumber: null,
      ...r,
      // Instants after filing, as the projection records them; closedAt from a later instant.
      closedAt: r.closedAt !== null && r.closedAt < r.filedAt ? r.filedAt : r.closedAt,
      registeredAt: r.registeredAt !== null && r.registeredAt < r.filedAt ? r.filedAt : r.registeredAt,
      appointedAt: r.appointedAt !== null && r.appointedAt < r.filedAt ? r.filedAt : r.appointedAt,
      legalFramework: 'zvw',
      initialRoute: 'mediation',
      claimantKind: 'provider',
      urgent: false,
      lastPosition: 1,
    }));

describe('StatisticsTally', () => {
  it('after any sequence of case changes publishes what a recount publishes', () => {
    const from = { year: 2024, month: 1, day: 1 };
    const to = { year: 2025, month: 12, day: 31 };
    const ids = Array.from({ length: 12 }, (_, i) => `d${i}`);
    const changeArb = fc.tuple(fc.constantFrom(...ids), fc.nat()).chain(([id]) => factArb(id));
    fc.assert(
      fc.property(
        fc.constantFrom('quarter' as const, 'year' as const),
        fc.array(changeArb, { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(fc.constantFrom('k1', 'k2', 'k3'), instant), { maxLength: 6 }),
        (groupBy, changes, missedChanges) => {
          const periods = periodsOf(from, to, groupBy);
          const request = { window: windowOf(from, to), periods };
          const tally = new StatisticsTally(periods);
          const current = new Map<string, CaseFacts>();
          for (const next of changes) {
            const before = current.get(next.disputeId);
            if (before) tally.add(before, -1);
            tally.add(next, 1);
            current.set(next.disputeId, next);
          }
          const missed = new Map<string, string>();
          for (const [key, at] of missedChanges) {
            const before = missed.get(key);
            if (before !== undefined) tally.addMissed(before, -1);
            tally.addMissed(at, 1);
            missed.set(key, at);
          }
          for (const audience of ['secretariat', 'observer'] as const) {
            const full = { ...request, audience };
            expect(statisticsFromTally(tally, full)).toEqual(computeStatistics(current.values(), missed.values(), full));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('replace() publishes what a recount publishes, and moves the stamp only of the periods a change touches', () => {
    const from = { year: 2024, month: 1, day: 1 };
    const to = { year: 2025, month: 12, day: 31 };
    const ids = Array.from({ length: 8 }, (_, i) => `d${i}`);
    const changeArb = fc.constantFrom(...ids).chain((id) => factArb(id));
    fc.assert(
      fc.property(
        fc.constantFrom('quarter' as const, 'year' as const),
        fc.array(changeArb, { minLength: 1, maxLength: 30 }),
        (groupBy, changes) => {
          const periods = periodsOf(from, to, groupBy);
          const request = { window: windowOf(from, to), periods, audience: 'secretariat' as const };
          const tally = new StatisticsTally(periods);
          const current = new Map<string, CaseFacts>();
          for (const next of changes) {
            const before = current.get(next.disputeId);
            const figuresBefore = statisticsFromTally(tally, request);
            const stampsBefore = Float64Array.from(tally.scopeStamps);
            const stampBefore = tally.stamp;
            tally.replace(before, next);
            current.set(next.disputeId, next);
            const figuresAfter = statisticsFromTally(tally, request);
            // A scope whose stamp held shows exactly the figures it showed before the change.
            periods.forEach((p, i) => {
              if (tally.scopeStamps[i] === stampsBefore[i]) expect(figuresAfter.periods[i]).toEqual(figuresBefore.periods[i]);
            });
            if (tally.stamp === stampBefore) expect(figuresAfter).toEqual(figuresBefore);
          }
          expect(statisticsFromTally(tally, request)).toEqual(computeStatistics(current.values(), [], request));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps its stamp when a case changes outside its window', () => {
    const periods = periodsOf({ year: 2020, month: 1, day: 1 }, { year: 2020, month: 12, day: 31 }, 'quarter');
    const tally = new StatisticsTally(periods);
    const old = fc.sample(factArb('d1'), { numRuns: 1, seed: 7 })[0];
    // Filed, and closed, after the window: nothing of it is counted in 2020.
    const filed = { ...old, filedAt: '2024-03-01T10:00:00.000Z', closedAt: null, registeredAt: null, appointedAt: null };
    filed.respondentAnsweredAt = filed.mediationConcludedAt = filed.escalatedAt = null;
    tally.replace(undefined, filed);
    const stamp = tally.stamp;
    tally.replace(filed, { ...filed, registeredAt: '2024-04-01T10:00:00.000Z', closedAt: '2024-05-01T10:00:00.000Z', outcome: 'settled' });
    expect(tally.stamp).toBe(stamp);
    tally.replace(filed, { ...filed, filedAt: '2020-05-01T10:00:00.000Z' });
    expect(tally.stamp).not.toBe(stamp);
  });

  it('per-scope cached figures and their JSON equal a fresh computation after any sequence of changes', () => {
    const from = { year: 2024, month: 1, day: 1 };
    const to = { year: 2025, month: 12, day: 31 };
    const ids = Array.from({ length: 8 }, (_, i) => `d${i}`);
    const changeArb = fc.constantFrom(...ids).chain((id) => factArb(id));
    const flagsArb = fc.uint8Array({ min: 0, max: 1, minLength: COUNT_CELLS.length, maxLength: COUNT_CELLS.length });
    fc.assert(
      fc.property(
        fc.constantFrom('quarter' as const, 'year' as const),
        fc.constantFrom('secretariat' as const, 'observer' as const),
        fc.array(fc.tuple(changeArb, fc.boolean()), { minLength: 1, maxLength: 30 }),
        fc.array(flagsArb, { minLength: 10, maxLength: 10 }),
        (groupBy, audience, changes, flags) => {
          const periods = periodsOf(from, to, groupBy);
          const labels = [...periods.map((p) => p.label), '2024', '2025'];
          // Two publications (as when a quarter ends): the cache must not mix their withheld cells.
          const publications = [0, 5].map((offset) => ({
            scopes: new Map(labels.map((label, i) => [label, { withheld: flags[(i + offset) % flags.length] }])),
          }));
          const tally = new StatisticsTally(periods);
          const cache = new ScopeFiguresCache();
          const current = new Map<string, CaseFacts>();
          const header = { from: '2024-01-01', to: '2025-12-31', groupBy, audience };
          for (const [next, switchPublication] of changes) {
            tally.replace(current.get(next.disputeId), next);
            current.set(next.disputeId, next);
            const publication = audience === 'observer' ? publications[switchPublication ? 1 : 0] : undefined;
            const request = { window: windowOf(from, to), periods, audience, publication };
            const fresh = statisticsFromTally(tally, request);
            const cached = cache.figures(tally, request);
            expect(cached.result).toEqual(fresh);
            expect(renderStatisticsJson(header, cached)).toBe(JSON.stringify({ ...header, ...fresh }));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
