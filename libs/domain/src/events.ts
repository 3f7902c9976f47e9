import type { Claim } from './commands';
import type {
  DeadlineKind,
  DecisionOutcome,
  DocumentVisibility,
  EscalationRoute,
  FeeKind,
  InadmissibilityReason,
  LegalFramework,
  MediationResult,
  NeutralRole,
  NeutralTermEndReason,
  Phase,
  Route,
  Sector,
  StatementKind,
  Subject,
} from './vocabulary';

// Events are facts in the past tense. Every event's data carries `occurredAt` (the decision
// context's now), so that evolve() and projections never need a clock. The actor who caused an
// event travels in the event store's metadata, not here.

/** Which side of the dispute acted. */
export type Side = 'claimant' | 'respondent';

export interface DeadlineRef {
  deadlineId: string;
  kind: DeadlineKind;
  dueAt: string;
}

export interface FeeShare {
  organisationId: string;
  amountCents: number;
}

interface E<T extends string, D> {
  type: T;
  data: D & { occurredAt: string };
}

export type DisputeFiled = E<
  'DisputeFiled',
  {
    disputeId: string;
    phase: Phase;
    legalFramework: LegalFramework;
    sector: Sector;
    subjects: Subject[];
    contractYear: number;
    claimantOrganisationIds: string[];
    respondentOrganisationIds: string[];
    /** The association that filed a collective dispute on behalf of its members, if any. */
    filedOnBehalfBy?: string;
    claimantKind: 'provider' | 'insurer' | 'association';
    /** True when a claimant is a small provider: the respondent then bears a share of the fee. */
    smallProviderClaimant: boolean;
    summary: string;
    claims: Claim[];
    amountInDisputeCents: number;
    proposedRoute: Route;
    urgent: boolean;
    urgencyReason?: string;
    filedByUserId: string;
  }
>;
export type InformationRequested = E<'InformationRequested', { questions: string; deadline: DeadlineRef }>;
export type InformationProvided = E<'InformationProvided', { answers: string }>;
export type DisputeDeclaredInadmissible = E<
  'DisputeDeclaredInadmissible',
  { reason: InadmissibilityReason; explanation: string }
>;
export type DisputeRegistered = E<
  'DisputeRegistered',
  { caseNumber: string; administrationFee: { totalCents: number; shares: FeeShare[] } }
>;
export type RespondentInvited = E<'RespondentInvited', { respondentOrganisationIds: string[]; deadline: DeadlineRef }>;
/**
 * Schema v2 (rule 6): a respondent answers for its own organisation (`respondentOrganisationId`),
 * and `routeAgreed` records whether this answer completed the agreement (every party on the route),
 * which moves the case to awaiting_neutral. v1 (one answer for all) is upcast with `routeAgreed: true`.
 */
export type SubmissionAccepted = E<
  'SubmissionAccepted',
  { route: Route; side: Side; respondentOrganisationId?: string; routeAgreed: boolean }
>;
/**
 * Schema v2 (rules 6, 8): the submission ends against `respondentOrganisationId`; `caseDeclined` when
 * no respondent is left (→ declined). Reason `no_answer` when the system records a missed answer.
 * v1 (one decline for all) is upcast with `caseDeclined: true`.
 */
export type SubmissionDeclined = E<
  'SubmissionDeclined',
  { reason: string; respondentOrganisationId?: string; caseDeclined: boolean; continuationDeadline?: DeadlineRef }
>;
export type RouteProposed = E<'RouteProposed', { route: Route; side: Side; reason?: string; respondentOrganisationId?: string }>;
// --- Neutrals' terms (rules 3, 4, 10–13) ---
/**
 * Schema version 2: `chairUserId` is named by the secretariat (v1 let the first named chair; see
 * upcasting.ts) and `procedureStage` says which procedure of the case the panel serves (1 = the
 * route first agreed, 2 = after the first escalation, …). The nomination's identity is its
 * challenge deadline's id.
 */
export type NeutralsNominated = E<
  'NeutralsNominated',
  {
    neutralUserIds: string[];
    role: NeutralRole;
    chairUserId: string;
    challengeDeadline: DeadlineRef;
    /** Absent in v1 events: evolve takes the stage the case was in when it folded them. */
    procedureStage?: number;
  }
>;
/** `newFacts`: a challenge after appointment on facts known since `factsKnownSince` (rule 12). */
export type NeutralChallenged = E<
  'NeutralChallenged',
  { neutralUserId: string; grounds: string; side: Side; newFacts?: boolean; factsKnownSince?: string }
>;
/** One party organisation gives up its right to challenge the nomination `nominationId` (rule 11). */
export type ChallengeWaived = E<'ChallengeWaived', { nominationId: string; organisationId: string; side: Side }>;
/**
 * A neutral's term on the case ends: their access ends with it (rule 3). `appointed` says whether
 * they served (then they keep the record of their own term) or were only nominated.
 */
export type NeutralTermEnded = E<
  'NeutralTermEnded',
  { neutralUserId: string; role: NeutralRole; reason: NeutralTermEndReason; appointed: boolean }
>;
/** A challenge period passed: `used` if a party challenged in it (met), else it lapsed (rule 13). */
export type ChallengePeriodEnded = E<'ChallengePeriodEnded', { deadlineId: string; dueAt: string; used: boolean }>;
// --- end neutrals' terms ---
export type ChallengeUpheld = E<'ChallengeUpheld', { neutralUserId: string; reasoning?: string }>;
export type ChallengeRejected = E<'ChallengeRejected', { neutralUserId: string; reasoning?: string }>;
export type NeutralsAppointed = E<
  'NeutralsAppointed',
  { neutralUserIds: string[]; role: NeutralRole; chairUserId: string; route: Route }
