import { foldEvents } from '../src';
import { deadlineDueAt } from '../src/deadlines';
import { DISPUTE_ID, given, nextHour, story } from './support/given';
import { escalated, inMediation, mediationEnded, nominated, SESSION_START, sessionHeld } from './support/scenarios';

const scheduled = () =>
  story(
    [['med-femke', { type: 'schedule-session', sessionId: 's1', startsAt: '2025-06-01T10:00:00Z', location: 'Utrecht' }]],
    inMediation(),
  );

describe('schedule-session / record-session', () => {
  it('the appointed mediator schedules and records sessions', () => {
    const base = inMediation();
    const now = nextHour(base);
    given(base)
      .when({ type: 'schedule-session', sessionId: 's1', startsAt: '2025-06-01T10:00:00Z', location: 'Utrecht' }, 'med-femke', now)
      .then([
        { type: 'SessionScheduled', data: { sessionId: 's1', startsAt: '2025-06-01T10:00:00.000Z', location: 'Utrecht', occurredAt: now } },
      ]);
    const now2 = SESSION_START;
    given(scheduled())
      .when({ type: 'record-session', sessionId: 's1', notes: 'confidential' }, 'med-femke', now2)
      .then([{ type: 'SessionHeld', data: { sessionId: 's1', notes: 'confidential', occurredAt: now2 } }]);
    expect(given(scheduled()).when({ type: 'record-session', sessionId: 's1' }, 'med-femke', now2).thenState().sessions[0].held).toBe(true);
  });
  it('refuses other mediators, parties, a nominee not yet appointed', () => {
    given(inMediation())
      .when({ type: 'schedule-session', sessionId: 's1', startsAt: '2025-06-01T10:00:00Z' }, 'med-gerrit')
      .thenRefuses('forbidden', 'not_appointed');
    given(inMediation())
      .when({ type: 'schedule-session', sessionId: 's1', startsAt: '2025-06-01T10:00:00Z' }, 'prov-anna')
      .thenRefuses('forbidden', 'wrong_role');
    given(nominated())
      .when({ type: 'schedule-session', sessionId: 's1', startsAt: '2025-06-01T10:00:00Z' }, 'med-femke')
      .thenRefuses('forbidden', 'not_appointed');
  });
  it('refuses a duplicate session id, a start in the past', () => {
    given(scheduled())
      .when({ type: 'schedule-session', sessionId: 's1', startsAt: '2025-06-02T10:00:00Z' }, 'med-femke')
      .thenRefuses('invalid', 'duplicate_id', 'sessionId');
    given(inMediation())
      .when({ type: 'schedule-session', sessionId: 's2', startsAt: '2020-06-02T10:00:00Z' }, 'med-femke')
      .thenRefuses('invalid', 'not_in_future', 'startsAt');
  });
  it('record-session needs a scheduled session not yet held', () => {
    given(inMediation()).when({ type: 'record-session', sessionId: 's1' }, 'med-femke').thenRefuses('conflict', 'no_session_scheduled');
    given(scheduled())
      .when({ type: 'record-session', sessionId: 'zz' }, 'med-femke', SESSION_START)
      .thenRefuses('invalid', 'unknown_session', 'sessionId');
    const twice = story(
      [
        ['med-femke', { type: 'record-session', sessionId: 's1' }, SESSION_START],
        ['med-femke', { type: 'schedule-session', sessionId: 's2', startsAt: '2025-07-01T10:00:00Z' }],
      ],
      scheduled(),
    );
    given(twice)
      .when({ type: 'record-session', sessionId: 's1' }, 'med-femke', '2025-07-01T10:00:00.000Z')
      .thenRefuses('conflict', 'already_held');
  });
  it('refuses outside in_mediation', () => {
    // The mediator's term ended with the mediation (rule 3): they are no longer appointed.
    given(mediationEnded())
      .when({ type: 'schedule-session', sessionId: 's9', startsAt: '2025-09-01T10:00:00Z' }, 'med-femke')
      .thenRefuses('forbidden', 'not_appointed');
  });
});

