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
  Phase,
  Route,
  Sector,
  StatementKind,
  Status,
  Subject,
} from './vocabulary';

// The dispute as evolve() folds it from its events. It is also the document the case-summary
// projection stores, so every field is plain JSON.

export type DeadlineStatus = 'open' | 'met' | 'missed' | 'cancelled';

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

export interface NeutralOnCase {
  userId: string;
  role: NeutralRole;
  status: 'nominated' | 'appointed' | 'lapsed';
  chair: boolean;
  /** Set once the neutral was appointed; kept when their role later lapses (escalation). */
  appointedAt?: string;
}

export interface Challenge {
  neutralUserId: string;
  side: Side;
  grounds: string;
  status: 'pending' | 'upheld' | 'rejected';
}

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
