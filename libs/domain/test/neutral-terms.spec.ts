import {
  allowedActions,
  canSeeDocument,
  canSeeEvent,
  canSeeSessionNotes,
  caseAccess,
  casePrincipals,
  currentSchemaVersion,
  foldEvents,
  statisticsAudience,
  toDisputeEvent,
  visibleEventData,
  type DisputeEvent,
  type DisputeState,
} from '../src';
import { actor, addDays, directory, DISPUTE_ID, given, nextHour, story, SYSTEM, T0 } from './support/given';
import { accepted, escalated, filed, inMediation, inProceedings, mediationEnded, nominated, PANEL, registered, waived } from './support/scenarios';

// Procedural rules 1–5 (notice and visibility) and 10–13 (neutrals), given / when / then.

const SHA = 'e'.repeat(64);
const fold = (events: DisputeEvent[]): DisputeState => foldEvents(events, DISPUTE_ID);
const doc = (documentId: string, visibility: 'parties' | 'neutral_only' | 'secretariat' = 'neutral_only') => ({
  type: 'submit-document' as const,
  documentId,
  name: `${documentId}.pdf`,
  mediaType: 'application/pdf',
  sizeBytes: 10,
  sha256: SHA,
  visibility,
});
const seesDocs = (state: DisputeState, who: string) =>
  state.documents.filter((d) => canSeeDocument(d, state, actor(who))).map((d) => d.documentId);
/** Every event of the stream with its version, as the timeline and a notifier meet them. */
const refs = (events: DisputeEvent[]) => events.map((e, i) => ({ type: e.type, data: e.data as unknown as Record<string, unknown>, version: i + 1 }));
const visibleTypes = (events: DisputeEvent[], who: string) => {
  const state = fold(events);
  return refs(events).filter((e) => canSeeEvent(e, state, actor(who))).map((e) => e.type);
};
const allowed = (events: DisputeEvent[], who: string, now = nextHour(events)) => allowedActions(fold(events), actor(who), { now, directory });

describe('rule 1: a respondent learns of the case at registration', () => {
  it('given a filed case, the respondent has no access, lists nothing and may do nothing; the claimant and the secretariat see it', () => {
    const s = fold(filed());
    expect(caseAccess(s, actor('ins-carla'))).toEqual({ kind: 'none' });
    expect(allowed(filed(), 'ins-carla')).toEqual([]);
    expect(casePrincipals(s)).toEqual(new Set(['org:org-fysio-delinde']));
    expect(visibleTypes(filed(), 'ins-carla')).toEqual([]);
    for (const who of ['prov-anna', 'sec-jan']) expect(caseAccess(s, actor(who))).toEqual({ kind: 'full' });
    given(filed()).when(doc('early', 'parties'), 'ins-carla').thenRefuses('forbidden', 'not_on_case');
  });
  it('when the secretariat registers it (RespondentInvited), then the respondent sees it, its history included', () => {
    const events = registered();
    const s = fold(events);
    expect(s.respondentInvitedAt).toBe(events.find((e) => e.type === 'RespondentInvited')!.data.occurredAt);
    expect(caseAccess(s, actor('ins-carla'))).toEqual({ kind: 'full' });
    expect(casePrincipals(s)).toEqual(new Set(['org:org-fysio-delinde', 'org:org-zv-noord']));
    expect(visibleTypes(events, 'ins-carla')).toEqual(['DisputeFiled', 'DisputeRegistered', 'RespondentInvited']);
  });
});

