import type { AppointNeutrals, ChallengeNeutral, DecideChallenge, NominateNeutrals } from '../commands';
import { instant } from '../deadlines';
import { conflict, invalid } from '../errors';
import { currentNeutrals, nominatedNeutrals } from '../sides';
import type { Deadline, DisputeState } from '../state';
import type { NeutralRole, Route } from '../vocabulary';
import { describeRoute } from './describe';
import { requireOpenCase, requireParty, requireSecretariat, requireStatus } from './guards';
import { newDeadline } from './new-deadline';
import type { ActionRule, GuardContext } from './rule';
import { requireText } from './validate';

// The secretariat nominates neutrals from the roster; the parties may challenge a nominee within
// the challenge deadline; the secretariat decides challenges and appoints.

/** Which neutrals a route needs: the role, and the allowed panel sizes. */
export const PANEL_RULES: Record<Route, { role: NeutralRole; sizes: readonly number[] }> = {
  mediation: { role: 'mediator', sizes: [1] },
  binding_advice: { role: 'adviser', sizes: [1, 3] },
  arbitration: { role: 'arbitrator', sizes: [1, 3] },
};

const pendingChallengesAgainstNominees = (state: DisputeState) => {
  const nominees = nominatedNeutrals(state).map((n) => n.userId);
  return state.challenges.filter((c) => c.status === 'pending' && nominees.includes(c.neutralUserId));
};

/** The challenge deadline of the current nomination: the latest one opened. */
const currentChallengeDeadline = (state: DisputeState): Deadline | undefined =>
  [...state.deadlines].reverse().find((d) => d.kind === 'challenge');

export const nominateNeutrals: ActionRule<NominateNeutrals> = {
  guard(state, g) {
    requireOpenCase(state);
    requireSecretariat(g);
    requireStatus(state, ['awaiting_neutral'], 'neutrals can only be nominated');
    if (currentNeutrals(state).length > 0) {
      throw conflict(
        'already_nominated',
        'Neutrals are already nominated for this case; appoint them, or uphold a challenge to let the nomination lapse first.',
      );
    }
  },
  decide(c, state, ctx) {
    const route = state.route as Route;
    const rule = PANEL_RULES[route];
    if (!rule) throw conflict('no_route', 'No route is agreed on this case yet; the parties must agree one first.');
    const ids = c.neutralUserIds;
    const field = 'neutralUserIds';
    if (!Array.isArray(ids) || !rule.sizes.includes(ids.length)) {
      throw invalid(
        field,
        'wrong_panel_size',
        `${describeRoute(route)} needs ${rule.sizes.join(' or ')} ${rule.role}${rule.sizes.length > 1 ? 's' : ''}; you named ${
          Array.isArray(ids) ? ids.length : 0
        }.`,
      );
    }
    if (new Set(ids).size !== ids.length) throw invalid(field, 'duplicate', 'A neutral can sit on a panel only once.');
    for (const id of ids) {
      const user = ctx.directory.user(id);
      if (!user) throw invalid(field, 'unknown_user', `User ${id} is not in the directory; check the id.`);
      if (user.role !== rule.role) {
        throw invalid(field, 'wrong_neutral_role', `${user.name} is a ${user.role}; ${describeRoute(route)} needs a ${rule.role}.`);
      }
      if (state.challenges.some((ch) => ch.neutralUserId === id && ch.status === 'upheld')) {
        throw invalid(field, 'challenged_before', `A challenge against ${user.name} was upheld on this case; nominate someone else.`);
      }
    }
    return [
      {
        type: 'NeutralsNominated',
        data: {
          neutralUserIds: [...ids],
          role: rule.role,
          chairUserId: ids[0], // the first named chairs the panel
          challengeDeadline: newDeadline('challenge', state, ctx),
          occurredAt: ctx.now,
        },
      },
    ];
  },
};

const guardChallenge = (state: DisputeState, g: GuardContext) => {
  requireOpenCase(state);
  const side = requireParty(state, g);
  requireStatus(state, ['awaiting_neutral'], 'a neutral can only be challenged');
  if (nominatedNeutrals(state).length === 0) {
    throw conflict('no_nomination', 'No neutral is nominated now; there is nobody to challenge.');
  }
  const deadline = currentChallengeDeadline(state);
  if (!deadline || deadline.status !== 'open' || instant(g.now) >= instant(deadline.dueAt)) {
    throw conflict(
      'challenge_period_over',
      `The period to challenge the nomination ended${deadline ? ` on ${deadline.dueAt}` : ''}; ask the secretariat if new facts came to light.`,
    );
  }
  return side;
};

export const challengeNeutral: ActionRule<ChallengeNeutral> = {
  guard: guardChallenge,
  decide(c, state, ctx) {
    const side = guardChallenge(state, ctx);
    if (!nominatedNeutrals(state).some((n) => n.userId === c.neutralUserId)) {
      throw invalid('neutralUserId', 'not_nominated', `${c.neutralUserId} is not nominated on this case; challenge one of the nominees.`);
    }
    if (state.challenges.some((ch) => ch.neutralUserId === c.neutralUserId && ch.status === 'pending')) {
      throw conflict('challenge_pending', 'A challenge against this neutral is already pending; wait for the secretariat to decide it.');
    }
    const grounds = requireText(c.grounds, 'grounds', 'The grounds of the challenge');
    return [{ type: 'NeutralChallenged', data: { neutralUserId: c.neutralUserId, grounds, side, occurredAt: ctx.now } }];
  },
};

export const decideChallengeRule: ActionRule<DecideChallenge> = {
  guard(state, g) {
    requireOpenCase(state);
    requireSecretariat(g);
    if (!state.challenges.some((c) => c.status === 'pending')) {
      throw conflict('no_pending_challenge', 'No challenge is pending on this case; there is nothing to decide.');
    }
  },
  decide(c, state, ctx) {
    if (!state.challenges.some((ch) => ch.neutralUserId === c.neutralUserId && ch.status === 'pending')) {
      throw invalid('neutralUserId', 'no_pending_challenge', `No challenge against ${c.neutralUserId} is pending; pick a neutral with a pending challenge.`);
    }
    if (typeof c.upheld !== 'boolean') throw invalid('upheld', 'required', 'Say whether the challenge is upheld (true) or rejected (false).');
    const data = { neutralUserId: c.neutralUserId, ...(c.reasoning ? { reasoning: c.reasoning } : {}), occurredAt: ctx.now };
    return [c.upheld ? { type: 'ChallengeUpheld', data } : { type: 'ChallengeRejected', data }];
  },
};

export const appointNeutrals: ActionRule<AppointNeutrals> = {
  guard(state, g) {
    requireOpenCase(state);
    requireSecretariat(g);
    requireStatus(state, ['awaiting_neutral'], 'neutrals can only be appointed');
    if (nominatedNeutrals(state).length === 0) {
      throw conflict('no_nomination', 'Nobody is nominated; nominate neutrals first.');
    }
    if (pendingChallengesAgainstNominees(state).length > 0) {
      throw conflict('challenge_pending', 'A challenge against a nominee is pending; decide it before appointing.');
    }
  },
  decide(_c, state, ctx) {
    const nominees = nominatedNeutrals(state);
    const chair = nominees.find((n) => n.chair) ?? nominees[0];
    return [
      {
        type: 'NeutralsAppointed',
        data: {
          neutralUserIds: nominees.map((n) => n.userId),
          role: nominees[0].role,
          chairUserId: chair.userId,
          route: state.route as Route,
          occurredAt: ctx.now,
        },
      },
    ];
  },
};
