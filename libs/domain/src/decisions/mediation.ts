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
import { describeRoute, describeSide } from './describe';
import { requireAppointedNeutral, requireOpenCase, requireParty, requireStatus } from './guards';
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
      throw conflict('no_session_scheduled', 'No session is scheduled and not yet held; schedule a session first.');
    }
  },
  decide(c, state, ctx) {
    const session = state.sessions.find((s) => s.sessionId === c.sessionId);
    if (!session) throw invalid('sessionId', 'unknown_session', `Session ${c.sessionId} is not scheduled on this case.`);
    if (session.held) throw conflict('already_held', `Session ${c.sessionId} was already recorded as held.`);
    return [{ type: 'SessionHeld', data: { sessionId: c.sessionId, ...(c.notes ? { notes: c.notes } : {}), occurredAt: ctx.now } }];
  },
};

export const concludeMediation: ActionRule<ConcludeMediation> = {
  guard: guardMediator('mediation can only be concluded'),
  decide(c, state, ctx) {
    const result = requireOneOf(c.result, MEDIATION_RESULTS, 'result');
    if (c.settlementDocumentId !== undefined && !state.documents.some((d) => d.documentId === c.settlementDocumentId)) {
      throw invalid('settlementDocumentId', 'unknown_document', 'The settlement document is not on this case; submit it first.');
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
    throw conflict(
      'escalation_pending',
      `${describeSide(state.pendingEscalation.side)} already asked to escalate to ${describeRoute(state.pendingEscalation.route)}; ` +
        'that request must be answered first.',
    );
  }
  return side;
};

export const requestEscalation: ActionRule<RequestEscalation> = {
  guard: guardRequestEscalation,
  decide(c, state, ctx) {
    const side = guardRequestEscalation(state, ctx);
    const route = requireOneOf(c.route, ESCALATION_ROUTES, 'route');
    return [{ type: 'EscalationRequested', data: { route, side, occurredAt: ctx.now } }];
  },
};

const guardAnswerEscalation = (what: string) => (state: DisputeState, g: GuardContext): Side => {
  requireOpenCase(state);
  const side = requireParty(state, g);
  requireStatus(state, ['mediation_ended'], what);
  const pending = state.pendingEscalation;
  if (!pending) throw conflict('no_escalation_request', 'Nobody has asked to escalate; there is no request to answer.');
  if (pending.side === side) {
    throw conflict('awaiting_other_side', `You asked to escalate; ${describeSide(otherSide(side))} must answer your request.`);
  }
  return side;
};

const guardAccept = guardAnswerEscalation('an escalation can only be accepted');
export const acceptEscalation: ActionRule<AcceptEscalation> = {
  guard: guardAccept,
  decide(_c, state, ctx) {
    const side = guardAccept(state, ctx);
    return [{ type: 'EscalationAccepted', data: { route: state.pendingEscalation!.route, side, occurredAt: ctx.now } }];
  },
};

const guardDecline = guardAnswerEscalation('an escalation can only be declined');
export const declineEscalation: ActionRule<DeclineEscalation> = {
  guard: guardDecline,
  decide(c, state, ctx) {
    const side = guardDecline(state, ctx);
    return [{ type: 'EscalationDeclined', data: { side, ...(c.reason ? { reason: c.reason } : {}), occurredAt: ctx.now } }];
  },
};
