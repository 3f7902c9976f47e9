import { administrationFeeShares, type DisputeState, type Policies, type Route } from '../../../../libs/domain/src';

/** Indicative neutral fees per route (euro cents): what a mediator, adviser or arbitrator usually costs in total. */
export interface NeutralFeeIndications {
  mediationCents: number;
  bindingAdviceCents: number;
  arbitrationCents: number;
}

export interface FeeEstimateInput {
  /** Whether a claimant is a small provider (turnover under EUR 325,000 or at most 10 professionals). */
  smallProviderClaimant: boolean;
  /** How many respondents share the respondent side's part; at least 1. */
  respondentCount: number;
  routes: readonly Route[];
}

export interface SideAmounts {
  claimantCents: number;
  respondentCents: number;
}

export interface RouteEstimate {
  route: Route;
  administrationFee: SideAmounts & { totalCents: number };
  /**
   * Neutral fees. Mediation: shared 50/50, with the small-provider relief on the claimant's half.
   * Binding advice and arbitration: the decision allocates them (loser pays by default), so the
   * claimant's part lies between `claimantMinCents` (claim granted) and `claimantMaxCents` (rejected).
   */
  neutralFee: {
    totalCents: number;
    allocation: 'shared' | 'by_outcome';
    claimantMinCents: number;
    claimantMaxCents: number;
  };
  /** What the claimant pays at least and at most in total. */
  claimantMinCents: number;
  claimantMaxCents: number;
  /** What the small-provider relief saves the claimant (0 when there is none). */
  reliefCents: number;
}

export interface FeeEstimate {
  currency: 'EUR';
  smallProviderClaimant: boolean;
  smallProviderRespondentSharePct: number;
  routes: RouteEstimate[];
}

const CLAIMANT = 'claimant';
const respondentIds = (n: number): string[] => Array.from({ length: Math.max(1, n) }, (_, i) => `respondent-${i}`);

/** The administration fee split exactly as registration will split it (the domain's own function). */
function administrationSplit(input: FeeEstimateInput, policies: Policies): SideAmounts & { totalCents: number } {
  const respondents = respondentIds(input.respondentCount);
  const state = {
    claimantOrganisationIds: [CLAIMANT],
    respondentOrganisationIds: respondents,
    smallProviderClaimant: input.smallProviderClaimant,
  } as Pick<DisputeState, 'claimantOrganisationIds' | 'respondentOrganisationIds' | 'smallProviderClaimant'> as DisputeState;
  const shares = administrationFeeShares(state, policies);
  const claimantCents = shares.filter((s) => s.organisationId === CLAIMANT).reduce((sum, s) => sum + s.amountCents, 0);
  return { totalCents: policies.administrationFeeCents, claimantCents, respondentCents: policies.administrationFeeCents - claimantCents };
}

const neutralTotal = (route: Route, fees: NeutralFeeIndications): number =>
  route === 'mediation' ? fees.mediationCents : route === 'binding_advice' ? fees.bindingAdviceCents : fees.arbitrationCents;

/**
 * What each route costs the claimant, under the current fee settings. Mediation fees follow rule 19
 * (50/50, the respondent bearing the relief share of a small provider's half, like the
 * administration fee); decided routes follow the outcome (rule 18).
 */
export function estimateFees(input: FeeEstimateInput, policies: Policies, fees: NeutralFeeIndications): FeeEstimate {
  const admin = administrationSplit(input, policies);
  const adminWithoutRelief = administrationSplit({ ...input, smallProviderClaimant: false }, policies);
  const routes = input.routes.map((route): RouteEstimate => {
    const total = neutralTotal(route, fees);
    let neutralFee: RouteEstimate['neutralFee'];
    let neutralRelief = 0;
    if (route === 'mediation') {
      const half = Math.ceil(total / 2);
      const relief = input.smallProviderClaimant ? Math.floor((half * policies.smallProviderRespondentSharePct) / 100) : 0;
      neutralRelief = relief;
      neutralFee = { totalCents: total, allocation: 'shared', claimantMinCents: half - relief, claimantMaxCents: half - relief };
    } else {
      neutralFee = { totalCents: total, allocation: 'by_outcome', claimantMinCents: 0, claimantMaxCents: total };
    }
    return {
      route,
      administrationFee: admin,
      neutralFee,
      claimantMinCents: admin.claimantCents + neutralFee.claimantMinCents,
      claimantMaxCents: admin.claimantCents + neutralFee.claimantMaxCents,
      reliefCents: adminWithoutRelief.claimantCents - admin.claimantCents + neutralRelief,
    };
  });
  return {
    currency: 'EUR',
    smallProviderClaimant: input.smallProviderClaimant,
    smallProviderRespondentSharePct: policies.smallProviderRespondentSharePct,
    routes,
  };
}
