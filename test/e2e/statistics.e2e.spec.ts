/* eslint-disable @typescript-eslint/no-explicit-any -- the statistics answers are walked generically, field by field */
import type { StoredEvent } from '../../libs/event-store/src/port';
import { ManualClock } from '../../libs/runtime/src/clock';
import { seedHistory } from './support/history';
import {
  expectedFigures,
  foldRawCases,
  OUTCOME_KEYS,
  SECTORS,
  SUBJECTS,
  testPeriods,
  type RawCase,
} from './support/independent-statistics';
import { newDataDir, removeDataDir, startTestApp, type TestApp } from './support/test-app';

// Statistics over a generated history of 600 cases, checked figure by figure against a
// computation the test makes itself from the stored events.

const NOW = '2026-06-30T12:00:00Z';
const WINDOWS = [
  { from: '2016-06-02', to: '2026-06-30', groupBy: 'year' },
  { from: '2024-01-01', to: '2024-12-31', groupBy: 'quarter' },
  { from: '2019-03-15', to: '2021-08-20', groupBy: 'quarter' },
  { from: '2020-01-01', to: '2025-06-30', groupBy: 'year' },
] as const;

let dataDir: string;
let app: TestApp;
let events: StoredEvent[];
let raw: Map<string, RawCase>;

beforeAll(async () => {
  dataDir = newDataDir();
  ({ events } = await seedHistory(dataDir, { cases: 600, seed: 42, until: NOW }));
  raw = foldRawCases(events);
  app = await startTestApp({ dataDir, clock: new ManualClock(new Date(NOW)) });
}, 120_000);

afterAll(async () => {
  await app?.close();
  removeDataDir(dataDir);
});

const META = ['from', 'to', 'groupBy', 'minCellCount', 'audience', 'periods', 'suppressed', 'period'];
const figuresOnly = (body: Record<string, unknown>) => Object.fromEntries(Object.entries(body).filter(([k]) => !META.includes(k)));
const query = (w: { from: string; to: string; groupBy: string }, extra = '') =>
  `/api/statistics?from=${w.from}&to=${w.to}&groupBy=${w.groupBy}${extra}`;

describe('GET /api/statistics for the secretariat', () => {
  it('the history is big and varied enough to test with', () => {
    expect(raw.size).toBe(600);
    const outcomes = new Set([...raw.values()].map((c) => c.outcome));
    for (const o of OUTCOME_KEYS) expect(outcomes).toContain(o);
    expect([...raw.values()].filter((c) => c.missedAt.length > 0).length).toBeGreaterThan(10);
    expect(events.some((e) => e.streamId.startsWith('case-numbers-'))).toBe(true);
  });

  it.each(WINDOWS)('every figure of $from..$to by $groupBy equals the count made from the events', async (w) => {
    const res = await app.as('sec-jan').get(query(w));
    expect(res.status).toBe(200);
    const periods = testPeriods(w.from, w.to, w.groupBy);
    expect(res.body.periods.map((p: { period: string }) => p.period)).toEqual(periods.map((p) => p.label));
    expect(figuresOnly(res.body)).toEqual(expectedFigures(raw.values(), periods[0].start, periods[periods.length - 1].end));
    periods.forEach((p, i) => {
      expect({ period: p.label, ...figuresOnly(res.body.periods[i]) }).toEqual({
        period: p.label,
        ...expectedFigures(raw.values(), p.start, p.end),
      });
    });
    expect(res.body.suppressed).toEqual([]);
    expect(res.body.filed).toBeGreaterThan(0);
  });

  it('format=csv carries the same figures, one row per figure and period', async () => {
    const w = WINDOWS[1];
    const [json, csv] = await Promise.all([app.as('sec-jan').get(query(w)), app.as('sec-jan').get(query(w, '&format=csv'))]);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('period,from,to,figure,value,suppressed');
    const rows = new Map(
      lines.slice(1).map((l) => {
        const [period, , , figure, value] = l.split(',');
        return [`${period}|${figure}`, value];
      }),
    );
    const get = (obj: Record<string, unknown>, path: string) =>
      path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], obj);
    for (const path of [
      'filed',
      'openAtEnd',
      'bySector.dental',
      'outcomes.settled',
      'mediation.successRate',
      'durationsDays.filingToClosure.p90',
    ]) {
      expect(rows.get(`overall|${path}`)).toBe(String(get(json.body, path) ?? ''));
      expect(rows.get(`2024-Q3|${path}`)).toBe(String(get(json.body.periods[2], path) ?? ''));
    }
  });
});

