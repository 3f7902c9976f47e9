import type { AppointNeutrals, ChallengeNeutral, DecideChallenge, NominateNeutrals, WaiveChallenge } from '../commands';
import type { DecisionContext } from '../context';
import { instant } from '../deadlines';
import { conflict, forbidden, invalid } from '../errors';
import type { DisputeEvent, NeutralTermEnded } from '../events';
import { procedureStageOf } from '../evolve';
import { appointedNeutrals, nominatedNeutrals, sideOf } from '../sides';
import type { Deadline, DisputeState, NeutralOnCase } from '../state';
import { NEW_FACTS_CHALLENGE_DAYS, type NeutralRole, type NeutralTermEndReason, type Route } from '../vocabulary';
import { amsterdamDay, calendarDaysBetween, formatDutchDate, formatDutchDateTime, formatEnglishDateTime } from '../time';
import { requireOpenCase, requireParty, requireSecretariat, requireStatus } from './guards';
import { newDeadline } from './new-deadline';
import type { ActionRule, GuardContext } from './rule';
import { requireText } from './validate';

// The secretariat nominates neutrals from the roster and names the chair of a panel (rule 10);
// the parties may challenge a nominee within the challenge period or waive that right; the
// secretariat decides challenges and appoints once the period is over or every party waived
// (rule 11). After appointment a party may still challenge on facts learned later (rule 12).
// Every end of a neutral's term is recorded as NeutralTermEnded (rule 3).

/** Which neutrals a route needs: the role, and the allowed panel sizes. */
export const PANEL_RULES: Record<Route, { role: NeutralRole; sizes: readonly number[] }> = {
  mediation: { role: 'mediator', sizes: [1] },
  binding_advice: { role: 'adviser', sizes: [1, 3] },
  arbitration: { role: 'arbitrator', sizes: [1, 3] },
};

const ROUTE_NL: Record<Route, string> = { mediation: 'mediation', binding_advice: 'bindend advies', arbitration: 'arbitrage' };
const ROLE_NL: Record<NeutralRole, [string, string]> = {
  mediator: ['mediator', 'mediators'],
  adviser: ['bindend adviseur', 'bindend adviseurs'],
  arbitrator: ['arbiter', 'arbiters'],
};
const roleNl = (role: NeutralRole, plural: boolean): string => ROLE_NL[role][plural ? 1 : 0];
const ROUTE_EN: Record<Route, string> = { mediation: 'mediation', binding_advice: 'binding advice', arbitration: 'arbitration' };

/** The challenge deadline of the current nomination: the latest one opened. Its id names the nomination. */
export const currentChallengeDeadline = (state: DisputeState): Deadline | undefined =>
  [...state.deadlines].reverse().find((d) => d.kind === 'challenge');

/** Any challenge not yet decided: it pauses appointment (rule 11) and the proceedings (rule 12). */
export const hasPendingChallenge = (state: DisputeState): boolean => state.challenges.some((c) => c.status === 'pending');

/**
 * The organisations that hold a right to challenge: each respondent, and on the claimant side the
 * association that filed a collective dispute (it owns the case, rule 9) or else each claimant.
 */
export const challengingOrganisations = (state: DisputeState): string[] => [
  ...(state.filedOnBehalfBy ? [state.filedOnBehalfBy] : state.claimantOrganisationIds),
  ...state.respondentOrganisationIds,
];

const waiversOf = (state: DisputeState, nominationId: string): string[] =>
  (state.challengeWaivers ?? []).filter((w) => w.nominationId === nominationId).map((w) => w.organisationId);

/** Every party waived its right to challenge the current nomination. */
export const everyPartyWaived = (state: DisputeState): boolean => {
  const deadline = currentChallengeDeadline(state);
  if (!deadline) return false;
  const waived = waiversOf(state, deadline.deadlineId);
  return challengingOrganisations(state).every((org) => waived.includes(org));
};

/** The challenge period of the current nomination is still running at `now`. */
const challengePeriodRunning = (state: DisputeState, now: string): Deadline | undefined => {
  const deadline = currentChallengeDeadline(state);
  return deadline && deadline.status === 'open' && instant(now) < instant(deadline.dueAt) ? deadline : undefined;
};

/** The neutrals serving the current procedure now: appointed, term not ended. */
const servingPanel = (state: DisputeState): NeutralOnCase[] =>
  appointedNeutrals(state).filter((n) => (n.procedureStage ?? procedureStageOf(state)) === procedureStageOf(state));

