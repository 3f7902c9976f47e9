import { ManualClock } from '../../libs/runtime/src/clock';
import {
  CLAIMANT,
  MEDIATOR,
  PANEL,
  RESPONDENT,
  SECRETARIAT,
  act,
  actionPath,
  countOf,
  disputePath,
  expectActions,
  expectProblem,
  fileAndRegister,
  fileDispute,
  getCase,
  getTimeline,
  must,
  reach,
  register,
  scheduleSession,
  soon,
  toAwaitingNeutral,
  toInMediation,
  toInProceedings,
  toMediationEnded,
  type Body,
  nominateAndAppoint,
} from './support/dispute-fixtures';
import { uploadDocument } from './support/documents';
import { removeDataDir, startTestApp, type TestApp } from './support/test-app';

const CASE_NUMBER = /^GZC-(\d{4})-(\d{4})$/;
const sequenceOf = (caseNumber: string): number => Number(CASE_NUMBER.exec(caseNumber)![2]);

describe('dispute lifecycle over HTTP', () => {
  let t: TestApp;
  let clock: ManualClock;

  beforeAll(async () => {
    clock = new ManualClock(new Date());
    t = await startTestApp({ clock });
  });
  afterAll(async () => {
    await t?.close();
    if (t) await removeDataDir(t.dataDir);
  });

  // Let each command land at a distinct instant, so ordering by time is meaningful.
  beforeEach(() => clock.set(new Date(clock.now().getTime() + 60_000)));

  describe('(a) a mediation that settles', () => {
    let id: string;
    let sessionId: string;
    const notes = 'Confidential: the insurer could live with a 3% increase.';

    it('files: the case is filed and offers registration to the secretariat only', async () => {
      const res = must(await t.as(CLAIMANT).post('/api/disputes', { ...baseFiling() }), 201, 'file');
      expect(res.body).toEqual(expect.objectContaining({ id: expect.any(String), status: 'filed', version: expect.any(Number) }));
      id = res.body.id;

      const asClaimant = await getCase(t, CLAIMANT, id);
      expect(asClaimant.status).toBe('filed');
      expect(asClaimant.caseNumber).toBeNull();
      expectActions(asClaimant, ['withdraw'], ['register', 'accept-submission', 'provide-information', 'nominate-neutrals']);
      expectActions(await getCase(t, SECRETARIAT, id), ['register', 'request-information', 'declare-inadmissible'], [
        'withdraw',
        'record-settlement',
        'invoice-fee',
        'accept-submission',
      ]);
      // Rule 1: the respondent learns of the case at registration, not before.
      expect((await t.as(RESPONDENT).get(disputePath(id))).status).toBe(404);
    });

    it('registers: a case number, the respondent invited, the respondent may answer and the claimant may withdraw', async () => {
      const res = await act(t, SECRETARIAT, id, 'register');
      expect(res.body).toEqual(expect.objectContaining({ id, status: 'awaiting_respondent', version: expect.any(Number) }));

      const asRespondent = await getCase(t, RESPONDENT, id);
      expect(asRespondent.status).toBe('awaiting_respondent');
      expect(asRespondent.caseNumber).toMatch(CASE_NUMBER);
      expect(asRespondent.deadlines).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'respondent_answer', status: 'open' })]),
      );
      expectActions(asRespondent, ['accept-submission', 'decline-submission', 'propose-route'], ['withdraw', 'register', 'nominate-neutrals']);

      const asClaimant = await getCase(t, CLAIMANT, id);
      expectActions(asClaimant, ['withdraw'], ['accept-submission', 'decline-submission', 'propose-route', 'register']);
      expectActions(await getCase(t, SECRETARIAT, id), ['record-settlement', 'extend-deadline', 'invoice-fee'], [
        'register',
        'accept-submission',
        'withdraw',
        'nominate-neutrals',
      ]);
    });

    it('the respondent accepts mediation: awaiting a neutral, nomination offered to the secretariat', async () => {
      const res = await act(t, RESPONDENT, id, 'accept-submission', { route: 'mediation' });
      expect(res.body.status).toBe('awaiting_neutral');
      const asSecretariat = await getCase(t, SECRETARIAT, id);
      expect(asSecretariat.route).toBe('mediation');
      expectActions(asSecretariat, ['nominate-neutrals'], ['appoint-neutrals', 'register']);
      expectActions(await getCase(t, CLAIMANT, id), ['withdraw'], ['challenge-neutral', 'accept-submission']);
      expectActions(await getCase(t, RESPONDENT, id), [], ['accept-submission', 'withdraw']);
    });

    it('nominates med-femke: she sees the case, other mediators do not, the parties may challenge', async () => {
      await act(t, SECRETARIAT, id, 'nominate-neutrals', { neutralUserIds: [MEDIATOR] });
      const asSecretariat = await getCase(t, SECRETARIAT, id);
      expect(asSecretariat.status).toBe('awaiting_neutral');
      expect(asSecretariat.neutrals).toEqual([expect.objectContaining({ userId: MEDIATOR, status: 'nominated' })]);
      // Rule 11: not before the challenge period is over or every party waived.
      expectActions(asSecretariat, [], ['appoint-neutrals', 'nominate-neutrals']);
      expectActions(await getCase(t, CLAIMANT, id), ['challenge-neutral', 'waive-challenge', 'withdraw']);
      expectActions(await getCase(t, RESPONDENT, id), ['challenge-neutral', 'waive-challenge'], ['withdraw']);
      // Rule 2: the nominee sees what a conflict check needs, and can do nothing yet.
      const asNominee = await getCase(t, MEDIATOR, id);
      expect(asNominee).toMatchObject({ access: 'conflict_check', allowedActions: [] });
      expect(asNominee.deadlines).toBeUndefined();
      expect((await t.as('med-gerrit').get(disputePath(id))).status).toBe(404);
      await act(t, CLAIMANT, id, 'waive-challenge');
      expectActions(await getCase(t, SECRETARIAT, id), [], ['appoint-neutrals']);
      await act(t, RESPONDENT, id, 'waive-challenge');
      expectActions(await getCase(t, SECRETARIAT, id), ['appoint-neutrals'], ['nominate-neutrals']);
    });

    it('appoints: in mediation, the mediator runs it', async () => {
      const res = await act(t, SECRETARIAT, id, 'appoint-neutrals');
      expect(res.body.status).toBe('in_mediation');
      const asMediator = await getCase(t, MEDIATOR, id);
      expect(asMediator.status).toBe('in_mediation');
      expect(asMediator.neutrals).toEqual([expect.objectContaining({ userId: MEDIATOR, status: 'appointed' })]);
      expectActions(asMediator, ['schedule-session', 'conclude-mediation'], ['record-session', 'render-decision', 'appoint-neutrals', 'withdraw']);
      // Rule 12: a party may still challenge, on facts learned later.
      expectActions(await getCase(t, CLAIMANT, id), ['withdraw', 'challenge-neutral'], ['schedule-session', 'conclude-mediation', 'waive-challenge']);
      expectActions(await getCase(t, SECRETARIAT, id), [], ['appoint-neutrals', 'nominate-neutrals', 'schedule-session']);
    });

    it('schedules a session (answering its sessionId) and records it with notes', async () => {
      const startsAt = soon(t, 800);
      const scheduled = await act(t, MEDIATOR, id, 'schedule-session', { startsAt, location: 'Utrecht' });
      expect(typeof scheduled.body.sessionId).toBe('string');
      sessionId = scheduled.body.sessionId;
      const asMediator = await getCase(t, MEDIATOR, id);
      expect(asMediator.sessions).toEqual([expect.objectContaining({ sessionId, held: false })]);
      // Rule 16: not recorded as held before it starts.
      expectActions(asMediator, ['schedule-session', 'conclude-mediation'], ['record-session']);
      expectProblem(await t.as(MEDIATOR).post(actionPath(id, 'record-session'), { sessionId, notes }), 409);

      await reach(t, startsAt);
      expectActions(await getCase(t, MEDIATOR, id), ['record-session', 'schedule-session', 'conclude-mediation']);
      await act(t, MEDIATOR, id, 'record-session', { sessionId, notes });
      const after = await getCase(t, MEDIATOR, id);
      expect(after.sessions).toEqual([expect.objectContaining({ sessionId, held: true })]);
      expectActions(after, ['schedule-session', 'conclude-mediation'], ['record-session']);
    });

    it('session notes are visible to the mediator only', async () => {
      const mediatorView = (await getTimeline(t, MEDIATOR, id)).find((e) => e.type === 'SessionHeld');
      expect(mediatorView?.data.notes).toBe(notes);
      for (const reader of [CLAIMANT, RESPONDENT, SECRETARIAT]) {
        const held = (await getTimeline(t, reader, id)).find((e) => e.type === 'SessionHeld');
        expect(held).toBeDefined();
        expect(held!.data.sessionId).toBe(sessionId);
        expect(held!.data).not.toHaveProperty('notes');
        const raw = (await t.as(reader).get(`${disputePath(id)}/timeline`)).text;
        expect(raw).not.toContain('3% increase');
      }
    });

    it('concludes with full agreement: settled, closed, nothing more to do for the parties', async () => {
      const doc = await uploadDocument(t, CLAIMANT, id, 'parties');
      const res = await act(t, MEDIATOR, id, 'conclude-mediation', { result: 'full_agreement', settlementDocumentId: doc });
      expect(res.body.status).toBe('settled');
      const asClaimant = await getCase(t, CLAIMANT, id);
      expect(asClaimant.status).toBe('settled');
      expect(asClaimant.closedAt).toEqual(expect.any(String));
      expect(asClaimant.outcome).not.toBeNull();
      expectActions(asClaimant, [], ['withdraw', 'schedule-session']);
      expectActions(await getCase(t, MEDIATOR, id), [], ['schedule-session', 'conclude-mediation', 'record-session']);
      expectActions(await getCase(t, RESPONDENT, id), [], ['accept-submission', 'request-escalation']);
    });

    it('the timeline lists every event oldest first, each with type, at, actor and data', async () => {
      const timeline = await getTimeline(t, SECRETARIAT, id);
      expect(timeline.map((e) => e.type)).toEqual([
        'DisputeFiled',
        'DisputeRegistered',
        'RespondentInvited',
        'SubmissionAccepted',
        'NeutralsNominated',
        'ChallengeWaived',
        'ChallengeWaived',
        'NeutralsAppointed',
        'SessionScheduled',
        'SessionHeld',
        'DocumentSubmitted',
        'MediationConcluded',
        'NeutralTermEnded',
      ]);
      for (const entry of timeline) {
        expect(typeof entry.type).toBe('string');
        expect(Number.isNaN(Date.parse(entry.at))).toBe(false);
        expect(entry.actor).toEqual(expect.objectContaining({ userId: expect.any(String), role: expect.any(String) }));
        expect(typeof entry.data).toBe('object');
      }
      const times = timeline.map((e) => Date.parse(e.at));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(timeline[0].actor).toEqual(expect.objectContaining({ userId: CLAIMANT, role: 'provider' }));
      expect(timeline[1].actor).toEqual(expect.objectContaining({ userId: SECRETARIAT, role: 'secretariat' }));
      expect(timeline[3].actor).toEqual(expect.objectContaining({ userId: RESPONDENT, role: 'insurer' }));
      expect(timeline[8].actor).toEqual(expect.objectContaining({ userId: MEDIATOR, role: 'mediator' }));
      expect(timeline[1].data.caseNumber).toMatch(CASE_NUMBER);
      expect(timeline[11].data.result).toBe('full_agreement');
      // Rule 5: no stream version or other numbering with gaps.
      for (const entry of timeline) expect(Object.keys(entry).sort()).toEqual(['actor', 'at', 'data', 'type']);
    });
  });

  describe('(b) mediation without agreement, escalated to binding advice before a panel', () => {
    let id: string;

    it('ends the mediation without agreement: either party may ask to escalate', async () => {
      id = await toMediationEnded(t, 'no_agreement');
      const asClaimant = await getCase(t, CLAIMANT, id);
      expect(asClaimant.status).toBe('mediation_ended');
      expect(asClaimant.deadlines).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'escalation', status: 'open' })]));
      expectActions(asClaimant, ['request-escalation', 'withdraw'], ['accept-escalation']);
      expectActions(await getCase(t, RESPONDENT, id), ['request-escalation'], ['accept-escalation', 'withdraw']);
    });

    it('the claimant asks for binding advice and the respondent accepts: awaiting neutrals for binding advice', async () => {
      await act(t, CLAIMANT, id, 'request-escalation', { route: 'binding_advice' });
      expectActions(await getCase(t, RESPONDENT, id), ['accept-escalation', 'decline-escalation'], ['request-escalation']);
      expectActions(await getCase(t, CLAIMANT, id), ['withdraw'], ['accept-escalation', 'decline-escalation', 'request-escalation']);

      const res = await act(t, RESPONDENT, id, 'accept-escalation');
      expect(res.body.status).toBe('awaiting_neutral');
      const view = await getCase(t, SECRETARIAT, id);
      expect(view.route).toBe('binding_advice');
      expectActions(view, ['nominate-neutrals'], ['appoint-neutrals']);
    });

    it('nominates a panel of three advisers chaired by adv-hanna and appoints it: in proceedings', async () => {
      await nominateAndAppoint(t, id, PANEL);
      const view = await getCase(t, 'adv-hanna', id);
      expect(view.status).toBe('in_proceedings');
      const panel = view.neutrals.filter((n: Body) => n.role === 'adviser');
      expect(panel.map((n: Body) => n.userId).sort()).toEqual([...PANEL].sort());
      expect(panel.every((n: Body) => n.status === 'appointed')).toBe(true);
      expect(panel.find((n: Body) => n.chair)?.userId).toBe('adv-hanna');
      // Rule 14: no decision before statements and a hearing.
      expectActions(view, ['schedule-hearing'], ['render-decision']);
      expectActions(await getCase(t, 'adv-isaac', id), ['schedule-hearing'], ['render-decision']);
      expectActions(await getCase(t, CLAIMANT, id), ['submit-statement', 'withdraw'], ['render-decision']);
      expectActions(await getCase(t, RESPONDENT, id), ['waive-hearing'], ['submit-statement', 'render-decision']);
    });

    it('takes the statements of claim and defence, in that order', async () => {
      await act(t, CLAIMANT, id, 'submit-statement', { kind: 'statement_of_claim', text: 'Our claim.' });
      const asRespondent = await getCase(t, RESPONDENT, id);
      expect(asRespondent.deadlines).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'statement_of_defence', status: 'open' })]),
      );
      expectActions(asRespondent, ['submit-statement']);
      await act(t, RESPONDENT, id, 'submit-statement', { kind: 'statement_of_defence', text: 'Our defence.' });
      const view = await getCase(t, SECRETARIAT, id);
      expect(view.statements.map((s: Body) => s.kind)).toEqual(['statement_of_claim', 'statement_of_defence']);
    });

    it('schedules (answering its hearingId) and records a hearing', async () => {
      const startsAt = soon(t);
      const res = await act(t, 'adv-hanna', id, 'schedule-hearing', { startsAt, location: 'Den Haag' });
      expect(typeof res.body.hearingId).toBe('string');
      await reach(t, startsAt);
      expectActions(await getCase(t, 'adv-isaac', id), ['record-hearing']);
      await act(t, 'adv-isaac', id, 'record-hearing', { hearingId: res.body.hearingId });
      expect((await getCase(t, 'adv-hanna', id)).hearings).toEqual([expect.objectContaining({ hearingId: res.body.hearingId, held: true })]);
    });

    it('a panel member who is not the chair may not render the decision (403)', async () => {
      const res = await t.as('adv-isaac').post(actionPath(id, 'render-decision'), {
        outcome: 'claim_granted',
        claimantCostSharePct: 0,
        summary: 'Granted.',
      });
      expectProblem(res, 403);
      expect((await getCase(t, SECRETARIAT, id)).status).toBe('in_proceedings');
    });

    it('the chair renders the decision: decided, with outcome and cost allocation', async () => {
      const res = await act(t, 'adv-hanna', id, 'render-decision', {
        outcome: 'claim_partially_granted',
        claimantCostSharePct: 40,
        costAllocationReason: 'The late offer of the respondent caused needless costs.',
        summary: 'The tariff is raised by half of what was claimed.',
      });
      expect(res.body.status).toBe('decided');
      const view = await getCase(t, CLAIMANT, id);
      expect(view.status).toBe('decided');
      expect(view.closedAt).toEqual(expect.any(String));
      expect(JSON.stringify(view.outcome)).toContain('claim_partially_granted');
      expectActions(view, [], ['withdraw', 'submit-statement']);
      expectActions(await getCase(t, 'adv-hanna', id), [], ['render-decision', 'schedule-hearing']);
      const timeline = await getTimeline(t, CLAIMANT, id);
      expect(timeline[timeline.length - 1]).toEqual(
        expect.objectContaining({ type: 'DecisionRendered', actor: expect.objectContaining({ userId: 'adv-hanna', role: 'adviser' }) }),
      );
    });
  });

  it('(c) a respondent who declines: declined and closed', async () => {
    const { id } = await fileAndRegister(t);
    const res = await act(t, RESPONDENT, id, 'decline-submission', { reason: 'We do not take part in this procedure.' });
    expect(res.body.status).toBe('declined');
    const view = await getCase(t, CLAIMANT, id);
    expect(view.status).toBe('declined');
    expect(view.closedAt).toEqual(expect.any(String));
    expectActions(view, [], ['withdraw', 'accept-submission']);
    expectActions(await getCase(t, RESPONDENT, id), [], ['accept-submission', 'decline-submission', 'propose-route']);
    expect(countOf(await getTimeline(t, CLAIMANT, id), 'SubmissionDeclined')).toBe(1);
  });

  it('(d) information requested and provided, then declared inadmissible', async () => {
    const id = await fileDispute(t);
    await act(t, SECRETARIAT, id, 'request-information', { questions: 'Which contract year does the tariff concern?' });
    let view = await getCase(t, CLAIMANT, id);
    expect(view.status).toBe('awaiting_information');
    expect(view.deadlines).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'information', status: 'open' })]));
    expectActions(view, ['provide-information', 'withdraw'], ['register']);
    expectActions(await getCase(t, SECRETARIAT, id), ['declare-inadmissible'], ['register', 'request-information']);

    await act(t, CLAIMANT, id, 'provide-information', { answers: 'The contract year is this year.' });
    view = await getCase(t, SECRETARIAT, id);
    expect(view.status).toBe('filed');
    expect(view.deadlines.find((d: Body) => d.kind === 'information')?.status).not.toBe('open');
    expectActions(view, ['register', 'declare-inadmissible', 'request-information']);
    expectActions(await getCase(t, CLAIMANT, id), ['withdraw'], ['provide-information']);

    const res = await act(t, SECRETARIAT, id, 'declare-inadmissible', {
      reason: 'not_a_contracting_dispute',
      explanation: 'The dispute concerns a single patient bill, not contracting.',
    });
    expect(res.body.status).toBe('inadmissible');
    view = await getCase(t, CLAIMANT, id);
    expect(view.status).toBe('inadmissible');
    expect(view.caseNumber).toBeNull();
    expectActions(view, [], ['withdraw', 'provide-information']);
  });

  describe('(e) withdrawal', () => {
    it('the claimant withdraws a registered case', async () => {
      const { id } = await fileAndRegister(t);
      const res = await act(t, CLAIMANT, id, 'withdraw', { reason: 'We reached an agreement ourselves.' });
      expect(res.body.status).toBe('withdrawn');
      const view = await getCase(t, RESPONDENT, id);
      expect(view.status).toBe('withdrawn');
      expect(view.closedAt).toEqual(expect.any(String));
      expectActions(view, [], ['accept-submission', 'decline-submission']);
      expectActions(await getCase(t, CLAIMANT, id), [], ['withdraw']);
    });

    it('the claimant withdraws before registration; the case keeps no case number', async () => {
      const id = await fileDispute(t);
      await act(t, CLAIMANT, id, 'withdraw');
      const view = await getCase(t, SECRETARIAT, id);
      expect(view.status).toBe('withdrawn');
      expect(view.caseNumber).toBeNull();
      expectActions(view, [], ['register']);
    });

    it('the claimant withdraws during mediation', async () => {
      const id = await toInMediation(t);
      await act(t, CLAIMANT, id, 'withdraw');
      expect((await getCase(t, MEDIATOR, id)).status).toBe('withdrawn');
    });
  });

  describe('(f) a collective dispute filed by an association', () => {
    let id: string;

    it('assoc-eva files for two member providers against org-zv-noord', async () => {
      id = await fileDispute(t, 'assoc-eva', {
        sector: 'multidisciplinary',
        claimantOrganisationIds: ['org-fysio-delinde', 'org-ggz-praktijk-oost'],
        respondentOrganisationIds: ['org-zv-noord'],
        summary: 'Collective: the contract conditions exclude small practices.',
      });
      const view = await getCase(t, 'assoc-eva', id);
      expect(view.claimants.map((c: Body) => c.id).sort()).toEqual(['org-fysio-delinde', 'org-ggz-praktijk-oost']);
      expect(view.respondents.map((c: Body) => c.id)).toEqual(['org-zv-noord']);
      expect(JSON.stringify(view.filedOnBehalfBy ?? view)).toContain('org-branche-eerstelijn');
      expectActions(view, ['withdraw']);
    });

    it('is visible to the association, both members and the insurer (from registration on), and to nobody else', async () => {
      for (const user of ['assoc-eva', 'prov-anna', 'prov-chantal', 'sec-jan']) {
        expect({ user, status: (await t.as(user).get(disputePath(id))).status }).toEqual({ user, status: 200 });
      }
      // Rule 1: the insurer learns of the case at registration.
      for (const user of ['ins-carla', 'prov-bram', 'ins-dirk', 'obs-karin', 'med-femke', 'adv-hanna']) {
        expect({ user, status: (await t.as(user).get(disputePath(id))).status }).toEqual({ user, status: 404 });
      }
      const carlaBefore = must(await t.as('ins-carla').get('/api/disputes?limit=100'), 200, 'list as carla').body;
      expect(carlaBefore.items.some((c: Body) => c.id === id)).toBe(false);
      await register(t, id);
      expect((await t.as('ins-carla').get(disputePath(id))).status).toBe(200);
      for (const user of ['assoc-eva', 'prov-chantal', 'ins-carla']) {
        const list = must(await t.as(user).get('/api/disputes?limit=100'), 200, `list as ${user}`).body;
        expect({ user, listed: list.items.some((c: Body) => c.id === id) }).toEqual({ user, listed: true });
      }
      const bram = must(await t.as('prov-bram').get('/api/disputes?limit=100'), 200, 'list as bram').body;
      expect(bram.items.some((c: Body) => c.id === id)).toBe(false);
    });

    it('runs its lifecycle with the association on the claimant side', async () => {
      expectActions(await getCase(t, 'ins-carla', id), ['accept-submission']);
      expectActions(await getCase(t, 'assoc-eva', id), ['withdraw'], ['accept-submission', 'decline-submission']);
      await act(t, 'ins-carla', id, 'accept-submission', { route: 'mediation' });
      await act(t, 'assoc-eva', id, 'withdraw', { reason: 'Settled in the sector agreement.' });
      expect((await getCase(t, 'prov-chantal', id)).status).toBe('withdrawn');
    });
  });

  it('(g) route negotiation: the respondent proposes binding advice, the claimant accepts', async () => {
    const { id } = await fileAndRegister(t);
    const res = await act(t, RESPONDENT, id, 'propose-route', { route: 'binding_advice', reason: 'We want a binding answer.' });
    expect(res.body.status).toBe('route_negotiation');

    const asClaimant = await getCase(t, CLAIMANT, id);
    expect(asClaimant.status).toBe('route_negotiation');
    expectActions(asClaimant, ['accept-submission', 'propose-route', 'withdraw'], ['decline-submission']);
    expectActions(await getCase(t, RESPONDENT, id), ['decline-submission'], ['accept-submission', 'propose-route']);

    // The claimant can only accept the route on the table.
    expectProblem(await t.as(CLAIMANT).post(actionPath(id, 'accept-submission'), { route: 'mediation' }), 409);

    const accepted = await act(t, CLAIMANT, id, 'accept-submission', { route: 'binding_advice' });
    expect(accepted.body.status).toBe('awaiting_neutral');
    const view = await getCase(t, SECRETARIAT, id);
    expect(view.route).toBe('binding_advice');
    expect(view.status).toBe('awaiting_neutral');
    const types = (await getTimeline(t, CLAIMANT, id)).map((e) => e.type);
    expect(types.slice(-2)).toEqual(['RouteProposed', 'SubmissionAccepted']);
  });

  describe('(h) challenging a nominated neutral', () => {
    it('upheld: the nomination lapses, the secretariat nominates someone else and appoints', async () => {
      const id = await toAwaitingNeutral(t);
      await act(t, SECRETARIAT, id, 'nominate-neutrals', { neutralUserIds: [MEDIATOR] });
      await act(t, CLAIMANT, id, 'challenge-neutral', { neutralUserId: MEDIATOR, grounds: 'She advised the insurer last year.' });

      const asSecretariat = await getCase(t, SECRETARIAT, id);
      expectActions(asSecretariat, ['decide-challenge'], ['appoint-neutrals', 'nominate-neutrals']);
      expectProblem(await t.as(SECRETARIAT).post(actionPath(id, 'appoint-neutrals'), {}), 409);

      await act(t, SECRETARIAT, id, 'decide-challenge', { neutralUserId: MEDIATOR, upheld: true, reasoning: 'A conflict of interest.' });
      const afterUpheld = await getCase(t, SECRETARIAT, id);
      expect(afterUpheld.status).toBe('awaiting_neutral');
      expect(afterUpheld.neutrals.find((n: Body) => n.userId === MEDIATOR)).toMatchObject({ status: 'ended', endReason: 'challenge_upheld' });
      // Rule 3: her nomination lapsed before any appointment, so the case no longer exists for her.
      expect((await t.as(MEDIATOR).get(disputePath(id))).status).toBe(404);
      expectActions(afterUpheld, ['nominate-neutrals'], ['appoint-neutrals', 'decide-challenge']);

      // The upheld nominee cannot be nominated again on this case.
      expectProblem(await t.as(SECRETARIAT).post(actionPath(id, 'nominate-neutrals'), { neutralUserIds: [MEDIATOR] }), 400);

      await nominateAndAppoint(t, id, ['med-gerrit']);
      expect((await getCase(t, SECRETARIAT, id)).status).toBe('in_mediation');
      const view = await getCase(t, 'med-gerrit', id);
      expect(view.neutrals.filter((n: Body) => n.status === 'appointed').map((n: Body) => n.userId)).toEqual(['med-gerrit']);
      expectActions(view, ['schedule-session']);
      const types = (await getTimeline(t, SECRETARIAT, id)).map((e) => e.type);
      expect(types).toEqual(expect.arrayContaining(['NeutralChallenged', 'ChallengeUpheld']));
    });

    it('rejected: the nominee stays and is appointed', async () => {
      const id = await toAwaitingNeutral(t);
      await act(t, SECRETARIAT, id, 'nominate-neutrals', { neutralUserIds: [MEDIATOR] });
      await act(t, RESPONDENT, id, 'challenge-neutral', { neutralUserId: MEDIATOR, grounds: 'Too close to providers.' });
      await act(t, SECRETARIAT, id, 'decide-challenge', { neutralUserId: MEDIATOR, upheld: false, reasoning: 'No facts support it.' });
      const view = await getCase(t, SECRETARIAT, id);
      expect(view.neutrals).toEqual([expect.objectContaining({ userId: MEDIATOR, status: 'nominated' })]);
      // Rule 11: the challenge period still runs; the parties waive the rest of it.
      expectActions(view, [], ['decide-challenge', 'appoint-neutrals']);
      await act(t, CLAIMANT, id, 'waive-challenge');
      await act(t, RESPONDENT, id, 'waive-challenge');
      expectActions(await getCase(t, SECRETARIAT, id), ['appoint-neutrals'], ['decide-challenge']);
      await act(t, SECRETARIAT, id, 'appoint-neutrals');
      expect((await getCase(t, MEDIATOR, id)).status).toBe('in_mediation');
      expect((await getTimeline(t, SECRETARIAT, id)).map((e) => e.type)).toContain('ChallengeRejected');
    });
  });

  describe('case numbers and fees', () => {
    it('numbers registrations GZC-<year>-<4 digits>, consecutively', async () => {
      const numbers: string[] = [];
      for (let i = 0; i < 3; i++) numbers.push((await fileAndRegister(t)).caseNumber);
      for (const n of numbers) expect(n).toMatch(CASE_NUMBER);
      const year = String(t.now().getUTCFullYear());
      expect(numbers.every((n) => CASE_NUMBER.exec(n)![1] === year)).toBe(true);
      const seq = numbers.map(sequenceOf);
      expect(seq).toEqual([seq[0], seq[0] + 1, seq[0] + 2]);
      expect(new Set(numbers).size).toBe(3);
    });

    it('a small-provider claimant shares the administration fee with the respondent insurer', async () => {
      const { id } = await fileAndRegister(t, CLAIMANT);
      const fee = (await getCase(t, SECRETARIAT, id)).administrationFee;
      const { administrationFeeCents, smallProviderRespondentSharePct } = t.config.policies;
      expect(fee.totalCents).toBe(administrationFeeCents);
      const respondentShare = Math.floor((administrationFeeCents * smallProviderRespondentSharePct) / 100);
      expect(fee.shares).toEqual(
        expect.arrayContaining([
          { organisationId: 'org-zv-noord', amountCents: respondentShare },
          { organisationId: 'org-fysio-delinde', amountCents: administrationFeeCents - respondentShare },
        ]),
      );
      expect(fee.shares.reduce((sum: number, s: Body) => sum + s.amountCents, 0)).toBe(administrationFeeCents);
      // The claimant sees the fee too.
      expect((await getCase(t, CLAIMANT, id)).administrationFee).toEqual(fee);
    });

    it('a provider that is not small bears the whole administration fee', async () => {
      const { id } = await fileAndRegister(t, 'prov-bram', {
        sector: 'community_nursing',
        claimantOrganisationIds: ['org-wijkzorg-amstelland'],
      });
      const fee = (await getCase(t, SECRETARIAT, id)).administrationFee;
      expect(fee.shares).toEqual([{ organisationId: 'org-wijkzorg-amstelland', amountCents: t.config.policies.administrationFeeCents }]);
    });
  });

  describe('?asOf= shows the case as it stood', () => {
    it('returns the status at earlier instants and no actions for history', async () => {
      const t0 = clock.now().getTime();
      const id = await fileDispute(t);
      clock.set(new Date(t0 + 3_600_000));
      await register(t, id);
      clock.set(new Date(t0 + 2 * 3_600_000));
      await act(t, RESPONDENT, id, 'accept-submission', { route: 'mediation' });
      clock.set(new Date(t0 + 3 * 3_600_000));

      const at = (ms: number) => `?asOf=${encodeURIComponent(new Date(t0 + ms).toISOString())}`;
      const filed = await getCase(t, CLAIMANT, id, at(30 * 60_000));
      expect(filed.status).toBe('filed');
      expect(filed.caseNumber).toBeNull();
      const registered = await getCase(t, CLAIMANT, id, at(90 * 60_000));
      expect(registered.status).toBe('awaiting_respondent');
      expect(registered.caseNumber).toMatch(CASE_NUMBER);
      expect(registered.allowedActions).toEqual([]);
      expect((await getCase(t, CLAIMANT, id, at(150 * 60_000))).status).toBe('awaiting_neutral');
      const now = await getCase(t, CLAIMANT, id);
      expect(now.status).toBe('awaiting_neutral');
      expect(registered.version).toBeLessThan(now.version);
    });
  });

  it('read-your-writes: every answered command is visible to the next GET of the same caller', async () => {
    const id = await toInMediation(t);
    for (let i = 1; i <= 15; i++) {
      const res = await scheduleSession(t, id);
      const view = await getCase(t, MEDIATOR, id);
      expect({ i, version: view.version, sessions: view.sessions.length }).toEqual({ i, version: res.body.version, sessions: i });
    }
    for (let i = 0; i < 5; i++) {
      clock.set(new Date(clock.now().getTime() + 1000));
      const created = await fileDispute(t, 'prov-chantal', {
        sector: 'mental_health',
        claimantOrganisationIds: ['org-ggz-praktijk-oost'],
        summary: `Read-your-writes ${i}`,
      });
      const list = must(await t.as('prov-chantal').get('/api/disputes?limit=5'), 200, 'list').body;
      expect(list.items[0]?.id).toBe(created);
      const registered = await act(t, SECRETARIAT, created, 'register');
      const view = await getCase(t, SECRETARIAT, created);
      expect(view.version).toBe(registered.body.version);
      expect(view.status).toBe('awaiting_respondent');
    }
  });
});

