import type { Action, Deadline, DecisionOutcome, MediationResult, NeutralRole } from '../../../../../libs/domain/src';

// What GET /api/disputes/{id} and the timeline answer (docs/api.md). Built from the case-summary
// document for one caller: documents, invoices and notes are filtered to what they may see.

export interface OrganisationView {
  id: string;
  name: string;
  kind: string;
  smallProvider?: boolean;
}

export interface NeutralView {
  userId: string;
  name: string;
  role: NeutralRole;
  /** The neutral's term: nominated, appointed, or ended (with endReason and endedAt). */
  status: 'nominated' | 'appointed' | 'ended';
  chair: boolean;
  nominatedAt?: string;
  appointedAt?: string;
  endedAt?: string;
  endReason?: string;
}

/**
 * How far the caller sees this case: `full`; `conflict_check` for a nominated neutral (only what a
 * conflict check needs); `term_record` for a neutral whose term ended (the case as it stood then).
 */
export type CaseAccessView = 'full' | 'conflict_check' | 'term_record';

/** What a nominated neutral sees of a case (rule 2): enough to check for conflicts, nothing more. */
export interface ConflictCheckView {
  id: string;
  access: 'conflict_check';
  caseNumber: string | null;
  status: string;
  phase: string;
  sector: string;
  subjects: string[];
  route: string | null;
  summary: string;
  claimants: OrganisationView[];
  respondents: OrganisationView[];
  filedOnBehalfBy: OrganisationView | null;
  allowedActions: Action[];
}

export interface CaseView {
  id: string;
  access: CaseAccessView;
  /** With access `term_record`: when the caller's term on the case ended; the view stops there. */
  termEndedAt: string | null;
  caseNumber: string | null;
  status: string;
  phase: string;
  legalFramework: string;
  sector: string;
  subjects: string[];
  contractYear: number;
  summary: string;
  claims: { description: string; amountCents?: number }[];
  amountInDisputeCents: number;
  urgent: boolean;
  urgencyReason: string | null;
  initialRoute: string;
  route: string | null;
  pendingRouteProposal: { route: string; side: string; reason?: string } | null;
  pendingEscalation: { route: string; side: string } | null;
  claimants: OrganisationView[];
  respondents: OrganisationView[];
  filedOnBehalfBy: OrganisationView | null;
  /** The caller's side in this case, if they are a party. */
  yourSide: 'claimant' | 'respondent' | null;
  neutrals: NeutralView[];
  challenges: { neutralUserId: string; side: string; grounds: string; status: string }[];
  /** dueAtAmsterdam: dueAt in Amsterdam time with its offset (rule 21). */
  deadlines: (Deadline & { dueAtAmsterdam: string })[];
  /** `notes` only for the mediator (confidential). */
  sessions: { sessionId: string; startsAt: string; location?: string; held: boolean; notes?: string }[];
  hearings: { hearingId: string; startsAt: string; location?: string; held: boolean }[];
  statements: { kind: string; side: string; submittedAt: string }[];
  documents: {
    documentId: string;
    name: string;
    mediaType: string;
    sizeBytes: number;
    sha256: string;
    visibility: string;
    submittedAt: string;
  }[];
  administrationFee: { totalCents: number; shares: { organisationId: string; amountCents: number }[] } | null;
  invoices: { invoiceId: string; organisationId: string; kind: string; amountCents: number; paid: boolean; overdue?: boolean }[];
  /** Rules 18 and 19: per fee, the share of each organisation (allocations are not secret; invoices are). */
  costs: FeeCostView[];
  /**
   * Rule 6: who agrees to the route on the table; respondents against whom the submission ended
   * (declined or silent) and, after the claimant went on without them, those who left the case.
   */
  consent: { claimantAgrees: boolean; respondentsAgreed: string[]; respondentsReleased: string[]; formerRespondents: string[] };
  /** Rule 9: member providers who withdrew from a collective case. */
  formerClaimants: string[];
  /** Rule 14: party organisations that waived the hearing. */
  hearingWaivedBy: string[];
  /** Rule 17: a missed information request has stalled the case. */
  stalled: boolean;
  outcome: {
    status: string;
    decision?: { outcome: DecisionOutcome; claimantCostSharePct: number; summary: string };
    mediationResult?: MediationResult;
    reason?: string;
  } | null;
  filedAt: string;
  registeredAt: string | null;
  appointedAt: string | null;
  closedAt: string | null;
  version: number;
  /** Set when the case is shown as it stood at a past moment. */
  asOf: string | null;
  allowedActions: Action[];
  /** Where to POST a document (multipart/form-data) when allowedActions offers submit-document. */
  documentUploadUrl: string | null;
}

/** One fee and who bears it. */
export interface FeeCostView {
  fee: 'administration' | 'neutral_fee';
  /** registration: fixed at registration (small-provider relief); mediation_split: 50/50 with relief; decision: per the decision. */
  basis: 'registration' | 'mediation_split' | 'decision';
  /** The fee's total: fixed for the administration fee; for neutral fees, what has been invoiced so far (null when nothing yet). */
  totalCents: number | null;
  costAllocationReason: string | null;
  shares: { organisationId: string; name: string; pct: number; amountCents: number | null }[];
}

/** One timeline entry: no stream version or other numbering with gaps (rule 5). */
export interface TimelineItemView {
  type: string;
  at: string;
  actor: { userId: string; role: string; organisationId?: string } | null;
  data: Record<string, unknown>;
}