const termEnded = (n: NeutralOnCase, reason: NeutralTermEndReason, at: string): NeutralTermEnded => ({
  type: 'NeutralTermEnded',
  data: { neutralUserId: n.userId, role: n.role, reason, appointed: n.status === 'appointed', occurredAt: at },
});

/** The events that end the terms of the mediator(s) when they conclude the mediation (rule 3). */
export const mediatorTermsEnd = (state: DisputeState, ctx: Pick<DecisionContext, 'now'>): DisputeEvent[] =>
  appointedNeutrals(state)
    .filter((n) => n.role === 'mediator')
    .map((n) => termEnded(n, 'mediation_concluded', ctx.now));

export const nominateNeutrals: ActionRule<NominateNeutrals> = {
  guard(state, g) {
    requireOpenCase(state);
    requireSecretariat(g);
    requireStatus(state, ['awaiting_neutral'], 'neutrals can only be nominated');
    if (nominatedNeutrals(state).length > 0) {
      throw conflict('already_nominated', {
        en: 'Neutrals are already nominated for this case; appoint them, or uphold a challenge to let the nomination lapse first.',
        nl: 'Voor deze zaak zijn al neutralen voorgedragen. Benoem hen, of laat de voordracht eerst vervallen door een bezwaar (wraking) toe te wijzen.',
      });
    }
  },
  decide(c, state, ctx) {
    const route = state.route as Route;
    const rule = PANEL_RULES[route];
    if (!rule) {
      throw conflict('no_route', {
        en: 'No route is agreed on this case yet; the parties must agree one first.',
        nl: 'De partijen zijn het nog niet eens over de procedure. Dat moet eerst.',
      });
    }
    const ids = c.neutralUserIds;
    const field = 'neutralUserIds';
    const serving = servingPanel(state);
    // A panel of three that lost a member to an upheld challenge is completed, not formed anew (rule 12).
    const sizes = serving.length > 0 ? [3 - serving.length] : rule.sizes;
    if (!Array.isArray(ids) || !sizes.includes(ids.length)) {
      const named = Array.isArray(ids) ? ids.length : 0;
      throw invalid(field, 'wrong_panel_size', {
        en:
          serving.length > 0
            ? `The panel has ${serving.length} members left; nominate ${sizes[0]} to complete it; you named ${named}.`
            : `${ROUTE_EN[route]} needs ${rule.sizes.join(' or ')} ${rule.role}${rule.sizes.length > 1 ? 's' : ''}; you named ${named}.`,
        nl:
          serving.length > 0
            ? `Er zitten nog ${serving.length} leden in het panel. Draag er ${sizes[0]} voor om het aan te vullen. U noemde er ${named}.`
            : `Voor ${ROUTE_NL[route]} zijn ${rule.sizes.join(' of ')} ${roleNl(rule.role, rule.sizes.length > 1)} nodig. U noemde er ${named}.`,
      });
    }
    if (new Set(ids).size !== ids.length) {
      throw invalid(field, 'duplicate', {
        en: 'A neutral can sit on a panel only once.',
        nl: 'Iemand kan maar één keer in een panel zitten.',
      });
    }
    for (const id of ids) {
      const user = ctx.directory.user(id);
      if (!user) {
        throw invalid(field, 'unknown_user', {
          en: `User ${id} is not in the directory; check the id.`,
          nl: `Gebruiker ${id} staat niet in de lijst van neutralen. Controleer de naam.`,
        });
      }
      if (user.role !== rule.role) {
        throw invalid(field, 'wrong_neutral_role', {
          en: `${user.name} is a ${user.role}; ${ROUTE_EN[route]} needs a ${rule.role}.`,
          nl: `${user.name} is geen ${roleNl(rule.role, false)}. Voor ${ROUTE_NL[route]} is een ${roleNl(rule.role, false)} nodig.`,
        });
      }
      if (state.challenges.some((ch) => ch.neutralUserId === id && ch.status === 'upheld')) {
        throw invalid(field, 'challenged_before', {
          en: `A challenge against ${user.name} was upheld on this case; nominate someone else.`,
          nl: `Een bezwaar tegen ${user.name} is in deze zaak toegewezen. Draag iemand anders voor.`,
        });
      }
      if (serving.some((n) => n.userId === id)) {
        throw invalid(field, 'already_on_panel', {
          en: `${user.name} already sits on the panel of this case.`,
          nl: `${user.name} zit al in het panel van deze zaak.`,
        });
      }
    }
    const chairUserId = chairOf(c, ids, serving);
    return [
      {
        type: 'NeutralsNominated',
        data: {
          neutralUserIds: [...ids],
          role: rule.role,
          chairUserId,
          challengeDeadline: newDeadline('challenge', state, ctx),
          procedureStage: procedureStageOf(state),
          occurredAt: ctx.now,
        },
      },
    ];
  },
};

