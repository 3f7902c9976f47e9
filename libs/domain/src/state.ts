import type { Claim } from './commands';
import type { FeeShare, Side } from './events';
import type {
  DeadlineKind,
  DecisionOutcome,
  DocumentVisibility,
  EscalationRoute,
  FeeKind,
  LegalFramework,
  MediationResult,
  NeutralRole,
  NeutralTermEndReason,
  Phase,
  Route,
  Sector,
  StatementKind,
  Status,
  Subject,
} from './vocabulary';

// The dispute as evolve() folds it from its events. It is also the document the case-summary
// projection stores, so every field is plain JSON.

/** `lapsed`: a challenge period that passed unused, neither met nor missed (rule 13). */
export type DeadlineStatus = 'open' | 'met' | 'missed' | 'cancelled' | 'lapsed';

export interface Deadline {
  deadlineId: string;
  kind: DeadlineKind;
  dueAt: string;
  status: DeadlineStatus;
  /** The side that must act before dueAt, if it is one side's deadline. */
  side?: Side;
  openedAt: string;
  closedAt?: string;
}

// --- Neutrals' terms (rules 3, 4, 10–13) ---

/** A neutral's term on the case, as the events record it: nominated, appointed, ended. */
export type NeutralTermStatus = 'nominated' | 'appointed' | 'ended';

export interface NeutralOnCase {
  userId: string;
  role: NeutralRole;
  status: NeutralTermStatus;
  chair: boolean;
  /** The nomination this term came from: its challenge deadline's id. Absent in old summaries. */
  nominationId?: string;
  /** The procedure of the case this neutral serves (1 = first route, 2 = after escalation). */
  procedureStage?: number;
  nominatedAt?: string;
  /** Set once the neutral was appointed; kept when the term ends. */
  appointedAt?: string;
  endedAt?: string;
  endReason?: NeutralTermEndReason;
  /**
   * The case version at which the term ended: an appointed neutral's record of their own term is
   * the case up to this version (rule 3). Internal: never shown to a reader (rule 5).
   */
  endedAtVersion?: number;
}

export interface Challenge {
  neutralUserId: string;
  side: Side;
  grounds: string;
  status: 'pending' | 'upheld' | 'rejected';
  /** A challenge after appointment on facts that became known later (rule 12). */
  newFacts?: boolean;
  factsKnownSince?: string;
  challengedAt?: string;
}

/** A party organisation that gave up its right to challenge a nomination (rule 11). */
export interface ChallengeWaiver {
  nominationId: string;
  organisationId: string;
  side: Side;
}
// --- end neutrals' terms ---

export interface SessionOnCase {
  sessionId: string;
  startsAt: string;
  location?: string;
  held: boolean;
  /** The mediator's notes of the session: confidential to the mediator (see canSeeSessionNotes). */
  notes?: string;
}

export interface HearingOnCase {
  hearingId: string;
  startsAt: string;
  location?: string;
  held: boolean;
}

export interface DocumentOnCase {
  documentId: string;
  name: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  visibility: DocumentVisibility;
  submittedByUserId: string;
  submittedAt: string;
  /** The procedure it was submitted in (rule 4); see NeutralOnCase.procedureStage. */
  procedureStage?: number;
  /** The case version of its DocumentSubmitted. Internal: never shown to a reader (rule 5). */
  recordedAtVersion?: number;
}

export interface Invoice {
  invoiceId: string;
  organisationId: string;
  kind: FeeKind;
  amountCents: number;
  paid: boolean;
  invoicedAt: string;
  paidAt?: string;
  /** Unpaid 30 days after invoicing (rule 17). */
  overdue?: boolean;
}

export interface CaseOutcome {
  /** The terminal status this outcome belongs to. */
  status: Status;
  decision?: { outcome: DecisionOutcome; claimantCostSharePct: number; summary: string; costAllocationReason?: string };
  mediationResult?: MediationResult;
  reason?: string;
}

export interface DisputeState {
  /** False until DisputeFiled. */
  exists: boolean;
  disputeId: string;
  /** Number of events folded; the API's `version`. */
  version: number;
  status: Status | 'none';
  caseNumber?: string;
  phase?: Phase;
  legalFramework?: LegalFramework;
  sector?: Sector;
  subjects: Subject[];
  contractYear?: number;
  summary?: string;
  claims: Claim[];
  amountInDisputeCents?: number;
  urgent: boolean;
  urgencyReason?: string;
  claimantOrganisationIds: string[];
  respondentOrganisationIds: string[];
  filedOnBehalfBy?: string;
  claimantKind?: 'provider' | 'insurer' | 'association';
  smallProviderClaimant: boolean;
  filedByUserId?: string;
  /** The route the claimant proposed when filing. */
  initialRoute?: Route;
  /** The route both sides agreed to (changes on escalation). */
  route?: Route;
  /** An open proposal in route negotiation: the other side answers it. */
  pendingRouteProposal?: { route: Route; side: Side; reason?: string; respondentOrganisationId?: string };
  neutrals: NeutralOnCase[];
  challenges: Challenge[];
  /** Waivers of the right to challenge, per nomination (rule 11). Absent in old summaries. */
  challengeWaivers?: ChallengeWaiver[];
  /** When the respondents were invited (registration): before it they do not see the case (rule 1). */
  respondentInvitedAt?: string;
  deadlines: Deadline[];
  sessions: SessionOnCase[];
  hearings: HearingOnCase[];
  statements: { kind: StatementKind; side: Side; submittedAt: string }[];
  documents: DocumentOnCase[];
  invoices: Invoice[];
  administrationFee?: { totalCents: number; shares: FeeShare[] };
  mediationResult?: MediationResult;
  /** `acceptedBy`: respondents who accepted a claimant's request so far (rule 7). */
  pendingEscalation?: { route: EscalationRoute; side: Side; acceptedBy?: string[] };
  escalations: number;
  outcome?: CaseOutcome;
  filedAt?: string;
  registeredAt?: string;
  appointedAt?: string;
  closedAt?: string;
  /** Time of the last event folded. */
  updatedAt?: string;
  // --- due-process (rules 6, 7, 9, 14, 17) ---
  /** Whether the claimant side agrees to the route on the table (it proposed or accepted it). */
  claimantAgreesRoute?: boolean;
  /** Respondents who agree to the route on the table (proposed or accepted it). */
  respondentsAgreeingRoute?: string[];
  /** Respondents against whom the submission ended (declined, or silent past the deadline); still listed until the claimant goes on. */
  releasedRespondentIds?: string[];
  /** Respondents who left the case when the claimant went on without them (rule 6). */
  formerRespondentOrganisationIds?: string[];
  /** Member providers who withdrew from a collective case (rule 9). */
  formerClaimantOrganisationIds?: string[];
  /** Party organisations that waived the hearing (rule 14). */
  hearingWaivedBy?: string[];
  /** The missed information request left the case stalled (rule 17); cleared when the claimant answers. */
  stalled?: boolean;
}