/** The identities between published counts, written out here independently of the server's list. */
function identities(body: Record<string, any>): { name: string; cells: [string, number | null][] }[] {
  const scopes: [string, Record<string, any>][] = [['overall', body], ...body.periods.map((p: any) => [p.period, p])];
  const out: { name: string; cells: [string, number | null][] }[] = [];
  const parts = (scope: string, s: Record<string, any>, total: string, group: string) => ({
    name: `${scope}: ${total} = sum of ${group}`,
    cells: [[`${scope}.${total}`, s[total]], ...Object.entries(s[group]).map(([k, v]) => [`${scope}.${group}.${k}`, v])] as [
      string,
      number | null,
    ][],
  });
  for (const [label, s] of scopes) {
    for (const g of ['byPhase', 'byLegalFramework', 'bySector', 'byInitialRoute', 'byClaimantKind']) out.push(parts(label, s, 'filed', g));
    for (const g of ['outcomes', 'byFinalRoute']) out.push(parts(label, s, 'closed', g));
    out.push({
      name: `${label}: mediation`,
      cells: [
        ['c', s.mediation.concluded],
        ['f', s.mediation.fullAgreement],
        ['p', s.mediation.partialAgreement],
        ['n', s.mediation.noAgreement],
      ],
    });
    out.push({
      name: `${label}: consent`,
      cells: [
        ['a', s.respondentConsentRate.answered],
        ['c', s.respondentConsentRate.consented],
        ['d', s.outcomes.declined],
      ],
    });
  }
  const flat = (s: Record<string, any>): [string, number | null][] => [
    ['filed', s.filed],
    ['registered', s.registered],
    ['closed', s.closed],
    ['escalations', s.escalations],
    ['deadlinesMissed', s.deadlinesMissed],
    ['smallProviderShare.count', s.smallProviderShare.count],
    ['answered', s.respondentConsentRate.answered],
    ['consented', s.respondentConsentRate.consented],
    ['mediation.concluded', s.mediation.concluded],
    ['mediation.full', s.mediation.fullAgreement],
    ['mediation.partial', s.mediation.partialAgreement],
    ['mediation.no', s.mediation.noAgreement],
    ['appointed', s.durationsDays.filingToAppointment.n],
    ...['byPhase', 'byLegalFramework', 'bySector', 'bySubject', 'byInitialRoute', 'byFinalRoute', 'byClaimantKind', 'outcomes'].flatMap(
      (g) => Object.entries(s[g]).map(([k, v]) => [`${g}.${k}`, v] as [string, number | null]),
    ),
  ];
  const overall = new Map(flat(body));
  const periodFlats = body.periods.map((p: Record<string, unknown>) => new Map(flat(p)));
  for (const [key, value] of overall) {
    out.push({
      name: `overall ${key} = sum over periods`,
      cells: [
        [`overall.${key}`, value],
        ...periodFlats.map(
          (m: Map<string, number | null>, i: number) => [`${body.periods[i].period}.${key}`, m.get(key)!] as [string, number | null],
        ),
      ],
    });
  }
  const last = body.periods[body.periods.length - 1];
  out.push({
    name: 'overall openAtEnd = last period',
    cells: [
      ['overall', body.openAtEnd],
      ['last', last.openAtEnd],
    ],
  });
  for (let i = 1; i < body.periods.length; i++) {
    const [p, q] = [body.periods[i - 1], body.periods[i]];
    out.push({
      name: `stock-flow ${q.period}`,
      cells: [
        ['open', q.openAtEnd],
        ['closed', q.closed],
        ['openBefore', p.openAtEnd],
        ['filed', q.filed],
      ],
    });
  }
  return out;
}