/** Rule 10: the secretariat names the chair of a panel of three; it must sit on that panel. */
function chairOf(c: NominateNeutrals, ids: string[], serving: NeutralOnCase[]): string {
  const panel = [...serving.map((n) => n.userId), ...ids];
  const sittingChair = serving.find((n) => n.chair)?.userId;
  const chair = c.chairUserId;
  if (chair === undefined || chair === null || chair === '') {
    if (sittingChair) return sittingChair;
    if (panel.length === 1) return panel[0];
    throw invalid('chairUserId', 'chair_required', {
      en: 'A panel of three needs a chair: name one of its members in chairUserId.',
      nl: 'Een panel van drie heeft een voorzitter nodig. Kies een van de drie leden als voorzitter (chairUserId).',
    });
  }
  if (typeof chair !== 'string' || !panel.includes(chair)) {
    throw invalid('chairUserId', 'chair_not_on_panel', {
      en: `The chair must be one of the panel (${panel.join(', ')}); ${String(chair)} is not.`,
      nl: `De voorzitter moet een van de leden van het panel zijn (${panel.join(', ')}). ${String(chair)} is dat niet.`,
    });
  }
  return chair;
}

/** Rule 11: a party gives up its right to challenge the current nomination. */
const guardWaive = (state: DisputeState, g: GuardContext): { nominationId: string; organisationId: string } => {
  requireOpenCase(state);
  requireParty(state, g);
  requireStatus(state, ['awaiting_neutral'], 'the right to challenge can only be waived');
  const deadline = challengePeriodRunning(state, g.now);
  if (nominatedNeutrals(state).length === 0 || !deadline) {
    throw conflict('no_challenge_period', {
      en: 'No challenge period is running: there is no nomination to waive a challenge against.',
      nl: 'Er loopt nu geen termijn om bezwaar te maken tegen een voorgedragen neutraal. Er valt dus niets af te zien.',
    });
  }
  const organisationId = g.actor.organisationId ?? '';
  if (!challengingOrganisations(state).includes(organisationId)) {
    throw forbidden('not_waiving_party', {
      en: 'In a collective dispute the association that filed it decides on challenges for the claimants.',
      nl: 'Bij een collectief geschil beslist de vereniging die het geschil indiende over bezwaren namens de eisers.',
    });
  }
  if (waiversOf(state, deadline.deadlineId).includes(organisationId)) {
    throw conflict('already_waived', {
      en: 'Your organisation already waived its right to challenge this nomination.',
      nl: 'Uw organisatie heeft al afgezien van bezwaar tegen deze voordracht.',
    });
  }
  return { nominationId: deadline.deadlineId, organisationId };
};

export const waiveChallenge: ActionRule<WaiveChallenge> = {
  guard: guardWaive,
  decide(_c, state, ctx) {
    const { nominationId, organisationId } = guardWaive(state, ctx);
    return [{ type: 'ChallengeWaived', data: { nominationId, organisationId, side: sideOf(state, ctx.actor)!, occurredAt: ctx.now } }];
  },
};

/**
 * Before appointment: a nominee, within the challenge period. After appointment (rule 12): an
 * appointed neutral, on facts learned later; the payload decides which (see decide).
 */
const guardChallenge = (state: DisputeState, g: GuardContext) => {
  requireOpenCase(state);
  const side = requireParty(state, g);
  const nominees = state.status === 'awaiting_neutral' && nominatedNeutrals(state).length > 0;
  if (nominees && challengePeriodRunning(state, g.now)) return side;
  // Rule 12: an appointed neutral can be challenged on new facts while they serve.
  if (appointedNeutrals(state).length > 0 && ['awaiting_neutral', 'in_mediation', 'in_proceedings'].includes(state.status)) return side;
  if (nominees) throw challengePeriodOver(state);
  if (appointedNeutrals(state).length === 0) {
    throw conflict('no_nomination', {
      en: 'No neutral is nominated or appointed now; there is nobody to challenge.',
      nl: 'Er is nu geen neutraal voorgedragen of benoemd. Er is dus niemand om bezwaar tegen te maken.',
    });
  }
  requireStatus(state, ['awaiting_neutral', 'in_mediation', 'in_proceedings'], 'a neutral can only be challenged');
  return side;
};

