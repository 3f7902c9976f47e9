import type { AcceptSubmission, ContinueWithRespondents, DeclineSubmission, ProposeRoute } from '../commands';
import type { DecisionContext } from '../context';
import { conflict, forbidden, invalid } from '../errors';
import type { DisputeEvent, Side } from '../events';
import type { DisputeState } from '../state';
import { ROUTES, type Route } from '../vocabulary';
import { describeRoute, dutchDate, dutchRoute, orgName } from './describe';
import { requireAnswerDeadlineNotPassed, requireOpenCase, requireParty, requireSide, requireStatus } from './guards';
import { newDeadline } from './new-deadline';
import type { ActionRule, GuardContext } from './rule';
import { requireOneOf, requireText } from './validate';

// The procedure is voluntary for every party (rule 6): the claimant proposes a route at filing,
// and each respondent answers for itself. Either side may counter; a new proposal replaces the
// route on the table, so every earlier "yes" (to another route) no longer counts. The case moves
// to awaiting_neutral only when the claimant and every remaining respondent agree on one route.
// A decline ends the submission against that respondent alone; with respondents left, the
// claimant chooses to go on against them (continue-with-respondents) or to withdraw.
//
// docs/domain.md names accept-submission a respondent command, but a respondent's counter-proposal must
// be answerable by the claimant: whichever side did not make the pending proposal may accept it.
// Declining remains the respondents' alone: a claimant who does not want to go on withdraws.

const NEGOTIABLE = ['awaiting_respondent', 'route_negotiation'] as const;

/** The proposal both sides are looking at now. */
export const routeOnTheTable = (state: DisputeState): { route: Route; side: Side } | undefined =>
  state.pendingRouteProposal ?? (state.initialRoute ? { route: state.initialRoute, side: 'claimant' } : undefined);

/** Respondents the submission still runs against (not declined, not silent past the deadline). */
export const remainingRespondents = (state: DisputeState): string[] =>
  state.respondentOrganisationIds.filter((o) => !(state.releasedRespondentIds ?? []).includes(o));

/** Streams from before rule 6 name no respondent on a counter-proposal: then the respondent side as a whole proposed it. */
const agreesToTable = (state: DisputeState, org: string): boolean =>
  (state.respondentsAgreeingRoute ?? []).includes(org) ||
  (state.pendingRouteProposal?.side === 'respondent' && state.pendingRouteProposal.respondentOrganisationId === undefined);

/** Whether the claimant side agrees to the route on the table (it proposed or accepted it). */
export const claimantAgrees = (state: DisputeState): boolean =>
  state.claimantAgreesRoute ?? routeOnTheTable(state)?.side === 'claimant';

/** Respondents who have not yet agreed to the route on the table. */
export const respondentsStillToAnswer = (state: DisputeState): string[] =>
  remainingRespondents(state).filter((o) => !agreesToTable(state, o));

/**
 * The respondent a respondent's user answers for: their own organisation. `requested` (the
 * command's respondentOrganisationId) may name it explicitly and must then be that organisation.
 */
const answeringRespondent = (state: DisputeState, g: GuardContext, requested?: string): string => {
  const own = g.actor.organisationId as string;
  if (requested !== undefined && requested !== own) {
    const name = orgName(g, requested);
    throw forbidden('not_your_organisation', {
      en: `You can only answer for your own organisation, not for ${name}; each respondent answers for itself.`,
      nl: `U kunt alleen antwoorden namens uw eigen organisatie, niet namens ${name}. Elke verweerder antwoordt voor zichzelf.`,
    });
  }
  if ((state.releasedRespondentIds ?? []).includes(own)) {
    throw conflict('submission_ended', {
      en: 'The submission against your organisation has ended (you declined or did not answer in time); you cannot answer again.',
      nl: 'De zaak tegen uw organisatie is beëindigd: u heeft geweigerd of niet op tijd geantwoord. U kunt niet opnieuw antwoorden.',
    });
  }
  return own;
};