describe('rule 2: a nominated neutral sees only what a conflict check needs', () => {
  it('given a nomination, the nominee gets a conflict check: no documents, no timeline, no actions', () => {
    const events = story([['prov-anna', doc('open', 'parties')]], nominated());
    const s = fold(events);
    expect(caseAccess(s, actor('med-femke'))).toEqual({ kind: 'conflict_check' });
    expect(seesDocs(s, 'med-femke')).toEqual([]);
    expect(visibleTypes(events, 'med-femke')).toEqual([]);
    expect(allowed(events, 'med-femke')).toEqual([]);
    expect(casePrincipals(s).has('user:med-femke')).toBe(true);
    given(events).when(doc('mine'), 'med-femke').thenRefuses('forbidden', 'not_on_case');
  });
  it('when appointed, then the neutral sees the case in full', () => {
    const s = fold(inMediation());
    expect(caseAccess(s, actor('med-femke'))).toEqual({ kind: 'full' });
  });
});

describe('rule 3: a neutral’s access ends with their term', () => {
  it('given a nomination, when a challenge against it is upheld, then the nominee’s term ends and the case is gone for them', () => {
    const events = story(
      [
        ['ins-carla', { type: 'challenge-neutral', neutralUserId: 'med-femke', grounds: 'works for the provider' }],
        ['sec-jan', { type: 'decide-challenge', neutralUserId: 'med-femke', upheld: true }],
      ],
      nominated(),
    );
    const s = fold(events);
    expect(s.neutrals[0]).toMatchObject({ status: 'ended', endReason: 'challenge_upheld' });
    expect(caseAccess(s, actor('med-femke'))).toEqual({ kind: 'none' });
    expect(casePrincipals(s).has('user:med-femke')).toBe(false);
  });
  it('given a panel nominated as one, when one member’s challenge is upheld, then every nominee’s term ends', () => {
    const events = story(
      [
        ['prov-anna', { type: 'challenge-neutral', neutralUserId: 'adv-julia', grounds: 'g' }],
        ['sec-jan', { type: 'decide-challenge', neutralUserId: 'adv-julia', upheld: true }],
      ],
      nominated(PANEL, accepted('binding_advice')),
    );
    expect(events.filter((e) => e.type === 'NeutralTermEnded').map((e) => e.data)).toEqual([
      expect.objectContaining({ neutralUserId: 'adv-julia', reason: 'challenge_upheld', appointed: false }),
      expect.objectContaining({ neutralUserId: 'adv-hanna', reason: 'nomination_lapsed', appointed: false }),
      expect.objectContaining({ neutralUserId: 'adv-isaac', reason: 'nomination_lapsed', appointed: false }),
    ]);
    for (const who of PANEL) expect(caseAccess(fold(events), actor(who)).kind).toBe('none');
  });
  it('when the mediator concludes the mediation, then their term ends: the record of their term stays, nothing after it', () => {
    const ended = mediationEnded();
    const endVersion = ended.length; // NeutralTermEnded is the last event of the conclusion
    expect(ended[ended.length - 1]).toMatchObject({ type: 'NeutralTermEnded', data: { neutralUserId: 'med-femke', reason: 'mediation_concluded', appointed: true } });
    const later = story([['prov-anna', doc('after', 'parties')], ['prov-anna', { type: 'request-escalation', route: 'binding_advice' }]], ended);
    const s = fold(later);
    expect(caseAccess(s, actor('med-femke'))).toEqual({ kind: 'term_record', untilVersion: endVersion });
    expect(seesDocs(s, 'med-femke')).toEqual([]);
    expect(visibleTypes(later, 'med-femke')).not.toContain('EscalationRequested');
    expect(visibleTypes(later, 'med-femke')).toContain('MediationConcluded');
    expect(allowed(later, 'med-femke')).toEqual([]);
    expect(casePrincipals(s).has('user:med-femke')).toBe(false);
    // their own session notes remain theirs in the record of their term
    expect(canSeeSessionNotes(s, actor('med-femke'))).toBe(true);
  });
  it('streams stored before terms were recorded: the mediator’s role ends on escalation, as it did', () => {
    const legacy = escalated().filter((e) => e.type !== 'NeutralTermEnded');
    const s = fold(legacy);
    expect(s.neutrals[0]).toMatchObject({ status: 'ended', endReason: 'escalated' });
    expect(caseAccess(s, actor('med-femke')).kind).toBe('term_record');
  });
});

