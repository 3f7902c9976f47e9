import { computeStatistics, periodsOf, suppress, windowOf, type CaseFacts } from '../src/statistics';

// Small-cell suppression on tiny inputs: every count of 1..k-1 is withheld, and no identity is
// left with a single withheld cell (which subtraction would recover).

describe('suppress', () => {
  it('withholds small cells and a complement in each identity they sit in', () => {
    // total = a + b + c; a is small. Without a complement, a = total - b - c.
    const values = [20, 3, 9, 8];
    const withheld = suppress(values, [[0, 1, 2, 3]], 5);
    expect([...withheld]).toEqual([0, 1, 0, 1]); // the smallest other non-zero cell, c = 8
  });

  it('keeps going across identities until none has exactly one withheld cell', () => {
    // A 2x2 table with margins: rows r1 = a + b, r2 = c + d; columns k1 = a + c, k2 = b + d.
    // ids: a0 b1 c2 d3 r1=4 r2=5 k1=6 k2=7
    const values = [2, 10, 12, 30, 12, 42, 14, 40];
    const relations = [
      [4, 0, 1],
      [5, 2, 3],
      [6, 0, 2],
      [7, 1, 3],
    ];
    const withheld = suppress(values, relations, 5);
    for (const r of relations) expect(r.filter((c) => withheld[c] === 1).length).not.toBe(1);
    expect(withheld[0]).toBe(1);
  });

  it('shows zeros: nobody can be singled out in an empty cell', () => {
    expect([...suppress([0, 0, 0], [[0, 1, 2]], 5)]).toEqual([0, 0, 0]);
  });
});

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

  it('the secretariat sees every cell; an observer none below k, and no identity with one unknown', () => {
    const request = { window: windowOf(from, to), periods: periodsOf(from, to, 'quarter') };
    const secretariat = computeStatistics(facts, [], { ...request, audience: 'secretariat', minCellCount: 5 });
    expect(secretariat.filed).toBe(9);
    expect(secretariat.suppressed).toEqual([]);
    const observer = computeStatistics(facts, [], { ...request, audience: 'observer', minCellCount: 5 });
    expect(observer.filed).toBe(9);
    expect(observer.periods.map((p) => p.filed)).toEqual([null, null, 0, 0]);
    expect(observer.bySector).toEqual(expect.objectContaining({ dental: null, pharmacy: null }));
    expect(observer.durationsDays.filingToClosure.n).toBe(5); // five closed cases: shown
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
    expect(listed).toContain('2024-Q1|filed');
    expect(listed).toContain('overall|bySector.dental');
    expect(listed).toContain(`${hiddenClosures[0].period}|durationsDays.filingToClosure`);
  });
});
