import { foldEvents } from '../src';
import { DISPUTE_ID, given, nextHour, story } from './support/given';
import { filed, registered } from './support/scenarios';

const countered = () => story([['ins-carla', { type: 'propose-route', route: 'binding_advice', reason: 'legal question' }]], registered());

describe('accept-submission', () => {
  it('respondent accepts the proposed route from awaiting_respondent → awaiting_neutral, answer deadline met', () => {
    const base = registered();
    const now = nextHour(base);
    given(base).when({ type: 'accept-submission', route: 'mediation' }, 'ins-carla', now).then([
      { type: 'SubmissionAccepted', data: { route: 'mediation', side: 'respondent', respondentOrganisationId: 'org-zv-noord', routeAgreed: true, occurredAt: now } },
    ]);
    const s = given(base).when({ type: 'accept-submission', route: 'mediation' }, 'ins-carla').thenState();
    expect(s).toMatchObject({ status: 'awaiting_neutral', route: 'mediation', initialRoute: 'mediation' });
    expect(s.deadlines.find((d) => d.kind === 'respondent_answer')?.status).toBe('met');
  });
  it('the claimant answers a respondent counter-proposal (route_negotiation) by accepting it', () => {
    const s = given(countered()).when({ type: 'accept-submission', route: 'binding_advice' }, 'prov-anna').thenState();
    expect(s).toMatchObject({ status: 'awaiting_neutral', route: 'binding_advice', initialRoute: 'mediation' });
    expect(s.pendingRouteProposal).toBeUndefined();
  });
  it('a respondent accepts a claimant counter-proposal', () => {
    const base = story([['prov-anna', { type: 'propose-route', route: 'arbitration' }]], countered());
    expect(given(base).when({ type: 'accept-submission', route: 'arbitration' }, 'ins-carla').thenState().route).toBe('arbitration');
  });
  it('refuses a route that is not on the table, naming it and pointing to propose-route', () => {
    given(registered())
      .when({ type: 'accept-submission', route: 'arbitration' }, 'ins-carla')
      .thenRefuses('conflict', /on the table is mediation.*propose-route/);
  });
  it('refuses the side that made the pending proposal', () => {
    given(countered()).when({ type: 'accept-submission', route: 'binding_advice' }, 'ins-carla').thenRefuses('conflict', 'awaiting_other_side');
  });
  it('refuses the claimant in awaiting_respondent, non-parties, and wrong statuses', () => {
    given(registered()).when({ type: 'accept-submission', route: 'mediation' }, 'prov-anna').thenRefuses('forbidden', 'wrong_side');
    given(registered()).when({ type: 'accept-submission', route: 'mediation' }, 'ins-dirk').thenRefuses('forbidden', 'not_a_party');
    given(registered()).when({ type: 'accept-submission', route: 'mediation' }, 'sec-jan').thenRefuses('forbidden', 'wrong_role');
    given(filed()).when({ type: 'accept-submission', route: 'mediation' }, 'ins-carla').thenRefuses('conflict', 'wrong_status');
  });
  it('refuses an unknown route', () => {
    given(registered()).when({ type: 'accept-submission', route: 'duel' as never }, 'ins-carla').thenRefuses('invalid', 'unknown_value', 'route');
  });
});

describe('decline-submission', () => {
  it.each([['awaiting_respondent', registered], ['route_negotiation', countered]] as const)('respondent declines from %s → declined', (_s, base) => {
    const now = nextHour(base());
    given(base()).when({ type: 'decline-submission', reason: 'No dispute' }, 'ins-carla', now).then([
      { type: 'SubmissionDeclined', data: { reason: 'No dispute', respondentOrganisationId: 'org-zv-noord', caseDeclined: true, occurredAt: now } },
    ]);
    const s = given(base()).when({ type: 'decline-submission', reason: 'No dispute' }, 'ins-carla').thenState();
    expect(s.status).toBe('declined');
    expect(s.outcome).toEqual({ status: 'declined', reason: 'No dispute' });
    expect(s.deadlines.every((d) => d.status !== 'open')).toBe(true);
  });
  it('refuses the claimant (who should withdraw), others, empty reason, wrong status', () => {
    given(countered()).when({ type: 'decline-submission', reason: 'x' }, 'prov-anna').thenRefuses('forbidden', /withdraw/);
    given(registered()).when({ type: 'decline-submission', reason: 'x' }, 'med-femke').thenRefuses('forbidden', 'wrong_role');
    given(registered()).when({ type: 'decline-submission', reason: '' }, 'ins-carla').thenRefuses('invalid', 'required', 'reason');
    given(filed()).when({ type: 'decline-submission', reason: 'x' }, 'ins-carla').thenRefuses('conflict', 'wrong_status');
  });
});

describe('propose-route', () => {
  it('respondent counter-proposes → route_negotiation with the pending proposal; answer deadline met', () => {
    const base = registered();
    const now = nextHour(base);
    given(base).when({ type: 'propose-route', route: 'binding_advice', reason: 'legal question' }, 'ins-carla', now).then([
      { type: 'RouteProposed', data: { route: 'binding_advice', side: 'respondent', reason: 'legal question', respondentOrganisationId: 'org-zv-noord', occurredAt: now } },
    ]);
    const s = foldEvents(countered(), DISPUTE_ID);
    expect(s.status).toBe('route_negotiation');
    expect(s.pendingRouteProposal).toEqual({ route: 'binding_advice', side: 'respondent', reason: 'legal question', respondentOrganisationId: 'org-zv-noord' });
    expect(s.deadlines.find((d) => d.kind === 'respondent_answer')?.status).toBe('met');
  });
  it('the claimant counters in route_negotiation', () => {
    const s = given(countered()).when({ type: 'propose-route', route: 'arbitration' }, 'prov-anna').thenState();
    expect(s.pendingRouteProposal).toEqual({ route: 'arbitration', side: 'claimant' });
  });
  it('refuses the proposing side until the other side answered', () => {
    given(countered()).when({ type: 'propose-route', route: 'arbitration' }, 'ins-carla').thenRefuses('conflict', /waiting for the other side's answer/);
    // the claimant's filing proposal is on the table while awaiting the respondent
    given(registered()).when({ type: 'propose-route', route: 'arbitration' }, 'prov-anna').thenRefuses('conflict', 'awaiting_other_side');
  });
  it('refuses the route already on the table', () => {
    given(registered()).when({ type: 'propose-route', route: 'mediation' }, 'ins-carla').thenRefuses('conflict', 'same_route');
    given(countered()).when({ type: 'propose-route', route: 'binding_advice' }, 'prov-anna').thenRefuses('conflict', 'same_route');
  });
  it('refuses non-parties and wrong statuses', () => {
    given(registered()).when({ type: 'propose-route', route: 'arbitration' }, 'sec-jan').thenRefuses('forbidden', 'wrong_role');
    given(registered()).when({ type: 'propose-route', route: 'arbitration' }, 'prov-bram').thenRefuses('forbidden', 'not_a_party');
    given(filed()).when({ type: 'propose-route', route: 'arbitration' }, 'ins-carla').thenRefuses('conflict', 'wrong_status');
  });
});