describe('rule 4: what is said in mediation stays in mediation', () => {
  const mediationNotes = () =>
    story(
      [
        ['prov-anna', doc('anna-to-mediator')],
        ['ins-carla', doc('carla-to-mediator')],
        ['prov-anna', doc('shared', 'parties')],
      ],
      inMediation(),
    );
  it('given neutral_only documents submitted in mediation, the mediator and each submitter see them, the other party never', () => {
    const s = fold(mediationNotes());
    expect(s.documents.map((d) => d.procedureStage)).toEqual([1, 1, 1]);
    expect(seesDocs(s, 'med-femke')).toEqual(['anna-to-mediator', 'carla-to-mediator', 'shared']);
    expect(seesDocs(s, 'prov-anna')).toEqual(['anna-to-mediator', 'shared']);
    expect(seesDocs(s, 'ins-carla')).toEqual(['carla-to-mediator', 'shared']);
  });
  it('when the case is escalated to a panel, then the panel never reads the mediation’s neutral_only documents, only its own', () => {
    const base = mediationNotes();
    const events = story(
      [
        ['med-femke', { type: 'conclude-mediation', result: 'no_agreement' }],
        ['prov-anna', { type: 'request-escalation', route: 'binding_advice' }],
        ['ins-carla', { type: 'accept-escalation' }],
        ['sec-jan', { type: 'nominate-neutrals', neutralUserIds: PANEL, chairUserId: 'adv-hanna' }],
        ['prov-anna', { type: 'waive-challenge' }],
        ['ins-carla', { type: 'waive-challenge' }],
        ['sec-jan', { type: 'appoint-neutrals' }],
        ['prov-anna', doc('anna-to-panel')],
      ],
      base,
    );
    const s = fold(events);
    expect(s.documents.find((d) => d.documentId === 'anna-to-panel')?.procedureStage).toBe(2);
    for (const adviser of PANEL) expect(seesDocs(s, adviser)).toEqual(['shared', 'anna-to-panel']);
    // the mediator's record ends with their term: not the panel's document
    expect(seesDocs(s, 'med-femke')).toEqual(['anna-to-mediator', 'carla-to-mediator', 'shared']);
    expect(seesDocs(s, 'ins-carla')).toEqual(['carla-to-mediator', 'shared']);
  });
  it('session notes: the mediator alone', () => {
    const s = fold(inMediation());
    expect(canSeeSessionNotes(s, actor('med-femke'))).toBe(true);
    for (const who of ['prov-anna', 'ins-carla', 'sec-jan', 'adv-hanna']) expect(canSeeSessionNotes(s, actor(who))).toBe(false);
    const held = story(
      [
        ['med-femke', { type: 'schedule-session', sessionId: 's1', startsAt: addDays(T0, 2) }],
        ['med-femke', { type: 'record-session', sessionId: 's1', notes: 'insurer could live with 3%' }, addDays(T0, 3)],
      ],
      inMediation(),
    );
    const heldState = fold(held);
    const entry = refs(held).find((e) => e.type === 'SessionHeld')!;
    expect(visibleEventData(entry, heldState, actor('med-femke'))?.notes).toBe('insurer could live with 3%');
    expect(visibleEventData(entry, heldState, actor('prov-anna'))).toEqual({ sessionId: 's1', occurredAt: addDays(T0, 3) });
  });
});

describe('rule 5: what a reader sees carries no stream version', () => {
  it('event data holds no version; the internal versions of terms and documents are not part of any event', () => {
    const events = story([['prov-anna', doc('d', 'parties')]], mediationEnded());
    for (const e of events) expect(Object.keys(e.data)).not.toEqual(expect.arrayContaining(['version']));
    const s = fold(events);
    const entry = refs(events).find((e) => e.type === 'DocumentSubmitted')!;
    expect(Object.keys(visibleEventData(entry, s, actor('ins-carla'))!)).not.toContain('version');
    expect(Object.keys(visibleEventData(entry, s, actor('ins-carla'))!)).not.toContain('recordedAtVersion');
  });
});

