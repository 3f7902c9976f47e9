import { deadlineDueAt } from '../src/deadlines';
import { dueDeadlines, foldEvents } from '../src';
import { addDays, DISPUTE_ID, given, nextHour, story, SYSTEM } from './support/given';
import { inMediation, inProceedings, mediationEnded, nominated, registered } from './support/scenarios';

const dueOf = (events: ReturnType<typeof registered>, id: string) =>
  foldEvents(events, DISPUTE_ID).deadlines.find((d) => d.deadlineId === id)!.dueAt;

describe('record-deadline-missed', () => {
  it('at dueAt the system records DeadlineMissed exactly once', () => {
    const base = registered();
    const due = dueOf(base, 'respondent_answer-1');
    given(base)
      .when({ type: 'record-deadline-missed', deadlineId: 'respondent_answer-1' }, SYSTEM, due)
      .then([
        { type: 'DeadlineMissed', data: { deadlineId: 'respondent_answer-1', kind: 'respondent_answer', dueAt: due, occurredAt: due } },
        // Rule 8: silence is not consent; the only respondent declined, so the case is declined.
        {
          type: 'SubmissionDeclined',
          data: { reason: 'no_answer', respondentOrganisationId: 'org-zv-noord', caseDeclined: true, occurredAt: due },
        },
      ]);
    const missed = story([[SYSTEM, { type: 'record-deadline-missed', deadlineId: 'respondent_answer-1' }, due]], base);
    expect(foldEvents(missed, DISPUTE_ID).deadlines[0]).toMatchObject({ status: 'missed', closedAt: due });
    given(missed)
      .when({ type: 'record-deadline-missed', deadlineId: 'respondent_answer-1' }, SYSTEM, addDays(due, 1))
      .thenRefuses('conflict', 'case_closed');
  });
  it('refuses before dueAt, met deadlines, unknown deadlines, and anyone but the system', () => {
    const base = registered();
    given(base)
      .when({ type: 'record-deadline-missed', deadlineId: 'respondent_answer-1' }, SYSTEM)
      .thenRefuses('conflict', 'deadline_not_due');
    const met = story([['ins-carla', { type: 'accept-submission', route: 'mediation' }]], base);
    given(met)
      .when({ type: 'record-deadline-missed', deadlineId: 'respondent_answer-1' }, SYSTEM, addDays(nextHour(met), 30))
      .thenRefuses('conflict', 'deadline_not_open');
    given(base)
      .when({ type: 'record-deadline-missed', deadlineId: 'nope-1' }, SYSTEM, addDays(nextHour(base), 30))
      .thenRefuses('invalid', 'unknown_deadline', 'deadlineId');
    given(base)
      .when({ type: 'record-deadline-missed', deadlineId: 'respondent_answer-1' }, 'sec-jan', addDays(nextHour(base), 30))
      .thenRefuses('forbidden', 'wrong_role');
  });
  it('a missed escalation deadline closes the case without resolution', () => {
    const base = mediationEnded();
    const due = dueOf(base, 'escalation-1');
    given(base)
      .when({ type: 'record-deadline-missed', deadlineId: 'escalation-1' }, SYSTEM, due)
      .then([
        { type: 'DeadlineMissed', data: { deadlineId: 'escalation-1', kind: 'escalation', dueAt: due, occurredAt: due } },
        { type: 'DisputeClosedWithoutResolution', data: { reason: 'escalation_deadline_missed', occurredAt: due } },
      ]);
    const s = given(base).when({ type: 'record-deadline-missed', deadlineId: 'escalation-1' }, SYSTEM, due).thenState();
    expect(s.status).toBe('closed_without_resolution');
    expect(s.outcome).toMatchObject({ reason: 'escalation_deadline_missed', mediationResult: 'no_agreement' });
  });
  it('rule 13: a challenge period that passes unused lapses: neither met nor missed', () => {
    const base = nominated();
    const due = dueOf(base, 'challenge-1');
    const later = addDays(due, 1);
    expect(dueDeadlines(foldEvents(base, DISPUTE_ID), later).map((d) => d.kind)).toContain('challenge');
    given(base)
      .when({ type: 'record-deadline-missed', deadlineId: 'challenge-1' }, SYSTEM, later)
      .then([{ type: 'ChallengePeriodEnded', data: { deadlineId: 'challenge-1', dueAt: due, used: false, occurredAt: later } }]);
    const s = given(base).when({ type: 'record-deadline-missed', deadlineId: 'challenge-1' }, SYSTEM, later).thenState();
    expect(s.deadlines.find((d) => d.deadlineId === 'challenge-1')).toMatchObject({ status: 'lapsed', closedAt: later });
    given(base)
      .when({ type: 'record-deadline-missed', deadlineId: 'challenge-1' }, SYSTEM, addDays(due, -1))
      .thenRefuses('conflict', 'deadline_not_due');
  });
  it('an escalation requested in time meets the deadline, so it can no longer be missed', () => {
    const base = story([['ins-carla', { type: 'request-escalation', route: 'arbitration' }]], mediationEnded());
    given(base)
      .when({ type: 'record-deadline-missed', deadlineId: 'escalation-1' }, SYSTEM, addDays(nextHour(base), 60))
      .thenRefuses('conflict', 'deadline_not_open');
  });
});

