import { DEFAULT_POLICIES, foldEvents } from '../src';
import { neutralFeeSharePct } from '../src/decisions/fees-and-documents';
import { DISPUTE_ID, given, story } from './support/given';
import { filed, inMediation, inProceedings, registered } from './support/scenarios';

// Rules 18 and 19: who bears the costs.

const HEARING = '2025-09-01T10:00:00.000Z';
const ready = () =>
  story(
    [
      ['prov-anna', { type: 'submit-statement', kind: 'statement_of_claim' }],
      ['ins-carla', { type: 'submit-statement', kind: 'statement_of_defence' }],
      ['adv-hanna', { type: 'schedule-hearing', hearingId: 'h1', startsAt: HEARING }],
      ['adv-hanna', { type: 'record-hearing', hearingId: 'h1' }, HEARING],
    ],
    inProceedings(),
  );

describe('rule 18: the cost allocation follows the outcome', () => {
  it.each([
    ['claim_granted', 0],
    ['claim_partially_granted', 50],
    ['claim_rejected', 100],
  ] as const)('%s → the claimant bears %i% by default', (outcome, claimantPct) => {
    const [event] = given(ready()).when({ type: 'render-decision', outcome, summary: 'Decided' }, 'adv-hanna').events();
    expect(event).toMatchObject({ type: 'DecisionRendered', data: { costAllocation: { claimantPct, respondentPct: 100 - claimantPct } } });
    expect(event.data).not.toHaveProperty('costAllocationReason');
  });
  it('a deviation needs costAllocationReason, which is recorded', () => {
    const err = given(ready())
      .when({ type: 'render-decision', outcome: 'claim_granted', claimantCostSharePct: 30, summary: 'Decided' }, 'adv-hanna')
      .thenRefuses('invalid', 'reason_required', 'costAllocationReason');
    expect(err.messages.nl).toMatch(/Bij deze uitkomst betaalt de indiener 0% van de kosten/);
    const s = given(ready())
      .when({ type: 'render-decision', outcome: 'claim_granted', claimantCostSharePct: 30, costAllocationReason: 'Late documents', summary: 'Decided' }, 'adv-hanna')
      .thenState();
    expect(s.outcome?.decision).toMatchObject({ claimantCostSharePct: 30, costAllocationReason: 'Late documents' });
  });
  it('neutral fees are invoiced per the allocation: nobody who bears 0% is invoiced', () => {
    const decided = story([['adv-hanna', { type: 'render-decision', outcome: 'claim_granted', summary: 'Decided' }]], ready());
    given(decided)
      .when({ type: 'invoice-fee', invoiceId: 'n1', organisationId: 'org-fysio-delinde', kind: 'neutral_fee', amountCents: 100_000 }, 'sec-jan')
      .thenRefuses('invalid', 'no_fee_share', 'organisationId');
    expect(given(decided).when({ type: 'invoice-fee', invoiceId: 'n1', organisationId: 'org-zv-noord', kind: 'neutral_fee', amountCents: 100_000 }, 'sec-jan').events()).toHaveLength(1);
  });
});

describe('rule 19: mediation fees are shared 50/50, with small-provider relief', () => {
  it('an ordinary provider and the insurer share 50/50', () => {
    const s = foldEvents(story([], registered(filed({ claimantOrganisationIds: ['org-wijkzorg-amstelland'] }, 'prov-bram'))), DISPUTE_ID);
    expect(neutralFeeSharePct(s, 'org-wijkzorg-amstelland', DEFAULT_POLICIES)).toBe(50);
    expect(neutralFeeSharePct(s, 'org-zv-noord', DEFAULT_POLICIES)).toBe(50);
  });
  it("a small provider's half is relieved by the configured share, borne by the respondent", () => {
    const s = foldEvents(inMediation(), DISPUTE_ID);
    expect(neutralFeeSharePct(s, 'org-fysio-delinde', DEFAULT_POLICIES)).toBe(25);
    expect(neutralFeeSharePct(s, 'org-zv-noord', DEFAULT_POLICIES)).toBe(75);
    expect(neutralFeeSharePct(s, 'org-fysio-delinde', { ...DEFAULT_POLICIES, smallProviderRespondentSharePct: 0 })).toBe(50);
  });
});
