import { conflict, forbidden } from '../errors';
import type { Side } from '../events';
import { isTerminal } from '../evolve';
import { neutralEntryOf, isPartyRole, sideOf } from '../sides';
import type { DisputeState, NeutralOnCase } from '../state';
import type { ActorRole, NeutralRole, Status } from '../vocabulary';
import { describeSide, describeStatus, describeStatuses } from './describe';
import type { GuardContext } from './rule';

// Reusable checks. Order inside a guard: the case exists, it is not closed, the caller's role and
// side (forbidden), then the case's status and state (conflict).

export const requireExists = (state: DisputeState): void => {
  if (!state.exists) {
    throw conflict('not_found', 'There is no dispute with this id. File a dispute first, or check the id.');
  }
};

export const requireOpenCase = (state: DisputeState): void => {
  requireExists(state);
  if (isTerminal(state.status)) {
    throw conflict(
      'case_closed',
      `The case is closed: it was ${describeStatus(state.status)}. Nothing more can happen in it; ` +
        'only fees can still be invoiced and paid. File a new dispute if a new conflict arises.',
    );
  }
};

export const requireRole = (g: GuardContext, roles: readonly ActorRole[], who: string): void => {
  if (!roles.includes(g.actor.role)) {
    throw forbidden('wrong_role', `Only ${who} can do this; you act as ${g.actor.role}.`);
  }
};

/** A party to the case; returns the caller's side. */
export const requireParty = (state: DisputeState, g: GuardContext): Side => {
  const side = sideOf(state, g.actor);
  if (!side) {
    throw forbidden(
      isPartyRole(g.actor.role) ? 'not_a_party' : 'wrong_role',
      'Only a party to this dispute (a claimant or a respondent) can do this.',
    );
  }
  return side;
};

export const requireSide = (state: DisputeState, g: GuardContext, side: Side, insteadHint = ''): Side => {
  const actual = requireParty(state, g);
  if (actual !== side) {
    throw forbidden('wrong_side', `Only ${describeSide(side)} can do this; you are ${describeSide(actual)}.${insteadHint}`);
  }
  return actual;
};

export const requireSecretariat = (g: GuardContext): void => requireRole(g, ['secretariat'], 'the secretariat');

/** The caller is a neutral of one of `roles` appointed on this case. */
export const requireAppointedNeutral = (
  state: DisputeState,
  g: GuardContext,
  roles: readonly NeutralRole[],
  who: string,
): NeutralOnCase => {
  requireRole(g, roles, who);
  const entry = neutralEntryOf(state, g.actor, roles, ['appointed']);
  if (!entry) throw forbidden('not_appointed', `Only ${who} appointed on this case can do this; you are not.`);
  return entry;
};

/** `what` completes "… can only be …", e.g. "information can only be requested". */
export const requireStatus = (state: DisputeState, allowed: readonly Status[], what: string): void => {
  if (!(allowed as readonly string[]).includes(state.status)) {
    throw conflict(
      'wrong_status',
      `The case is ${describeStatus(state.status)}; ${what} while it is ${describeStatuses(allowed)}.`,
    );
  }
};

export const requireRegistered = (state: DisputeState, what: string): void => {
  if (!state.caseNumber) {
    throw conflict('not_registered', `The case is not registered yet; ${what} after registration. Register it first.`);
  }
};
