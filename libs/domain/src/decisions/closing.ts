import type { RecordSettlement, Withdraw } from '../commands';
import { requireOpenCase, requireRegistered, requireSecretariat, requireSide } from './guards';
import type { ActionRule } from './rule';

// Ways out at any moment: the claimant withdraws; the secretariat records a settlement the
// parties reached between themselves (only for a registered case: before that there is nothing
// to settle, the claimant withdraws).

export const withdraw: ActionRule<Withdraw> = {
  guard(state, g) {
    requireOpenCase(state);
    requireSide(state, g, 'claimant');
  },
  decide(c, _state, ctx) {
    return [{ type: 'DisputeWithdrawn', data: { ...(c.reason ? { reason: c.reason } : {}), occurredAt: ctx.now } }];
  },
};

export const recordSettlement: ActionRule<RecordSettlement> = {
  guard(state, g) {
    requireOpenCase(state);
    requireSecretariat(g);
    requireRegistered(state, 'a settlement can only be recorded');
  },
  decide(c, _state, ctx) {
    return [{ type: 'SettledByParties', data: { ...(c.terms ? { terms: c.terms } : {}), occurredAt: ctx.now } }];
  },
};