const guardAnswer = (state: DisputeState, g: GuardContext): Side => {
  requireOpenCase(state);
  const side = requireParty(state, g);
  requireStatus(state, NEGOTIABLE, 'the submission can only be answered');
  if (state.status === 'awaiting_respondent' && side === 'claimant') {
    throw forbidden('wrong_side', {
      en: 'Only a respondent can accept the submission; as claimant you wait for their answer.',
      nl: 'Alleen een verweerder kan de zaak aannemen. Als indiener wacht u op hun antwoord.',
    });
  }
  const table = routeOnTheTable(state);
  if (side === 'respondent') {
    requireAnswerDeadlineNotPassed(state, g, 'respondent_answer');
    const own = answeringRespondent(state, g);
    if (table && agreesToTable(state, own)) {
      throw conflict('awaiting_other_side', {
        en: `Your organisation already agreed to ${describeRoute(table.route)}; the other parties must answer now.`,
        nl: `Uw organisatie heeft al ingestemd met ${dutchRoute(table.route)}. Nu moeten de andere partijen antwoorden.`,
      });
    }
  } else if (claimantAgrees(state)) {
    throw conflict('awaiting_other_side', {
      en: `You proposed or accepted ${describeRoute(table?.route)}; the respondents must answer it first.`,
      nl: `U heeft ${dutchRoute(table?.route)} voorgesteld of aangenomen. Eerst moeten de verweerders daarop antwoorden.`,
    });
  }
  return side;
};

/** True when, after `org` (a respondent) or the claimant agrees, every party agrees and nobody was released. */
const completesAgreement = (state: DisputeState, side: Side, org?: string): boolean => {
  const agreed = side === 'claimant' || claimantAgrees(state);
  const still = respondentsStillToAnswer(state).filter((o) => o !== org);
  // After a decline the claimant chooses (continue-with-respondents); nothing moves by itself.
  return agreed && still.length === 0 && (state.releasedRespondentIds ?? []).length === 0;
};

export const acceptSubmission: ActionRule<AcceptSubmission> = {
  guard: guardAnswer,
  decide(c, state, ctx) {
    const side = guardAnswer(state, ctx);
    const org = side === 'respondent' ? answeringRespondent(state, ctx, c.respondentOrganisationId) : undefined;
    const route = requireOneOf(c.route, ROUTES, 'route');
    const table = routeOnTheTable(state);
    if (table && table.route !== route) {
      throw conflict('route_not_on_table', {
        en:
          `The route on the table is ${describeRoute(table.route)}, not ${describeRoute(route)}. ` +
          `Accept ${describeRoute(table.route)}, or propose ${describeRoute(route)} with propose-route.`,
        nl:
          `Het voorstel is nu ${dutchRoute(table.route)}, niet ${dutchRoute(route)}. ` +
          `Stem in met ${dutchRoute(table.route)}, of stel zelf ${dutchRoute(route)} voor.`,
      });
    }
    return [
      {
        type: 'SubmissionAccepted',
        data: { route, side, ...(org ? { respondentOrganisationId: org } : {}), routeAgreed: completesAgreement(state, side, org), occurredAt: ctx.now },
      },
    ];
  },
};

/** The events of a decline by `org`: the submission ends against it, or the case is declined when none is left. */
export const declineEvents = (state: DisputeState, org: string, reason: string, ctx: Pick<DecisionContext, 'now' | 'policies'>, afterDeadline = false): DisputeEvent[] => {
  const left = remainingRespondents(state).filter((o) => o !== org);
  // Once the answer deadline has passed, the claimant gets a short window of its own to choose.
  const continuationDeadline = left.length > 0 && afterDeadline ? newDeadline('continuation', state, ctx) : undefined;
  return [
    {
      type: 'SubmissionDeclined',
      data: {
        reason,
        respondentOrganisationId: org,
        caseDeclined: left.length === 0,
        ...(continuationDeadline ? { continuationDeadline } : {}),
        occurredAt: ctx.now,
      },
    },
  ];
};

const guardDecline = (state: DisputeState, g: GuardContext): void => {
  requireOpenCase(state);
  requireSide(state, g, 'respondent', ' A claimant who does not want to continue can withdraw the dispute.');
  requireStatus(state, NEGOTIABLE, 'the submission can only be declined');
  requireAnswerDeadlineNotPassed(state, g, 'respondent_answer');
  answeringRespondent(state, g);
};

export const declineSubmission: ActionRule<DeclineSubmission> = {
  guard: guardDecline,
  decide(c, state, ctx) {
    const org = answeringRespondent(state, ctx, c.respondentOrganisationId);
    const reason = requireText(c.reason, 'reason', 'A reason for declining');
    return declineEvents(state, org, reason, ctx);
  },
};

