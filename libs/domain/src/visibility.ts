import type { Actor } from './context';
import { isPartyRole, sideOf } from './sides';
import type { DisputeState, DocumentOnCase } from './state';

export { sideOf } from './sides';

// Who may see what. To anyone who may not see a case it does not exist (the API answers 404).

const isNeutralRole = (actor: Actor): boolean =>
  actor.role === 'mediator' || actor.role === 'adviser' || actor.role === 'arbitrator';

/** A neutral currently nominated or appointed on the case. */
const isCurrentNeutral = (state: DisputeState, actor: Actor): boolean =>
  isNeutralRole(actor) && state.neutrals.some((n) => n.userId === actor.userId && n.status !== 'lapsed');

/** A neutral who is or was on the case: a mediator whose role ended on escalation keeps their file. */
const isNeutralOfCase = (state: DisputeState, actor: Actor): boolean =>
  isNeutralRole(actor) && state.neutrals.some((n) => n.userId === actor.userId);

export const isCaseVisibleTo = (state: DisputeState, actor: Actor): boolean => {
  if (!state.exists) return false;
  switch (actor.role) {
    case 'secretariat':
    case 'system':
      return true;
    case 'observer':
      return false; // observers read anonymised statistics only, never a single case
    case 'mediator':
    case 'adviser':
    case 'arbitrator':
      return isNeutralOfCase(state, actor);
    default:
      return isPartyRole(actor.role) && sideOf(state, actor) !== undefined;
  }
};

export const canSeeDocument = (doc: DocumentOnCase, state: DisputeState, actor: Actor): boolean => {
  if (!isCaseVisibleTo(state, actor)) return false;
  if (actor.role === 'secretariat' || actor.role === 'system') return true;
  const isSubmitter = doc.submittedByUserId === actor.userId;
  switch (doc.visibility) {
    case 'parties':
      return sideOf(state, actor) !== undefined || isNeutralOfCase(state, actor);
    case 'neutral_only':
      // Confidential to the neutrals on the case now (e.g. a party's note for the mediator alone).
      return isSubmitter || isCurrentNeutral(state, actor);
    case 'secretariat':
      return isSubmitter;
    default:
      return false;
  }
};

/**
 * Session notes are confidential to the mediator: only mediators who were appointed on the case
 * read them (a nominee whose nomination lapsed before appointment never does).
 */
export const canSeeSessionNotes = (state: DisputeState, actor: Actor): boolean =>
  actor.role === 'mediator' &&
  state.neutrals.some((n) => n.userId === actor.userId && n.role === 'mediator' && n.appointedAt !== undefined);