describe('rule 10: the secretariat names the chair of a panel of three', () => {
  it('when a panel of three is nominated without a chair, then it is refused naming chairUserId', () => {
    given(accepted('binding_advice')).when({ type: 'nominate-neutrals', neutralUserIds: PANEL }, 'sec-jan').thenRefuses('invalid', 'chair_required', 'chairUserId');
  });
  it('when the chair is not one of the panel, then it is refused', () => {
    const de = given(accepted('binding_advice'))
      .when({ type: 'nominate-neutrals', neutralUserIds: PANEL, chairUserId: 'adv-nobody' }, 'sec-jan')
      .thenRefuses('invalid', 'chair_not_on_panel', 'chairUserId');
    expect(de.messages.nl).toMatch(/voorzitter moet een van de leden/);
  });
  it('then NeutralsNominated records the chair, and the appointment keeps it', () => {
    const events = story([['sec-jan', { type: 'nominate-neutrals', neutralUserIds: PANEL, chairUserId: 'adv-isaac' }]], accepted('binding_advice'));
    expect(events[events.length - 1].data).toMatchObject({ chairUserId: 'adv-isaac' });
    const s = fold(story([['sec-jan', { type: 'appoint-neutrals' }, addDays(T0, 30)]], events));
    expect(s.neutrals.filter((n) => n.chair).map((n) => n.userId)).toEqual(['adv-isaac']);
  });
  it('a single neutral chairs alone; chairUserId may be left out', () => {
    expect(given(accepted()).when({ type: 'nominate-neutrals', neutralUserIds: ['med-femke'] }, 'sec-jan').events()[0].data).toMatchObject({ chairUserId: 'med-femke' });
  });
});

