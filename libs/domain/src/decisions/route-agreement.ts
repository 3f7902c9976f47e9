import type { AcceptSubmission, DeclineSubmission, ProposeRoute } from '../commands';
import { conflict, forbidden } from '../errors';
import type { Side } from '../events';
import type { DisputeState } from '../state';
import { ROUTES, type Route } from '../vocabulary';
import { describeRoute, describeSide } from './describe';
import { requireOpenCase, requireParty, requireSide, requireStatus } from './guards';
import type { ActionRule, GuardContext } from './rule';
import { requireOneOf, requireText } from './validate';

// The procedure is voluntary: both sides must agree on a route. The claimant's proposed route at
// filing is the first proposal on the table; either side may counter, and the side that did NOT
// make the proposal on the table answers it.
//
// docs/domain.md names accept-submission a respondent command, but a respondent's counter-proposal must
// be answerable by the claimant. Choice: in route_negotiation, whichever side did not make the
// pending proposal may accept it (accept-submission). Declining remains the respondent's alone: a
// claimant who does not want to go on withdraws.

const NEGOTIABLE = ['awaiting_respondent', 'route_negotiation'] as const;

/** The proposal both sides are looking at now. */
export const routeOnTheTable = (state: DisputeState): { route: Route; side: Side } | undefined =>
  state.pendingRouteProposal ?? (state.initialRoute ? { route: state.initialRoute, side: 'claimant' } : undefined);

const guardAnswer = (state: DisputeState, g: GuardContext): Side => {
  requireOpenCase(state);
  const side = requireParty(state, g);
  requireStatus(state, NEGOTIABLE, 'the submission can only be answered');
  if (state.status === 'awaiting_respondent' && side === 'claimant') {
    throw forbidden('wrong_side', 'Only the respondent can accept the submission; as claimant you wait for their answer.');
  }
  const table = routeOnTheTable(state);
  if (table && table.side === side) {
    throw conflict(
      'awaiting_other_side',
      `You proposed ${describeRoute(table.route)}; ${describeSide(side === 'claimant' ? 'respondent' : 'claimant')} must answer it first.`,
    );
  }
  return side;
};

export const acceptSubmission: ActionRule<AcceptSubmission> = {
  guard: guardAnswer,
  decide(c, state, ctx) {
    const side = guardAnswer(state, ctx);
    const route = requireOneOf(c.route, ROUTES, 'route');
    const table = routeOnTheTable(state);
    if (table && table.route !== route) {
      throw conflict(
        'route_not_on_table',
        `The route on the table is ${describeRoute(table.route)}, not ${describeRoute(route)}. ` +
          `Accept ${describeRoute(table.route)}, or propose ${describeRoute(route)} with propose-route.`,
      );
    }
    return [{ type: 'SubmissionAccepted', data: { route, side, occurredAt: ctx.now } }];
  },
};

export const declineSubmission: ActionRule<DeclineSubmission> = {
  guard(state, g) {
    requireOpenCase(state);
    requireSide(state, g, 'respondent', ' A claimant who does not want to continue can withdraw the dispute.');
    requireStatus(state, NEGOTIABLE, 'the submission can only be declined');
  },
  decide(c, _state, ctx) {
    const reason = requireText(c.reason, 'reason', 'A reason for declining');
    return [{ type: 'SubmissionDeclined', data: { reason, occurredAt: ctx.now } }];
  },
};

const guardPropose = (state: DisputeState, g: GuardContext): Side => {
  requireOpenCase(state);
  const side = requireParty(state, g);
  requireStatus(state, NEGOTIABLE, 'a route can only be proposed');
  const table = routeOnTheTable(state);
  if (table && table.side === side) {
    throw conflict(
      'awaiting_other_side',
      `Your proposal of ${describeRoute(table.route)} is waiting for the other side's answer; you can propose again once they have countered it.`,
    );
  }
  return side;
};

export const proposeRoute: ActionRule<ProposeRoute> = {
  guard: guardPropose,
  decide(c, state, ctx) {
    const side = guardPropose(state, ctx);
    const route = requireOneOf(c.route, ROUTES, 'route');
    const table = routeOnTheTable(state);
    if (table && table.route === route) {
      throw conflict(
        'same_route',
        `${describeRoute(route)} is already on the table; accept it with accept-submission instead of proposing it again.`,
      );
    }
    return [
      {
        type: 'RouteProposed',
        data: { route, side, ...(c.reason ? { reason: c.reason } : {}), occurredAt: ctx.now },
      },
    ];
  },
};