>;
export type SessionScheduled = E<'SessionScheduled', { sessionId: string; startsAt: string; location?: string }>;
/** `notes` are confidential to the mediator: projections must show them to the mediator alone. */
export type SessionHeld = E<'SessionHeld', { sessionId: string; notes?: string }>;
export type MediationConcluded = E<
  'MediationConcluded',
  { result: MediationResult; settlementDocumentId?: string; escalationDeadline?: DeadlineRef }
>;
/** `answerDeadline` (rule 8) is absent in events recorded before it existed. */
export type EscalationRequested = E<'EscalationRequested', { route: EscalationRoute; side: Side; answerDeadline?: DeadlineRef }>;
/**
 * Rule 7: each respondent answers for itself; `escalationAgreed` when this answer completed the
 * other side's consent. Events from before (one answer for all) lack it and count as agreed.
 */
export type EscalationAccepted = E<
  'EscalationAccepted',
  { route: EscalationRoute; side: Side; respondentOrganisationId?: string; escalationAgreed?: boolean }
>;
export type EscalationDeclined = E<'EscalationDeclined', { side: Side; reason?: string; respondentOrganisationId?: string }>;
export type StatementSubmitted = E<
  'StatementSubmitted',
  { kind: StatementKind; side: Side; text?: string; documentIds?: string[]; defenceDeadline?: DeadlineRef }
>;
export type HearingScheduled = E<'HearingScheduled', { hearingId: string; startsAt: string; location?: string }>;
export type HearingHeld = E<'HearingHeld', { hearingId: string }>;
/** Schema version 2 (upcasting.ts lifts v1's `claimantCostSharePct`). Shares are whole percentages summing to 100. */
export type DecisionRendered = E<
  'DecisionRendered',
  {
    outcome: DecisionOutcome;
    costAllocation: { claimantPct: number; respondentPct: number };
    summary: string;
    /** Why the allocation deviates from the outcome's default (rule 18); absent when it follows it. */
    costAllocationReason?: string;
  }
>;
export type DisputeWithdrawn = E<'DisputeWithdrawn', { reason?: string }>;
export type SettledByParties = E<'SettledByParties', { terms?: string }>;
export type DocumentSubmitted = E<
  'DocumentSubmitted',
  {
    documentId: string;
    name: string;
    mediaType: string;
    sizeBytes: number;
    sha256: string;
    visibility: DocumentVisibility;
    submittedByUserId: string;
    /**
     * The procedure of the case the document was submitted in (see NeutralsNominated): a
     * `neutral_only` document is for the neutrals appointed in that procedure alone (rule 4).
     * Absent in events stored before it was recorded: evolve takes the stage at that point.
     */
    procedureStage?: number;
  }
>;
export type DeadlineExtended = E<
  'DeadlineExtended',
  { deadlineId: string; previousDueAt: string; dueAt: string; reason: string }
>;
/** `paymentDeadline` (rule 17) is absent in events recorded before it existed. */
export type FeeInvoiced = E<
  'FeeInvoiced',
  { invoiceId: string; organisationId: string; kind: FeeKind; amountCents: number; paymentDeadline?: DeadlineRef }
>;
export type FeePaid = E<'FeePaid', { invoiceId: string; amountCents: number }>;
export type DeadlineMissed = E<'DeadlineMissed', { deadlineId: string; kind: DeadlineKind; dueAt: string }>;
/** Follows a missed escalation deadline. */
export type DisputeClosedWithoutResolution = E<
  'DisputeClosedWithoutResolution',
  { reason: 'escalation_deadline_missed' }
>;
// --- due-process events (rules 6, 9, 14, 17) ---
/** The claimant goes on against the respondents who accepted; the others leave the case (rule 6). */
export type RespondentsContinued = E<'RespondentsContinued', { route: Route; releasedRespondentOrganisationIds: string[] }>;
/** A member provider leaves a collective case (rule 9); the case goes on for the others. */
export type ParticipationWithdrawn = E<'ParticipationWithdrawn', { organisationId: string; reason?: string }>;
/** A party agrees to a decision on the documents alone (rule 14). */
export type HearingWaived = E<'HearingWaived', { organisationId: string; side: Side }>;
/** A missed information request: the secretariat's queue shows the case stalled until `graceDeadline` (rule 17). */
export type CaseStalled = E<'CaseStalled', { graceDeadline: DeadlineRef }>;
/** An invoice unpaid 30 days after invoicing (rule 17). */
export type FeeOverdue = E<'FeeOverdue', { invoiceId: string; organisationId: string; amountCents: number }>;
// --- end due-process events ---

export type DisputeEvent =
  | DisputeFiled
  | InformationRequested
  | InformationProvided
  | DisputeDeclaredInadmissible
  | DisputeRegistered
  | RespondentInvited
  | SubmissionAccepted
  | SubmissionDeclined
  | RouteProposed
  | NeutralsNominated
  | NeutralChallenged
  | ChallengeUpheld
  | ChallengeRejected
  | NeutralsAppointed
  | ChallengeWaived
  | NeutralTermEnded
  | ChallengePeriodEnded
  | SessionScheduled
  | SessionHeld
  | MediationConcluded
  | EscalationRequested
  | EscalationAccepted
  | EscalationDeclined
  | StatementSubmitted
  | HearingScheduled
  | HearingHeld
  | DecisionRendered
  | DisputeWithdrawn
  | SettledByParties
  | DocumentSubmitted
  | DeadlineExtended
  | FeeInvoiced
  | FeePaid
  | DeadlineMissed
  | DisputeClosedWithoutResolution
  | RespondentsContinued
  | ParticipationWithdrawn
  | HearingWaived
  | CaseStalled
  | FeeOverdue;

export type DisputeEventType = DisputeEvent['type'];
