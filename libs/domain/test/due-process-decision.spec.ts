import { foldEvents } from '../src';
import { DISPUTE_ID, given, nextHour, story, SYSTEM } from './support/given';
import { inMediation, inProceedings, SESSION_START, sessionHeld } from './support/scenarios';

// Rules 14, 15 and 16: due process before a decision or a conclusion.

const decision = { type: 'render-decision', outcome: 'claim_granted', summary: 'Tariff restored' } as const;
const claimed = () => story([['prov-anna', { type: 'submit-statement', kind: 'statement_of_claim' }]], inProceedings());
const defended = () => story([['ins-carla', { type: 'submit-statement', kind: 'statement_of_defence' }]], claimed());
const HEARING = '2025-09-01T10:00:00.000Z';
const heard = (base = defended()) =>
  story(
    [
      ['adv-hanna', { type: 'schedule-hearing', hearingId: 'h1', startsAt: HEARING }],
      ['adv-hanna', { type: 'record-hearing', hearingId: 'h1' }, HEARING],
    ],
    base,
  );

describe('rule 14: render-decision requires due process', () => {
  it('no statement of claim → refused, and not offered', () => {
    const err = given(inProceedings()).when(decision, 'adv-hanna').thenRefuses('conflict', 'no_statement_of_claim');
    expect(err.messages.nl).toMatch(/eisschrift/);
  });
  it('no defence while its deadline runs → refused, naming the date in Dutch', () => {
    const err = given(heard(claimed())).when(decision, 'adv-hanna').thenRefuses('conflict', 'no_statement_of_defence');
    expect(err.messages.nl).toMatch(/nog tot \d+ \w+ 2025/);
  });
  it('the defence deadline missed → the panel may decide on the file', () => {
    const base = claimed();
    const due = foldEvents(base, DISPUTE_ID).deadlines.find((d) => d.kind === 'statement_of_defence')!.dueAt;
    const missed = story([[SYSTEM, { type: 'record-deadline-missed', deadlineId: 'statement_of_defence-1' }, due]], base);
    expect(given(heard(missed)).when(decision, 'adv-hanna').thenState().status).toBe('decided');
  });
  it('no hearing held → refused, unless every party waived it', () => {
    given(defended()).when(decision, 'adv-hanna').thenRefuses('conflict', 'no_hearing');
    const oneWaived = story([['prov-anna', { type: 'waive-hearing' }]], defended());
    given(oneWaived).when(decision, 'adv-hanna').thenRefuses('conflict', 'no_hearing');
    const bothWaived = story([['ins-carla', { type: 'waive-hearing' }]], oneWaived);
    expect(given(bothWaived).when(decision, 'adv-hanna').thenState().status).toBe('decided');
  });
  it('waive-hearing: once per party, only by parties, only in proceedings', () => {
    const base = defended();
    const now = nextHour(base);
    given(base).when({ type: 'waive-hearing' }, 'ins-carla', now).then([
      { type: 'HearingWaived', data: { organisationId: 'org-zv-noord', side: 'respondent', occurredAt: now } },
    ]);
    const once = story([['ins-carla', { type: 'waive-hearing' }]], base);
    given(once).when({ type: 'waive-hearing' }, 'ins-carla').thenRefuses('conflict', 'already_waived');
    given(base).when({ type: 'waive-hearing' }, 'adv-hanna').thenRefuses('forbidden', 'wrong_role');
    given(inMediation()).when({ type: 'waive-hearing' }, 'prov-anna').thenRefuses('conflict', 'wrong_status');
  });
  it('a pending challenge → refused (rule 12 pauses the proceedings)', () => {
    // The fact a challenge on new facts after appointment records (rule 12, decided on another branch).
    const base = heard();
    const challenged = [
      ...base,
      { type: 'NeutralChallenged' as const, data: { neutralUserId: 'adv-isaac', grounds: 'He advised the provider last year', side: 'respondent' as const, occurredAt: nextHour(base) } },
    ];
    const err = given(challenged).when(decision, 'adv-hanna').thenRefuses('conflict', 'challenge_pending');
    expect(err.messages.nl).toMatch(/wraking/);
  });
});

describe('rule 15: conclude-mediation', () => {
  it('full or partial agreement needs a session held; no agreement needs none', () => {
    given(inMediation()).when({ type: 'conclude-mediation', result: 'partial_agreement' }, 'med-femke').thenRefuses('conflict', 'no_session_held');
    expect(given(inMediation()).when({ type: 'conclude-mediation', result: 'no_agreement' }, 'med-femke').thenState().status).toBe('mediation_ended');
  });
  it('a pending challenge of the mediator pauses the mediation: no conclusion (rule 12)', () => {
    const base = sessionHeld();
    const challenged = [
      ...base,
      { type: 'NeutralChallenged' as const, data: { neutralUserId: 'med-femke', grounds: 'She advised the insurer', side: 'claimant' as const, occurredAt: nextHour(base) } },
    ];
    given(challenged).when({ type: 'conclude-mediation', result: 'no_agreement' }, 'med-femke').thenRefuses('conflict', 'challenge_pending');
  });
  it('a full agreement records the settlement document', () => {
    const err = given(sessionHeld()).when({ type: 'conclude-mediation', result: 'full_agreement' }, 'med-femke').thenRefuses('invalid', 'required', 'settlementDocumentId');
    expect(err.messages.nl).toMatch(/vaststellingsovereenkomst/);
  });
});

describe('rule 16: held only at or after the scheduled start', () => {
  const scheduled = () => story([['med-femke', { type: 'schedule-session', sessionId: 's1', startsAt: SESSION_START }]], inMediation());
  it('a session before its start is refused; at its start it is recorded', () => {
    const before = new Date(Date.parse(SESSION_START) - 60_000).toISOString();
    const err = given(scheduled()).when({ type: 'record-session', sessionId: 's1' }, 'med-femke', before).thenRefuses('conflict', 'not_started');
    expect(err.messages.nl).toMatch(/1 juni 2025 om 12:00/);
    expect(given(scheduled()).when({ type: 'record-session', sessionId: 's1' }, 'med-femke', SESSION_START).events()).toHaveLength(1);
  });
  it('a hearing before its start is refused', () => {
    const scheduledHearing = story([['adv-hanna', { type: 'schedule-hearing', hearingId: 'h1', startsAt: HEARING }]], defended());
    given(scheduledHearing).when({ type: 'record-hearing', hearingId: 'h1' }, 'adv-hanna', '2025-09-01T09:59:59.000Z').thenRefuses('conflict', 'not_started');
  });
});
