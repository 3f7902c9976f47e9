import type {
  AcceptEscalation,
  ConcludeMediation,
  DeclineEscalation,
  RecordSession,
  RequestEscalation,
  ScheduleSession,
} from '../commands';
import { conflict, invalid } from '../errors';
import type { Side } from '../events';
import { otherSide } from '../sides';
import type { DisputeState } from '../state';
import { ESCALATION_ROUTES, MEDIATION_RESULTS } from '../vocabulary';
import { instant } from '../deadlines';
import { describeRoute, describeSide, dutchDateTime, dutchRoute, dutchSide } from './describe';
import { requireAnswerDeadlineNotPassed, requireAppointedNeutral, requireOpenCase, requireParty, requireStatus } from './guards';
import { newDeadline } from './new-deadline';
import { mediatorTermsEnd } from './neutrals';
import type { ActionRule, GuardContext } from './rule';
import { requireFreshId, requireInstantAfter, requireOneOf } from './validate';

// Mediation is run by the appointed mediator. Without full agreement either party may ask to
// escalate to binding advice or arbitration; the other side must agree.

const guardMediator = (what: string) => (state: DisputeState, g: GuardContext) => {
  requireOpenCase(state);
  requireAppointedNeutral(state, g, ['mediator'], 'the mediator');
  requireStatus(state, ['in_mediation'], what);
};

export const scheduleSession: ActionRule<ScheduleSession> = {
  guard: guardMediator('a session can only be scheduled'),
  decide(c, state, ctx) {
    const sessionId = requireFreshId(c.sessionId, state.sessions.map((s) => s.sessionId), 'sessionId', 'Session');
    const startsAt = requireInstantAfter(c.startsAt, ctx.now, 'startsAt', 'now');
    return [
      { type: 'SessionScheduled', data: { sessionId, startsAt, ...(c.location ? { location: c.location } : {}), occurredAt: ctx.now } },
    ];
  },
};

const guardRecordSession = guardMediator('a session can only be recorded');
export const recordSession: ActionRule<RecordSession> = {
  guard(state, g) {
    guardRecordSession(state, g);
    if (!state.sessions.some((s) => !s.held)) {
      throw conflict('no_session_scheduled', {
        en: 'No session is scheduled and not yet held; schedule a session first.',
        nl: 'Er is geen mediationgesprek gepland dat nog niet is gehouden. Plan eerst een gesprek.',
      });
    }
    // Rule 16: a session is held at or after its start, not before.
    if (!state.sessions.some((s) => !s.held && instant(s.startsAt) <= instant(g.now))) {
      const next = state.sessions.filter((s) => !s.held).sort((a, b) => instant(a.startsAt) - instant(b.startsAt))[0];
      throw conflict('not_started', {
        en: `The next session starts at ${next.startsAt}; it can be recorded as held from then on.`,
        nl: `Het volgende gesprek begint op ${dutchDateTime(next.startsAt)}. Pas vanaf dat moment kunt u vastleggen dat het is gehouden.`,
      });
    }
  },
  decide(c, state, ctx) {
    const session = state.sessions.find((s) => s.sessionId === c.sessionId);
    if (!session) {
      throw invalid('sessionId', 'unknown_session', {
        en: `Session ${c.sessionId} is not scheduled on this case.`,
        nl: `Gesprek ${c.sessionId} is niet gepland in deze zaak.`,
      });
    }
    if (session.held) {
      throw conflict('already_held', { en: `Session ${c.sessionId} was already recorded as held.`, nl: `Gesprek ${c.sessionId} is al vastgelegd als gehouden.` });
    }
    if (instant(ctx.now) < instant(session.startsAt)) {
      throw conflict('not_started', {
        en: `Session ${c.sessionId} starts at ${session.startsAt}; it can be recorded as held from then on.`,
        nl: `Gesprek ${c.sessionId} begint op ${dutchDateTime(session.startsAt)}. Pas vanaf dat moment kunt u vastleggen dat het is gehouden.`,
      });
    }
    return [{ type: 'SessionHeld', data: { sessionId: c.sessionId, ...(c.notes ? { notes: c.notes } : {}), occurredAt: ctx.now } }];
  },
};

const guardConclude = guardMediator('mediation can only be concluded');
export const concludeMediation: ActionRule<ConcludeMediation> = {
  guard(state, g) {
    guardConclude(state, g);
    // Rule 12: while a challenge of the mediator is pending, the mediation is paused.
    if (state.challenges.some((c) => c.status === 'pending')) {
      throw conflict('challenge_pending', {
        en: 'A challenge of the mediator is pending; the secretariat decides it before the mediation can be concluded.',
        nl: 'Er loopt een wraking van de mediator. Het secretariaat beslist daar eerst over; pas daarna kan de mediation worden afgesloten.',
      });
    }
  },
  decide(c, state, ctx) {
    const result = requireOneOf(c.result, MEDIATION_RESULTS, 'result');
    // Rule 15: an agreement comes out of a session; "no agreement" needs none.
    if (result !== 'no_agreement' && !state.sessions.some((s) => s.held)) {
      throw conflict('no_session_held', {
        en: 'No session has been held; a full or partial agreement can only be concluded after at least one session. Without one, conclude with no_agreement.',
        nl: 'Er is nog geen mediationgesprek gehouden. Een (gedeeltelijke) overeenstemming kan pas na minstens één gesprek. Zonder gesprek sluit u af zonder overeenstemming.',
      });
    }
    if (result === 'full_agreement' && c.settlementDocumentId === undefined) {
      throw invalid('settlementDocumentId', 'required', {
        en: 'A full agreement records the settlement: submit the signed agreement as a document and name it in settlementDocumentId.',
        nl: 'Bij volledige overeenstemming hoort de vaststellingsovereenkomst: voeg het getekende document toe aan de zaak en noem het in settlementDocumentId.',
      });
    }
    if (c.settlementDocumentId !== undefined && !state.documents.some((d) => d.documentId === c.settlementDocumentId)) {
      throw invalid('settlementDocumentId', 'unknown_document', {
        en: 'The settlement document is not on this case; submit it first.',
        nl: 'Het document met de afspraken staat niet in deze zaak. Voeg het eerst toe.',
      });
    }
    return [
      {
        type: 'MediationConcluded',
        data: {
          result,
          ...(c.settlementDocumentId ? { settlementDocumentId: c.settlementDocumentId } : {}),
          ...(result === 'full_agreement' ? {} : { escalationDeadline: newDeadline('escalation', state, ctx) }),
          occurredAt: ctx.now,
        },
      },
      // Rule 3: the mediator's term ends with the mediation they concluded.
      ...mediatorTermsEnd(state, ctx),
    ];
  },
};

