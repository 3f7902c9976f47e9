import { deadlineDueAt } from '../src/deadlines';
import { DEFAULT_POLICIES, foldEvents } from '../src';
import { DISPUTE_ID, given, nextHour, story } from './support/given';
import { filed, registered } from './support/scenarios';

const awaitingInformation = () => story([['sec-jan', { type: 'request-information', questions: 'Which contract?' }]], filed());

describe('request-information', () => {
  it('secretariat, from filed: InformationRequested with a 14-day deadline → awaiting_information', () => {
    const base = filed();
    const now = nextHour(base);
    given(base)
      .when({ type: 'request-information', questions: 'Which contract?' }, 'sec-jan', now)
      .then([
        {
          type: 'InformationRequested',
          data: {
            questions: 'Which contract?',
            deadline: { deadlineId: 'information-1', kind: 'information', dueAt: deadlineDueAt(now, 14) },
            occurredAt: now,
          },
        },
      ]);
    const s = foldEvents(awaitingInformation(), DISPUTE_ID);
    expect(s.status).toBe('awaiting_information');
    expect(s.deadlines).toEqual([expect.objectContaining({ deadlineId: 'information-1', status: 'open', side: 'claimant' })]);
  });
  it('halves the deadline (rounded up) when urgent', () => {
    const base = filed({ urgent: true, urgencyReason: 'client stop' });
    const now = nextHour(base);
    const [e] = given(base).when({ type: 'request-information', questions: 'q' }, 'sec-jan', now).events();
    expect(e.type === 'InformationRequested' && e.data.deadline.dueAt).toBe(deadlineDueAt(now, 7));
    const policies = { ...DEFAULT_POLICIES, deadlineDays: { ...DEFAULT_POLICIES.deadlineDays, information: 15 } };
    const [e2] = given(base).when({ type: 'request-information', questions: 'q' }, 'sec-jan', now, policies).events();
    expect(e2.type === 'InformationRequested' && e2.data.deadline.dueAt).toBe(deadlineDueAt(now, 8));
  });
  it('accepts an explicit due date in the future', () => {
    const base = filed();
    const [e] = given(base).when({ type: 'request-information', questions: 'q', dueDate: '2025-04-01' }, 'sec-jan').events();
    expect(e.type === 'InformationRequested' && e.data.deadline.dueAt).toBe('2025-04-01T00:00:00.000Z');
  });
  it('refuses a due date in the past or not a date', () => {
    given(filed())
      .when({ type: 'request-information', questions: 'q', dueDate: '2020-01-01' }, 'sec-jan')
      .thenRefuses('invalid', 'not_in_future', 'dueDate');
    given(filed())
      .when({ type: 'request-information', questions: 'q', dueDate: 'soon' }, 'sec-jan')
      .thenRefuses('invalid', 'not_a_date', 'dueDate');
  });
  it('refuses empty questions', () => {
    given(filed()).when({ type: 'request-information', questions: '' }, 'sec-jan').thenRefuses('invalid', 'required', 'questions');
  });
  it('refuses anyone but the secretariat', () => {
    given(filed()).when({ type: 'request-information', questions: 'q' }, 'ins-carla').thenRefuses('forbidden', 'wrong_role');
    given(filed()).when({ type: 'request-information', questions: 'q' }, 'prov-anna').thenRefuses('forbidden', 'wrong_role');
  });
  it('refuses outside filed, saying where the case is', () => {
    given(registered())
      .when({ type: 'request-information', questions: 'q' }, 'sec-jan')
      .thenRefuses('conflict', /The case is awaiting the respondent's answer; information can only be requested while it is filed\./);
    given(awaitingInformation()).when({ type: 'request-information', questions: 'q' }, 'sec-jan').thenRefuses('conflict', 'wrong_status');
  });
  it('refuses on a dispute that does not exist: not_found', () => {
    given([]).when({ type: 'request-information', questions: 'q' }, 'sec-jan').thenRefuses('conflict', 'not_found');
  });
});

describe('provide-information', () => {
  it('claimant, from awaiting_information: InformationProvided → filed, information deadline met', () => {
    const base = awaitingInformation();
    const now = nextHour(base);
    given(base)
      .when({ type: 'provide-information', answers: 'Contract 2025' }, 'prov-anna', now)
      .then([{ type: 'InformationProvided', data: { answers: 'Contract 2025', occurredAt: now } }]);
    const s = given(base).when({ type: 'provide-information', answers: 'a' }, 'prov-anna').thenState();
    expect(s.status).toBe('filed');
    expect(s.deadlines[0]).toMatchObject({ status: 'met', closedAt: expect.any(String) });
  });
  it('refuses the respondent (wrong side), other roles, and wrong status', () => {
    given(awaitingInformation()).when({ type: 'provide-information', answers: 'a' }, 'ins-carla').thenRefuses('forbidden', 'wrong_side');
    given(awaitingInformation()).when({ type: 'provide-information', answers: 'a' }, 'prov-bram').thenRefuses('forbidden', 'not_a_party');
    given(awaitingInformation()).when({ type: 'provide-information', answers: 'a' }, 'sec-jan').thenRefuses('forbidden', 'wrong_role');
    given(filed()).when({ type: 'provide-information', answers: 'a' }, 'prov-anna').thenRefuses('conflict', 'wrong_status');
  });
  it('refuses empty answers', () => {
    given(awaitingInformation())
      .when({ type: 'provide-information', answers: '' }, 'prov-anna')
      .thenRefuses('invalid', 'required', 'answers');
  });
});

describe('declare-inadmissible', () => {
  it.each([
    ['filed', filed],
    ['awaiting_information', awaitingInformation],
  ] as const)('secretariat, from %s → inadmissible', (_s, base) => {
    const s = given(base())
      .when({ type: 'declare-inadmissible', reason: 'not_a_contracting_dispute', explanation: 'About a patient' }, 'sec-jan')
      .thenState();
    expect(s.status).toBe('inadmissible');
    expect(s.outcome).toEqual({ status: 'inadmissible', reason: 'not_a_contracting_dispute' });
    expect(s.closedAt).toBeDefined();
    expect(s.deadlines.every((d) => d.status === 'cancelled')).toBe(true);
  });
  it('refuses after registration, other roles, bad reasons', () => {
    given(registered())
      .when({ type: 'declare-inadmissible', reason: 'other', explanation: 'x' }, 'sec-jan')
      .thenRefuses('conflict', 'wrong_status');
    given(filed())
      .when({ type: 'declare-inadmissible', reason: 'other', explanation: 'x' }, 'ins-carla')
      .thenRefuses('forbidden', 'wrong_role');
    given(filed())
      .when({ type: 'declare-inadmissible', reason: 'boring' as never, explanation: 'x' }, 'sec-jan')
      .thenRefuses('invalid', 'unknown_value', 'reason');
    given(filed())
      .when({ type: 'declare-inadmissible', reason: 'other', explanation: '' }, 'sec-jan')
      .thenRefuses('invalid', 'required', 'explanation');
  });
});

describe('register', () => {
  it('secretariat, from filed: DisputeRegistered and RespondentInvited → awaiting_respondent', () => {
    // prov-bram files for a provider that is not small: the claimant bears the whole fee
    const base2 = filed({ claimantOrganisationIds: ['org-wijkzorg-amstelland'] }, 'prov-bram');
    const now = nextHour(base2);
    given(base2)
      .when({ type: 'register', caseNumber: 'GZC-2025-0007' }, 'sec-jan', now)
      .then([
        {
          type: 'DisputeRegistered',
          data: {
            caseNumber: 'GZC-2025-0007',
            administrationFee: { totalCents: 50_000, shares: [{ organisationId: 'org-wijkzorg-amstelland', amountCents: 50_000 }] },
            occurredAt: now,
          },
        },
        {
          type: 'RespondentInvited',
          data: {
            respondentOrganisationIds: ['org-zv-noord'],
            deadline: { deadlineId: 'respondent_answer-1', kind: 'respondent_answer', dueAt: deadlineDueAt(now, 14) },
            occurredAt: now,
          },
        },
      ]);
    const s = given(base2).when({ type: 'register', caseNumber: 'GZC-2025-0007' }, 'sec-jan', now).thenState();
    expect(s).toMatchObject({ status: 'awaiting_respondent', caseNumber: 'GZC-2025-0007', registeredAt: now });
  });
  it('small-provider claimant: the respondent bears the policy share', () => {
    const [e] = given(filed()).when({ type: 'register', caseNumber: 'GZC-2025-0001' }, 'sec-jan').events();
    expect(e.type === 'DisputeRegistered' && e.data.administrationFee).toEqual({
      totalCents: 50_000,
      shares: [
        { organisationId: 'org-fysio-delinde', amountCents: 25_000 },
        { organisationId: 'org-zv-noord', amountCents: 25_000 },
      ],
    });
  });
  it('small-provider share split over several respondents, remainder to the first', () => {
    const base = filed({ respondentOrganisationIds: ['org-zv-noord', 'org-zv-zuid'] });
    const policies = { ...DEFAULT_POLICIES, administrationFeeCents: 10_001, smallProviderRespondentSharePct: 75 };
    const [e] = given(base).when({ type: 'register', caseNumber: 'GZC-2025-0001' }, 'sec-jan', undefined, policies).events();
    // 75% of 10001 = 7500 (floored); 3750 each; claimant 2501
    expect(e.type === 'DisputeRegistered' && e.data.administrationFee.shares).toEqual([
      { organisationId: 'org-fysio-delinde', amountCents: 2_501 },
      { organisationId: 'org-zv-noord', amountCents: 3_750 },
      { organisationId: 'org-zv-zuid', amountCents: 3_750 },
    ]);
    const odd = { ...policies, administrationFeeCents: 1_001, smallProviderRespondentSharePct: 100 };
    const [e2] = given(base).when({ type: 'register', caseNumber: 'GZC-2025-0001' }, 'sec-jan', undefined, odd).events();
    expect(e2.type === 'DisputeRegistered' && e2.data.administrationFee.shares).toEqual([
      { organisationId: 'org-zv-noord', amountCents: 501 },
      { organisationId: 'org-zv-zuid', amountCents: 500 },
    ]);
  });
  it('the respondent deadline is halved for urgent cases', () => {
    const base = filed({ urgent: true, urgencyReason: 'client stop' });
    const now = nextHour(base);
    const [, invited] = given(base).when({ type: 'register', caseNumber: 'GZC-2025-0001' }, 'sec-jan', now).events();
    expect(invited.type === 'RespondentInvited' && invited.data.deadline.dueAt).toBe(deadlineDueAt(now, 7));
  });
  it('refuses a malformed case number', () => {
    given(filed()).when({ type: 'register', caseNumber: 'GZC-25-1' }, 'sec-jan').thenRefuses('invalid', 'bad_case_number', 'caseNumber');
  });
  it('refuses other roles and statuses', () => {
    given(filed()).when({ type: 'register', caseNumber: 'GZC-2025-0001' }, 'prov-anna').thenRefuses('forbidden', 'wrong_role');
    given(filed()).when({ type: 'register', caseNumber: 'GZC-2025-0001' }, 'med-femke').thenRefuses('forbidden', 'wrong_role');
    given(registered()).when({ type: 'register', caseNumber: 'GZC-2025-0002' }, 'sec-jan').thenRefuses('conflict', 'wrong_status');
    given(awaitingInformation()).when({ type: 'register', caseNumber: 'GZC-2025-0002' }, 'sec-jan').thenRefuses('conflict', 'wrong_status');
  });
});
