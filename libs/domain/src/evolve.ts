import { instant } from './deadlines';
import type { DeadlineRef, DisputeEvent, Side } from './events';
import type { CaseOutcome, Deadline, DeadlineStatus, DisputeState, NeutralOnCase } from './state';
import { TERMINAL_STATUSES, type DeadlineKind, type NeutralTermEndReason, type Status } from './vocabulary';

// evolve() is the only place that knows what an event does to a dispute. It is total: an event
// that does not fit the state (it cannot happen, decide() prevents it) is still folded without
// throwing, so a projection never gets stuck on history.

export const initialState = (disputeId = ''): DisputeState => ({
  exists: false,
  disputeId,
  version: 0,
  status: 'none',
  subjects: [],
  claims: [],
  urgent: false,
  claimantOrganisationIds: [],
  respondentOrganisationIds: [],
  smallProviderClaimant: false,
  neutrals: [],
  challenges: [],
  deadlines: [],
  sessions: [],
  hearings: [],
  statements: [],
  documents: [],
  invoices: [],
  escalations: 0,
});

export const isTerminal = (status: DisputeState['status']): boolean => (TERMINAL_STATUSES as readonly string[]).includes(status);

const openDeadline = (ref: DeadlineRef, openedAt: string, side?: Side): Deadline => ({
  deadlineId: ref.deadlineId,
  kind: ref.kind,
  dueAt: ref.dueAt,
  status: 'open',
  ...(side ? { side } : {}),
  openedAt,
});

/** Closes every open deadline of `kind` (all kinds when omitted) with `status`. */
const closeDeadlines = (deadlines: Deadline[], status: DeadlineStatus, at: string, kind?: DeadlineKind): Deadline[] =>
  deadlines.map((d) => (d.status === 'open' && (!kind || d.kind === kind) ? { ...d, status, closedAt: at } : d));

// --- Neutrals' terms (rules 3, 4, 10–13) ---

/** The procedure the case is in: 1 for the route first agreed, one more per escalation. */
export const procedureStageOf = (s: Pick<DisputeState, 'escalations'>): number => s.escalations + 1;

/**
 * Ends the term of `userId` (all current terms when omitted) at the version this event gets. A term
 * already ended stays as it was: stored streams that record NeutralTermEnded and fold an older
 * implicit end (escalation) agree.
 */
const endTerms = (s: DisputeState, at: string, reason: NeutralTermEndReason, which: (n: NeutralOnCase) => boolean): NeutralOnCase[] =>
  s.neutrals.map((n) =>
    n.status === 'ended' || (n.status as string) === 'lapsed' || !which(n)
      ? n
      : { ...n, status: 'ended', endedAt: at, endReason: reason, endedAtVersion: s.version + 1 },
  );
// --- end neutrals' terms ---

/** A terminal status: the case closes, and no deadline can be met or missed any more. */
const close = (s: DisputeState, status: Status, at: string, outcome: Omit<CaseOutcome, 'status'> = {}): DisputeState => ({
  ...s,
  status,
  closedAt: at,
  outcome: { status, ...outcome },
  // Fees follow the case, not its status: an invoice's payment deadline runs on after closing.
  deadlines: s.deadlines.map((d) => (d.status === 'open' && d.kind !== 'fee_payment' ? { ...d, status: 'cancelled', closedAt: at } : d)),
  pendingRouteProposal: undefined,
  stalled: undefined,
  pendingEscalation: undefined,
});