describe('extend-deadline', () => {
  it('the secretariat extends an open deadline: dueAt moves', () => {
    const base = registered();
    const due = dueOf(base, 'respondent_answer-1');
    const now = nextHour(base);
    const newDue = addDays(due, 7);
    given(base)
      .when({ type: 'extend-deadline', deadlineId: 'respondent_answer-1', dueDate: newDue, reason: 'holiday' }, 'sec-jan', now)
      .then([
        {
          type: 'DeadlineExtended',
          data: { deadlineId: 'respondent_answer-1', previousDueAt: due, dueAt: newDue, reason: 'holiday', occurredAt: now },
        },
      ]);
    expect(
      given(base).when({ type: 'extend-deadline', deadlineId: 'respondent_answer-1', dueDate: newDue, reason: 'h' }, 'sec-jan').thenState()
        .deadlines[0].dueAt,
    ).toBe(newDue);
  });
  it('an appointed neutral may extend; a nominee, a party may not', () => {
    const claimed = story([['prov-anna', { type: 'submit-statement', kind: 'statement_of_claim', text: 'claim' }]], inProceedings());
    expect(
      given(claimed)
        .when(
          {
            type: 'extend-deadline',
            deadlineId: 'statement_of_defence-1',
            dueDate: addDays(dueOf(claimed, 'statement_of_defence-1'), 3),
            reason: 'r',
          },
          'adv-hanna',
        )
        .events(),
    ).toHaveLength(1);
    // The mediator's term ended when they concluded the mediation (rule 3): the escalation deadline is the secretariat's.
    const ended = mediationEnded();
    given(ended)
      .when(
        { type: 'extend-deadline', deadlineId: 'escalation-1', dueDate: addDays(dueOf(ended, 'escalation-1'), 3), reason: 'r' },
        'med-femke',
      )
      .thenRefuses('forbidden', 'wrong_role');
    given(nominated())
      .when({ type: 'extend-deadline', deadlineId: 'challenge-1', dueDate: '2026-01-01', reason: 'r' }, 'med-femke')
      .thenRefuses('forbidden', 'wrong_role');
    given(registered())
      .when({ type: 'extend-deadline', deadlineId: 'respondent_answer-1', dueDate: '2026-01-01', reason: 'r' }, 'ins-carla')
      .thenRefuses('forbidden', 'wrong_role');
  });
  it('refuses a shorter due date, an unknown or closed deadline, no open deadline, empty reason', () => {
    const base = registered();
    const due = dueOf(base, 'respondent_answer-1');
    given(base)
      .when({ type: 'extend-deadline', deadlineId: 'respondent_answer-1', dueDate: addDays(due, -1), reason: 'r' }, 'sec-jan')
      .thenRefuses('invalid', 'not_in_future', 'dueDate');
    given(base)
      .when({ type: 'extend-deadline', deadlineId: 'x-1', dueDate: addDays(due, 1), reason: 'r' }, 'sec-jan')
      .thenRefuses('invalid', 'unknown_deadline', 'deadlineId');
    given(base)
      .when({ type: 'extend-deadline', deadlineId: 'respondent_answer-1', dueDate: addDays(due, 1), reason: '' }, 'sec-jan')
      .thenRefuses('invalid', 'required', 'reason');
    const withMet = story(
      [['sec-jan', { type: 'nominate-neutrals', neutralUserIds: ['med-gerrit'] }]],
      story([['ins-carla', { type: 'accept-submission', route: 'mediation' }]], base),
    );
    given(withMet)
      .when({ type: 'extend-deadline', deadlineId: 'respondent_answer-1', dueDate: addDays(due, 1), reason: 'r' }, 'sec-jan')
      .thenRefuses('conflict', 'deadline_not_open');
    given(inMediation())
      .when({ type: 'extend-deadline', deadlineId: 'challenge-1', dueDate: '2026-01-01', reason: 'r' }, 'sec-jan')
      .thenRefuses('conflict', 'no_open_deadline');
  });
});

describe('dueDeadlines', () => {
  it('lists open deadlines at or past due, for the scheduler', () => {
    const base = registered();
    const due = dueOf(base, 'respondent_answer-1');
    const s = foldEvents(base, DISPUTE_ID);
    expect(dueDeadlines(s, addDays(due, -1))).toEqual([]);
    expect(dueDeadlines(s, due).map((d) => d.deadlineId)).toEqual(['respondent_answer-1']);
  });
});

describe('rule 21: a deadline ends at 23:59:59 Amsterdam time on its last day', () => {
  it('14 days from a winter afternoon end at 22:59:59.999Z (CET) on the 14th day', () => {
    expect(deadlineDueAt('2026-11-28T15:00:00.000Z', 14)).toBe('2026-12-12T22:59:59.999Z');
  });
  it('in summer the Dutch day ends at 21:59:59.999Z (CEST)', () => {
    expect(deadlineDueAt('2026-06-01T08:00:00.000Z', 7)).toBe('2026-06-08T21:59:59.999Z');
  });
  it('counts from the Dutch calendar day: 23:30 UTC on 31 March is already 1 April in Amsterdam', () => {
    expect(deadlineDueAt('2026-03-31T23:30:00.000Z', 1)).toBe('2026-04-02T21:59:59.999Z');
  });
  it('the zone arithmetic is a pure function that can be passed in', () => {
    expect(deadlineDueAt('2026-01-01T00:00:00.000Z', 3, (now, days) => `${now}+${days}`)).toBe('2026-01-01T00:00:00.000Z+3');
  });
});
