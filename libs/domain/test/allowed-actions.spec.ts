import { allowedActions, foldEvents, type Action, type DisputeEvent } from '../src';
import { actor, directory, DISPUTE_ID, nextHour, story } from './support/given';
import { filed, inMediation, inProceedings, mediationEnded, nominated, registered } from './support/scenarios';

const allowed = (events: DisputeEvent[], who: string, now = nextHour(events)): Action[] =>
  allowedActions(foldEvents(events, DISPUTE_ID), actor(who), { now, directory });

describe('allowedActions', () => {
  it('on a filed case', () => {
    expect(allowed(filed(), 'sec-jan')).toEqual(['request-information', 'declare-inadmissible', 'register', 'submit-document']);
    expect(allowed(filed(), 'prov-anna')).toEqual(['withdraw', 'submit-document']);
    // rule 1: the respondent learns of the case at registration
    expect(allowed(filed(), 'ins-carla')).toEqual([]);
    expect(allowed(filed(), 'obs-karin')).toEqual([]);
    expect(allowed(filed(), 'med-femke')).toEqual([]);
  });
  it('awaiting the respondent', () => {
    expect(allowed(registered(), 'ins-carla')).toEqual(['accept-submission', 'decline-submission', 'propose-route', 'submit-document']);
    expect(allowed(registered(), 'prov-anna')).toEqual(['withdraw', 'submit-document']);
    expect(allowed(registered(), 'sec-jan')).toEqual(['record-settlement', 'submit-document', 'extend-deadline', 'invoice-fee']);
  });
  it('in route negotiation after a respondent counter-proposal, the claimant may accept it', () => {
    const s = story([['ins-carla', { type: 'propose-route', route: 'arbitration' }]], registered());
    expect(allowed(s, 'prov-anna')).toEqual(['accept-submission', 'propose-route', 'withdraw', 'submit-document']);
    expect(allowed(s, 'ins-carla')).toEqual(['decline-submission', 'submit-document']);
  });
  it('with a nomination: parties may challenge within the deadline, the secretariat may appoint', () => {
    expect(allowed(nominated(), 'prov-anna')).toContain('challenge-neutral');
    expect(allowed(nominated(), 'prov-anna', '2026-01-01T00:00:00Z')).not.toContain('challenge-neutral');
    expect(allowed(nominated(), 'prov-anna')).toContain('waive-challenge');
    expect(allowed(nominated(), 'sec-jan', '2026-01-01T00:00:00Z')).toContain('appoint-neutrals');
    // rule 11: not yet appointable while the period runs and not every party waived
    expect(allowed(nominated(), 'sec-jan')).toEqual(['record-settlement', 'submit-document', 'extend-deadline', 'invoice-fee']);
    // rule 2: a nominee only checks conflicts
    expect(allowed(nominated(), 'med-femke')).toEqual([]);
  });
  it('in mediation, the mediator runs it', () => {
    expect(allowed(inMediation(), 'med-femke')).toEqual(['schedule-session', 'conclude-mediation', 'submit-document']);
    expect(allowed(inMediation(), 'med-gerrit')).toEqual([]);
  });
  it('after mediation without agreement, either party may request escalation', () => {
    expect(allowed(mediationEnded(), 'prov-anna')).toEqual(['request-escalation', 'withdraw', 'submit-document']);
    const requested = story([['prov-anna', { type: 'request-escalation', route: 'arbitration' }]], mediationEnded());
    expect(allowed(requested, 'ins-carla')).toEqual(['accept-escalation', 'decline-escalation', 'submit-document']);
    expect(allowed(requested, 'prov-anna')).toEqual(['withdraw', 'submit-document']);
  });
  it('in proceedings, only the chair may render the decision', () => {
    // Rule 14: no statements and no hearing yet, so no decision is offered even to the chair.
    expect(allowed(inProceedings(), 'adv-hanna')).toEqual(['schedule-hearing', 'submit-document']);
    expect(allowed(inProceedings(), 'adv-isaac')).toEqual(['schedule-hearing', 'submit-document']);
    // rule 12: a party may challenge an appointed neutral on new facts
    expect(allowed(inProceedings(), 'prov-anna')).toEqual(['challenge-neutral', 'submit-statement', 'withdraw', 'submit-document', 'waive-hearing']);
    expect(allowed(inProceedings(), 'ins-carla')).toEqual(['challenge-neutral', 'submit-document', 'waive-hearing']);
    expect(allowed(inProceedings(), 'med-femke')).toEqual([]);
  });
  it('on a closed case only fees remain, for the secretariat', () => {
    const closed = story([['prov-anna', { type: 'withdraw' }]], registered());
    expect(allowed(closed, 'prov-anna')).toEqual([]);
    expect(allowed(closed, 'sec-jan')).toEqual(['invoice-fee']);
  });
  it('nothing on a case that does not exist', () => {
    expect(allowed([], 'sec-jan')).toEqual([]);
  });
});
