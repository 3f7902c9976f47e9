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
}

export interface CaseOutcome {
  /** The terminal status this outcome belongs to. */
  status: Status;
  decision?: { outcome: DecisionOutcome; claimantCostSharePct: number; summary: string };
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
  pendingRouteProposal?: { route: Route; side: Side; reason?: string };
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
  pendingEscalation?: { route: EscalationRoute; side: Side };
  escalations: number;
  outcome?: CaseOutcome;
  filedAt?: string;
  registeredAt?: string;
  appointedAt?: string;
  closedAt?: string;
  /** Time of the last event folded. */
  updatedAt?: string;
}