describe('conclude-mediation', () => {
  const withSettlement = () =>
    story(
      [
        [
          'prov-anna',
          {
            type: 'submit-document',
            documentId: 'vso',
            name: 'vaststellingsovereenkomst.pdf',
            mediaType: 'application/pdf',
            sizeBytes: 10,
            sha256: 'b'.repeat(64),
            visibility: 'parties',
          },
        ],
      ],
      sessionHeld(),
    );
  it('full agreement → settled with the mediation result', () => {
    const base = withSettlement();
    const now = nextHour(base);
    given(base)
      .when({ type: 'conclude-mediation', result: 'full_agreement', settlementDocumentId: 'vso' }, 'med-femke', now)
      .then([
        { type: 'MediationConcluded', data: { result: 'full_agreement', settlementDocumentId: 'vso', occurredAt: now } },
        {
          type: 'NeutralTermEnded',
          data: { neutralUserId: 'med-femke', role: 'mediator', reason: 'mediation_concluded', appointed: true, occurredAt: now },
        },
      ]);
    const s = given(base)
      .when({ type: 'conclude-mediation', result: 'full_agreement', settlementDocumentId: 'vso' }, 'med-femke')
      .thenState();
    expect(s.status).toBe('settled');
    expect(s.outcome).toEqual({ status: 'settled', mediationResult: 'full_agreement' });
  });
  it.each(['partial_agreement', 'no_agreement'] as const)('%s → mediation_ended with an escalation deadline', (result) => {
    const base = sessionHeld();
    const now = nextHour(base);
    given(base)
      .when({ type: 'conclude-mediation', result }, 'med-femke', now)
      .then([
        {
          type: 'MediationConcluded',
          data: {
            result,
            escalationDeadline: { deadlineId: 'escalation-1', kind: 'escalation', dueAt: deadlineDueAt(now, 30) },
            occurredAt: now,
          },
        },
        {
          type: 'NeutralTermEnded',
          data: { neutralUserId: 'med-femke', role: 'mediator', reason: 'mediation_concluded', appointed: true, occurredAt: now },
        },
      ]);
    const s = foldEvents(mediationEnded(result), DISPUTE_ID);
    expect(s).toMatchObject({ status: 'mediation_ended', mediationResult: result });
  });
  it('refuses a settlement document that is not on the case, an unknown result, others', () => {
    given(sessionHeld())
      .when({ type: 'conclude-mediation', result: 'full_agreement', settlementDocumentId: 'd9' }, 'med-femke')
      .thenRefuses('invalid', 'unknown_document', 'settlementDocumentId');
    given(inMediation())
      .when({ type: 'conclude-mediation', result: 'meh' as never }, 'med-femke')
      .thenRefuses('invalid', 'unknown_value', 'result');
    given(inMediation()).when({ type: 'conclude-mediation', result: 'no_agreement' }, 'sec-jan').thenRefuses('forbidden', 'wrong_role');
  });
});

describe('escalation', () => {
  it('request-escalation by a party: EscalationRequested, escalation deadline met', () => {
    const base = mediationEnded();
    const now = nextHour(base);
    given(base)
      .when({ type: 'request-escalation', route: 'binding_advice' }, 'prov-anna', now)
      .then([
        {
          type: 'EscalationRequested',
          data: {
            route: 'binding_advice',
            side: 'claimant',
            answerDeadline: { deadlineId: 'escalation_answer-1', kind: 'escalation_answer', dueAt: deadlineDueAt(now, 14) },
            occurredAt: now,
          },
        },
      ]);
    const s = given(base).when({ type: 'request-escalation', route: 'arbitration' }, 'ins-carla').thenState();
    expect(s.pendingEscalation).toEqual({ route: 'arbitration', side: 'respondent', acceptedBy: [] });
    expect(s.deadlines.find((d) => d.kind === 'escalation')?.status).toBe('met');
  });
  it('accept-escalation by the other side: new route, awaiting_neutral, escalations 1; the mediator’s term ended at conclusion', () => {
    const s = foldEvents(escalated(), DISPUTE_ID);
    expect(s).toMatchObject({ status: 'awaiting_neutral', route: 'binding_advice', initialRoute: 'mediation', escalations: 1 });
    expect(s.neutrals).toEqual([expect.objectContaining({ userId: 'med-femke', status: 'ended', endReason: 'mediation_concluded' })]);
    expect(s.pendingEscalation).toBeUndefined();
  });
  it('decline-escalation by the other side → closed_without_resolution', () => {
    const base = story([['prov-anna', { type: 'request-escalation', route: 'arbitration' }]], mediationEnded('partial_agreement'));
    const now = nextHour(base);
    given(base)
      .when({ type: 'decline-escalation', reason: 'too costly' }, 'ins-carla', now)
      .then([
        {
          type: 'EscalationDeclined',
          data: { side: 'respondent', reason: 'too costly', respondentOrganisationId: 'org-zv-noord', occurredAt: now },
        },
      ]);
    const s = given(base).when({ type: 'decline-escalation' }, 'ins-carla').thenState();
    expect(s.status).toBe('closed_without_resolution');
    expect(s.outcome).toMatchObject({ status: 'closed_without_resolution', mediationResult: 'partial_agreement' });
  });
  it('refuses: requesting side answering its own request, no request, a second request, non-party, bad route, wrong status', () => {
    const requested = story([['prov-anna', { type: 'request-escalation', route: 'arbitration' }]], mediationEnded());
    given(requested).when({ type: 'accept-escalation' }, 'prov-anna').thenRefuses('conflict', 'awaiting_other_side');
    given(requested).when({ type: 'decline-escalation' }, 'prov-anna').thenRefuses('conflict', 'awaiting_other_side');
    given(mediationEnded()).when({ type: 'accept-escalation' }, 'ins-carla').thenRefuses('conflict', 'no_escalation_request');
    given(requested)
      .when({ type: 'request-escalation', route: 'binding_advice' }, 'ins-carla')
      .thenRefuses('conflict', 'escalation_pending');
    given(mediationEnded())
      .when({ type: 'request-escalation', route: 'binding_advice' }, 'med-femke')
      .thenRefuses('forbidden', 'wrong_role');
    given(mediationEnded())
      .when({ type: 'request-escalation', route: 'mediation' as never }, 'prov-anna')
      .thenRefuses('invalid', 'unknown_value', 'route');
    given(inMediation()).when({ type: 'request-escalation', route: 'binding_advice' }, 'prov-anna').thenRefuses('conflict', 'wrong_status');
  });
});
