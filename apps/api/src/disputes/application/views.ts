import type { Action, Deadline, DecisionOutcome, MediationResult, NeutralRole } from '../../../../../libs/domain/src';

// What GET /api/disputes/{id} and the timeline answer (API.md). Built from the case-summary
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
  deadlines: Deadline[];
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
  invoices: { invoiceId: string; organisationId: string; kind: string; amountCents: number; paid: boolean }[];
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

/** One timeline entry: no stream version or other numbering with gaps (rule 5). */
export interface TimelineItemView {
  type: string;
  at: string;
  actor: { userId: string; role: string; organisationId?: string } | null;
  data: Record<string, unknown>;
}