describe('GET /api/statistics for observers', () => {
  const checkSuppression = (observer: Record<string, any>, secretariat: Record<string, any>, k: number) => {
    const obsRelations = identities(observer);
    const secRelations = identities(secretariat);
    let withheld = 0;
    obsRelations.forEach((relation, i) => {
      const hidden = relation.cells.filter(([, v]) => v === null).length;
      // Never exactly one unknown in an identity: it could be recovered by subtraction.
      if (hidden === 1) throw new Error(`${relation.name}: exactly one withheld cell, recoverable: ${JSON.stringify(relation.cells)}`);
      relation.cells.forEach(([name, v], j) => {
        const truth = secRelations[i].cells[j][1] as number;
        if (v === null) withheld++;
        else expect([name, v]).toEqual([name, truth]);
        // Every small count is withheld.
        if (truth > 0 && truth < k) expect([name, v]).toEqual([name, null]);
      });
    });
    expect(withheld).toBeGreaterThan(0);
    // Rates and durations never reveal a withheld count.
    for (const s of [observer, ...observer.periods]) {
      if (s.mediation.fullAgreement === null || s.mediation.concluded === null) expect(s.mediation.successRate).toBeNull();
      if (s.smallProviderShare.count === null || s.filed === null) expect(s.smallProviderShare.share).toBeNull();
      if (s.respondentConsentRate.consented === null || s.respondentConsentRate.answered === null)
        expect(s.respondentConsentRate.rate).toBeNull();
      if (s.registered === null) expect(s.durationsDays.filingToRegistration).toEqual({ n: null, median: null, p90: null });
      if (s.closed === null) expect(s.durationsDays.filingToClosure).toEqual({ n: null, median: null, p90: null });
      if (s.durationsDays.filingToAppointment.n === null)
        expect(s.durationsDays.filingToAppointment).toEqual({ n: null, median: null, p90: null });
    }
    // Every withheld cell is listed; nothing listed is shown.
    const listed = new Set(observer.suppressed.map((c: { period: string; cell: string }) => `${c.period}|${c.cell}`));
    for (const s of [observer, ...observer.periods]) {
      const label = s.period ?? 'overall';
      if (s.filed === null) expect(listed).toContain(`${label}|filed`);
      for (const sector of SECTORS) expect(listed.has(`${label}|bySector.${sector}`)).toBe(s.bySector[sector] === null);
      for (const subject of SUBJECTS) expect(listed.has(`${label}|bySubject.${subject}`)).toBe(s.bySubject[subject] === null);
    }
  };

  // Observers get whole periods that have ended (rule 22); NOW is 2026-06-30.
  const OBSERVER_WINDOWS = [
    WINDOWS[1],
    { from: '2019-01-01', to: '2021-12-31', groupBy: 'quarter' },
    { from: '2016-01-01', to: '2025-12-31', groupBy: 'year' },
  ] as const;

  it.each(OBSERVER_WINDOWS)(
    'withhold small cells of $from..$to by $groupBy so that none can be recovered',
    async (w) => {
      const [sec, obs] = await Promise.all([app.as('sec-jan').get(query(w)), app.as('obs-karin').get(query(w))]);
      expect(obs.status).toBe(200);
      expect(obs.body.minCellCount).toBe(5);
      checkSuppression(obs.body, sec.body, 5);
    },
    120_000,
  ); // the first observer answer builds the publication (every ended period, audited)

  // A small history of its own (two years): with k = 25 nearly every cell is small, and auditing
  // ten years of them took minutes; two years test the same rule in seconds.
  it('honours STATISTICS_MIN_CELL_COUNT', async () => {
    const smallDir = newDataDir();
    let strict: TestApp | undefined;
    try {
      await seedHistory(smallDir, { cases: 60, seed: 7, fromYear: 2024, toYear: 2025, until: NOW });
      strict = await startTestApp({ dataDir: smallDir, clock: new ManualClock(new Date(NOW)), env: { STATISTICS_MIN_CELL_COUNT: '25' } });
      const w = { from: '2024-01-01', to: '2025-12-31', groupBy: 'year' } as const;
      const [sec, obs] = await Promise.all([strict.as('sec-jan').get(query(w)), strict.as('obs-karin').get(query(w))]);
      expect(obs.status).toBe(200);
      expect(sec.body.filed).toBeGreaterThanOrEqual(25); // some cells reach k, so not everything is withheld
      expect(obs.body.minCellCount).toBe(25);
      checkSuppression(obs.body, sec.body, 25);
      expect(obs.body.suppressed.length).toBeGreaterThan(50);
    } finally {
      await strict?.close();
      await removeDataDir(smallDir);
    }
  }, 120_000);
});