describe('allowedActions never offers less than is refused: every action not offered is refused', () => {
  let t: TestApp;
  const USERS = [
    'prov-anna', 'prov-bram', 'prov-chantal', 'ins-carla', 'ins-dirk', 'assoc-eva', 'med-femke', 'med-gerrit',
    'adv-hanna', 'adv-isaac', 'adv-julia', 'arb-ivo', 'sec-jan', 'obs-karin',
  ];
  const far = new Date(Date.now() + 400 * 86_400_000).toISOString();
  const SAMPLE: Record<string, Body> = {
    'request-information': { questions: 'Which year?' },
    'provide-information': { answers: 'This year.' },
    'declare-inadmissible': { reason: 'other', explanation: 'Not for us.' },
    register: {},
    'accept-submission': { route: 'mediation' },
    'decline-submission': { reason: 'No.' },
    'propose-route': { route: 'arbitration' },
    'nominate-neutrals': { neutralUserIds: ['med-gerrit'] },
    'challenge-neutral': { neutralUserId: 'med-femke', grounds: 'Bias.' },
    'decide-challenge': { neutralUserId: 'med-femke', upheld: false },
    'appoint-neutrals': {},
    'waive-challenge': {},
    'schedule-session': { startsAt: far },
    'record-session': { sessionId: 'no-such-session' },
    'conclude-mediation': { result: 'no_agreement' },
    'request-escalation': { route: 'arbitration' },
    'accept-escalation': {},
    'decline-escalation': {},
    'submit-statement': { kind: 'statement_of_claim', text: 'Claim.' },
    'schedule-hearing': { startsAt: far },
    'record-hearing': { hearingId: 'no-such-hearing' },
    'render-decision': { outcome: 'claim_rejected', claimantCostSharePct: 100, summary: 'Rejected.' },
    withdraw: {},
    'record-settlement': {},
    'extend-deadline': { deadlineId: 'respondent_answer-1', dueDate: far, reason: 'More time.' },
    'invoice-fee': { organisationId: 'org-fysio-delinde', kind: 'neutral_fee', amountCents: 100 },
    'record-payment': { invoiceId: 'no-such-invoice' },
  };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
    if (t) await removeDataDir(t.dataDir);
  });

  const sweep = async (id: string) => {
    const before = await getCase(t, SECRETARIAT, id);
    const problems: string[] = [];
    for (const user of USERS) {
      const view = await t.as(user).get(disputePath(id));
      const offered: string[] = view.status === 200 ? view.body.allowedActions : [];
      for (const [action, body] of Object.entries(SAMPLE)) {
        if (offered.includes(action)) continue;
        const res = await t.as(user).post(actionPath(id, action), body);
        const expected = view.status === 200 ? [403, 409] : [404];
        if (!expected.includes(res.status)) problems.push(`${user} ${action} (not offered) → ${res.status} ${res.text.slice(0, 160)}`);
      }
    }
    expect(problems).toEqual([]);
    expect((await getCase(t, SECRETARIAT, id)).version).toBe(before.version);
  };

  it('when filed', async () => sweep(await fileDispute(t)), 60_000);
  it('when awaiting the respondent', async () => sweep((await fileAndRegister(t)).id), 60_000);
  it('while a nominee may be challenged', async () => {
    const id = await toAwaitingNeutral(t);
    await act(t, SECRETARIAT, id, 'nominate-neutrals', { neutralUserIds: [MEDIATOR] });
    await sweep(id);
  }, 60_000);
  it('in mediation', async () => sweep(await toInMediation(t)), 60_000);
  it('in proceedings', async () => sweep(await toInProceedings(t)), 60_000);
  it('when closed', async () => {
    const { id } = await fileAndRegister(t);
    await act(t, CLAIMANT, id, 'withdraw');
    await sweep(id);
  }, 60_000);
});