describe('rule 11: appointment waits for the challenge period', () => {
  it('given a nomination 15 ms old, when the secretariat appoints, then it is refused with the date in Dutch', () => {
    const base = nominated();
    const at = new Date(Date.parse(base[base.length - 1].data.occurredAt) + 15).toISOString();
    const de = given(base).when({ type: 'appoint-neutrals' }, 'sec-jan', at).thenRefuses('conflict', 'challenge_period_open');
    expect(de.messages.nl).toMatch(/De partijen kunnen nog tot \d+ maart 2025 om \d\d:\d\d bezwaar maken/);
  });
  it('when only one party waived, then still refused; when every party waived, then appointed at once', () => {
    const one = story([['prov-anna', { type: 'waive-challenge' }]], nominated());
    given(one).when({ type: 'appoint-neutrals' }, 'sec-jan').thenRefuses('conflict', 'challenge_period_open');
    expect(given(waived()).when({ type: 'appoint-neutrals' }, 'sec-jan').thenState().status).toBe('in_mediation');
  });
  it('when the period has passed unused, then the secretariat appoints', () => {
    expect(given(nominated()).when({ type: 'appoint-neutrals' }, 'sec-jan', addDays(T0, 9)).thenState().status).toBe('in_mediation');
  });
  it('while any challenge is undecided, appointment is refused, even after the period', () => {
    const challenged = story([['ins-carla', { type: 'challenge-neutral', neutralUserId: 'med-femke', grounds: 'g' }]], nominated());
    given(challenged).when({ type: 'appoint-neutrals' }, 'sec-jan', addDays(T0, 30)).thenRefuses('conflict', 'challenge_pending');
  });
  it('waive-challenge: ChallengeWaived per organisation and nomination; refused twice, after the period, by non-parties', () => {
    const base = nominated();
    const now = nextHour(base);
    given(base).when({ type: 'waive-challenge' }, 'ins-carla', now).then([
      { type: 'ChallengeWaived', data: { nominationId: 'challenge-1', organisationId: 'org-zv-noord', side: 'respondent', occurredAt: now } },
    ]);
    given(story([['ins-carla', { type: 'waive-challenge' }]], base)).when({ type: 'waive-challenge' }, 'ins-carla').thenRefuses('conflict', 'already_waived');
    given(base).when({ type: 'waive-challenge' }, 'prov-anna', addDays(T0, 30)).thenRefuses('conflict', 'no_challenge_period');
    given(base).when({ type: 'waive-challenge' }, 'sec-jan').thenRefuses('forbidden', 'wrong_role');
    given(accepted()).when({ type: 'waive-challenge' }, 'prov-anna').thenRefuses('conflict', 'no_challenge_period');
  });
  it('a waiver counts for one nomination only: a new nomination opens a new period', () => {
    const renominated = story(
      [
        ['prov-anna', { type: 'waive-challenge' }],
        ['ins-carla', { type: 'challenge-neutral', neutralUserId: 'med-femke', grounds: 'g' }],
        ['sec-jan', { type: 'decide-challenge', neutralUserId: 'med-femke', upheld: true }],
        ['sec-jan', { type: 'nominate-neutrals', neutralUserIds: ['med-gerrit'] }],
        ['ins-carla', { type: 'waive-challenge' }],
      ],
      nominated(),
    );
    given(renominated).when({ type: 'appoint-neutrals' }, 'sec-jan').thenRefuses('conflict', 'challenge_period_open');
  });
  it('in a collective dispute the association waives for the claimants; a member cannot', () => {
    const collective = story(
      [
        ['sec-jan', { type: 'register', caseNumber: 'GZC-2025-0009' }],
        ['ins-dirk', { type: 'accept-submission', route: 'mediation' }],
        ['sec-jan', { type: 'nominate-neutrals', neutralUserIds: ['med-gerrit'] }],
      ],
      filed({ claimantOrganisationIds: ['org-fysio-delinde', 'org-ggz-praktijk-oost'], respondentOrganisationIds: ['org-zv-zuid'] }, 'assoc-eva'),
    );
    given(collective).when({ type: 'waive-challenge' }, 'prov-chantal').thenRefuses('forbidden', 'not_waiving_party');
    const both = story([['assoc-eva', { type: 'waive-challenge' }], ['ins-dirk', { type: 'waive-challenge' }]], collective);
    expect(given(both).when({ type: 'appoint-neutrals' }, 'sec-jan').thenState().status).toBe('in_mediation');
  });
});

