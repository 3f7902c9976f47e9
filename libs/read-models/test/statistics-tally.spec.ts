import fc from 'fast-check';
import { computeStatistics, periodsOf, statisticsFromTally, StatisticsTally, windowOf, type CaseFacts } from '../src/statistics';

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
});