describe('GET /api/disputes: listing', () => {
  let t: TestApp;
  let clock: ManualClock;
  const ids: Record<string, string> = {};
  const all: string[] = []; // filing order, oldest first

  beforeAll(async () => {
    clock = new ManualClock(new Date());
    t = await startTestApp({ clock });
    const tick = () => clock.set(new Date(clock.now().getTime() + 60_000));
    const file = async (name: string, userId: string, overrides: Body = {}) => {
      tick();
      ids[name] = await fileDispute(t, userId, overrides);
      all.push(ids[name]);
    };
    const bram = { claimantOrganisationIds: ['org-wijkzorg-amstelland'], sector: 'community_nursing' };
    await file('anna1', CLAIMANT);
    await file('anna2', CLAIMANT, { phase: 'contractual', subjects: ['volume_ceiling'] });
    await file('anna3', CLAIMANT, { legalFramework: 'zvw_supplementary' });
    // Rule 20: a Wlz case is against a care office.
    await file('bram1', 'prov-bram', { ...bram, respondentOrganisationIds: ['org-zorgkantoor-west'], legalFramework: 'wlz', sector: 'wlz_nursing_care' });
    await file('bram2', 'prov-bram', { ...bram, summary: 'Omzetplafond Kwakkelstaart reached in September.' });
    await file('chantal1', 'prov-chantal', { claimantOrganisationIds: ['org-ggz-praktijk-oost'], sector: 'mental_health' });
    for (let i = 0; i < 6; i++) await file(`anna-bulk${i}`, CLAIMANT, { summary: `Bulk case ${i}` });
    tick();
    await register(t, ids.anna1);
    await register(t, ids.bram2);
    await register(t, ids.chantal1);
    await act(t, RESPONDENT, ids.anna1, 'propose-route', { route: 'binding_advice' });
    await act(t, CLAIMANT, ids.anna1, 'accept-submission', { route: 'binding_advice' });
    await act(t, RESPONDENT, ids.chantal1, 'accept-submission', { route: 'mediation' });
  });
  afterAll(async () => {
    await t?.close();
    if (t) await removeDataDir(t.dataDir);
  });

  const list = async (userId: string, query = ''): Promise<Body> =>
    must(await t.as(userId).get(`/api/disputes${query}`), 200, `list ${query} as ${userId}`).body;
  const idsOf = (page: Body): string[] => page.items.map((i: Body) => i.id);

  it('the secretariat sees every case, newest first', async () => {
    const page = await list(SECRETARIAT, '?limit=100');
    expect(idsOf(page)).toEqual([...all].reverse());
    expect(page.nextCursor ?? null).toBeNull();
  });

  it('a party sees only the cases of its organisation', async () => {
    const anna = idsOf(await list(CLAIMANT, '?limit=100'));
    expect(anna.sort()).toEqual([ids.anna1, ids.anna2, ids.anna3, ...[0, 1, 2, 3, 4, 5].map((i) => ids[`anna-bulk${i}`])].sort());
    expect(idsOf(await list('prov-bram', '?limit=100')).sort()).toEqual([ids.bram1, ids.bram2].sort());
    // Rule 1: a respondent lists a case from its registration on; bram1 against the care office is not registered.
    expect(idsOf(await list('zk-lotte', '?limit=100'))).toEqual([]);
    expect(idsOf(await list('ins-carla', '?limit=100')).sort()).toEqual([ids.anna1, ids.bram2, ids.chantal1].sort());
  });

  it('an observer and an uninvolved neutral see none', async () => {
    expect((await list('obs-karin', '?limit=100')).items).toEqual([]);
    expect((await list('med-gerrit', '?limit=100')).items).toEqual([]);
  });

  it('filters by status, phase, legalFramework, sector, route and text', async () => {
    const check = async (query: string, expected: string[], field?: string, value?: string) => {
      const page = await list(SECRETARIAT, `?limit=100&${query}`);
      expect({ query, ids: idsOf(page).sort() }).toEqual({ query, ids: [...expected].sort() });
      if (field) for (const item of page.items) expect(item[field]).toBe(value);
    };
    await check('status=awaiting_respondent', [ids.bram2], 'status', 'awaiting_respondent');
    await check('status=awaiting_neutral', [ids.anna1, ids.chantal1], 'status', 'awaiting_neutral');
    await check('phase=contractual', [ids.anna2], 'phase', 'contractual');
    await check('legalFramework=wlz', [ids.bram1], 'legalFramework', 'wlz');
    await check('legalFramework=zvw_supplementary', [ids.anna3]);
    await check('sector=mental_health', [ids.chantal1], 'sector', 'mental_health');
    await check('route=binding_advice', [ids.anna1], 'route', 'binding_advice');
    await check('route=mediation', [ids.chantal1], 'route', 'mediation');
    await check('q=Kwakkelstaart', [ids.bram2]);
    await check('q=kwakkelstaart', [ids.bram2]);
    await check('status=filed&sector=community_nursing', []);
    // Filters combine with visibility.
    expect(idsOf(await list('prov-bram', '?limit=100&status=awaiting_respondent'))).toEqual([ids.bram2]);
    expect(idsOf(await list(CLAIMANT, '?limit=100&q=Kwakkelstaart'))).toEqual([]);
  });

  it('finds a case by its case number', async () => {
    const caseNumber = (await getCase(t, SECRETARIAT, ids.chantal1)).caseNumber;
    expect(idsOf(await list(SECRETARIAT, `?limit=100&q=${encodeURIComponent(caseNumber)}`))).toEqual([ids.chantal1]);
  });

  it('pages with limit and cursor, newest first, without duplicates or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Body = await list(SECRETARIAT, `?limit=5${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(5);
      seen.push(...idsOf(page));
      cursor = page.nextCursor ?? null;
      pages++;
      expect(pages).toBeLessThan(10);
    } while (cursor);
    expect(pages).toBe(Math.ceil(all.length / 5));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...all].reverse());
  });

  it('pages a party’s filtered view too', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Body = await list(CLAIMANT, `?limit=2&status=filed${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      for (const item of page.items) expect(item.status).toBe('filed');
      seen.push(...idsOf(page));
      cursor = page.nextCursor ?? null;
    } while (cursor);
    expect(seen).toEqual([ids.anna2, ids.anna3, ...[0, 1, 2, 3, 4, 5].map((i) => ids[`anna-bulk${i}`])].reverse());
  });
});

function baseFiling(): Body {
  return {
    phase: 'precontractual',
    legalFramework: 'zvw',
    sector: 'physiotherapy_paramedical',
    subjects: ['tariff', 'contract_terms'],
    contractYear: new Date().getUTCFullYear(),
    claimantOrganisationIds: ['org-fysio-delinde'],
    respondentOrganisationIds: ['org-zv-noord'],
    summary: 'The tariff offered for physiotherapy does not cover costs.',
    claims: [{ description: 'Tariff of at least EUR 38 per treatment', amountCents: 800_000 }, { description: 'Fair contract terms' }],
    amountInDisputeCents: 800_000,
    proposedRoute: 'mediation',
    urgent: false,
  };
}