const challengePeriodOver = (state: DisputeState) => {
  const deadline = currentChallengeDeadline(state);
  return conflict('challenge_period_over', {
    en: `The period to challenge the nomination ended${deadline ? ` on ${formatEnglishDateTime(deadline.dueAt)}` : ''}. If facts came to light later, you can still challenge after the appointment.`,
    nl: `De termijn om bezwaar te maken tegen de voordracht is voorbij${deadline ? ` (op ${formatDutchDateTime(deadline.dueAt)})` : ''}. Hoort u later nieuwe feiten? Dan kunt u na de benoeming nog bezwaar maken.`,
  });
};

export const challengeNeutral: ActionRule<ChallengeNeutral> = {
  guard: guardChallenge,
  decide(c, state, ctx) {
    const side = guardChallenge(state, ctx);
    const target = state.neutrals.find((n) => n.userId === c.neutralUserId && (n.status === 'nominated' || n.status === 'appointed'));
    if (!target) {
      throw invalid('neutralUserId', 'not_nominated', {
        en: `${c.neutralUserId} is not nominated or appointed on this case; challenge one of its neutrals.`,
        nl: `${c.neutralUserId} is in deze zaak niet voorgedragen of benoemd. U kunt alleen bezwaar maken tegen een neutraal van deze zaak.`,
      });
    }
    if (state.challenges.some((ch) => ch.neutralUserId === c.neutralUserId && ch.status === 'pending')) {
      throw conflict('challenge_pending', {
        en: 'A challenge against this neutral is already pending; wait for the secretariat to decide it.',
        nl: 'Er loopt al een bezwaar tegen deze neutraal. Wacht op de beslissing van het secretariaat.',
      });
    }
    const grounds = requireText(c.grounds, 'grounds', 'The grounds of the challenge');
    const base = { neutralUserId: c.neutralUserId, grounds, side, occurredAt: ctx.now };
    if (target.status === 'nominated') {
      if (!challengePeriodRunning(state, ctx.now)) throw challengePeriodOver(state);
      return [{ type: 'NeutralChallenged', data: base }];
    }
    return [{ type: 'NeutralChallenged', data: { ...base, newFacts: true, factsKnownSince: requireNewFacts(c, state, ctx) } }];
  },
};

/**
 * Rule 12: after appointment, only on facts learned after the challenge period, and within 7
 * calendar days (Amsterdam) of learning them. Returns factsKnownSince as given.
 */
function requireNewFacts(c: ChallengeNeutral, state: DisputeState, ctx: DecisionContext): string {
  if (c.newFacts !== true) {
    throw invalid('newFacts', 'new_facts_required', {
      en: 'This neutral is already appointed: a challenge now must rest on facts that became known later. Set newFacts to true and say since when you know them (factsKnownSince).',
      nl: 'Deze neutraal is al benoemd. U kunt nu alleen nog bezwaar maken op grond van feiten die u later hoorde. Geef aan dat het om nieuwe feiten gaat (newFacts) en sinds wanneer u ze kent (factsKnownSince).',
    });
  }
  const since = typeof c.factsKnownSince === 'string' ? amsterdamDay(c.factsKnownSince) : undefined;
  if (!since) {
    throw invalid('factsKnownSince', 'not_a_date', {
      en: 'Say since when you know the new facts: a date such as 2026-03-01 (factsKnownSince).',
      nl: 'Geef aan sinds wanneer u de nieuwe feiten kent, bijvoorbeeld 2026-03-01 (factsKnownSince).',
    });
  }
  const today = amsterdamDay(ctx.now)!;
  if (since > today) {
    throw invalid('factsKnownSince', 'in_future', {
      en: 'The date since when you know the facts cannot lie in the future.',
      nl: 'De datum waarop u de feiten hoorde, kan niet in de toekomst liggen.',
    });
  }
  const periodEnd = currentChallengeDeadline(state)?.closedAt;
  if (periodEnd && since < amsterdamDay(periodEnd)!) {
    throw invalid('factsKnownSince', 'known_before_appointment', {
      en: `You knew these facts before the challenge period ended (${formatEnglishDateTime(periodEnd)}); a challenge on them had to be made then.`,
      nl: `U kende deze feiten al voordat de termijn voor bezwaar afliep (${formatDutchDateTime(periodEnd)}). Bezwaar op grond van die feiten had toen gemaakt moeten worden.`,
    });
  }
  if (calendarDaysBetween(since, today) > NEW_FACTS_CHALLENGE_DAYS) {
    throw conflict('new_facts_too_late', {
      en: `A challenge on new facts must be made within ${NEW_FACTS_CHALLENGE_DAYS} days of learning them; you know them since ${since}.`,
      nl: `Bezwaar op grond van nieuwe feiten moet binnen ${NEW_FACTS_CHALLENGE_DAYS} dagen nadat u ze hoorde. U kent ze al sinds ${formatDutchDate(since)}; die termijn is voorbij.`,
    });
  }
  return c.factsKnownSince as string;
}