const guardRequestEscalation = (state: DisputeState, g: GuardContext): Side => {
  requireOpenCase(state);
  const side = requireParty(state, g);
  requireStatus(state, ['mediation_ended'], 'escalation can only be requested');
  if (state.pendingEscalation) {
    throw conflict('escalation_pending', {
      en:
        `${describeSide(state.pendingEscalation.side)} already asked to escalate to ${describeRoute(state.pendingEscalation.route)}; ` +
        'that request must be answered first.',
      nl: `${capitalise(dutchSide(state.pendingEscalation.side))} heeft al gevraagd om door te gaan met ${dutchRoute(state.pendingEscalation.route)}. Eerst moet op dat verzoek worden geantwoord.`,
    });
  }
  return side;
};

export const requestEscalation: ActionRule<RequestEscalation> = {
  guard: guardRequestEscalation,
  decide(c, state, ctx) {
    const side = guardRequestEscalation(state, ctx);
    const route = requireOneOf(c.route, ESCALATION_ROUTES, 'route');
    // Rule 8: the other side answers within the answer deadline; silence counts as a decline.
    return [{ type: 'EscalationRequested', data: { route, side, answerDeadline: newDeadline('escalation_answer', state, ctx), occurredAt: ctx.now } }];
  },
};

/** Rule 7: respondents who must still agree to a claimant's escalation request. */
export const escalationStillToAnswer = (state: DisputeState): string[] =>
  state.pendingEscalation?.side === 'claimant'
    ? state.respondentOrganisationIds.filter((o) => !(state.pendingEscalation?.acceptedBy ?? []).includes(o))
    : [];

const guardAnswerEscalation = (what: string) => (state: DisputeState, g: GuardContext): Side => {
  requireOpenCase(state);
  const side = requireParty(state, g);
  requireStatus(state, ['mediation_ended'], what);
  const pending = state.pendingEscalation;
  if (!pending) {
    throw conflict('no_escalation_request', {
      en: 'Nobody has asked to escalate; there is no request to answer.',
      nl: 'Niemand heeft gevraagd om door te gaan na de mediation. Er is geen verzoek om op te antwoorden.',
    });
  }
  if (pending.side === side) {
    throw conflict('awaiting_other_side', {
      en: `You asked to escalate; ${describeSide(otherSide(side))} must answer your request.`,
      nl: `Uw kant heeft het verzoek gedaan. Nu moet ${dutchSide(otherSide(side))} antwoorden.`,
    });
  }
  requireAnswerDeadlineNotPassed(state, g, 'escalation_answer');
  if (side === 'respondent' && (pending.acceptedBy ?? []).includes(g.actor.organisationId as string)) {
    throw conflict('already_answered', {
      en: 'Your organisation already agreed to the escalation; the other respondents must answer now.',
      nl: 'Uw organisatie heeft al ingestemd. Nu moeten de andere verweerders antwoorden.',
    });
  }
  return side;
};

const guardAccept = guardAnswerEscalation('an escalation can only be accepted');
export const acceptEscalation: ActionRule<AcceptEscalation> = {
  guard: guardAccept,
  decide(_c, state, ctx) {
    const side = guardAccept(state, ctx);
    const org = side === 'respondent' ? (ctx.actor.organisationId as string) : undefined;
    const escalationAgreed = side === 'claimant' || escalationStillToAnswer(state).every((o) => o === org);
    return [
      {
        type: 'EscalationAccepted',
        data: { route: state.pendingEscalation!.route, side, ...(org ? { respondentOrganisationId: org } : {}), escalationAgreed, occurredAt: ctx.now },
      },
    ];
  },
};

const guardDecline = guardAnswerEscalation('an escalation can only be declined');
export const declineEscalation: ActionRule<DeclineEscalation> = {
  guard: guardDecline,
  decide(c, state, ctx) {
    // Any party on the other side saying no ends it: escalation needs every one of them (rule 7).
    const side = guardDecline(state, ctx);
    const org = side === 'respondent' ? (ctx.actor.organisationId as string) : undefined;
    return [
      {
        type: 'EscalationDeclined',
        data: { side, ...(c.reason ? { reason: c.reason } : {}), ...(org ? { respondentOrganisationId: org } : {}), occurredAt: ctx.now },
      },
    ];
  },
};

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
