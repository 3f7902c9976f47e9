import type { CaseView } from '../../api/types';
import { isOptional } from './action-spec';
import { actionSpecs } from './actions';

// Every action of the API contract (POST /api/disputes/{id}/{action}) has a short Dutch form, so
// whatever allowedActions offers, the case page can show it.
const CONTRACT_ACTIONS = [
  'request-information',
  'provide-information',
  'declare-inadmissible',
  'register',
  'accept-submission',
  'decline-submission',
  'propose-route',
  'continue-with-respondents',
  'nominate-neutrals',
  'waive-challenge',
  'challenge-neutral',
  'decide-challenge',
  'appoint-neutrals',
  'schedule-session',
  'record-session',
  'conclude-mediation',
  'request-escalation',
  'accept-escalation',
  'decline-escalation',
  'submit-statement',
  'schedule-hearing',
  'record-hearing',
  'waive-hearing',
  'render-decision',
  'withdraw',
  'withdraw-participation',
  'record-settlement',
  'extend-deadline',
  'invoice-fee',
  'record-payment',
];

const c = {
  id: 'd1',
  route: 'mediation',
  initialRoute: 'mediation',
  pendingRouteProposal: null,
  pendingEscalation: null,
  claimants: [{ id: 'org-a', name: 'A', kind: 'provider' }],
  respondents: [{ id: 'org-b', name: 'B', kind: 'insurer' }],
  filedOnBehalfBy: null,
  neutrals: [{ userId: 'med-femke', name: 'Femke Bakker', role: 'mediator', status: 'appointed', chair: false }],
  deadlines: [{ deadlineId: 'dl1', kind: 'information', dueAt: '2026-12-14T22:59:59Z', status: 'open', openedAt: '2026-11-30T10:00:00Z' }],
  sessions: [{ sessionId: 's1', startsAt: '2026-12-01T09:00:00Z', held: false }],
  hearings: [{ hearingId: 'h1', startsAt: '2026-12-01T09:00:00Z', held: false }],
  documents: [],
  invoices: [{ invoiceId: 'i1', organisationId: 'org-a', kind: 'administration', amountCents: 25000, paid: false }],
} as unknown as CaseView;

