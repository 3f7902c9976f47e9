import { deadlineEndingAfterDays } from '../../libs/domain/src/time';
import { ManualClock } from '../../libs/runtime/src/clock';
import {
  CLAIMANT,
  DAY_MS,
  MEDIATOR,
  RESPONDENT,
  SECRETARIAT,
  act,
  actionPath,
  expectActions,
  expectProblem,
  fileAndRegister,
  getCase,
  getTimeline,
  holdSession,
  nominateAndAppoint,
  toMediationEnded,
  type Body,
} from './support/dispute-fixtures';
import { removeDataDir, startTestApp, type TestApp } from './support/test-app';

// Rules 6, 7 and 8 over HTTP: every respondent answers for itself, and silence is not consent.

const SECOND_RESPONDENT = 'ins-dirk'; // org-zv-zuid
const twoRespondents = { respondentOrganisationIds: ['org-zv-noord', 'org-zv-zuid'] };

describe('consent (rules 6, 7, 8)', () => {
  const clock = new ManualClock(new Date());
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(async () => {
    await t?.close();
    if (t) removeDataDir(t.dataDir);
  });

  it('rule 6: one respondent’s “yes” does not commit the other; a decline ends the case against that one only', async () => {
    const { id } = await fileAndRegister(t, CLAIMANT, twoRespondents);
    const first = await act(t, RESPONDENT, id, 'accept-submission', { route: 'mediation', respondentOrganisationId: 'org-zv-noord' });
    expect(first.body.status).toBe('awaiting_respondent');
    expectActions(await getCase(t, RESPONDENT, id), [], ['accept-submission']);
    expect((await getCase(t, CLAIMANT, id)).consent).toEqual({
      claimantAgrees: true,
      respondentsAgreed: ['org-zv-noord'],
      respondentsReleased: [],
      formerRespondents: [],
    });
    expectActions(await getCase(t, SECOND_RESPONDENT, id), ['accept-submission', 'decline-submission', 'propose-route']);

    // Answering for the other respondent is refused.
    expectProblem(
      await t.as(RESPONDENT).post(actionPath(id, 'decline-submission'), { reason: 'x', respondentOrganisationId: 'org-zv-zuid' }),
      403,
    );

    await act(t, SECOND_RESPONDENT, id, 'decline-submission', { reason: 'Wij hebben geen contract met deze aanbieder.' });
    const afterDecline = await getCase(t, CLAIMANT, id);
    expect(afterDecline.status).toBe('awaiting_respondent');
    expectActions(afterDecline, ['continue-with-respondents', 'withdraw']);

    const on = await act(t, CLAIMANT, id, 'continue-with-respondents');
    expect(on.body.status).toBe('awaiting_neutral');
    const view = await getCase(t, SECRETARIAT, id);
    expect(view.respondents.map((r: Body) => r.id)).toEqual(['org-zv-noord']);
    expect(view.consent.formerRespondents).toEqual(['org-zv-zuid']);
    expect(view.route).toBe('mediation');
    // The respondent who declined is no longer a party to the case that goes on.
    expect((await t.as(SECOND_RESPONDENT).get(`/api/disputes/${id}`)).status).toBe(404);
  });

  it('rule 6: when every respondent accepted the same route the case moves on by itself', async () => {
    const { id } = await fileAndRegister(t, CLAIMANT, twoRespondents);
    await act(t, RESPONDENT, id, 'accept-submission', { route: 'mediation' });
    const second = await act(t, SECOND_RESPONDENT, id, 'accept-submission', { route: 'mediation' });
    expect(second.body.status).toBe('awaiting_neutral');
  });

  it('rule 7: escalation needs every respondent', async () => {
    const { id } = await fileAndRegister(t, CLAIMANT, twoRespondents);
    await act(t, RESPONDENT, id, 'accept-submission', { route: 'mediation' });
    await act(t, SECOND_RESPONDENT, id, 'accept-submission', { route: 'mediation' });
    await nominateAndAppoint(t, id, [MEDIATOR], [CLAIMANT, RESPONDENT, SECOND_RESPONDENT]); // every party waives (rule 11)
    await holdSession(t, id);
    await act(t, MEDIATOR, id, 'conclude-mediation', { result: 'no_agreement' });
    await act(t, CLAIMANT, id, 'request-escalation', { route: 'arbitration' });
    const half = await act(t, RESPONDENT, id, 'accept-escalation');
    expect(half.body.status).toBe('mediation_ended');
    expectActions(await getCase(t, SECOND_RESPONDENT, id), ['accept-escalation', 'decline-escalation']);
    const all = await act(t, SECOND_RESPONDENT, id, 'accept-escalation');
    expect(all.body.status).toBe('awaiting_neutral');
    expect((await getCase(t, SECRETARIAT, id)).route).toBe('arbitration');
  });

  it('rule 8: a missed answer deadline is a decline by the system (no_answer)', async () => {
    const { id } = await fileAndRegister(t);
    clock.set(new Date(clock.now().getTime() + 15 * DAY_MS));
    await t.scheduler().tick();
    const view = await getCase(t, CLAIMANT, id);
    expect(view.status).toBe('declined');
    const declined = (await getTimeline(t, CLAIMANT, id)).find((e) => e.type === 'SubmissionDeclined');
    expect(declined).toMatchObject({ data: { reason: 'no_answer' }, actor: expect.objectContaining({ role: 'system' }) });
    // Ten days late is too late.
    expectProblem(await t.as(RESPONDENT).post(actionPath(id, 'accept-submission'), { route: 'mediation' }), 409);
  });

  it('rule 8: an escalation request left unanswered for 14 days closes the case without resolution', async () => {
    const id = await toMediationEnded(t, 'no_agreement');
    await act(t, CLAIMANT, id, 'request-escalation', { route: 'binding_advice' });
    const answer = (await getCase(t, RESPONDENT, id)).deadlines.find((d: Body) => d.kind === 'escalation_answer');
    // Rule 21: 14 days, to the end of the last day in Amsterdam.
    expect(answer.dueAt).toBe(deadlineEndingAfterDays(clock.now().toISOString(), 14));
    expect(Date.parse(answer.dueAt) - clock.now().getTime()).toBeGreaterThanOrEqual(14 * DAY_MS);
    expect(Date.parse(answer.dueAt) - clock.now().getTime()).toBeLessThan(15 * DAY_MS);
    clock.set(new Date(Date.parse(answer.dueAt) + 60_000));
    await t.scheduler().tick();
    const view = await getCase(t, CLAIMANT, id);
    expect(view.status).toBe('closed_without_resolution');
    expect((await getTimeline(t, CLAIMANT, id)).find((e) => e.type === 'EscalationDeclined')?.data.reason).toBe('no_answer');
  });
});