const apply = (s: DisputeState, event: DisputeEvent): DisputeState => {
  const at = event.data.occurredAt;
  switch (event.type) {
    case 'DisputeFiled': {
      const d = event.data;
      return {
        ...s,
        exists: true,
        disputeId: d.disputeId || s.disputeId,
        status: 'filed',
        phase: d.phase,
        legalFramework: d.legalFramework,
        sector: d.sector,
        subjects: [...d.subjects],
        contractYear: d.contractYear,
        summary: d.summary,
        claims: d.claims.map((c) => ({ ...c })),
        amountInDisputeCents: d.amountInDisputeCents,
        urgent: d.urgent,
        urgencyReason: d.urgencyReason,
        claimantOrganisationIds: [...d.claimantOrganisationIds],
        respondentOrganisationIds: [...d.respondentOrganisationIds],
        filedOnBehalfBy: d.filedOnBehalfBy,
        claimantKind: d.claimantKind,
        smallProviderClaimant: d.smallProviderClaimant,
        filedByUserId: d.filedByUserId,
        initialRoute: d.proposedRoute,
        filedAt: at,
        claimantAgreesRoute: true,
        respondentsAgreeingRoute: [],
      };
    }
    case 'InformationRequested':
      return {
        ...s,
        status: 'awaiting_information',
        deadlines: [...s.deadlines, openDeadline(event.data.deadline, at, 'claimant')],
      };
    case 'InformationProvided':
      return {
        ...s,
        status: 'filed',
        stalled: undefined,
        deadlines: closeDeadlines(closeDeadlines(s.deadlines, 'met', at, 'information'), 'met', at, 'information_grace'),
      };
    case 'DisputeDeclaredInadmissible':
      return close(s, 'inadmissible', at, { reason: event.data.reason });
    case 'DisputeRegistered':
      return {
        ...s,
        caseNumber: event.data.caseNumber,
        registeredAt: at,
        administrationFee: {
          totalCents: event.data.administrationFee.totalCents,
          shares: event.data.administrationFee.shares.map((x) => ({ ...x })),
        },
      };
    case 'RespondentInvited':
      return {
        ...s,
        status: 'awaiting_respondent',
        respondentInvitedAt: s.respondentInvitedAt ?? at,
        deadlines: [...s.deadlines, openDeadline(event.data.deadline, at, 'respondent')],
      };
    case 'SubmissionAccepted': {
      const d = event.data;
      const agreed = {
        ...s,
        claimantAgreesRoute: d.side === 'claimant' ? true : s.claimantAgreesRoute,
        respondentsAgreeingRoute:
          d.side === 'respondent' && d.respondentOrganisationId
            ? [...new Set([...(s.respondentsAgreeingRoute ?? []), d.respondentOrganisationId])]
            : s.respondentsAgreeingRoute,
      };
      if (!d.routeAgreed) return agreed;
      return {
        ...agreed,
        status: 'awaiting_neutral',
        route: d.route,
        pendingRouteProposal: undefined,
        deadlines: closeDeadlines(closeDeadlines(s.deadlines, 'met', at, 'respondent_answer'), 'met', at, 'continuation'),
      };
    }
    case 'SubmissionDeclined': {
      const d = event.data;
      if (d.caseDeclined || !d.respondentOrganisationId) {
        return close({ ...s, deadlines: closeDeadlines(s.deadlines, 'met', at, 'respondent_answer') }, 'declined', at, {
          reason: d.reason,
        });
      }
      // The submission ends against this respondent only; the claimant chooses how to go on (rule 6).
      return {
        ...s,
        releasedRespondentIds: [...new Set([...(s.releasedRespondentIds ?? []), d.respondentOrganisationId])],
        respondentsAgreeingRoute: (s.respondentsAgreeingRoute ?? []).filter((o) => o !== d.respondentOrganisationId),
        deadlines: d.continuationDeadline ? [...s.deadlines, openDeadline(d.continuationDeadline, at, 'claimant')] : s.deadlines,
      };
    }
    case 'RouteProposed': {
      const d = event.data;
      // Every answer so far was to the previous route: only the proposer agrees to the new one.
      const everyRespondentAnswered =
        d.side === 'respondent' &&
        s.respondentOrganisationIds.every((o) => o === d.respondentOrganisationId || (s.releasedRespondentIds ?? []).includes(o));
      return {
        ...s,
        status: 'route_negotiation',
        pendingRouteProposal: {
          route: d.route,
          side: d.side,
          reason: d.reason,
          ...(d.respondentOrganisationId ? { respondentOrganisationId: d.respondentOrganisationId } : {}),
        },
        claimantAgreesRoute: d.side === 'claimant',
        respondentsAgreeingRoute: d.side === 'respondent' && d.respondentOrganisationId ? [d.respondentOrganisationId] : [],
        // The respondents answered (with a counter-proposal); a claimant's proposal answers nothing.
        // Events from before rule 6 name no respondent: their side answered as one.
        deadlines:
          d.side === 'respondent' && (!d.respondentOrganisationId || everyRespondentAnswered)
            ? closeDeadlines(s.deadlines, 'met', at, 'respondent_answer')
            : s.deadlines,
      };
    }
    case 'NeutralsNominated': {
      const d = event.data;
      // One entry per person: a re-nominated neutral (whose earlier nomination lapsed) replaces it.
      const kept = s.neutrals.filter((n) => !d.neutralUserIds.includes(n.userId));
      const stage = d.procedureStage ?? procedureStageOf(s);
      const nominated: NeutralOnCase[] = d.neutralUserIds.map((userId) => ({
        userId,
        role: d.role,
        status: 'nominated',
        chair: userId === d.chairUserId,
        nominationId: d.challengeDeadline.deadlineId,
        procedureStage: stage,
        nominatedAt: at,
      }));
      // The chair named here chairs the whole panel, members still serving included (a replacement
      // nomination may name one of them after the chair was removed).
      const others = kept.map((n) =>
        n.status === 'nominated' || n.status === 'appointed' ? { ...n, chair: n.userId === d.chairUserId } : n,
      );
      return {
        ...s,
        neutrals: [...others, ...nominated],
        deadlines: [...s.deadlines, openDeadline(d.challengeDeadline, at)],
      };
    }
    case 'NeutralChallenged': {
      const d = event.data;
      return {
        ...s,
        challenges: [
          ...s.challenges,
          {
            neutralUserId: d.neutralUserId,
            side: d.side,
            grounds: d.grounds,
            status: 'pending',
            ...(d.newFacts ? { newFacts: true, factsKnownSince: d.factsKnownSince } : {}),
            challengedAt: at,
          },
        ],
      };
    }
    case 'ChallengeUpheld': {
      const id = event.data.neutralUserId;
      const nominatedNow = s.neutrals.some((n) => n.userId === id && n.status === 'nominated');
      const appointedNow = s.neutrals.some((n) => n.userId === id && n.status === 'appointed');
      if (appointedNow) {
        // Rule 12: the neutral's term ends (NeutralTermEnded follows); the case waits for a replacement.
        return { ...s, challenges: decideChallenge(s, id, 'upheld'), status: 'awaiting_neutral' };
      }
      return {
        ...s,
        challenges: decideChallenge(s, id, 'upheld'),
        // The whole nomination lapses (a panel is nominated as one). Newer streams also record each
        // end as NeutralTermEnded, which then changes nothing; older ones have only this event.
        neutrals: nominatedNow
          ? endTerms(
              { ...s, neutrals: endTerms(s, at, 'challenge_upheld', (n) => n.userId === id && n.status === 'nominated') },
              at,
              'nomination_lapsed',
              (n) => n.status === 'nominated',
            )
          : s.neutrals,
        deadlines: nominatedNow ? closeDeadlines(s.deadlines, 'met', at, 'challenge') : s.deadlines,
      };
    }
    case 'ChallengeRejected':
      return { ...s, challenges: decideChallenge(s, event.data.neutralUserId, 'rejected') };
    case 'ChallengeWaived':
      return {
        ...s,
        challengeWaivers: [
          ...(s.challengeWaivers ?? []),
          { nominationId: event.data.nominationId, organisationId: event.data.organisationId, side: event.data.side },
        ],
      };
    case 'NeutralTermEnded': {
      const d = event.data;
      return { ...s, neutrals: endTerms(s, at, d.reason, (n) => n.userId === d.neutralUserId) };
    }
    case 'ChallengePeriodEnded':
      return {
        ...s,
        deadlines: s.deadlines.map((x) =>
          x.deadlineId === event.data.deadlineId && x.status === 'open'
            ? { ...x, status: event.data.used ? 'met' : 'lapsed', closedAt: at }
            : x,
        ),
      };
    case 'NeutralsAppointed': {
      const d = event.data;
      // Rule 13: a period in which nobody challenged closes as lapsed; a used one was met.
      const used = challengePeriodUsed(s);
      return {
        ...s,
        status: d.route === 'mediation' ? 'in_mediation' : 'in_proceedings',
        route: d.route,
        neutrals: s.neutrals.map((n) =>
          n.status === 'nominated' && d.neutralUserIds.includes(n.userId)
            ? { ...n, status: 'appointed', appointedAt: at, chair: d.chairUserId === n.userId || n.chair }
            : n,
        ),
        // The first appointment counts for "filing to appointment"; an escalation appoints again.
        appointedAt: s.appointedAt ?? at,
        deadlines: closeDeadlines(s.deadlines, used ? 'met' : 'lapsed', at, 'challenge'),
      };
    }
    case 'SessionScheduled':
      return {
        ...s,
        sessions: [
          ...s.sessions,
          { sessionId: event.data.sessionId, startsAt: event.data.startsAt, location: event.data.location, held: false },
        ],
      };
    case 'SessionHeld':
      return {
        ...s,
        sessions: s.sessions.map((x) =>
          x.sessionId === event.data.sessionId
            ? { ...x, held: true, ...(event.data.notes !== undefined ? { notes: event.data.notes } : {}) }
            : x,
        ),
      };
    case 'MediationConcluded': {
      const d = event.data;
      if (d.result === 'full_agreement') {
        return close({ ...s, mediationResult: d.result }, 'settled', at, { mediationResult: d.result });
      }
      return {
        ...s,
        status: 'mediation_ended',
        mediationResult: d.result,
        deadlines: d.escalationDeadline ? [...s.deadlines, openDeadline(d.escalationDeadline, at)] : s.deadlines,
      };
    }
    case 'EscalationRequested': {
      const answer = event.data.answerDeadline;
      const deadlines = closeDeadlines(s.deadlines, 'met', at, 'escalation');
      return {
        ...s,
        pendingEscalation: { route: event.data.route, side: event.data.side, acceptedBy: [] },
        deadlines: answer
          ? [...deadlines, openDeadline(answer, at, event.data.side === 'claimant' ? 'respondent' : 'claimant')]
          : deadlines,
      };
    }
    case 'EscalationAccepted':
      if (event.data.escalationAgreed === false) {
        // One respondent of several agreed; the others must still answer (rule 7).
        const org = event.data.respondentOrganisationId;
        return s.pendingEscalation && org
          ? { ...s, pendingEscalation: { ...s.pendingEscalation, acceptedBy: [...(s.pendingEscalation.acceptedBy ?? []), org] } }
          : s;
      }
      return {
        ...s,
        deadlines: closeDeadlines(s.deadlines, 'met', at, 'escalation_answer'),
        status: 'awaiting_neutral',
        route: event.data.route,
        pendingEscalation: undefined,
        // Streams stored before NeutralTermEnded: the mediator's term ends here. Newer streams
        // recorded its end when the mediation was concluded, and this changes nothing.
        neutrals: endTerms(s, at, 'escalated', () => true),
        escalations: s.escalations + 1,
      };
    case 'EscalationDeclined':
      return close(s, 'closed_without_resolution', at, {
        mediationResult: s.mediationResult,
        reason: event.data.reason ?? 'escalation_declined',
      });
    case 'StatementSubmitted': {
      const d = event.data;
      let deadlines = s.deadlines;
      if (d.kind === 'statement_of_defence') deadlines = closeDeadlines(deadlines, 'met', at, 'statement_of_defence');
      if (d.defenceDeadline) deadlines = [...deadlines, openDeadline(d.defenceDeadline, at, 'respondent')];
      return { ...s, statements: [...s.statements, { kind: d.kind, side: d.side, submittedAt: at }], deadlines };
    }
    case 'HearingScheduled':
      return {
        ...s,
        hearings: [
          ...s.hearings,
          { hearingId: event.data.hearingId, startsAt: event.data.startsAt, location: event.data.location, held: false },
        ],
      };
    case 'HearingHeld':
      return {
        ...s,
        hearings: s.hearings.map((h) => (h.hearingId === event.data.hearingId ? { ...h, held: true } : h)),
      };
    case 'DecisionRendered':
      return close(s, 'decided', at, {
        decision: {
          outcome: event.data.outcome,
          claimantCostSharePct: event.data.costAllocation.claimantPct,
          summary: event.data.summary,
          ...(event.data.costAllocationReason ? { costAllocationReason: event.data.costAllocationReason } : {}),
        },
      });
    // --- due-process events ---
    case 'RespondentsContinued': {
      const released = event.data.releasedRespondentOrganisationIds;
      return {
        ...s,
        status: 'awaiting_neutral',
        route: event.data.route,
        pendingRouteProposal: undefined,
        respondentOrganisationIds: s.respondentOrganisationIds.filter((o) => !released.includes(o)),
        formerRespondentOrganisationIds: [...(s.formerRespondentOrganisationIds ?? []), ...released],
        releasedRespondentIds: [],
        deadlines: closeDeadlines(closeDeadlines(s.deadlines, 'met', at, 'respondent_answer'), 'met', at, 'continuation'),
      };
    }
    case 'ParticipationWithdrawn': {
      const org = event.data.organisationId;
      return {
        ...s,
        claimantOrganisationIds: s.claimantOrganisationIds.filter((o) => o !== org),
        formerClaimantOrganisationIds: [...(s.formerClaimantOrganisationIds ?? []), org],
      };
    }
    case 'HearingWaived':
      return { ...s, hearingWaivedBy: [...new Set([...(s.hearingWaivedBy ?? []), event.data.organisationId])] };
    case 'CaseStalled':
      return { ...s, stalled: true, deadlines: [...s.deadlines, openDeadline(event.data.graceDeadline, at)] };
    case 'FeeOverdue':
      return { ...s, invoices: s.invoices.map((i) => (i.invoiceId === event.data.invoiceId ? { ...i, overdue: true } : i)) };
    // --- end due-process events ---
    case 'DisputeWithdrawn':
      return close(s, 'withdrawn', at, event.data.reason ? { reason: event.data.reason } : {});
    case 'SettledByParties':
      return close(s, 'settled', at, event.data.terms ? { reason: event.data.terms } : {});
    case 'DocumentSubmitted': {
      const d = event.data;
      return {
        ...s,
        documents: [
          ...s.documents,
          {
            documentId: d.documentId,
            name: d.name,
            mediaType: d.mediaType,
            sizeBytes: d.sizeBytes,
            sha256: d.sha256,
            visibility: d.visibility,
            submittedByUserId: d.submittedByUserId,
            submittedAt: at,
            procedureStage: d.procedureStage ?? procedureStageOf(s),
            recordedAtVersion: s.version + 1,
          },
        ],
      };
    }
    case 'DeadlineExtended':
      return {
        ...s,
        deadlines: s.deadlines.map((d) => (d.deadlineId === event.data.deadlineId ? { ...d, dueAt: event.data.dueAt } : d)),
      };
    case 'FeeInvoiced':
      return {
        ...s,
        deadlines: event.data.paymentDeadline ? [...s.deadlines, openDeadline(event.data.paymentDeadline, at)] : s.deadlines,
        invoices: [
          ...s.invoices,
          {
            invoiceId: event.data.invoiceId,
            organisationId: event.data.organisationId,
            kind: event.data.kind,
            amountCents: event.data.amountCents,
            paid: false,
            invoicedAt: at,
          },
        ],
      };
    case 'FeePaid':
      return {
        ...s,
        invoices: s.invoices.map((i) => (i.invoiceId === event.data.invoiceId ? { ...i, paid: true, paidAt: at } : i)),
        deadlines: s.deadlines.map((d) =>
          d.status === 'open' && d.kind === 'fee_payment' && d.deadlineId === paymentDeadlineId(event.data.invoiceId)
            ? { ...d, status: 'met', closedAt: at }
            : d,
        ),
      };
    case 'DeadlineMissed':
      return {
        ...s,
        deadlines: s.deadlines.map((d) =>
          d.deadlineId === event.data.deadlineId && d.status === 'open' ? { ...d, status: 'missed', closedAt: at } : d,
        ),
      };
    case 'DisputeClosedWithoutResolution':
      return close(s, 'closed_without_resolution', at, {
        mediationResult: s.mediationResult,
        reason: event.data.reason,
      });
    default: {
      // An unknown event type (a newer schema) changes nothing but the version.
      const _exhaustive: never = event;
      void _exhaustive;
      return s;
    }
  }
};

