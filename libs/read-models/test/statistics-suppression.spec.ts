import { buildObserverPublication, computeStatistics, linearSolver, periodsOf, windowOf, type CaseFacts } from '../src/statistics';

// Small-cell suppression on tiny inputs: every count of 1..k-1 is withheld, no identity is left
// with a single withheld cell (which subtraction would recover), and withheld cells on one side
// of an identity add up to at least k-1 (the example: 13 filed, 11 by providers, and two
// withheld cells that could only be 1 each).

describe('computeStatistics for observers on a handful of cases', () => {
  const fact = (n: number, overrides: Partial<CaseFacts> = {}): CaseFacts => ({
    disputeId: `d${n}`,
    caseNumber: null,
    filedAt: `2024-0${1 + (n % 6)}-10T10:00:00.000Z`,
    registeredAt: `2024-0${1 + (n % 6)}-15T10:00:00.000Z`,
    appointedAt: null,
    closedAt: n % 2 === 0 ? `2024-0${2 + (n % 6)}-20T10:00:00.000Z` : null,
    outcome: n % 2 === 0 ? 'withdrawn' : null,
    phase: n % 3 === 0 ? 'contractual' : 'precontractual',
    legalFramework: 'zvw',
    sector: n % 4 === 0 ? 'dental' : 'pharmacy',
    subjects: ['tariff'],
    initialRoute: 'mediation',
    finalRoute: null,
    claimantKind: 'provider',
    smallProvider: n % 5 === 0,
    urgent: false,
    respondentAnswer: null,
    respondentAnsweredAt: null,
    mediationResult: null,
    mediationConcludedAt: null,
    escalatedAt: null,
    lastPosition: n + 1,
    ...overrides,
  });
  const from = { year: 2024, month: 1, day: 1 };
  const to = { year: 2024, month: 12, day: 31 };
  const facts = Array.from({ length: 9 }, (_, i) => fact(i));

  const NOW = new Date('2025-01-15T12:00:00Z');

  it('13 filed, 11 by providers, 1 by an insurer, 1 by an association: a third cell is withheld', async () => {
    const cases = Array.from({ length: 13 }, (_, i) =>
      fact(i, {
        filedAt: '2024-05-10T10:00:00.000Z',
        registeredAt: null,
        closedAt: null,
        outcome: null,
        claimantKind: i === 0 ? 'insurer' : i === 1 ? 'association' : 'provider',
      }),
    );
    const publication = buildObserverPublication(await linearSolver(), cases, [], NOW, 5);
    const year = { from: { year: 2024, month: 1, day: 1 }, to: { year: 2024, month: 12, day: 31 } };
    const observer = computeStatistics(cases, [], {
      window: windowOf(year.from, year.to),
      periods: periodsOf(year.from, year.to, 'quarter'),
      audience: 'observer',
      publication,
    });
    const q2 = observer.periods[1];
    expect([q2.byClaimantKind.insurer, q2.byClaimantKind.association]).toEqual([null, null]);
    // With 13 and 11 both shown the two withheld cells would add up to 2: one of them is withheld too.
    expect(q2.filed === null || q2.byClaimantKind.provider === null).toBe(true);
    expect(observer.filed === null || observer.byClaimantKind.provider === null).toBe(true);
  });

  it('the secretariat sees every cell; an observer none below k, and no identity with one unknown', async () => {
    const request = { window: windowOf(from, to), periods: periodsOf(from, to, 'quarter') };
    const secretariat = computeStatistics(facts, [], { ...request, audience: 'secretariat' });
    expect(secretariat.filed).toBe(9);
    expect(secretariat.suppressed).toEqual([]);
    const publication = buildObserverPublication(await linearSolver(), facts, [], NOW, 5);
    const observer = computeStatistics(facts, [], { ...request, audience: 'observer', publication });
    // 6 filed in Q1 are shown, 3 in Q2 withheld, and so the year's 9; the empty quarters show 0.
    expect(observer.periods.map((p) => p.filed)).toEqual([6, null, 0, 0]);
    expect(observer.filed).toBeNull();
    expect(observer.bySector).toEqual(expect.objectContaining({ dental: null, pharmacy: null }));
    // Shown figures are the true ones.
    expect(observer.durationsDays.filingToClosure.n === null || observer.durationsDays.filingToClosure.n === 5).toBe(true);
    const hiddenClosures = observer.periods.filter((p) => p.closed === null);
    expect(hiddenClosures.length).toBeGreaterThan(0);
    for (const p of hiddenClosures) expect(p.durationsDays.filingToClosure).toEqual({ n: null, median: null, p90: null });
    expect(observer.smallProviderShare).toEqual({ count: null, share: null });
    // Identities written out here: filed = sum by phase, and the year = sum of its quarters.
    for (const scope of [observer, ...observer.periods]) {
      const cells = [scope.filed, scope.byPhase.precontractual, scope.byPhase.contractual];
      expect(cells.filter((v) => v === null).length).not.toBe(1);
    }
    const quarters = [observer.filed, ...observer.periods.map((p) => p.filed)];
    expect(quarters.filter((v) => v === null).length).not.toBe(1);
    const listed = new Set(observer.suppressed.map((x) => `${x.period}|${x.cell}`));
    expect(listed).toContain('2024-Q2|filed');
    expect(listed).toContain('overall|bySector.dental');
    expect(listed).toContain(`${hiddenClosures[0].period}|durationsDays.filingToClosure`);
  });
});
