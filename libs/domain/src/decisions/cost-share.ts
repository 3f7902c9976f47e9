import type { DecisionOutcome } from '../vocabulary';

/**
 * Rule 18: the claimant's share of the costs (percent) when the panel follows the outcome. A module
 * of its own, with nothing else, so the portal's decision form defaults from this same table.
 */
export const DEFAULT_CLAIMANT_COST_SHARE: Record<DecisionOutcome, number> = {
  claim_granted: 0,
  claim_partially_granted: 50,
  claim_rejected: 100,
};
