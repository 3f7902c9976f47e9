import { foldEvents } from '../src';
import { deadlineDueAt } from '../src/deadlines';
import { addDays, DISPUTE_ID, given, nextHour, story, SYSTEM } from './support/given';
import { filed, mediationEnded, registered } from './support/scenarios';

// Rules 6, 7 and 8: the procedure is voluntary for every party, and silence is not consent.

const twoRespondents = () => registered(filed({ respondentOrganisationIds: ['org-zv-noord', 'org-zv-zuid'] }));
const dueOf = (events: ReturnType<typeof story>, id: string) =>
  foldEvents(events, DISPUTE_ID).deadlines.find((d) => d.deadlineId === id)!.dueAt;

describe('rule 6: with several respondents, each answers for itself', () => {
  it('given two respondents, when one accepts, then the case still waits for the other', () => {
    const base = twoRespondents();
    const now = nextHour(base);
    given(base)
      .when({ type: 'accept-submission', route: 'mediation' }, 'ins-carla', now)
      .then([
        {
          type: 'SubmissionAccepted',
          data: { route: 'mediation', side: 'respondent', respondentOrganisationId: 'org-zv-noord', routeAgreed: false, occurredAt: now },
        },
      ]);
    const s = given(base).when({ type: 'accept-submission', route: 'mediation' }, 'ins-carla').thenState();
    expect(s.status).toBe('awaiting_respondent');
    expect(s.deadlines.find((d) => d.kind === 'respondent_answer')?.status).toBe('open');
  });

  it('given one accepted, when the other accepts the same route, then awaiting_neutral', () => {
    const base = story([['ins-carla', { type: 'accept-submission', route: 'mediation' }]], twoRespondents());
    const s = given(base).when({ type: 'accept-submission', route: 'mediation' }, 'ins-dirk').thenState();
    expect(s).toMatchObject({ status: 'awaiting_neutral', route: 'mediation' });
    expect(s.deadlines.find((d) => d.kind === 'respondent_answer')?.status).toBe('met');
  });

  it('a counter-proposal replaces the route: an earlier "yes" to another route no longer counts', () => {
    const base = story(
      [
        ['ins-carla', { type: 'accept-submission', route: 'mediation' }],
        ['ins-dirk', { type: 'propose-route', route: 'binding_advice' }],
        ['prov-anna', { type: 'accept-submission', route: 'binding_advice' }],
      ],
      twoRespondents(),
    );
    expect(foldEvents(base, DISPUTE_ID).status).toBe('route_negotiation');
    const s = given(base).when({ type: 'accept-submission', route: 'binding_advice' }, 'ins-carla').thenState();
    expect(s).toMatchObject({ status: 'awaiting_neutral', route: 'binding_advice' });
  });

  it('refuses answering for another respondent, and answering twice', () => {
    given(twoRespondents())
      .when({ type: 'accept-submission', route: 'mediation', respondentOrganisationId: 'org-zv-zuid' }, 'ins-carla')
      .thenRefuses('forbidden', 'not_your_organisation');
    const once = story([['ins-carla', { type: 'accept-submission', route: 'mediation' }]], twoRespondents());
    const err = given(once)
      .when({ type: 'accept-submission', route: 'mediation' }, 'ins-carla')
      .thenRefuses('conflict', 'awaiting_other_side');
    expect(err.messages.nl).toMatch(/al ingestemd/);
  });

  it('given one declines, then the submission ends against it alone; the claimant may go on against the other', () => {
    const base = story([['ins-carla', { type: 'accept-submission', route: 'mediation' }]], twoRespondents());
    const now = nextHour(base);
    given(base)
      .when({ type: 'decline-submission', reason: 'Not our contract' }, 'ins-dirk', now)
      .then([
        {
          type: 'SubmissionDeclined',
          data: { reason: 'Not our contract', respondentOrganisationId: 'org-zv-zuid', caseDeclined: false, occurredAt: now },
        },
      ]);
    const declined = story([['ins-dirk', { type: 'decline-submission', reason: 'Not our contract' }]], base);
    const s = foldEvents(declined, DISPUTE_ID);
    expect(s.status).toBe('awaiting_respondent');
    expect(s.releasedRespondentIds).toEqual(['org-zv-zuid']);
    given(declined).when({ type: 'accept-submission', route: 'mediation' }, 'ins-dirk').thenRefuses('conflict', 'submission_ended');

    const on = given(declined).when({ type: 'continue-with-respondents' }, 'prov-anna').thenState();
    expect(on).toMatchObject({
      status: 'awaiting_neutral',
      route: 'mediation',
      respondentOrganisationIds: ['org-zv-noord'],
      formerRespondentOrganisationIds: ['org-zv-zuid'],
    });
  });

  it('continue-with-respondents waits until every remaining respondent accepted, and only the claimant may', () => {
    const declined = story([['ins-dirk', { type: 'decline-submission', reason: 'No' }]], twoRespondents());
    const err = given(declined)
      .when({ type: 'continue-with-respondents' }, 'prov-anna')
      .thenRefuses('conflict', 'respondents_still_answering');
    expect(err.messages.nl).toMatch(/Zorgverzekeraar Noord heeft nog niet ingestemd/);
    given(twoRespondents()).when({ type: 'continue-with-respondents' }, 'prov-anna').thenRefuses('conflict', 'no_respondent_declined');
    given(declined).when({ type: 'continue-with-respondents' }, 'ins-carla').thenRefuses('forbidden', 'wrong_side');
  });

  it('the claimant may withdraw instead', () => {
    const declined = story([['ins-dirk', { type: 'decline-submission', reason: 'No' }]], twoRespondents());
    expect(given(declined).when({ type: 'withdraw' }, 'prov-anna').thenState().status).toBe('withdrawn');
  });

  it('when every respondent declines, the case is declined', () => {
    const one = story([['ins-dirk', { type: 'decline-submission', reason: 'No' }]], twoRespondents());
    const s = given(one).when({ type: 'decline-submission', reason: 'No either' }, 'ins-carla').thenState();
    expect(s).toMatchObject({ status: 'declined', outcome: { status: 'declined', reason: 'No either' } });
  });
});

