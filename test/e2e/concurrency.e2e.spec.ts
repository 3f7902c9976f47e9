import { ManualClock } from '../../libs/runtime/src/clock';
import {
  CLAIMANT,
  MEDIATOR,
  RESPONDENT,
  SECRETARIAT,
  actionPath,
  countOf,
  fileDispute,
  filingBody,
  getCase,
  getTimeline,
  inDays,
  must,
  toInMediation,
} from './support/dispute-fixtures';
import { eventually, newDataDir, removeDataDir, startTestApp, type TestApp } from './support/test-app';

const statuses = (responses: { status: number }[]) => responses.map((r) => r.status).sort((a, b) => a - b);

describe('concurrent commands', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
    if (t) await removeDataDir(t.dataDir);
  });

  it('ten commands with the same If-Match: exactly one wins, nine get 409', async () => {
    const id = await toInMediation(t);
    const { version } = await getCase(t, MEDIATOR, id);
    const sessionsBefore = countOf(await getTimeline(t, MEDIATOR, id), 'SessionScheduled');
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.as(MEDIATOR).post(actionPath(id, 'schedule-session'), { startsAt: inDays(t, 5 + i) }, { 'If-Match': String(version) }),
      ),
    );
    expect(statuses(responses)).toEqual([200, ...Array(9).fill(409)]);
    for (const r of responses.filter((x) => x.status === 409)) {
      expect(String(r.headers['content-type'])).toMatch(/^application\/problem\+json/);
    }
    const view = await getCase(t, MEDIATOR, id);
    expect(view.version).toBe(version + 1);
    expect(countOf(await getTimeline(t, MEDIATOR, id), 'SessionScheduled')).toBe(sessionsBefore + 1);
  });

  it('ten conflicting commands with the same If-Match on different actions: one wins', async () => {
    const id = await fileDispute(t);
    must(await t.as(SECRETARIAT).post(actionPath(id, 'register'), {}), 200, 'register');
    const { version } = await getCase(t, RESPONDENT, id);
    const responses = await Promise.all([
      ...Array.from({ length: 5 }, () => t.as(RESPONDENT).post(actionPath(id, 'propose-route'), { route: 'arbitration' }, { 'If-Match': String(version) })),
      ...Array.from({ length: 5 }, () => t.as(CLAIMANT).post(actionPath(id, 'withdraw'), {}, { 'If-Match': `"${version}"` })),
    ]);
    expect(statuses(responses)).toEqual([200, ...Array(9).fill(409)]);
    expect((await getCase(t, SECRETARIAT, id)).version).toBe(version + 1);
  });

  it('ten commands without If-Match all succeed, each recorded once with consecutive versions', async () => {
    const id = await toInMediation(t);
    const before = await getTimeline(t, MEDIATOR, id);
    const { version } = await getCase(t, MEDIATOR, id);
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => t.as(MEDIATOR).post(actionPath(id, 'schedule-session'), { startsAt: inDays(t, 3 + i) })),
    );
    expect(statuses(responses)).toEqual(Array(10).fill(200));
    const sessionIds = responses.map((r) => r.body.sessionId);
    expect(new Set(sessionIds).size).toBe(10);
    const answeredVersions = responses.map((r) => r.body.version).sort((a, b) => a - b);
    expect(answeredVersions).toEqual(Array.from({ length: 10 }, (_, i) => version + 1 + i));

    const timeline = await getTimeline(t, MEDIATOR, id);
    const scheduled = timeline.slice(before.length).filter((e) => e.type === 'SessionScheduled');
    expect(scheduled).toHaveLength(10);
    expect(scheduled.map((e) => e.data.sessionId).sort()).toEqual([...sessionIds].sort());
    if (scheduled[0].version !== undefined) {
      expect(scheduled.map((e) => e.version)).toEqual(Array.from({ length: 10 }, (_, i) => version + 1 + i));
    }
    const view = await getCase(t, MEDIATOR, id);
    expect(view.version).toBe(version + 10);
    expect(view.sessions).toHaveLength(10);
  });

  describe('idempotency', () => {
    it('the same Idempotency-Key twice, one after the other: the same answer, one dispute', async () => {
      const key = `file-${Date.now()}`;
      const body = filingBody({ summary: 'Idempotent filing sequential' }, t.now());
      const first = must(await t.as(CLAIMANT).post('/api/disputes', body, { 'Idempotency-Key': key }), 201, 'first');
      const second = must(await t.as(CLAIMANT).post('/api/disputes', body, { 'Idempotency-Key': key }), 201, 'retry');
      expect(second.body).toEqual(first.body);
      const list = must(await t.as(CLAIMANT).get('/api/disputes?limit=100&q=sequential'), 200, 'list').body;
      expect(list.items.map((i: { id: string }) => i.id)).toEqual([first.body.id]);
    });

    it('the same Idempotency-Key on an action: the same answer, one event', async () => {
      const id = await toInMediation(t);
      const body = { startsAt: inDays(t, 9), location: 'Zwolle' };
      const first = must(await t.as(MEDIATOR).post(actionPath(id, 'schedule-session'), body, { 'Idempotency-Key': 'k-1' }), 200, 'first');
      const second = must(await t.as(MEDIATOR).post(actionPath(id, 'schedule-session'), body, { 'Idempotency-Key': 'k-1' }), 200, 'retry');
      expect(second.body).toEqual(first.body);
      expect(countOf(await getTimeline(t, MEDIATOR, id), 'SessionScheduled')).toBe(1);
    });

    it('the same Idempotency-Key sent concurrently: one event, every answer the same', async () => {
      const id = await toInMediation(t);
      const body = { startsAt: inDays(t, 9) };
      const responses = await Promise.all(
        Array.from({ length: 8 }, () => t.as(MEDIATOR).post(actionPath(id, 'schedule-session'), body, { 'Idempotency-Key': 'k-concurrent' })),
      );
      expect(statuses(responses)).toEqual(Array(8).fill(200));
      expect(new Set(responses.map((r) => JSON.stringify(r.body))).size).toBe(1);
      expect(countOf(await getTimeline(t, MEDIATOR, id), 'SessionScheduled')).toBe(1);

      const key = `file-concurrent-${Date.now()}`;
      const filing = filingBody({ summary: 'Idempotent filing concurrent' }, t.now());
      const filed = await Promise.all(Array.from({ length: 6 }, () => t.as(CLAIMANT).post('/api/disputes', filing, { 'Idempotency-Key': key })));
      expect(statuses(filed)).toEqual(Array(6).fill(201));
      expect(new Set(filed.map((r) => r.body.id)).size).toBe(1);
      const list = must(await t.as(CLAIMANT).get('/api/disputes?limit=100&q=concurrent'), 200, 'list').body;
      expect(list.items).toHaveLength(1);
    });

    it('the same key with another body answers 422 and records nothing', async () => {
      const id = await toInMediation(t);
      must(await t.as(MEDIATOR).post(actionPath(id, 'schedule-session'), { startsAt: inDays(t, 4) }, { 'Idempotency-Key': 'k-reuse' }), 200, 'first');
      const res = await t.as(MEDIATOR).post(actionPath(id, 'schedule-session'), { startsAt: inDays(t, 6) }, { 'Idempotency-Key': 'k-reuse' });
      expect(res.status).toBe(422);
      expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
      expect(countOf(await getTimeline(t, MEDIATOR, id), 'SessionScheduled')).toBe(1);
    });

    it('keys are per caller: another user’s identical key does not replay someone else’s answer', async () => {
      const body = filingBody({ summary: 'Per-caller key' }, t.now());
      const anna = must(await t.as(CLAIMANT).post('/api/disputes', body, { 'Idempotency-Key': 'shared-key' }), 201, 'anna');
      const chantal = await t.as('prov-chantal').post(
        '/api/disputes',
        { ...body, claimantOrganisationIds: ['org-ggz-praktijk-oost'], sector: 'mental_health' },
        { 'Idempotency-Key': 'shared-key' },
      );
      must(chantal, 201, 'chantal');
      expect(chantal.body.id).not.toBe(anna.body.id);
    });
  });
});

