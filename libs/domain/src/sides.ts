import type { Actor } from './context';
import type { Side } from './events';
import type { DisputeState, NeutralOnCase } from './state';
import { PARTY_ROLES, type ActorRole, type NeutralRole } from './vocabulary';

export const isPartyRole = (role: ActorRole): boolean => (PARTY_ROLES as readonly string[]).includes(role);

/**
 * The side an actor is on: their organisation is a claimant (or the association that filed on
 * the claimants' behalf) or a respondent, and they act in a party role. Neutrals and the
 * secretariat are on no side.
 */
export const sideOf = (state: DisputeState, actor: Actor): Side | undefined => {
  if (!isPartyRole(actor.role) || !actor.organisationId) return undefined;
  const org = actor.organisationId;
  if (state.claimantOrganisationIds.includes(org) || state.filedOnBehalfBy === org) return 'claimant';
  if (state.respondentOrganisationIds.includes(org)) return 'respondent';
  return undefined;
};

export const otherSide = (side: Side): Side => (side === 'claimant' ? 'respondent' : 'claimant');

/** The neutrals on the case now: nominated or appointed, their term not ended. */
export const currentNeutrals = (state: DisputeState): NeutralOnCase[] =>
  state.neutrals.filter((n) => n.status === 'nominated' || n.status === 'appointed');

export const appointedNeutrals = (state: DisputeState): NeutralOnCase[] =>
  state.neutrals.filter((n) => n.status === 'appointed');

export const nominatedNeutrals = (state: DisputeState): NeutralOnCase[] =>
  state.neutrals.filter((n) => n.status === 'nominated');

/** The actor's entry as a current neutral of the given role(s) on this case, if any. */
export const neutralEntryOf = (
  state: DisputeState,
  actor: Actor,
  roles: readonly NeutralRole[],
  statuses: readonly NeutralOnCase['status'][] = ['nominated', 'appointed'],
): NeutralOnCase | undefined =>
  state.neutrals.find(
    (n) => n.userId === actor.userId && n.role === actor.role && roles.includes(n.role) && statuses.includes(n.status),
  );

/** Every organisation that is a party to the case, the filing association included. */
export const partyOrganisationIds = (state: DisputeState): string[] => [
  ...state.claimantOrganisationIds,
  ...state.respondentOrganisationIds,
  ...(state.filedOnBehalfBy ? [state.filedOnBehalfBy] : []),
];
