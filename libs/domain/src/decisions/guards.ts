import { conflict, forbidden } from '../errors';
import type { Side } from '../events';
import { isTerminal } from '../evolve';
import { neutralEntryOf, isPartyRole, sideOf } from '../sides';
import type { DisputeState, NeutralOnCase } from '../state';
import type { ActorRole, NeutralRole, Status } from '../vocabulary';
import { instant } from '../deadlines';
import { describeSide, describeStatus, describeStatuses, dutchDate, dutchSide, dutchStatus, dutchStatuses } from './describe';
import type { GuardContext } from './rule';

// Reusable checks. Order inside a guard: the case exists, it is not closed, the caller's role and
// side (forbidden), then the case's status and state (conflict).

export const requireExists = (state: DisputeState): void => {
  if (!state.exists) {
    throw conflict('not_found', {
      en: 'There is no dispute with this id. File a dispute first, or check the id.',
      nl: 'Er is geen zaak met dit nummer. Dien eerst een zaak in, of controleer het nummer.',
    });
  }
};

export const requireOpenCase = (state: DisputeState): void => {
  requireExists(state);
  if (isTerminal(state.status)) {
    throw conflict('case_closed', {
      en:
        `The case is closed: it was ${describeStatus(state.status)}. Nothing more can happen in it; ` +
        'only fees can still be invoiced and paid. File a new dispute if a new conflict arises.',
      nl:
        `De zaak is gesloten: de zaak is ${dutchStatus(state.status)}. Er kan niets meer in gebeuren, ` +
        'behalve kosten in rekening brengen en betalen. Dien een nieuwe zaak in als er een nieuw geschil is.',
    });
  }
};

export const requireRole = (g: GuardContext, roles: readonly ActorRole[], who: string): void => {
  if (!roles.includes(g.actor.role)) {
    throw forbidden('wrong_role', {
      en: `Only ${who} can do this; you act as ${g.actor.role}.`,
      nl: `Dit kan alleen ${dutchWho(who)}. U werkt hier als ${DUTCH_ROLE[g.actor.role] ?? g.actor.role}.`,
    });
  }
};

/** A party to the case; returns the caller's side. */
export const requireParty = (state: DisputeState, g: GuardContext): Side => {
  const side = sideOf(state, g.actor);
  if (!side) {
    throw forbidden(isPartyRole(g.actor.role) ? 'not_a_party' : 'wrong_role', {
      en: 'Only a party to this dispute (a claimant or a respondent) can do this.',
      nl: 'Dit kan alleen een partij in deze zaak: de indiener of een verweerder.',
    });
  }
  return side;
};

export const requireSide = (state: DisputeState, g: GuardContext, side: Side, insteadHint = ''): Side => {
  const actual = requireParty(state, g);
  if (actual !== side) {
    throw forbidden('wrong_side', {
      en: `Only ${describeSide(side)} can do this; you are ${describeSide(actual)}.${insteadHint}`,
      nl: `Dit kan alleen ${dutchSide(side)}; u bent ${dutchSide(actual)}.${side === 'respondent' && actual === 'claimant' ? ' Wilt u niet verder? Dan kunt u de zaak intrekken.' : ''}`,
    });
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
  if (!entry) {
    throw forbidden('not_appointed', {
      en: `Only ${who} appointed on this case can do this; you are not.`,
      nl: `Dit kan alleen ${dutchWho(who)} die in deze zaak is benoemd. U bent niet benoemd in deze zaak.`,
    });
  }
  return entry;
};

/** `what` completes "… can only be …", e.g. "information can only be requested". */
export const requireStatus = (state: DisputeState, allowed: readonly Status[], what: string): void => {
  if (!(allowed as readonly string[]).includes(state.status)) {
    throw conflict('wrong_status', {
      en: `The case is ${describeStatus(state.status)}; ${what} while it is ${describeStatuses(allowed)}.`,
      nl: `De zaak is nu ${dutchStatus(state.status)}. Dit kan alleen als de zaak ${dutchStatuses(allowed)} is.`,
    });
  }
};

export const requireRegistered = (state: DisputeState, what: string): void => {
  if (!state.caseNumber) {
    throw conflict('not_registered', {
      en: `The case is not registered yet; ${what} after registration. Register it first.`,
      nl: 'De zaak is nog niet ingeschreven. Dit kan pas na de inschrijving door het secretariaat.',
    });
  }
};

const DUTCH_ROLE: Record<string, string> = {
  provider: 'zorgaanbieder',
  insurer: 'zorgverzekeraar of zorgkantoor',
  association: 'brancheorganisatie',
  mediator: 'mediator',
  adviser: 'bindend adviseur',
  arbitrator: 'arbiter',
  secretariat: 'secretariaat',
  observer: 'waarnemer',
  system: 'het systeem',
};

/** The English "who" phrases of the guards, in Dutch. */
const DUTCH_WHO: Record<string, string> = {
  'the secretariat': 'het secretariaat',
  'the mediator': 'de mediator',
  'an adviser or arbitrator': 'een bindend adviseur of arbiter',
  'the deadline scheduler': 'het systeem (termijnbewaking)',
  'a care provider, an insurer or an association': 'een zorgaanbieder, een zorgverzekeraar, een zorgkantoor of een brancheorganisatie',
};
const dutchWho = (who: string): string => DUTCH_WHO[who] ?? who;

/**
 * Rule 8: once an answer deadline has passed, silence has already counted as a "no", even if the
 * scheduler has not recorded it yet (it may run a little later): a late answer is refused.
 */
export const requireAnswerDeadlineNotPassed = (state: DisputeState, g: GuardContext, kind: 'respondent_answer' | 'escalation_answer'): void => {
  const deadline = state.deadlines.find((d) => d.kind === kind && d.status === 'open');
  if (deadline && instant(g.now) > instant(deadline.dueAt)) {
    throw conflict('answer_deadline_passed', {
      en: `The deadline to answer passed on ${deadline.dueAt}; not answering in time counts as declining.`,
      nl: `De termijn om te antwoorden is verlopen op ${dutchDate(deadline.dueAt)}. Niet op tijd antwoorden telt als weigeren.`,
    });
  }
};