describe('concurrent registrations', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ clock: new ManualClock(new Date('2025-06-16T09:00:00Z')) });
  });
  afterAll(async () => {
    await t?.close();
    if (t) await removeDataDir(t.dataDir);
  });

  it('twenty registrations in parallel get exactly GZC-2025-0001 … 0020, no gap, no duplicate', async () => {
    const ids = await Promise.all(Array.from({ length: 20 }, () => fileDispute(t)));
    const responses = await Promise.all(ids.map((id) => t.as(SECRETARIAT).post(actionPath(id, 'register'), {})));
    expect(statuses(responses)).toEqual(Array(20).fill(200));
    const numbers = await Promise.all(ids.map(async (id) => (await getCase(t, SECRETARIAT, id)).caseNumber as string));
    const expected = Array.from({ length: 20 }, (_, i) => `GZC-2025-${String(i + 1).padStart(4, '0')}`);
    expect([...numbers].sort()).toEqual(expected);
  });

  it('five parallel registrations of the same case: one wins, four 409, and no number is lost', async () => {
    const id = await fileDispute(t);
    const responses = await Promise.all(Array.from({ length: 5 }, () => t.as(SECRETARIAT).post(actionPath(id, 'register'), {})));
    expect(statuses(responses)).toEqual([200, 409, 409, 409, 409]);
    expect((await getCase(t, SECRETARIAT, id)).caseNumber).toBe('GZC-2025-0021');
    expect(countOf(await getTimeline(t, SECRETARIAT, id), 'DisputeRegistered')).toBe(1);
  });

  it('two registrations of two different cases at once get consecutive numbers', async () => {
    const [a, b] = await Promise.all([fileDispute(t), fileDispute(t)]);
    await Promise.all([a, b].map((id) => t.as(SECRETARIAT).post(actionPath(id, 'register'), {}).then((r) => must(r, 200, 'register'))));
    const numbers = [(await getCase(t, SECRETARIAT, a)).caseNumber, (await getCase(t, SECRETARIAT, b)).caseNumber].sort();
    expect(numbers).toEqual(['GZC-2025-0022', 'GZC-2025-0023']);
  });
});

