import { currentSchemaVersion, decide, foldEvents, toDisputeEvent, upcast } from '../src';
import { ctxFor, DISPUTE_ID, fileCommand, story } from './support/given';

// Streams recorded before rules 6–8: their events, exactly as stored then, still fold and still
// allow the next step.

const at = (h: number) => new Date(Date.parse('2024-02-01T09:00:00.000Z') + h * 3_600_000).toISOString();
const v1 = (type: string, data: Record<string, unknown>) => ({ type, data, metadata: { schemaVersion: 1 } });

/** A filed and registered case, as the current code writes those events (they did not change). */
const start = () =>
  story([
    ['prov-anna', fileCommand({ contractYear: 2024 }), at(0)],
    ['sec-jan', { type: 'register', caseNumber: 'GZC-2024-0001' }, at(1)],
  ]).map((e) => ({ type: e.type, data: e.data as unknown as Record<string, unknown>, metadata: { schemaVersion: currentSchemaVersion(e.type) } }));

const fold = (stored: { type: string; data: Record<string, unknown>; metadata: { schemaVersion: number } }[]) =>
  foldEvents(stored.map(toDisputeEvent), DISPUTE_ID);

describe('old streams keep working', () => {
  it('SubmissionAccepted and SubmissionDeclined are now at version 2', () => {
    expect(currentSchemaVersion('SubmissionAccepted')).toBe(2);
    expect(currentSchemaVersion('SubmissionDeclined')).toBe(2);
  });

  it('a stored v1 SubmissionAccepted (no respondent named) still agreed the route for the case', () => {
    const raw = v1('SubmissionAccepted', { route: 'mediation', side: 'respondent', occurredAt: at(2) });
    expect(upcast(raw).data).toEqual({ route: 'mediation', side: 'respondent', routeAgreed: true, occurredAt: at(2) });
    const stored = [...start(), raw];
    const s = fold(stored);
    expect(s).toMatchObject({ status: 'awaiting_neutral', route: 'mediation' });
    // …and the case goes on: the secretariat nominates.
    expect(decide({ type: 'nominate-neutrals', neutralUserIds: ['med-femke'] }, s, ctxFor('sec-jan', at(3)))[0].type).toBe('NeutralsNominated');
  });

  it('a stored v1 SubmissionDeclined still declined the whole case', () => {
    const s = fold([...start(), v1('SubmissionDeclined', { reason: 'No grounds', occurredAt: at(2) })]);
    expect(s).toMatchObject({ status: 'declined', outcome: { status: 'declined', reason: 'No grounds' } });
  });

  it('an old counter-proposal (no respondent named) is answered by the claimant as before', () => {
    const stored = [...start(), v1('RouteProposed', { route: 'arbitration', side: 'respondent', occurredAt: at(2) })];
    const s = fold(stored);
    expect(s.deadlines.find((d) => d.kind === 'respondent_answer')?.status).toBe('met');
    const [accepted] = decide({ type: 'accept-submission', route: 'arbitration' }, s, ctxFor('prov-anna', at(3)));
    expect(accepted).toMatchObject({ type: 'SubmissionAccepted', data: { side: 'claimant', routeAgreed: true } });
  });

  it('old escalation events (no answer deadline, no consent flag) fold as one answer for the side', () => {
    const stored = [
      ...start(),
      v1('SubmissionAccepted', { route: 'mediation', side: 'respondent', occurredAt: at(2) }),
      v1('NeutralsNominated', { neutralUserIds: ['med-femke'], role: 'mediator', chairUserId: 'med-femke', challengeDeadline: { deadlineId: 'challenge-1', kind: 'challenge', dueAt: at(100) }, occurredAt: at(3) }),
      v1('NeutralsAppointed', { neutralUserIds: ['med-femke'], role: 'mediator', chairUserId: 'med-femke', route: 'mediation', occurredAt: at(4) }),
      v1('MediationConcluded', { result: 'no_agreement', escalationDeadline: { deadlineId: 'escalation-1', kind: 'escalation', dueAt: at(500) }, occurredAt: at(5) }),
      v1('EscalationRequested', { route: 'arbitration', side: 'claimant', occurredAt: at(6) }),
      v1('EscalationAccepted', { route: 'arbitration', side: 'respondent', occurredAt: at(7) }),
    ];
    expect(fold(stored)).toMatchObject({ status: 'awaiting_neutral', route: 'arbitration', escalations: 1 });
  });

  it('a stored DecisionRendered v2 (no costAllocationReason) folds unchanged', () => {
    const raw = { type: 'DecisionRendered', data: { outcome: 'claim_rejected', costAllocation: { claimantPct: 60, respondentPct: 40 }, summary: 'No', occurredAt: at(9) }, metadata: { schemaVersion: 2 } };
    expect(upcast(raw).data).toBe(raw.data);
    expect(fold([...start(), raw]).outcome?.decision).toEqual({ outcome: 'claim_rejected', claimantCostSharePct: 60, summary: 'No' });
  });
});
