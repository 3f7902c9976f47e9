import { isTerminal, type DeadlineKind, type DisputeEvent, type DisputeState, type UserInfo } from '../../domain/src';
import { audience, PARTIES, sideOfUser, type AudienceGroup, type RecipientIndex } from './audience';
import type { CalendarFacts, FactValue, Notice, NoticeKind } from './notice';

/** Everything the decider knows about one event besides the event itself. */
export interface EventContext {
  /** The stored event's id: with the kind and the recipient it makes the notice's key. */
  eventId: string;
  /** Who caused it: they are not told of their own action (the filing confirmation excepted). */
  actorUserId?: string;
  before: DisputeState;
  after: DisputeState;
  index: RecipientIndex;
}

/** Minutes a session or hearing is planned for in the calendar (the domain records only the start). */
export const MEETING_MINUTES = 120;
/** Invoices are due this many days after invoicing (the secretariat's fee-overdue rule, rule 17). */
export const INVOICE_DUE_DAYS = 30;

/**
 * Decides, for one event, who must hear of it. Pure: event + case state before and after +
 * directory → notices. The state after the event decides who may see the case now (a neutral whose
 * term ended by this event hears nothing of it).
 */
export function decideNotices(event: DisputeEvent, ctx: EventContext): Notice[] {
  const { before, after } = ctx;
  const notices: Notice[] = [];
  const at = event.data.occurredAt;
  const base = { caseNumber: after.caseNumber, status: after.status };
  const tell = (
    kind: NoticeKind,
    users: readonly UserInfo[],
    facts: Record<string, FactValue> = {},
    options: { includeActor?: boolean; calendar?: CalendarFacts; keySuffix?: string } = {},
  ): void => {
    for (const user of users) {
      if (!options.includeActor && user.id === ctx.actorUserId) continue;
      notices.push({
        key: `${ctx.eventId}:${kind}${options.keySuffix ? `:${options.keySuffix}` : ''}:${user.id}`,
        kind,
        userId: user.id,
        disputeId: after.disputeId,
        at,
        facts: { ...base, side: sideOfUser(after, user), ...facts },
        ...(options.calendar ? { calendar: options.calendar } : {}),
      });
    }
  };
  // The domain decides who may see this event (canSeeEvent): the version is the one it brought the case to.
  const seen = { type: event.type, data: event.data as unknown as Record<string, unknown>, version: after.version };
  const to = (groups: readonly AudienceGroup[], also?: (user: UserInfo) => boolean) => audience(after, groups, ctx.index, also, seen);

  switch (event.type) {
    case 'DisputeFiled':
      tell('dispute_filed', to(['claimants']), {}, { includeActor: true });
      tell('dispute_filed', to(['secretariat']));
      break;
    case 'InformationRequested':
      tell('information_requested', to(['claimants']), { dueAt: event.data.deadline.dueAt });
      break;
    case 'InformationProvided':
      tell('information_provided', to(['secretariat']));
      break;
    case 'DisputeDeclaredInadmissible':
      tell('declared_inadmissible', to(['claimants', 'secretariat']), { reason: event.data.reason });
      break;
    case 'DisputeRegistered':
      // The respondent is not invited yet (rule 1): the audience leaves them out by itself.
      tell('case_registered', to(['claimants']));
      break;
    case 'RespondentInvited':
      tell('respondent_invited', to(['respondents']), { dueAt: event.data.deadline.dueAt, route: after.initialRoute });
      break;
    case 'SubmissionAccepted':
    case 'SubmissionDeclined':
    case 'RouteProposed': {
      const answer = event.type === 'SubmissionAccepted' ? 'accepted' : event.type === 'SubmissionDeclined' ? 'declined' : 'route_proposed';
      const route = 'route' in event.data ? event.data.route : undefined;
      tell('answer_given', to([...PARTIES, 'secretariat']), { answer, route, closed: isTerminal(after.status) });
      break;
    }
    case 'NeutralsNominated': {
      const challenge = event.data.challengeDeadline.dueAt;
      tell('neutrals_nominated', to(PARTIES), {
        dueAt: challenge,
        neutralNames: neutralNames(event.data.neutralUserIds, ctx.index),
        role: event.data.role,
      });
      tell(
        'nomination_received',
        to(['nominees'], (u) => event.data.neutralUserIds.includes(u.id)),
        { dueAt: challenge, role: event.data.role },
      );
      break;
    }
    case 'NeutralChallenged':
      tell('neutral_challenged', to(['secretariat']), { neutralName: ctx.index.user(event.data.neutralUserId)?.name });
      break;
    case 'ChallengeUpheld':
    case 'ChallengeRejected':
      tell('challenge_decided', to(PARTIES), {
        upheld: event.type === 'ChallengeUpheld',
        neutralName: ctx.index.user(event.data.neutralUserId)?.name,
      });
      break;
    case 'NeutralsAppointed':
      tell('neutrals_appointed', to([...PARTIES, 'appointed']), {
        neutralNames: neutralNames(event.data.neutralUserIds, ctx.index),
        role: event.data.role,
        route: event.data.route,
      });
      break;
    case 'SessionScheduled':
    case 'HearingScheduled': {
      const isSession = event.type === 'SessionScheduled';
      const id = isSession ? event.data.sessionId : event.data.hearingId;
      const calendar = meetingCalendarFacts(
        { kind: isSession ? 'session' : 'hearing', id, startsAt: event.data.startsAt, location: event.data.location },
        after.caseNumber,
        'REQUEST',
      );
      tell(
        isSession ? 'session_scheduled' : 'hearing_scheduled',
        to([...PARTIES, 'appointed']),
        {
          startsAt: event.data.startsAt,
          location: event.data.location,
        },
        { calendar, includeActor: true },
      );
      break;
    }
    case 'MediationConcluded':
      tell('mediation_concluded', to([...PARTIES, 'secretariat']), {
        result: event.data.result,
        dueAt: event.data.escalationDeadline?.dueAt,
      });
      break;
    case 'EscalationRequested': {
      const requester = event.data.side;
      tell(
        'escalation_requested',
        to(PARTIES, (u) => sideOfUser(after, u) !== requester),
        { route: event.data.route, mustAnswer: true },
      );
      tell('escalation_requested', to(['secretariat']), { route: event.data.route, mustAnswer: false });
      break;
    }
    case 'EscalationAccepted':
    case 'EscalationDeclined':
      tell('escalation_answered', to([...PARTIES, 'secretariat']), {
        accepted: event.type === 'EscalationAccepted',
        route: event.type === 'EscalationAccepted' ? event.data.route : undefined,
      });
      break;
    case 'StatementSubmitted':
      // Never the statement's text: only that there is one.
      tell('statement_submitted', to([...PARTIES, 'appointed']), { statementKind: event.data.kind, fromSide: event.data.side });
      break;
    case 'DocumentSubmitted': {
      const document = after.documents.find((d) => d.documentId === event.data.documentId);
      if (!document) break;
      // Never the document's name or content: only that there is a new one, to whom may see it.
      // The secretariat may read every document, but hears only of those meant for it.
      const groups: AudienceGroup[] = document.visibility === 'secretariat' ? ['secretariat'] : [...PARTIES, 'appointed'];
      tell('document_submitted', to(groups)); // canSeeEvent applies canSeeDocument (rule 4)
      break;
    }
    case 'DecisionRendered':
      tell('decision_rendered', to([...PARTIES, 'secretariat']), { outcome: event.data.outcome });
      break;
    case 'DisputeWithdrawn':
    case 'SettledByParties':
    case 'DisputeClosedWithoutResolution':
      // Everyone on the case until now hears of its end: judged on the state before, since the
      // closure itself ends the neutrals' terms.
      tell('case_closed', audience(before, [...PARTIES, 'appointed', 'secretariat'], ctx.index), { closedAs: after.status });
      break;
    case 'FeeInvoiced': {
      const dueAt = new Date(Date.parse(at) + INVOICE_DUE_DAYS * 86_400_000).toISOString();
      tell(
        'fee_invoiced',
        to(PARTIES, (u) => u.organisationId === event.data.organisationId),
        {
          amountCents: event.data.amountCents,
          feeKind: event.data.kind,
          dueAt,
        },
      );
      break;
    }
    case 'DeadlineExtended': {
      const deadline = after.deadlines.find((d) => d.deadlineId === event.data.deadlineId);
      if (!deadline) break;
      tell(
        'deadline_extended',
        to(PARTIES, (u) => deadline.side === undefined || sideOfUser(after, u) !== undefined),
        {
          deadlineKind: deadline.kind,
          dueAt: event.data.dueAt,
          mustAct: deadline.side,
        },
      );
      break;
    }
    case 'DeadlineMissed':
      tell('deadline_missed', to([...PARTIES, 'secretariat']), {
        deadlineKind: event.data.kind,
        dueAt: event.data.dueAt,
        mustAct: sideOfDeadline(before, event.data.deadlineId),
      });
      break;
    case 'CaseStalled':
      tell('case_stalled', to(['claimants', 'secretariat']), { dueAt: event.data.graceDeadline.dueAt });
      break;
    case 'FeeOverdue':
      tell('fee_overdue', to(['secretariat']), { amountCents: event.data.amountCents });
      tell(
        'fee_overdue',
        to(PARTIES, (u) => u.organisationId === event.data.organisationId),
        { amountCents: event.data.amountCents },
      );
      break;
    case 'RespondentsContinued':
      // The case goes on without the respondents who declined; the released ones no longer see it.
      tell('respondents_continued', to([...PARTIES, 'secretariat']), {
        route: event.data.route,
        released: event.data.releasedRespondentOrganisationIds.length,
      });
      break;
    case 'ParticipationWithdrawn':
      // The organisation that left is no longer a party: the others on the case hear it goes on.
      tell('participation_withdrawn', to([...PARTIES, 'appointed', 'secretariat']));
      break;
    case 'HearingWaived':
      // The other side may waive too (then a decision on the documents alone is possible); the panel plans with it.
      tell(
        'hearing_waived',
        to([...PARTIES, 'appointed', 'secretariat'], (u) => u.organisationId !== event.data.organisationId),
        { fromSide: event.data.side },
      );
      break;
    case 'ChallengePeriodEnded':
      // A lapsed period means the secretariat may appoint now; a used one was told as the challenge.
      if (!event.data.used) tell('challenge_period_ended', to(['secretariat']), { dueAt: event.data.dueAt });
      break;
    default:
      // ChallengeWaived, NeutralTermEnded, SessionHeld, HearingHeld, FeePaid: no message (see docs/notifications.md).
      break;
  }

  // A case that closes (or a mediation that ends) cancels the sessions and hearings still ahead.
  const closing = (!isTerminal(before.status) && isTerminal(after.status)) || event.type === 'MediationConcluded';
  if (closing) {
    const ahead = [
      ...after.sessions
        .filter((s) => !s.held && s.startsAt > at)
        .map((s) => ({ kind: 'session' as const, id: s.sessionId, startsAt: s.startsAt, location: s.location })),
      ...after.hearings
        .filter((h) => !h.held && h.startsAt > at)
        .map((h) => ({ kind: 'hearing' as const, id: h.hearingId, startsAt: h.startsAt, location: h.location })),
    ];
    for (const meeting of ahead) {
      tell(
        'meeting_cancelled',
        audience(before, [...PARTIES, 'appointed'], ctx.index),
        { startsAt: meeting.startsAt, meeting: meeting.kind },
        {
          includeActor: true,
          keySuffix: meeting.id,
          calendar: meetingCalendarFacts(meeting, after.caseNumber, 'CANCEL'),
        },
      );
    }
  }
  return notices;
}