describe('observers get whole published periods only (rule 22)', () => {
  it.each([
    ['from=2019-03-15&to=2021-08-20', 'from'],
    ['from=2024-01-01&to=2024-06-30', 'from'],
    ['year=2026', 'year'],
    ['quarter=2026-Q2', 'quarter'],
    ['from=2025-01-01&to=2026-12-31', 'to'],
    ['year=2024&from=2024-01-01', 'year'],
    ['quarter=2024-Q5', 'quarter'],
  ])('?%s is refused for an observer with 400 naming %s', async (q, field) => {
    const res = await app.as('obs-karin').get(`/api/statistics?${q}`);
    expect([res.status, res.body.errors?.[0]?.field]).toEqual([400, field]);
  });

  it('year=, quarter= and the default give the same figures for the same period in every table', async () => {
    const [byYear, byQuarter, q2, all] = await Promise.all([
      app.as('obs-karin').get('/api/statistics?year=2024'),
      app.as('obs-karin').get('/api/statistics?year=2024&groupBy=quarter'),
      app.as('obs-karin').get('/api/statistics?quarter=2024-Q2'),
      app.as('obs-karin').get('/api/statistics'),
    ]);
    for (const r of [byYear, byQuarter, q2, all]) expect(r.status).toBe(200);
    expect(all.body.from).toBe('2016-01-01');
    expect(all.body.to).toBe('2025-12-31');
    expect(figuresOnly(byYear.body.periods[0])).toEqual(figuresOnly(byQuarter.body));
    expect(figuresOnly(q2.body.periods[0])).toEqual(figuresOnly(byQuarter.body.periods[1]));
    expect(figuresOnly(all.body.periods.find((p: { period: string }) => p.period === '2024'))).toEqual(figuresOnly(byYear.body));
    // One whole quarter by from/to (as the portal asks) is the same published period; a part of one is not.
    const q2ByDates = await app.as('obs-karin').get('/api/statistics?from=2024-04-01&to=2024-06-30&groupBy=quarter');
    expect(q2ByDates.status).toBe(200);
    expect(figuresOnly(q2ByDates.body)).toEqual(figuresOnly(q2.body));
    expect((await app.as('obs-karin').get('/api/statistics?from=2024-04-01&to=2024-06-29&groupBy=quarter')).status).toBe(400);
    // The secretariat still asks for any window.
    expect((await app.as('sec-jan').get('/api/statistics?from=2019-03-15&to=2021-08-20')).status).toBe(200);
  });
});