describe('rule 12: a challenge after appointment, on facts learned later', () => {
  const day = (iso: string) => iso.slice(0, 10);
  it('when a party challenges an appointed neutral without new facts, then it is refused naming newFacts', () => {
    given(inMediation()).when({ type: 'challenge-neutral', neutralUserId: 'med-femke', grounds: 'g' }, 'ins-carla').thenRefuses('invalid', 'new_facts_required', 'newFacts');
  });
  it('when the facts are known for more than 7 days, in the future, or from before the challenge period ended, then it is refused', () => {
    const base = inMediation();
    const now = addDays(nextHour(base), 10);
    const challenge = (factsKnownSince?: string) => ({ type: 'challenge-neutral' as const, neutralUserId: 'med-femke', grounds: 'g', newFacts: true, factsKnownSince });
    const late = given(base).when(challenge(day(addDays(now, -8))), 'ins-carla', now).thenRefuses('conflict', 'new_facts_too_late');
    expect(late.messages.nl).toMatch(/binnen 7 dagen/);
    given(base).when(challenge(day(addDays(now, 1))), 'ins-carla', now).thenRefuses('invalid', 'in_future', 'factsKnownSince');
    given(base).when(challenge(day(addDays(T0, -30))), 'ins-carla', now).thenRefuses('invalid', 'known_before_appointment', 'factsKnownSince');
    given(base).when(challenge(undefined), 'ins-carla', now).thenRefuses('invalid', 'not_a_date', 'factsKnownSince');
  });
  it('then NeutralChallenged records the new facts; while pending nothing changes yet', () => {
    const base = inMediation();
    const now = addDays(nextHour(base), 10);
    const known = day(addDays(now, -3));
    given(base)
      .when({ type: 'challenge-neutral', neutralUserId: 'med-femke', grounds: 'her firm now advises the insurer', newFacts: true, factsKnownSince: known }, 'ins-carla', now)
      .then([
        {
          type: 'NeutralChallenged',
          data: { neutralUserId: 'med-femke', grounds: 'her firm now advises the insurer', side: 'respondent', newFacts: true, factsKnownSince: known, occurredAt: now },
        },
      ]);
  });
  it('when upheld, then the neutral’s term ends, the case awaits a replacement and its history stays', () => {
    const base = story(
      [
        ['med-femke', { type: 'schedule-session', sessionId: 's1', startsAt: addDays(T0, 2) }],
        ['med-femke', { type: 'record-session', sessionId: 's1' }, addDays(T0, 3)],
      ],
      inMediation(),
    );
    const now = addDays(T0, 4);
    const upheld = story(
      [
        ['ins-carla', { type: 'challenge-neutral', neutralUserId: 'med-femke', grounds: 'g', newFacts: true, factsKnownSince: day(now) }, now],
        ['sec-jan', { type: 'decide-challenge', neutralUserId: 'med-femke', upheld: true }],
      ],
      base,
    );
    expect(upheld[upheld.length - 1]).toMatchObject({ type: 'NeutralTermEnded', data: { neutralUserId: 'med-femke', reason: 'challenge_upheld', appointed: true } });
    const s = fold(upheld);
    expect(s.status).toBe('awaiting_neutral');
    expect(s.sessions).toHaveLength(1);
    expect(caseAccess(s, actor('med-femke'))).toEqual({ kind: 'term_record', untilVersion: upheld.length });
    // a replacement is nominated and appointed after its own challenge period
    const replaced = story(
      [
        ['sec-jan', { type: 'nominate-neutrals', neutralUserIds: ['med-gerrit'] }],
        ['sec-jan', { type: 'appoint-neutrals' }, addDays(now, 10)],
      ],
      upheld,
    );
    expect(fold(replaced)).toMatchObject({ status: 'in_mediation' });
    given(upheld).when({ type: 'nominate-neutrals', neutralUserIds: ['med-femke'] }, 'sec-jan').thenRefuses('invalid', 'challenged_before', 'neutralUserIds');
  });
  it('a panel of three that loses a member is completed by one replacement; a removed chair is replaced by a named one', () => {
    const base = inProceedings();
    const now = nextHour(base);
    const upheld = story(
      [
        ['prov-anna', { type: 'challenge-neutral', neutralUserId: 'adv-hanna', grounds: 'g', newFacts: true, factsKnownSince: day(now) }, now],
        ['sec-jan', { type: 'decide-challenge', neutralUserId: 'adv-hanna', upheld: true }],
      ],
      base,
    );
    expect(fold(upheld).status).toBe('awaiting_neutral');
    given(upheld).when({ type: 'nominate-neutrals', neutralUserIds: ['adv-hanna', 'adv-isaac', 'adv-julia'], chairUserId: 'adv-isaac' }, 'sec-jan').thenRefuses('invalid', 'wrong_panel_size');
    given(upheld).when({ type: 'nominate-neutrals', neutralUserIds: ['arb-ivo'] }, 'sec-jan').thenRefuses('invalid', 'wrong_neutral_role');
    expect(fold(upheld).neutrals.filter((n) => n.status === 'appointed').map((n) => n.userId)).toEqual(['adv-isaac', 'adv-julia']);
    // The demo roster has three advisers; an arbitration panel shows the replacement with the test directory's arbitrators.
    const arbitration = story(
      [
        ['sec-jan', { type: 'nominate-neutrals', neutralUserIds: ['arb-ivo', 'arb-lotte', 'arb-maarten'], chairUserId: 'arb-ivo' }],
        ['prov-anna', { type: 'waive-challenge' }],
        ['ins-carla', { type: 'waive-challenge' }],
        ['sec-jan', { type: 'appoint-neutrals' }],
      ],
      accepted('arbitration'),
    );
    const t1 = nextHour(arbitration);
    const chairRemoved = story(
      [
        ['ins-carla', { type: 'challenge-neutral', neutralUserId: 'arb-ivo', grounds: 'g', newFacts: true, factsKnownSince: day(t1) }, t1],
        ['sec-jan', { type: 'decide-challenge', neutralUserId: 'arb-ivo', upheld: true }],
      ],
      arbitration,
    );
    expect(fold(chairRemoved).status).toBe('awaiting_neutral');
    given(chairRemoved).when({ type: 'nominate-neutrals', neutralUserIds: ['arb-ivo'] }, 'sec-jan').thenRefuses('invalid', 'challenged_before');
    given(chairRemoved).when({ type: 'nominate-neutrals', neutralUserIds: ['arb-niels', 'arb-lotte'] }, 'sec-jan').thenRefuses('invalid', 'wrong_panel_size');
    // The removed member was the chair: the secretariat names a new one, here a member still serving.
    given(chairRemoved).when({ type: 'nominate-neutrals', neutralUserIds: ['arb-niels'] }, 'sec-jan').thenRefuses('invalid', 'chair_required', 'chairUserId');
    const completed = story(
      [
        ['sec-jan', { type: 'nominate-neutrals', neutralUserIds: ['arb-niels'], chairUserId: 'arb-lotte' }],
        ['sec-jan', { type: 'appoint-neutrals' }, addDays(t1, 10)],
      ],
      chairRemoved,
    );
    const s2 = fold(completed);
    expect(s2.status).toBe('in_proceedings');
    expect(s2.neutrals.filter((n) => n.status === 'appointed').map((n) => `${n.userId}${n.chair ? ':chair' : ''}`).sort()).toEqual([
      'arb-lotte:chair',
      'arb-maarten',
      'arb-niels',
    ]);
    expect(s2.neutrals.find((n) => n.userId === 'arb-ivo')).toMatchObject({ status: 'ended', endReason: 'challenge_upheld' });
  });
  it('by a non-party, or in a case whose neutrals are all gone: refused', () => {
    given(inMediation()).when({ type: 'challenge-neutral', neutralUserId: 'med-femke', grounds: 'g', newFacts: true, factsKnownSince: '2025-03-03' }, 'sec-jan').thenRefuses('forbidden', 'wrong_role');
    given(mediationEnded()).when({ type: 'challenge-neutral', neutralUserId: 'med-femke', grounds: 'g', newFacts: true, factsKnownSince: '2025-03-03' }, 'prov-anna').thenRefuses('conflict', 'no_nomination');
  });
});