export const meetingUid = (kind: 'session' | 'hearing', id: string): string => `${kind}-${id}@geschilleninstantie-zorgcontractering`;

/** A session or hearing as the calendar sees it. */
export interface Meeting {
  kind: 'session' | 'hearing';
  id: string;
  startsAt: string;
  location?: string | undefined;
}

/**
 * The calendar facts of one session or hearing: the invitation (REQUEST, sequence 0), the
 * cancellation (CANCEL, sequence 1), or the portal's download (PUBLISH, sequence 0). One UID for
 * all three, so a calendar keeps a single entry whichever way it arrived.
 */
export function meetingCalendarFacts(meeting: Meeting, caseNumber: string | undefined, method: CalendarFacts['method']): CalendarFacts {
  const title = `${meeting.kind === 'session' ? 'Mediationgesprek' : 'Zitting'} ${caseNumber ?? ''}`.trim();
  return {
    uid: meetingUid(meeting.kind, meeting.id),
    sequence: method === 'CANCEL' ? 1 : 0,
    method,
    startsAt: meeting.startsAt,
    durationMinutes: MEETING_MINUTES,
    title: method === 'CANCEL' ? `${title} (vervalt)` : title,
    ...(meeting.location ? { location: meeting.location } : {}),
  };
}

const neutralNames = (ids: readonly string[], index: RecipientIndex): string => ids.map((id) => index.user(id)?.name ?? id).join(', ');

const sideOfDeadline = (state: DisputeState, deadlineId: string) => state.deadlines.find((d) => d.deadlineId === deadlineId)?.side;

/** The deadline kinds that have one side to act; reminders go to that side (or both when none). */
export const deadlineActor = (kind: DeadlineKind): 'claimant' | 'respondent' | 'either' =>
  kind === 'information' ? 'claimant' : kind === 'respondent_answer' ? 'respondent' : 'either';
