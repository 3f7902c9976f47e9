import type {
  DecisionOutcome,
  DocumentVisibility,
  EscalationRoute,
  FeeKind,
  InadmissibilityReason,
  LegalFramework,
  MediationResult,
  Phase,
  Route,
  Sector,
  StatementKind,
  Subject,
} from './vocabulary';

// Commands are named exactly as the actions of docs/api.md. Ids that the system generates
// (dispute, session, hearing, invoice, document) are supplied by the application layer so
// that decide() stays deterministic.

export interface Claim {
  description: string;
  amountCents?: number;
}

export interface FileDispute {
  type: 'file-dispute';
  disputeId: string;
  phase: Phase;
  legalFramework: LegalFramework;
  sector: Sector;
  subjects: Subject[];
  contractYear: number;
  claimantOrganisationIds: string[];
  respondentOrganisationIds: string[];
  summary: string;
  claims: Claim[];
  amountInDisputeCents: number;
  proposedRoute: Route;
  urgent: boolean;
  urgencyReason?: string;
}

export interface RequestInformation { type: 'request-information'; questions: string; dueDate?: string }
export interface ProvideInformation { type: 'provide-information'; answers: string }
export interface DeclareInadmissible { type: 'declare-inadmissible'; reason: InadmissibilityReason; explanation: string }
/** `caseNumber` is assigned by the case-number registry (see case-numbers.ts), not by the caller. */
export interface Register { type: 'register'; caseNumber: string }
/** `respondentOrganisationId`: the answering respondent (rule 6); defaults to the caller's organisation. */
export interface AcceptSubmission { type: 'accept-submission'; route: Route; respondentOrganisationId?: string }
export interface DeclineSubmission { type: 'decline-submission'; reason: string; respondentOrganisationId?: string }
export interface ProposeRoute { type: 'propose-route'; route: Route; reason?: string; respondentOrganisationId?: string }
// --- Neutrals (rules 10–12) ---
/** `chairUserId` is required for a panel of three and must be one of it (rule 10). */
export interface NominateNeutrals { type: 'nominate-neutrals'; neutralUserIds: string[]; chairUserId?: string }
/**
 * Before appointment within the challenge period; after appointment only on facts that became
 * known later (`newFacts: true`), within 7 days of `factsKnownSince` (rule 12).
 */
export interface ChallengeNeutral {
  type: 'challenge-neutral';
  neutralUserId: string;
  grounds: string;
  newFacts?: boolean;
  factsKnownSince?: string;
}
/** A party gives up its right to challenge the current nomination (rule 11). */
export interface WaiveChallenge { type: 'waive-challenge' }
// --- end neutrals ---
export interface DecideChallenge { type: 'decide-challenge'; neutralUserId: string; upheld: boolean; reasoning?: string }
export interface AppointNeutrals { type: 'appoint-neutrals' }
export interface ScheduleSession { type: 'schedule-session'; sessionId: string; startsAt: string; location?: string }
export interface RecordSession { type: 'record-session'; sessionId: string; notes?: string }
export interface ConcludeMediation { type: 'conclude-mediation'; result: MediationResult; settlementDocumentId?: string }
export interface RequestEscalation { type: 'request-escalation'; route: EscalationRoute }
export interface AcceptEscalation { type: 'accept-escalation' }
export interface DeclineEscalation { type: 'decline-escalation'; reason?: string }
export interface SubmitStatement { type: 'submit-statement'; kind: StatementKind; text?: string; documentIds?: string[] }
export interface ScheduleHearing { type: 'schedule-hearing'; hearingId: string; startsAt: string; location?: string }
export interface RecordHearing { type: 'record-hearing'; hearingId: string }
export interface RenderDecision {
  type: 'render-decision';
  outcome: DecisionOutcome;
  /** Defaults from the outcome (rule 18); another share needs `costAllocationReason`. */
  claimantCostSharePct?: number;
  costAllocationReason?: string;
  summary: string;
}
export interface Withdraw { type: 'withdraw'; reason?: string }
export interface RecordSettlement { type: 'record-settlement'; terms?: string }
export interface SubmitDocument {
  type: 'submit-document';
  documentId: string;
  name: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  visibility: DocumentVisibility;
}
export interface ExtendDeadline { type: 'extend-deadline'; deadlineId: string; dueDate: string; reason: string }
export interface InvoiceFee {
  type: 'invoice-fee';
  invoiceId: string;
  organisationId: string;
  kind: FeeKind;
  amountCents: number;
}
export interface RecordPayment { type: 'record-payment'; invoiceId: string }
// --- due-process (rules 6, 9, 14) ---
export interface ContinueWithRespondents { type: 'continue-with-respondents' }
export interface WithdrawParticipation { type: 'withdraw-participation'; reason?: string }
export interface WaiveHearing { type: 'waive-hearing' }
// --- end due-process ---
/** Issued by the deadline scheduler (actor role `system`). */
export interface RecordDeadlineMissed { type: 'record-deadline-missed'; deadlineId: string }

export type DisputeCommand =
  | FileDispute
  | RequestInformation
  | ProvideInformation
  | DeclareInadmissible
  | Register
  | AcceptSubmission
  | DeclineSubmission
  | ProposeRoute
  | NominateNeutrals
  | ChallengeNeutral
  | DecideChallenge
  | AppointNeutrals
  | WaiveChallenge
  | ScheduleSession
  | RecordSession
  | ConcludeMediation
  | RequestEscalation
  | AcceptEscalation
  | DeclineEscalation
  | SubmitStatement
  | ScheduleHearing
  | RecordHearing
  | RenderDecision
  | Withdraw
  | RecordSettlement
  | SubmitDocument
  | ExtendDeadline
  | InvoiceFee
  | RecordPayment
  | RecordDeadlineMissed
  | ContinueWithRespondents
  | WithdrawParticipation
  | WaiveHearing;

export type DisputeCommandType = DisputeCommand['type'];