describe('Idempotency-Key across two app instances on one DATA_DIR', () => {
  const dataDir = newDataDir();
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await startTestApp({ dataDir });
    b = await startTestApp({ dataDir });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await removeDataDir(dataDir);
  });

  it('a retry that lands on the other instance replays the first answer', async () => {
    const body = filingBody({ summary: 'Cross-instance retry' }, a.now());
    const first = must(await a.as(CLAIMANT).post('/api/disputes', body, { 'Idempotency-Key': 'x-seq' }), 201, 'first on A');
    const retry = must(await b.as(CLAIMANT).post('/api/disputes', body, { 'Idempotency-Key': 'x-seq' }), 201, 'retry on B');
    expect(retry.body).toEqual(first.body);
  });

  it('the same key sent concurrently to both instances records once', async () => {
    const id = await toInMediation(a);
    await eventually(() => getCase(b, MEDIATOR, id));
    const body = { startsAt: inDays(a, 8) };
    const responses = await Promise.all(
      [a, b, a, b].map((app) => app.as(MEDIATOR).post(actionPath(id, 'schedule-session'), body, { 'Idempotency-Key': 'x-concurrent' })),
    );
    expect(statuses(responses)).toEqual([200, 200, 200, 200]);
    expect(new Set(responses.map((r) => r.body.sessionId)).size).toBe(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(countOf(await getTimeline(a, MEDIATOR, id), 'SessionScheduled')).toBe(1);
  });
});

describe('case numbers across two app instances on one DATA_DIR', () => {
  const dataDir = newDataDir();
  const clock = new ManualClock(new Date('2025-03-03T09:00:00Z'));
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await startTestApp({ dataDir, clock });
    b = await startTestApp({ dataDir, clock });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await removeDataDir(dataDir);
  });

  it('registrations alternating and racing between the instances stay unique and gap-free', async () => {
    // Each instance keeps its own guess of the next number; the other's registrations make it stale.
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await fileDispute(a));
    for (const [i, id] of ids.entries()) must(await (i % 2 ? b : a).as(SECRETARIAT).post(actionPath(id, 'register'), {}), 200, `register ${i}`);
    const racing = await Promise.all(Array.from({ length: 10 }, () => fileDispute(a)));
    const responses = await Promise.all(racing.map((id, i) => (i % 2 ? b : a).as(SECRETARIAT).post(actionPath(id, 'register'), {})));
    expect(statuses(responses)).toEqual(Array(10).fill(200));
    const numbers = await Promise.all([...ids, ...racing].map(async (id) => (await getCase(a, SECRETARIAT, id)).caseNumber as string));
    expect([...numbers].sort()).toEqual(Array.from({ length: 16 }, (_, i) => `GZC-2025-${String(i + 1).padStart(4, '0')}`));
  });
});