describe('rule 13: a challenge period that passes unused closes as lapsed', () => {
  it('when the period passes without a challenge, then the scheduler closes it as lapsed, not missed', () => {
    const base = nominated();
    const due = fold(base).deadlines.find((d) => d.kind === 'challenge')!.dueAt;
    const s = given(base).when({ type: 'record-deadline-missed', deadlineId: 'challenge-1' }, SYSTEM, addDays(due, 1)).thenState();
    expect(s.deadlines.find((d) => d.kind === 'challenge')?.status).toBe('lapsed');
    expect(s.deadlines.some((d) => d.status === 'missed')).toBe(false);
  });
  it('when a party challenged within it, then it closes as met', () => {
    const base = story(
      [
        ['ins-carla', { type: 'challenge-neutral', neutralUserId: 'med-femke', grounds: 'g' }],
        ['sec-jan', { type: 'decide-challenge', neutralUserId: 'med-femke', upheld: false }],
      ],
      nominated(),
    );
    const due = fold(base).deadlines.find((d) => d.kind === 'challenge')!.dueAt;
    const events = given(base).when({ type: 'record-deadline-missed', deadlineId: 'challenge-1' }, SYSTEM, addDays(due, 1)).events();
    expect(events).toEqual([{ type: 'ChallengePeriodEnded', data: expect.objectContaining({ used: true }) }]);
    expect(fold([...base, ...events]).deadlines.find((d) => d.kind === 'challenge')?.status).toBe('met');
  });
  it('when every party waived and the neutral is appointed before the due date, then the unused period lapses', () => {
    const s = given(waived()).when({ type: 'appoint-neutrals' }, 'sec-jan').thenState();
    expect(s.deadlines.find((d) => d.kind === 'challenge')?.status).toBe('lapsed');
  });
});

