import { foldEvents } from '../src';
import { DISPUTE_ID, fileCommand, story } from './support/given';
import { escalated, filed, inMediation, PANEL, registered } from './support/scenarios';

const types = (events: { type: string }[]) => events.map((e) => e.type);

describe('full lifecycles, folded', () => {
  it('settled in mediation', () => {
    const events = story(
      [
        ['med-femke', { type: 'schedule-session', sessionId: 's1', startsAt: '2025-05-01T10:00:00Z' }],
        ['med-femke', { type: 'record-session', sessionId: 's1', notes: 'good talk' }, '2025-05-01T12:00:00.000Z'],
        ['prov-anna', { type: 'submit-document', documentId: 'vso', name: 'vso.pdf', mediaType: 'application/pdf', sizeBytes: 9, sha256: 'c'.repeat(64), visibility: 'parties' }],
        ['med-femke', { type: 'conclude-mediation', result: 'full_agreement', settlementDocumentId: 'vso' }],
      ],
      inMediation(),
    );
    expect(types(events)).toEqual([
      'DisputeFiled', 'DisputeRegistered', 'RespondentInvited', 'SubmissionAccepted', 'NeutralsNominated', 'ChallengeWaived', 'ChallengeWaived',
      'NeutralsAppointed', 'SessionScheduled', 'SessionHeld', 'DocumentSubmitted', 'MediationConcluded', 'NeutralTermEnded',
    ]);
    const s = foldEvents(events, DISPUTE_ID);
    expect(s).toMatchObject({ status: 'settled', version: events.length, route: 'mediation', mediationResult: 'full_agreement', escalations: 0 });
    expect(s.filedAt! < s.registeredAt! && s.registeredAt! < s.appointedAt! && s.appointedAt! < s.closedAt!).toBe(true);
    // the answer deadline was met; the challenge period, waived by both parties, lapsed unused (rule 13)
    expect(s.deadlines.map((d) => d.status)).toEqual(['met', 'lapsed']);
  });

  it('no agreement → escalation to binding advice with a panel of 3 → decision', () => {
    const events = story(
      [
        ['sec-jan', { type: 'nominate-neutrals', neutralUserIds: PANEL, chairUserId: 'adv-hanna' }],
        ['ins-carla', { type: 'challenge-neutral', neutralUserId: 'adv-julia', grounds: 'advised the provider before' }],
        ['sec-jan', { type: 'decide-challenge', neutralUserId: 'adv-julia', upheld: false }],
        ['sec-jan', { type: 'appoint-neutrals' }, '2025-08-01T09:00:00.000Z'],
        ['prov-anna', { type: 'submit-statement', kind: 'statement_of_claim' }],
        ['ins-carla', { type: 'submit-statement', kind: 'statement_of_defence' }],
        ['adv-hanna', { type: 'schedule-hearing', hearingId: 'h1', startsAt: '2025-09-01T10:00:00Z' }],
        ['adv-isaac', { type: 'record-hearing', hearingId: 'h1' }, '2025-09-01T15:00:00.000Z'],
        ['adv-hanna', { type: 'render-decision', outcome: 'claim_granted', claimantCostSharePct: 0, summary: 'Tariff restored' }],
        ['sec-jan', { type: 'invoice-fee', invoiceId: 'i1', organisationId: 'org-zv-noord', kind: 'neutral_fee', amountCents: 300_000 }],
      ],
      escalated(),
    );
    const s = foldEvents(events, DISPUTE_ID);
    expect(s).toMatchObject({ status: 'decided', route: 'binding_advice', initialRoute: 'mediation', escalations: 1, mediationResult: 'no_agreement' });
    expect(s.neutrals.map((n) => `${n.userId}:${n.status}${n.chair ? ':chair' : ''}`)).toEqual([
      'med-femke:ended:chair', 'adv-hanna:appointed:chair', 'adv-isaac:appointed', 'adv-julia:appointed',
    ]);
    expect(s.outcome?.decision?.outcome).toBe('claim_granted');
    // Only the invoice's payment term runs on after the decision (rule 17).
    expect(s.deadlines.filter((d) => d.status === 'open').map((d) => d.kind)).toEqual(['fee_payment']);
    expect(s.invoices).toHaveLength(1);
  });

  it('declined by the respondent', () => {
    const s = foldEvents(story([['ins-carla', { type: 'decline-submission', reason: 'no grounds' }]], registered()), DISPUTE_ID);
    expect(s).toMatchObject({ status: 'declined', outcome: { status: 'declined', reason: 'no grounds' } });
  });

  it('inadmissible after asking for information', () => {
    const events = story(
      [
        ['sec-jan', { type: 'request-information', questions: 'Which contract year?' }],
        ['prov-anna', { type: 'provide-information', answers: 'None, it is about a patient' }],
        ['sec-jan', { type: 'declare-inadmissible', reason: 'not_a_contracting_dispute', explanation: 'Not about contracting' }],
      ],
      filed(),
    );
    const s = foldEvents(events, DISPUTE_ID);
    expect(s).toMatchObject({ status: 'inadmissible', version: 4 });
    expect(s.caseNumber).toBeUndefined();
  });

  it('withdrawn during route negotiation', () => {
    const events = story(
      [
        ['ins-carla', { type: 'propose-route', route: 'arbitration' }],
        ['prov-anna', { type: 'withdraw', reason: 'too heavy' }],
      ],
      registered(),
    );
    const s = foldEvents(events, DISPUTE_ID);
    expect(s.status).toBe('withdrawn');
    expect(s.pendingRouteProposal).toBeUndefined();
  });

  it('collective dispute by an association, through mediation to settlement by the parties', () => {
    const events = story([
      ['assoc-eva', fileCommand({ claimantOrganisationIds: ['org-fysio-delinde', 'org-ggz-praktijk-oost'], respondentOrganisationIds: ['org-zv-zuid'], sector: 'multidisciplinary' })],
      ['sec-jan', { type: 'register', caseNumber: 'GZC-2025-0003' }],
      ['ins-dirk', { type: 'accept-submission', route: 'mediation' }],
      ['sec-jan', { type: 'nominate-neutrals', neutralUserIds: ['med-gerrit'] }],
      // the association waives for the claimants of its collective dispute (rule 9), the insurer for itself
      ['assoc-eva', { type: 'waive-challenge' }],
      ['ins-dirk', { type: 'waive-challenge' }],
      ['sec-jan', { type: 'appoint-neutrals' }],
      ['prov-chantal', { type: 'submit-document', documentId: 'd1', name: 'n', mediaType: 'text/plain', sizeBytes: 3, sha256: 'c'.repeat(64), visibility: 'parties' }],
      ['sec-jan', { type: 'record-settlement', terms: 'sector agreement honoured' }],
    ]);
    const s = foldEvents(events, DISPUTE_ID);
    expect(s).toMatchObject({
      status: 'settled',
      claimantKind: 'association',
      filedOnBehalfBy: 'org-branche-eerstelijn',
      smallProviderClaimant: true,
      administrationFee: { totalCents: 50_000, shares: [{ organisationId: 'org-branche-eerstelijn', amountCents: 25_000 }, { organisationId: 'org-zv-zuid', amountCents: 25_000 }] },
    });
  });
});
