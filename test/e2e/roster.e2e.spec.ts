import {
  act,
  CLAIMANT,
  expectProblem,
  fileDispute,
  MEDIATOR,
  nominate,
  SECRETARIAT,
  toAwaitingNeutral,
  toInMediation,
  type Body,
} from './support/dispute-fixtures';
import { startTestApp, type TestApp } from './support/test-app';

// GET /api/neutrals (the roster for a nomination) and the secretariat's parts of GET /api/caseload
// (neutralSteps, byStatus), over HTTP with the real read models.

describe('the roster and the secretariat queue', () => {
  let t: TestApp;
  let earlier: string;
  let current: string;
  beforeAll(async () => {
    t = await startTestApp();
    // The same two parties: a mediation with med-femke first, then a new case awaiting a mediator.
    earlier = await toInMediation(t);
    current = await toAwaitingNeutral(t, 'mediation');
  });
  afterAll(() => t.close());

  const roster = async (query: string, userId = SECRETARIAT) => t.as(userId).get(`/api/neutrals${query}`);
  const entry = (body: Body, userId: string) => (body.neutrals as Body[]).find((n) => n.userId === userId)!;

  it("lists each neutral's caseload and earlier terms with this case's parties", async () => {
    const res = await roster(`?disputeId=${current}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ disputeId: current, route: 'mediation', roleNeeded: 'mediator', panelSizes: [1] });
    const femke = entry(res.body, MEDIATOR);
    expect(femke).toMatchObject({
      role: 'mediator',
      fitsRoute: true,
      openCases: 1,
      appointedCases: 1,
      nominatedCases: 0,
      onThisCase: null,
    });
    expect(femke.earlierInvolvement).toHaveLength(1);
    expect(femke.earlierInvolvement[0]).toMatchObject({ disputeId: earlier, role: 'mediator', termStatus: 'appointed', caseClosed: false });
    expect(femke.earlierInvolvement[0].sharedOrganisations.map((o: Body) => o.id).sort()).toEqual(['org-fysio-delinde', 'org-zv-noord']);
    expect(entry(res.body, 'med-gerrit')).toMatchObject({ fitsRoute: true, openCases: 0, earlierInvolvement: [] });
    expect(entry(res.body, 'adv-hanna')).toMatchObject({ fitsRoute: false });
    // Fitting neutrals come first.
    const fits = (res.body.neutrals as Body[]).map((n) => n.fitsRoute);
    expect(fits).toEqual([...fits].sort((a, b) => Number(b) - Number(a)));
  });

  it('without a case: the caseload only', async () => {
    const res = await roster('');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ disputeId: null, roleNeeded: null, panelSizes: [] });
    expect(entry(res.body, MEDIATOR)).toMatchObject({ openCases: 1, earlierInvolvement: [] });
  });

  it('is for the secretariat only, names a bad disputeId, and 404s an unknown case', async () => {
    expectProblem(await roster(`?disputeId=${current}`, CLAIMANT), 403);
    expectProblem(await roster(`?disputeId=${current}`, MEDIATOR), 403);
    const bad = await roster('?disputeId=zaak-1');
    expectProblem(bad, 400);
    expect(bad.body.errors.map((e: Body) => e.field)).toEqual(['disputeId']);
    expectProblem(await roster('?disputeId=00000000-0000-4000-8000-000000000000'), 404);
    expectProblem(await roster('?onbekend=1'), 400);
  });

  it('the queue: a case to nominate for, then its challenge to decide; open cases per status', async () => {
    const queue = async () => (await t.as(SECRETARIAT).get('/api/caseload')).body;
    const step = (body: Body) => (body.neutralSteps as Body[]).find((s) => s.disputeId === current);
    expect(step(await queue())).toMatchObject({ status: 'awaiting_neutral', nominees: [], pendingChallenges: [], everyPartyWaived: false });

    await nominate(t, current, ['med-gerrit']);
    expect(step(await queue())).toMatchObject({ nominees: [{ userId: 'med-gerrit', role: 'mediator' }] });
    await act(t, CLAIMANT, current, 'challenge-neutral', { neutralUserId: 'med-gerrit', grounds: 'Werkte eerder voor de verzekeraar.' });
    const afterChallenge = step(await queue())!;
    expect(afterChallenge.pendingChallenges).toEqual([expect.objectContaining({ neutralUserId: 'med-gerrit', side: 'claimant' })]);
    expect(typeof afterChallenge.challengeDueAt).toBe('string');

    const byStatus = (await queue()).byStatus as Body[];
    expect(byStatus.find((s) => s.status === 'awaiting_neutral')).toMatchObject({ count: 1, oldest: { disputeId: current } });
    expect(byStatus.find((s) => s.status === 'in_mediation')).toMatchObject({ count: 1, oldest: { disputeId: earlier } });
    // Filed cases to register: the oldest first, with their number.
    const first = await fileDispute(t);
    const second = await fileDispute(t);
    const toRegister = (await queue()).toRegister as Body;
    expect(toRegister.count).toBe(2);
    expect(toRegister.oldest.map((c: Body) => c.disputeId)).toEqual([first, second]);
    expect(toRegister.oldest[0]).toMatchObject({
      claimantOrganisationIds: ['org-fysio-delinde'],
      respondentOrganisationIds: ['org-zv-noord'],
    });
    // compact=true (the portal's queue): counts and the next case per neutral, only overdue deadlines.
    const full = await queue();
    const compact = (await t.as(SECRETARIAT).get('/api/caseload?compact=true')).body;
    for (const n of full.neutrals as Body[]) {
      const c = (compact.neutrals as Body[]).find((x) => x.userId === n.userId)!;
      expect(c).toMatchObject({ openCases: n.openCases, overdueDeadlines: n.overdueDeadlines, cases: [] });
      const withNext = (n.cases as Body[]).filter((x) => x.nextDeadline !== null);
      withNext.sort((a, b) => a.nextDeadline.dueAt.localeCompare(b.nextDeadline.dueAt));
      expect(c.nextCase?.disputeId ?? null).toBe(withNext[0]?.disputeId ?? null);
    }
    expect((full.neutrals as Body[]).some((n) => n.cases.length > 0)).toBe(true);
    expect(compact.deadlines).toEqual((full.deadlines as Body[]).filter((d) => d.overdue));
    expect(compact.toRegister).toEqual(full.toRegister);
    expectProblem(await t.as(SECRETARIAT).get('/api/caseload?compact=ja'), 400);
    // rows=N (the portal's queue): each list with its count and oldest N, the long lists left out.
    const one = (await t.as(SECRETARIAT).get('/api/caseload?compact=true&rows=1')).body;
    expect(one.neutrals).toEqual(compact.neutrals);
    expect(one.byStatus).toEqual(compact.byStatus);
    for (const left of ['deadlines', 'stalled', 'feesOverdue', 'neutralSteps', 'toRegister']) expect(one[left]).toBeUndefined();
    expect(one.queue.toRegister).toEqual({ count: 2, oldest: [toRegister.oldest[0]] });
    const steps = full.neutralSteps as Body[];
    const challenged = steps.filter((s) => s.pendingChallenges.length > 0);
    expect(challenged.map((s) => s.disputeId)).toEqual([current]);
    expect(one.queue.challenges).toEqual({ count: 1, oldest: challenged });
    expect(one.queue.toNominate.count + one.queue.toAppoint.count + one.queue.challenges.count).toBe(steps.length);
    const overdue = (kind: string) => (compact.deadlines as Body[]).filter((d) => d.kind === kind);
    expect(one.queue.informationOverdue).toEqual({ count: overdue('information').length, oldest: overdue('information').slice(0, 1) });
    expect(one.queue.respondentOverdue).toEqual({
      count: overdue('respondent_answer').length,
      oldest: overdue('respondent_answer').slice(0, 1),
    });
    expect(one.queue.stalled).toEqual({ count: full.stalled.length, oldest: full.stalled.slice(0, 1) });
    expect(one.queue.feesOverdue).toEqual({ count: full.feesOverdue.length, oldest: full.feesOverdue.slice(0, 1) });
    const all = (await t.as(SECRETARIAT).get('/api/caseload?compact=true&rows=1000')).body;
    expect(all.queue.toRegister.oldest.map((c: Body) => c.disputeId)).toEqual([first, second]);
    // A case with nobody nominated yet: to nominate, not in the other lists.
    const waiting = await toAwaitingNeutral(t, 'mediation');
    const again = (await t.as(SECRETARIAT).get('/api/caseload?compact=true&rows=1000')).body;
    expect(again.queue.toNominate.oldest.map((s: Body) => s.disputeId)).toContain(waiting);
    expect(again.queue.challenges.oldest.map((s: Body) => s.disputeId)).toEqual([current]);
    expect(again.queue.toAppoint.oldest.map((s: Body) => s.disputeId)).not.toContain(waiting);
    for (const bad of ['0', '1001', '1.5', 'tien', '-1']) {
      const res = await t.as(SECRETARIAT).get(`/api/caseload?compact=true&rows=${bad}`);
      expectProblem(res, 400);
      expect(res.body.errors.map((e: Body) => e.field)).toEqual(['rows']);
    }
    // Neutrals do not get the secretariat's parts.
    const mine = (await t.as(MEDIATOR).get('/api/caseload')).body;
    expect(mine.neutralSteps).toBeUndefined();
    expect(mine.byStatus).toBeUndefined();
    expect(mine.toRegister).toBeUndefined();
    const mineWithRows = (await t.as(MEDIATOR).get('/api/caseload?rows=1')).body;
    expect(mineWithRows.queue).toBeUndefined();
    expect(mineWithRows.deadlines).toEqual(mine.deadlines);
  });
});