describe('rule 7: escalation needs every party on the other side', () => {
  const twoInMediationEnded = () => {
    const accepted = story(
      [
        ['ins-carla', { type: 'accept-submission', route: 'mediation' }],
        ['ins-dirk', { type: 'accept-submission', route: 'mediation' }],
        ['sec-jan', { type: 'nominate-neutrals', neutralUserIds: ['med-femke'] }],
        // rule 11: every party waives its right to challenge, so the appointment need not wait
        ['prov-anna', { type: 'waive-challenge' }],
        ['ins-carla', { type: 'waive-challenge' }],
        ['ins-dirk', { type: 'waive-challenge' }],
        ['sec-jan', { type: 'appoint-neutrals' }],
        ['med-femke', { type: 'conclude-mediation', result: 'no_agreement' }],
        ['prov-anna', { type: 'request-escalation', route: 'arbitration' }],
      ],
      twoRespondents(),
    );
    return accepted;
  };
  it('given a claimant request, one respondent accepting is not enough; the second completes it', () => {
    const base = twoInMediationEnded();
    const now = nextHour(base);
    given(base)
      .when({ type: 'accept-escalation' }, 'ins-carla', now)
      .then([
        {
          type: 'EscalationAccepted',
          data: {
            route: 'arbitration',
            side: 'respondent',
            respondentOrganisationId: 'org-zv-noord',
            escalationAgreed: false,
            occurredAt: now,
          },
        },
      ]);
    const half = story([['ins-carla', { type: 'accept-escalation' }]], base);
    expect(foldEvents(half, DISPUTE_ID).status).toBe('mediation_ended');
    given(half).when({ type: 'accept-escalation' }, 'ins-carla').thenRefuses('conflict', 'already_answered');
    expect(given(half).when({ type: 'accept-escalation' }, 'ins-dirk').thenState()).toMatchObject({
      status: 'awaiting_neutral',
      route: 'arbitration',
    });
  });
  it('one respondent declining closes the case without resolution', () => {
    const half = story([['ins-carla', { type: 'accept-escalation' }]], twoInMediationEnded());
    expect(given(half).when({ type: 'decline-escalation' }, 'ins-dirk').thenState().status).toBe('closed_without_resolution');
  });
});

