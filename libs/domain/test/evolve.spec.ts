import { evolve, foldEvents, initialState, type DisputeEvent } from '../src';
import { DISPUTE_ID, given, story, SYSTEM } from './support/given';
import { filed, registered } from './support/scenarios';

describe('evolve', () => {
  it('starts empty', () => {
    expect(initialState('x')).toMatchObject({ exists: false, disputeId: 'x', version: 0, status: 'none', neutrals: [], deadlines: [] });
  });
  it('returns a new object, one version later, updated at the event time; the old state is untouched', () => {
    const s0 = foldEvents(filed(), DISPUTE_ID);
    const snapshot = structuredClone(s0);
    const e: DisputeEvent = {
      type: 'RouteProposed',
      data: { route: 'arbitration', side: 'respondent', occurredAt: '2025-04-01T00:00:00.000Z' },
    };
    const s1 = evolve(s0, e);
    expect(s1).not.toBe(s0);
    expect(s1).toMatchObject({ version: s0.version + 1, updatedAt: '2025-04-01T00:00:00.000Z' });
    expect(structuredClone(s0)).toEqual(snapshot);
  });
  it('an unknown event type changes only version and updatedAt', () => {
    const s0 = foldEvents(filed(), DISPUTE_ID);
    const snapshot = structuredClone(s0);
    const s1 = evolve(s0, { type: 'SomethingNew', data: { occurredAt: '2025-05-01T00:00:00.000Z' } } as unknown as DisputeEvent);
    expect({ ...s1, version: s0.version, updatedAt: s0.updatedAt }).toEqual(s0);
    // Still a new object: evolve sets the version on the object it returns, never on the old state.
    expect(s1).not.toBe(s0);
    expect(s0).toEqual(snapshot);
  });
  it('a terminal status cancels all open deadlines', () => {
    const s = foldEvents(story([['prov-anna', { type: 'withdraw' }]], registered()), DISPUTE_ID);
    expect(s.deadlines.map((d) => d.status)).toEqual(['cancelled']);
  });
});

describe('every command on a closed case is refused, naming the terminal status', () => {
  const closed = story([['ins-carla', { type: 'decline-submission', reason: 'no' }]], registered());
  it.each([
    ['sec-jan', { type: 'request-information', questions: 'q' }],
    ['prov-anna', { type: 'provide-information', answers: 'a' }],
    ['sec-jan', { type: 'declare-inadmissible', reason: 'other', explanation: 'e' }],
    ['sec-jan', { type: 'register', caseNumber: 'GZC-2025-0001' }],
    ['ins-carla', { type: 'accept-submission', route: 'mediation' }],
    ['ins-carla', { type: 'propose-route', route: 'arbitration' }],
    ['sec-jan', { type: 'nominate-neutrals', neutralUserIds: ['med-femke'] }],
    ['sec-jan', { type: 'appoint-neutrals' }],
    ['prov-anna', { type: 'request-escalation', route: 'arbitration' }],
    ['prov-anna', { type: 'submit-statement', kind: 'statement_of_claim' }],
    ['prov-anna', { type: 'withdraw' }],
    ['sec-jan', { type: 'record-settlement' }],
    [SYSTEM, { type: 'record-deadline-missed', deadlineId: 'respondent_answer-1' }],
  ] as const)('%s %o', (who, command) => {
    given(closed)
      .when(command as never, who)
      .thenRefuses('conflict', /closed: it was declined by the respondent/);
  });
});