describe('action forms', () => {
  const specs = actionSpecs({ c, myOrganisationId: 'org-b' });

  it('cover every action of the API contract, each with a Dutch title, button and confirmation', () => {
    for (const action of CONTRACT_ACTIONS) {
      const spec = specs[action];
      expect(spec).toBeDefined();
      expect(spec!.title.length).toBeGreaterThan(3);
      expect(spec!.submit.length).toBeGreaterThan(3);
      expect(spec!.done).toMatch(/\.$/);
    }
  });

  it('build the bodies the API expects', () => {
    expect(specs['accept-submission']!.body({})).toEqual({ route: 'mediation' });
    expect(specs['propose-route']!.body({ route: 'binding_advice', reason: '  ' })).toEqual({ route: 'binding_advice' });
    expect(
      specs['challenge-neutral']!.body({
        neutralUserId: 'med-femke',
        grounds: ' Werkte voor B ',
        newFacts: 'true',
        factsKnownSince: '2026-11-29',
      }),
    ).toEqual({
      neutralUserId: 'med-femke',
      grounds: 'Werkte voor B',
      newFacts: true,
      factsKnownSince: '2026-11-29',
    });
    expect(specs['invoice-fee']!.body({ organisationId: 'org-a', kind: 'neutral_fee', amount: '1.250,50' })).toEqual({
      organisationId: 'org-a',
      kind: 'neutral_fee',
      amountCents: 125_050,
    });
    // An unpaid invoice is named by who pays what, not by its id.
    expect(specs['record-payment']!.fields[0]!.options).toEqual([{ value: 'i1', label: 'A: inschrijfkosten, € 250,00' }]);
    // The chair is named and goes first.
    expect(specs['nominate-neutrals']!.body({ neutralUserIds: 'adv-hanna, adv-isaac ,adv-julia', chairUserId: 'adv-isaac' })).toEqual({
      neutralUserIds: ['adv-isaac', 'adv-hanna', 'adv-julia'],
      chairUserId: 'adv-isaac',
    });
    expect(specs['nominate-neutrals']!.body({ neutralUserIds: 'med-femke', chairUserId: '' })).toEqual({ neutralUserIds: ['med-femke'] });
    for (const empty of [
      'continue-with-respondents',
      'waive-challenge',
      'waive-hearing',
      'accept-escalation',
      'appoint-neutrals',
      'register',
    ]) {
      expect(specs[empty]!.body({})).toEqual({});
    }
    expect(specs['withdraw-participation']!.body({ reason: '' })).toEqual({});
  });

  it('default the cost share from the outcome (rule 18) and send the reason only when deviating', () => {
    const decision = specs['render-decision']!;
    const share = decision.fields.find((f) => f.name === 'claimantCostSharePct')!;
    expect(share.defaultFrom!.values).toEqual({ claim_granted: '0', claim_partially_granted: '50', claim_rejected: '100' });
    const reason = decision.fields.find((f) => f.name === 'costAllocationReason')!;
    expect(reason.shownWhen!({ outcome: 'claim_rejected', claimantCostSharePct: '100' })).toBe(false);
    expect(reason.shownWhen!({ outcome: 'claim_rejected', claimantCostSharePct: '80' })).toBe(true);
    expect(
      decision.body({ outcome: 'claim_rejected', summary: ' Afgewezen. ', claimantCostSharePct: '100', costAllocationReason: 'oud' }),
    ).toEqual({ outcome: 'claim_rejected', summary: 'Afgewezen.', claimantCostSharePct: 100 });
    expect(
      decision.body({
        outcome: 'claim_rejected',
        summary: 'Afgewezen.',
        claimantCostSharePct: '80',
        costAllocationReason: ' Mede door B. ',
      }),
    ).toEqual({ outcome: 'claim_rejected', summary: 'Afgewezen.', claimantCostSharePct: 80, costAllocationReason: 'Mede door B.' });
  });

  it('ask for the settlement document with an agreement only, required with a full one', () => {
    const conclude = specs['conclude-mediation']!;
    const doc = conclude.fields.find((f) => f.name === 'settlementDocumentId')!;
    expect(doc.shownWhen!({ result: 'no_agreement' })).toBe(false);
    expect(isOptional(doc, { result: 'full_agreement' })).toBe(false);
    expect(isOptional(doc, { result: 'partial_agreement' })).toBe(true);
    expect(conclude.body({ result: 'no_agreement', settlementDocumentId: 'doc1' })).toEqual({ result: 'no_agreement' });
    expect(conclude.body({ result: 'full_agreement', settlementDocumentId: 'doc1' })).toEqual({
      result: 'full_agreement',
      settlementDocumentId: 'doc1',
    });
  });

  it('mark the mediator’s session notes as theirs alone and name meetings in Amsterdam time', () => {
    const record = specs['record-session']!;
    expect(record.fields.find((f) => f.name === 'notes')!.label).toBe('Aantekeningen (alleen zichtbaar voor de mediator)');
    expect(record.fields[0]!.options).toEqual([{ value: 's1', label: '1 dec 2026 10:00' }]);
    expect(specs['record-hearing']!.body({ hearingId: 'h1' })).toEqual({ hearingId: 'h1' });
    expect(specs['schedule-hearing']!.body({ startsAt: '2027-01-14T10:00', location: ' https://video.example/x ' })).toEqual({
      startsAt: '2027-01-14T10:00',
      location: 'https://video.example/x',
    });
  });

  it('offer a new route only among the other two', () => {
    const routes = specs['propose-route']!.fields[0]!.options!.map((o) => o.value);
    expect(routes).toEqual(['binding_advice', 'arbitration']);
  });
});