describe('rule 8: silence is not consent', () => {
  it('a missed answer deadline is a decline by each silent respondent, recorded by the system', () => {
    const base = story([['ins-carla', { type: 'accept-submission', route: 'mediation' }]], twoRespondents());
    const due = dueOf(base, 'respondent_answer-1');
    given(base)
      .when({ type: 'record-deadline-missed', deadlineId: 'respondent_answer-1' }, SYSTEM, due)
      .then([
        { type: 'DeadlineMissed', data: { deadlineId: 'respondent_answer-1', kind: 'respondent_answer', dueAt: due, occurredAt: due } },
        {
          type: 'SubmissionDeclined',
          data: {
            reason: 'no_answer',
            respondentOrganisationId: 'org-zv-zuid',
            caseDeclined: false,
            // The claimant gets its own short window to choose, since the answer deadline has passed.
            continuationDeadline: { deadlineId: 'continuation-1', kind: 'continuation', dueAt: deadlineDueAt(due, 7) },
            occurredAt: due,
          },
        },
      ]);
  });
  it('an accept after the deadline is too late: the respondent already counts as declined', () => {
    const base = registered();
    const due = dueOf(base, 'respondent_answer-1');
    const missed = story([[SYSTEM, { type: 'record-deadline-missed', deadlineId: 'respondent_answer-1' }, due]], base);
    expect(foldEvents(missed, DISPUTE_ID)).toMatchObject({ status: 'declined', outcome: { reason: 'no_answer' } });
    given(missed).when({ type: 'accept-submission', route: 'mediation' }, 'ins-carla').thenRefuses('conflict', 'case_closed');
  });
  it('an answer after the deadline is refused even before the scheduler has recorded the miss', () => {
    const base = registered();
    const late = addDays(dueOf(base, 'respondent_answer-1'), 1);
    const err = given(base)
      .when({ type: 'accept-submission', route: 'mediation' }, 'ins-carla', late)
      .thenRefuses('conflict', 'answer_deadline_passed');
    expect(err.messages.nl).toMatch(/telt als weigeren/);
    given(base).when({ type: 'decline-submission', reason: 'x' }, 'ins-carla', late).thenRefuses('conflict', 'answer_deadline_passed');
  });
  it('the claimant not choosing within its window is a withdrawal', () => {
    const base = story([['ins-carla', { type: 'accept-submission', route: 'mediation' }]], twoRespondents());
    const due = dueOf(base, 'respondent_answer-1');
    const missed = story([[SYSTEM, { type: 'record-deadline-missed', deadlineId: 'respondent_answer-1' }, due]], base);
    const choiceDue = dueOf(missed, 'continuation-1');
    const s = given(missed).when({ type: 'record-deadline-missed', deadlineId: 'continuation-1' }, SYSTEM, choiceDue).thenState();
    expect(s).toMatchObject({ status: 'withdrawn', outcome: { reason: 'no_continuation' } });
    // Choosing in time goes on instead.
    expect(given(missed).when({ type: 'continue-with-respondents' }, 'prov-anna').thenState().status).toBe('awaiting_neutral');
  });
  it('an escalation request opens a 14-day answer deadline; missed, it is declined (no_answer) and the case closes', () => {
    const requested = story([['prov-anna', { type: 'request-escalation', route: 'binding_advice' }]], mediationEnded());
    const due = dueOf(requested, 'escalation_answer-1');
    // Rule 21: the end of the Amsterdam day 14 days after the request.
    expect(due).toBe(deadlineDueAt(requested.at(-1)!.data.occurredAt, 14));
    given(requested)
      .when({ type: 'record-deadline-missed', deadlineId: 'escalation_answer-1' }, SYSTEM, due)
      .then([
        { type: 'DeadlineMissed', data: { deadlineId: 'escalation_answer-1', kind: 'escalation_answer', dueAt: due, occurredAt: due } },
        {
          type: 'EscalationDeclined',
          data: { side: 'respondent', reason: 'no_answer', respondentOrganisationId: 'org-zv-noord', occurredAt: due },
        },
      ]);
    const s = given(requested).when({ type: 'record-deadline-missed', deadlineId: 'escalation_answer-1' }, SYSTEM, due).thenState();
    expect(s).toMatchObject({ status: 'closed_without_resolution', outcome: { reason: 'no_answer' } });
  });
});
