import { administrationFeeShares, DEFAULT_POLICIES, type DisputeState, type Policies } from '../../../../libs/domain/src';
import { estimateFees, type NeutralFeeIndications } from './fee-estimate';

const fees: NeutralFeeIndications = { mediationCents: 150_000, bindingAdviceCents: 600_000, arbitrationCents: 1_200_000 };
const policies: Policies = { ...DEFAULT_POLICIES, administrationFeeCents: 50_000, smallProviderRespondentSharePct: 50 };
const routes = ['mediation', 'binding_advice', 'arbitration'] as const;

describe('estimateFees', () => {
  it('charges an ordinary provider the whole administration fee and half the mediation fee, with no relief', () => {
    const estimate = estimateFees({ smallProviderClaimant: false, respondentCount: 1, routes }, policies, fees);
    const mediation = estimate.routes[0]!;
    expect(mediation.administrationFee).toEqual({ totalCents: 50_000, claimantCents: 50_000, respondentCents: 0 });
    expect(mediation.neutralFee).toEqual({ totalCents: 150_000, allocation: 'shared', claimantMinCents: 75_000, claimantMaxCents: 75_000 });
    expect(mediation.claimantMinCents).toBe(125_000);
    expect(mediation.reliefCents).toBe(0);
  });

  it('gives a small provider the configured relief on the administration fee and on its half of the mediation fee', () => {
    const estimate = estimateFees({ smallProviderClaimant: true, respondentCount: 1, routes }, policies, fees);
    const [mediation, advice, arbitration] = estimate.routes;
    expect(mediation!.administrationFee).toEqual({ totalCents: 50_000, claimantCents: 25_000, respondentCents: 25_000 });
    expect(mediation!.claimantMinCents).toBe(25_000 + 37_500);
    expect(mediation!.reliefCents).toBe(25_000 + 37_500);
    // Decided routes: the decision allocates the neutral's fee, so the claimant's part is a range.
    expect(advice!.neutralFee.allocation).toBe('by_outcome');
    expect([advice!.claimantMinCents, advice!.claimantMaxCents]).toEqual([25_000, 625_000]);
    expect([arbitration!.claimantMinCents, arbitration!.claimantMaxCents]).toEqual([25_000, 1_225_000]);
    expect(arbitration!.reliefCents).toBe(25_000);
  });

  it('splits the administration fee exactly as registration does, whatever the share and number of respondents', () => {
    for (const pct of [0, 33, 50, 100]) {
      for (const respondentCount of [1, 2, 3]) {
        const p = { ...policies, administrationFeeCents: 50_001, smallProviderRespondentSharePct: pct };
        const estimate = estimateFees({ smallProviderClaimant: true, respondentCount, routes: ['mediation'] }, p, fees);
        const state = {
          claimantOrganisationIds: ['c'],
          respondentOrganisationIds: Array.from({ length: respondentCount }, (_, i) => `r${i}`),
          smallProviderClaimant: true,
        } as unknown as DisputeState;
        const claimantShare = administrationFeeShares(state, p).find((s) => s.organisationId === 'c')?.amountCents ?? 0;
        expect(estimate.routes[0]!.administrationFee.claimantCents).toBe(claimantShare);
        expect(estimate.routes[0]!.administrationFee.claimantCents + estimate.routes[0]!.administrationFee.respondentCents).toBe(50_001);
      }
    }
  });

  it('follows the fee settings: no relief share means no relief', () => {
    const estimate = estimateFees({ smallProviderClaimant: true, respondentCount: 1, routes: ['mediation'] }, { ...policies, smallProviderRespondentSharePct: 0 }, fees);
    expect(estimate.routes[0]!.reliefCents).toBe(0);
    expect(estimate.routes[0]!.claimantMinCents).toBe(50_000 + 75_000);
  });
});