describe('who may read what, and bad queries', () => {
  it('parties and neutrals get 403 on statistics; observers and parties on mediation outcomes; parties and observers on the caseload', async () => {
    for (const user of ['prov-anna', 'ins-carla', 'assoc-eva', 'med-femke', 'adv-hanna', 'arb-ivo']) {
      const res = await app.as(user).get('/api/statistics');
      expect([user, res.status, res.headers['content-type']]).toEqual([user, 403, expect.stringMatching(/^application\/problem\+json/)]);
    }
    for (const user of ['prov-anna', 'ins-carla', 'obs-karin', 'adv-hanna'])
      expect([user, (await app.as(user).get('/api/mediation-outcomes')).status]).toEqual([user, 403]);
    for (const user of ['prov-anna', 'ins-carla', 'obs-karin'])
      expect([user, (await app.as(user).get('/api/caseload')).status]).toEqual([user, 403]);
    expect((await app.http().get('/api/statistics')).status).toBe(401);
  });

  it.each([
    ['from=2024-02-30', ['from']],
    ['to=yesterday', ['to']],
    ['from=2025-01-01&to=2024-12-31', ['from']],
    ['groupBy=month', ['groupBy']],
    ['format=xml', ['format']],
    ['from=1999-12-31', ['from']],
    ['colour=blue', ['colour']],
  ])('?%s is refused with 400 naming %j', async (q, fields) => {
    const res = await app.as('sec-jan').get(`/api/statistics?${q}`);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(fields);
  });

  it('mediation outcomes validate their query too', async () => {
    const res = await app.as('sec-jan').get('/api/mediation-outcomes?from=2024-01-01&to=2023-01-01');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('from');
  });
});