describe('old streams keep working', () => {
  const stored = (type: string, data: Record<string, unknown>, schemaVersion = 1) => ({ type, data, metadata: { schemaVersion } });
  it('NeutralsNominated is written in version 2', () => {
    expect(currentSchemaVersion('NeutralsNominated')).toBe(2);
  });
  it('a raw v1 NeutralsNominated without a chair loads: the first named chairs, the procedure is the one the case was in', () => {
    const raw = accepted('binding_advice').map((e) => stored(e.type, e.data as unknown as Record<string, unknown>));
    raw.push(
      stored('NeutralsNominated', {
        neutralUserIds: ['adv-julia', 'adv-hanna', 'adv-isaac'],
        role: 'adviser',
        challengeDeadline: { deadlineId: 'challenge-1', kind: 'challenge', dueAt: addDays(T0, 8) },
        occurredAt: addDays(T0, 1),
      }),
    );
    const events = raw.map(toDisputeEvent);
    expect(events[events.length - 1].data).toMatchObject({ chairUserId: 'adv-julia' });
    const s = fold(events);
    expect(s.neutrals.map((n) => [n.userId, n.chair, n.procedureStage])).toEqual([
      ['adv-julia', true, 1],
      ['adv-hanna', false, 1],
      ['adv-isaac', false, 1],
    ]);
    // and the case takes further commands
    expect(given(events).when({ type: 'appoint-neutrals' }, 'sec-jan', addDays(T0, 9)).thenState().status).toBe('in_proceedings');
  });
  it('a raw v1 DocumentSubmitted without a procedure belongs to the procedure the case was in', () => {
    const base = inMediation();
    const raw = stored('DocumentSubmitted', {
      documentId: 'old',
      name: 'old.pdf',
      mediaType: 'application/pdf',
      sizeBytes: 5,
      sha256: SHA,
      visibility: 'neutral_only',
      submittedByUserId: 'prov-anna',
      occurredAt: nextHour(base),
    });
    const s = fold([...base, toDisputeEvent(raw)]);
    expect(s.documents[0]).toMatchObject({ procedureStage: 1 });
    expect(seesDocs(s, 'med-femke')).toEqual(['old']);
    expect(seesDocs(s, 'ins-carla')).toEqual([]);
  });
  it('a v1 NeutralsNominated with an unreadable list fails loudly', () => {
    expect(() => toDisputeEvent(stored('NeutralsNominated', { neutralUserIds: 'adv-julia', role: 'adviser', occurredAt: T0 }))).toThrow(/neutralUserIds/);
  });
});

describe('statistics follow the same rules: never a single case for an observer', () => {
  it('the secretariat reads every cell, observers the anonymised figures, parties and neutrals none', () => {
    expect(statisticsAudience(actor('sec-jan'))).toBe('secretariat');
    expect(statisticsAudience(actor('obs-karin'))).toBe('observer');
    for (const who of ['prov-anna', 'ins-carla', 'assoc-eva', 'med-femke', 'adv-hanna', 'arb-ivo']) expect(statisticsAudience(actor(who))).toBeUndefined();
    expect(caseAccess(fold(inMediation()), actor('obs-karin'))).toEqual({ kind: 'none' });
  });
});