/** Whether a party challenged within the latest nomination's challenge period. */
export const challengePeriodUsed = (s: DisputeState): boolean => {
  const period = [...s.deadlines].reverse().find((d) => d.kind === 'challenge');
  return (
    period !== undefined && s.challenges.some((c) => c.challengedAt !== undefined && instant(c.challengedAt) >= instant(period.openedAt))
  );
};
/** The payment deadline of an invoice is named after it, so paying meets exactly that one. */
export const paymentDeadlineId = (invoiceId: string): string => `fee_payment-${invoiceId}`;

const decideChallenge = (s: DisputeState, neutralUserId: string, status: 'upheld' | 'rejected') => {
  // Only the oldest pending challenge against this neutral is decided by one decision.
  const index = s.challenges.findIndex((c) => c.neutralUserId === neutralUserId && c.status === 'pending');
  return s.challenges.map((c, i) => (i === index ? { ...c, status } : c));
};

/** Folds one event: a new state object, one version later, updated at the event's time. */
export const evolve = (state: DisputeState, event: DisputeEvent): DisputeState => {
  const next = apply(state, event);
  // apply builds a new object for every event it knows (an unknown type returns the state itself):
  // the version goes onto that object rather than into yet another copy of its forty-odd fields.
  // Folding runs in every command and in three projections; the second copy was a third of it.
  const result = next === state ? { ...state } : next;
  result.version = state.version + 1;
  result.updatedAt = event.data.occurredAt;
  return result;
};

/** Folds a stream of events from the initial state. */
export const foldEvents = (events: readonly DisputeEvent[], disputeId?: string): DisputeState =>
  events.reduce(evolve, initialState(disputeId));