const guardPropose = (state: DisputeState, g: GuardContext): Side => {
  requireOpenCase(state);
  const side = requireParty(state, g);
  requireStatus(state, NEGOTIABLE, 'a route can only be proposed');
  if (side === 'respondent') {
    requireAnswerDeadlineNotPassed(state, g, 'respondent_answer');
    answeringRespondent(state, g);
  }
  const table = routeOnTheTable(state);
  const ownProposal =
    table &&
    table.side === side &&
    (side === 'claimant' || state.pendingRouteProposal?.respondentOrganisationId === undefined || state.pendingRouteProposal.respondentOrganisationId === g.actor.organisationId);
  if (ownProposal && table) {
    throw conflict('awaiting_other_side', {
      en: `Your proposal of ${describeRoute(table.route)} is waiting for the other side's answer; you can propose again once they have countered it.`,
      nl: `Uw voorstel (${dutchRoute(table.route)}) wacht op het antwoord van de andere partij. U kunt opnieuw voorstellen als zij een tegenvoorstel hebben gedaan.`,
    });
  }
  return side;
};

export const proposeRoute: ActionRule<ProposeRoute> = {
  guard: guardPropose,
  decide(c, state, ctx) {
    const side = guardPropose(state, ctx);
    const org = side === 'respondent' ? answeringRespondent(state, ctx, c.respondentOrganisationId) : undefined;
    const route = requireOneOf(c.route, ROUTES, 'route');
    const table = routeOnTheTable(state);
    if (table && table.route === route) {
      throw conflict('same_route', {
        en: `${describeRoute(route)} is already on the table; accept it with accept-submission instead of proposing it again.`,
        nl: `${dutchRoute(route)} is al voorgesteld. Stem ermee in in plaats van het opnieuw voor te stellen.`,
      });
    }
    return [
      {
        type: 'RouteProposed',
        data: { route, side, ...(c.reason ? { reason: c.reason } : {}), ...(org ? { respondentOrganisationId: org } : {}), occurredAt: ctx.now },
      },
    ];
  },
};

const guardContinue = (state: DisputeState, g: GuardContext): void => {
  requireOpenCase(state);
  requireSide(state, g, 'claimant');
  requireStatus(state, NEGOTIABLE, 'you can only go on against some respondents');
  const released = state.releasedRespondentIds ?? [];
  if (released.length === 0) {
    throw conflict('no_respondent_declined', {
      en: 'No respondent has declined; the case goes on by itself once every respondent has accepted.',
      nl: 'Geen enkele verweerder heeft geweigerd. De zaak gaat vanzelf verder zodra alle verweerders hebben ingestemd.',
    });
  }
  const waiting = respondentsStillToAnswer(state);
  if (waiting.length > 0) {
    const deadline = state.deadlines.find((d) => d.kind === 'respondent_answer' && d.status === 'open');
    const names = waiting.map((o) => orgName(g, o)).join(', ');
    throw conflict('respondents_still_answering', {
      en: `${names} has not yet agreed to the route${deadline ? ` (they have until ${deadline.dueAt})` : ''}; you can go on once every remaining respondent has agreed.`,
      nl: `${names} heeft nog niet ingestemd met de procedure${deadline ? ` (zij hebben tot ${dutchDate(deadline.dueAt)})` : ''}. U kunt verder zodra alle overgebleven verweerders hebben ingestemd.`,
    });
  }
  if (!claimantAgrees(state)) {
    throw conflict('route_not_agreed', {
      en: `Accept the route on the table (${describeRoute(routeOnTheTable(state)?.route)}) first, or propose another.`,
      nl: `Stem eerst in met de voorgestelde procedure (${dutchRoute(routeOnTheTable(state)?.route)}), of stel een andere voor.`,
    });
  }
};

export const continueWithRespondents: ActionRule<ContinueWithRespondents> = {
  guard: guardContinue,
  decide(_c, state, ctx) {
    guardContinue(state, ctx);
    const route = routeOnTheTable(state)?.route;
    if (!route) throw invalid('route', 'required', { en: 'There is no route to go on with.', nl: 'Er is geen procedure om mee verder te gaan.' });
    return [{ type: 'RespondentsContinued', data: { route, releasedRespondentOrganisationIds: [...(state.releasedRespondentIds ?? [])], occurredAt: ctx.now } }];
  },
};