export const decideChallengeRule: ActionRule<DecideChallenge> = {
  guard(state, g) {
    requireOpenCase(state);
    requireSecretariat(g);
    if (!hasPendingChallenge(state)) {
      throw conflict('no_pending_challenge', {
        en: 'No challenge is pending on this case; there is nothing to decide.',
        nl: 'Er is in deze zaak geen bezwaar tegen een neutraal waarover nog beslist moet worden.',
      });
    }
  },
  decide(c, state, ctx) {
    if (!state.challenges.some((ch) => ch.neutralUserId === c.neutralUserId && ch.status === 'pending')) {
      throw invalid('neutralUserId', 'no_pending_challenge', {
        en: `No challenge against ${c.neutralUserId} is pending; pick a neutral with a pending challenge.`,
        nl: `Er loopt geen bezwaar tegen ${c.neutralUserId}. Kies een neutraal tegen wie wel bezwaar loopt.`,
      });
    }
    if (typeof c.upheld !== 'boolean') {
      throw invalid('upheld', 'required', {
        en: 'Say whether the challenge is upheld (true) or rejected (false).',
        nl: 'Geef aan of het bezwaar wordt toegewezen (true) of afgewezen (false).',
      });
    }
    const data = { neutralUserId: c.neutralUserId, ...(c.reasoning ? { reasoning: c.reasoning } : {}), occurredAt: ctx.now };
    if (!c.upheld) return [{ type: 'ChallengeRejected', data }];
    const target = state.neutrals.find((n) => n.userId === c.neutralUserId && n.status !== 'ended');
    const ends: DisputeEvent[] = [];
    if (target?.status === 'appointed') {
      // Rule 12: only this neutral's term ends; the case waits for a replacement.
      ends.push(termEnded(target, 'challenge_upheld', ctx.now));
    } else if (target) {
      // A panel is nominated as one: the whole nomination lapses.
      ends.push(termEnded(target, 'challenge_upheld', ctx.now));
      for (const n of nominatedNeutrals(state)) if (n.userId !== target.userId) ends.push(termEnded(n, 'nomination_lapsed', ctx.now));
    }
    return [{ type: 'ChallengeUpheld', data }, ...ends];
  },
};

export const appointNeutrals: ActionRule<AppointNeutrals> = {
  guard(state, g) {
    requireOpenCase(state);
    requireSecretariat(g);
    requireStatus(state, ['awaiting_neutral'], 'neutrals can only be appointed');
    if (nominatedNeutrals(state).length === 0) {
      throw conflict('no_nomination', {
        en: 'Nobody is nominated; nominate neutrals first.',
        nl: 'Er is nog niemand voorgedragen. Draag eerst neutralen voor.',
      });
    }
    if (hasPendingChallenge(state)) {
      throw conflict('challenge_pending', {
        en: 'A challenge against a neutral is pending; decide it before appointing.',
        nl: 'Er loopt nog een bezwaar tegen een neutraal. Beslis daar eerst over, en benoem daarna.',
      });
    }
    const running = challengePeriodRunning(state, g.now);
    if (running && !everyPartyWaived(state)) {
      throw conflict('challenge_period_open', {
        en: `The parties may challenge the nomination until ${formatEnglishDateTime(running.dueAt)}. Appoint after that, or as soon as every party has waived its right to challenge.`,
        nl: `De partijen kunnen nog tot ${formatDutchDateTime(running.dueAt)} bezwaar maken tegen de voordracht. Benoem daarna, of zodra alle partijen hebben laten weten dat ze geen bezwaar maken.`,
      });
    }
  },
  decide(_c, state, ctx) {
    const nominees = nominatedNeutrals(state);
    const panel = [...servingPanel(state), ...nominees];
    const chair = panel.find((n) => n.chair) ?? nominees[0];
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