describe('GET /api/mediation-outcomes', () => {
  const w = { from: '2018-01-01', to: '2026-06-30', groupBy: 'year' };
  const concludedIn = (start: number, end: number, mediator?: string) =>
    [...raw.values()]
      .filter((c) => c.mediationConcludedAt !== undefined && c.mediationConcludedAt >= start && c.mediationConcludedAt < end)
      .filter((c) => mediator === undefined || c.mediator === mediator)
      .sort((a, b) => a.mediationConcludedAt! - b.mediationConcludedAt! || a.id.localeCompare(b.id));

  it('lists every concluded mediation with result, sector, route and days, and the settlement rate per period', async () => {
    const res = await app.as('sec-jan').get(`/api/mediation-outcomes?from=${w.from}&to=${w.to}&groupBy=year`);
    expect(res.status).toBe(200);
    const periods = testPeriods(w.from, w.to, 'year');
    const expected = concludedIn(periods[0].start, periods[periods.length - 1].end);
    expect(expected.length).toBeGreaterThan(50);
    expect(res.body.items).toEqual(
      expected.map((c) => ({
        disputeId: c.id,
        caseNumber: c.caseNumber ?? null,
        sector: c.sector,
        phase: c.phase,
        legalFramework: c.legalFramework,
        result: c.mediationResult,
        route: c.afterMediationRoute,
        mediatorUserId: c.mediator,
        startedAt: new Date(c.mediationStartedAt!).toISOString(),
        concludedAt: new Date(c.mediationConcludedAt!).toISOString(),
        daysTaken: Math.round(((c.mediationConcludedAt! - c.mediationStartedAt!) / 86_400_000) * 100) / 100,
        daysSinceFiling: Math.round(((c.mediationConcludedAt! - c.filedAt!) / 86_400_000) * 100) / 100,
      })),
    );
    periods.forEach((p, i) => {
      const inPeriod = concludedIn(p.start, p.end);
      const full = inPeriod.filter((c) => c.mediationResult === 'full_agreement').length;
      expect(res.body.periods[i]).toMatchObject({
        period: p.label,
        concluded: inPeriod.length,
        fullAgreement: full,
        settlementRate: inPeriod.length === 0 ? null : Math.round((full / inPeriod.length) * 10_000) / 10_000,
      });
    });
  });

  it('pages with limit and nextCursor; the figures always count the whole window', async () => {
    const all = (await app.as('sec-jan').get(`/api/mediation-outcomes?from=${w.from}&to=${w.to}&limit=5000`)).body;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await app
        .as('sec-jan')
        .get(`/api/mediation-outcomes?from=${w.from}&to=${w.to}&limit=37${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(37);
      expect([res.body.concluded, res.body.settlementRate]).toEqual([all.concluded, all.settlementRate]);
      seen.push(...res.body.items.map((i: { disputeId: string }) => i.disputeId));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i: { disputeId: string }) => i.disputeId));
    for (const bad of ['limit=0', 'limit=5001', 'limit=ten', 'cursor=not-ours']) {
      const res = await app.as('sec-jan').get(`/api/mediation-outcomes?${bad}`);
      expect([bad, res.status, res.body.errors[0].field]).toEqual([bad, 400, bad.split('=')[0]]);
    }
  });

  it('a mediator sees only the mediations they conducted', async () => {
    const periods = testPeriods(w.from, w.to, 'year');
    for (const mediator of ['med-femke', 'med-gerrit']) {
      const res = await app.as(mediator).get(`/api/mediation-outcomes?from=${w.from}&to=${w.to}`);
      expect(res.status).toBe(200);
      const expected = concludedIn(periods[0].start, periods[periods.length - 1].end, mediator).map((c) => c.id);
      expect(expected.length).toBeGreaterThan(5);
      expect(res.body.items.map((i: { disputeId: string }) => i.disputeId)).toEqual(expected);
    }
  });
});

describe('GET /api/caseload', () => {
  it('a neutral sees their own open cases, each with a next deadline or what is overdue', async () => {
    const sec = await app.as('sec-jan').get('/api/caseload');
    expect(sec.status).toBe(200);
    for (const neutral of ['med-femke', 'med-gerrit', 'adv-hanna', 'arb-ivo']) {
      const own = await app.as(neutral).get('/api/caseload');
      expect(own.status).toBe(200);
      expect(own.body.neutrals.map((n: { userId: string }) => n.userId)).toEqual([neutral]);
      const fromSecretariat = sec.body.neutrals.find((n: { userId: string }) => n.userId === neutral);
      expect(own.body.neutrals[0].cases).toEqual(fromSecretariat.cases);
      for (const c of own.body.neutrals[0].cases) {
        // The case as the cases projection shows it to this neutral: open, and they are on it.
        const view = await app.as(neutral).get(`/api/disputes/${c.disputeId}`);
        expect(view.status).toBe(200);
        expect(raw.get(c.disputeId)!.closedAt).toBeUndefined();
        if (c.neutralStatus === 'nominated') {
          // Rule 2: a nominee sees what a conflict check needs, no deadlines, on the case and on the desk.
          expect(view.body.access).toBe('conflict_check');
          expect(view.body.deadlines).toBeUndefined();
          expect({ next: c.nextDeadline, overdue: c.overdue }).toEqual({ next: null, overdue: [] });
          continue;
        }
        expect(view.body.neutrals).toEqual(expect.arrayContaining([expect.objectContaining({ userId: neutral, status: c.neutralStatus })]));
        const open = view.body.deadlines.filter((d: { status: string }) => d.status === 'open');
        const upcoming = open
          .filter((d: { dueAt: string }) => d.dueAt > own.body.asOf)
          .sort((a: { dueAt: string }, b: { dueAt: string }) => a.dueAt.localeCompare(b.dueAt));
        expect(c.nextDeadline?.deadlineId ?? null).toBe(upcoming[0]?.deadlineId ?? null);
        const overdue = view.body.deadlines.filter(
          (d: { status: string; dueAt: string }) => d.status === 'missed' || (d.status === 'open' && d.dueAt <= own.body.asOf),
        );
        expect(c.overdue.map((d: { deadlineId: string }) => d.deadlineId).sort()).toEqual(
          overdue.map((d: { deadlineId: string }) => d.deadlineId).sort(),
        );
      }
      // Every deadline listed belongs to one of the neutral's cases.
      const caseIds = new Set(own.body.neutrals[0].cases.map((c: { disputeId: string }) => c.disputeId));
      for (const d of own.body.deadlines) expect(caseIds.has(d.disputeId)).toBe(true);
    }
  });

  it('the secretariat sees every neutral of the roster and every open deadline of every open case', async () => {
    const sec = await app.as('sec-jan').get('/api/caseload');
    expect(sec.body.neutrals.map((n: { userId: string }) => n.userId)).toEqual([
      'adv-hanna',
      'adv-isaac',
      'adv-julia',
      'arb-ivo',
      'med-femke',
      'med-gerrit',
    ]);
    expect(sec.body.neutrals.reduce((n: number, x: { openCases: number }) => n + x.openCases, 0)).toBeGreaterThan(0);
    const openCases = [...raw.values()].filter((c) => c.closedAt === undefined);
    expect(openCases.length).toBeGreaterThan(5);
    const expected: string[] = [];
    for (const c of openCases) {
      const view = await app.as('sec-jan').get(`/api/disputes/${c.id}`);
      for (const d of view.body.deadlines) if (d.status === 'open') expected.push(`${c.id}/${d.deadlineId}`);
    }
    expect(sec.body.deadlines.map((d: { disputeId: string; deadlineId: string }) => `${d.disputeId}/${d.deadlineId}`).sort()).toEqual(
      expected.sort(),
    );
    const dues = sec.body.deadlines.map((d: { dueAt: string }) => d.dueAt);
    expect(dues).toEqual([...dues].sort());
  });
});

describe('after new events', () => {
  it('the next answer counts them (the cache follows the projection checkpoint)', async () => {
    const q = '/api/statistics?from=2026-01-01&to=2026-06-30';
    const before = (await app.as('sec-jan').get(q)).body;
    const filed = await app.as('prov-anna').post('/api/disputes', {
      phase: 'contractual',
      legalFramework: 'zvw',
      sector: 'dental',
      subjects: ['payment'],
      contractYear: 2026,
      claimantOrganisationIds: ['org-fysio-delinde'],
      respondentOrganisationIds: ['org-zv-noord'],
      summary: 'Declaraties worden niet betaald.',
      claims: [{ description: 'Betaling', amountCents: 100_000 }],
      amountInDisputeCents: 100_000,
      proposedRoute: 'mediation',
      urgent: false,
    });
    expect(filed.status).toBe(201);
    expect((await app.as('sec-jan').post(`/api/disputes/${filed.body.id}/register`, {})).status).toBe(200);
    const after = (await app.as('sec-jan').get(q)).body;
    expect([after.filed, after.registered, after.openAtEnd, after.bySector.dental]).toEqual([
      before.filed + 1,
      before.registered + 1,
      before.openAtEnd + 1,
      before.bySector.dental + 1,
    ]);
    expect(after.durationsDays.filingToRegistration.n).toBe(before.durationsDays.filingToRegistration.n + 1);
  });
});

describe('ETag of the statistics', () => {
  it('names the figures, not the process: after a restart the same question is 304 with the ETag seen before', async () => {
    const w = WINDOWS[1];
    const before = await app.as('sec-jan').get(query(w));
    expect(before.status).toBe(200);
    const other = await app.as('sec-jan').get(query(WINDOWS[2]));
    expect(other.headers.etag).not.toBe(before.headers.etag);

    await app.close();
    app = await startTestApp({ dataDir, clock: new ManualClock(new Date(NOW)) });
    // Other questions first, so the answer is not computed in the same order as before the restart.
    await app.as('sec-jan').get(query(WINDOWS[3]));
    await app.as('sec-jan').get(query(WINDOWS[2]));
    const again = await app.as('sec-jan').get(query(w), { 'If-None-Match': String(before.headers.etag) });
    expect(again.status).toBe(304);
  }, 60_000);
});
