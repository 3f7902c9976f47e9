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
});
