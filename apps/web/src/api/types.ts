// The shapes the portal reads from the API (see the API's OpenAPI at /docs).

export interface Organisation {
  id: string;
  kind: string;
  name: string;
  codes: { agb?: string; kvk?: string; uzovi?: string };
  smallProvider?: boolean;
  members?: string[];
}

export interface User {
  id: string;
  name: string;
  role: string;
  organisationId: string;
}

export interface Me {
  user: User;
  organisation: Organisation | null;
}

export interface OrganisationRef {
  id: string;
  name: string;
  kind: string;
  smallProvider?: boolean;
}

export interface Deadline {
  deadlineId: string;
  kind: string;
  dueAt: string;
  status: string;
  side?: string;
  openedAt: string;
  closedAt?: string;
}

export interface CaseDocument {
  documentId: string;
  name: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  visibility: string;
  submittedAt: string;
}

export interface CaseView {
  id: string;
  /** `conflict_check`: a nominated neutral's limited view (rule 2): no deadlines, sessions or documents. */
  access?: 'full' | 'term_record' | 'conflict_check';
  /** With access `term_record`: when the reader's term as a neutral ended (rule 3). */
  termEndedAt?: string | null;
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
  claimants: OrganisationRef[];
  respondents: OrganisationRef[];
  filedOnBehalfBy: OrganisationRef | null;
  yourSide: 'claimant' | 'respondent' | null;
  neutrals: { userId: string; name: string; role: string; status: string; chair: boolean }[];
  challenges: { neutralUserId: string; side: string; grounds: string; status: string }[];
  deadlines: Deadline[];
  /** `notes` only for the mediator (confidential). */
  sessions: { sessionId: string; startsAt: string; location?: string; held: boolean; notes?: string }[];
  hearings: { hearingId: string; startsAt: string; location?: string; held: boolean }[];
  statements: { kind: string; side: string; submittedAt: string }[];
  hearingWaivedBy?: string[];
  documents: CaseDocument[];
  administrationFee: { totalCents: number; shares: { organisationId: string; amountCents: number }[] } | null;
  invoices: { invoiceId: string; organisationId: string; kind: string; amountCents: number; paid: boolean }[];
  outcome: {
    status: string;
    decision?: { outcome: string; claimantCostSharePct: number; summary: string; costAllocationReason?: string };
    mediationResult?: string;
    reason?: string;
  } | null;
  filedAt: string;
  closedAt: string | null;
  version: number;
  asOf: string | null;
  allowedActions: string[];
  documentUploadUrl: string | null;
}

export interface CaseListItem {
  id: string;
  caseNumber: string | null;
  status: string;
  phase: string;
  legalFramework: string;
  sector: string;
  subjects: string[];
  route: string | null;
  claimantOrganisationIds: string[];
  respondentOrganisationIds: string[];
  summary: string;
  urgent: boolean;
  filedAt: string;
  updatedAt: string;
  version: number;
}

export interface TimelineItem {
  type: string;
  at: string;
  actor: { userId: string; role: string; organisationId?: string } | null;
  data: Record<string, unknown>;
}

export interface RouteEstimate {
  route: 'mediation' | 'binding_advice' | 'arbitration';
  administrationFee: { totalCents: number; claimantCents: number; respondentCents: number };
  neutralFee: { totalCents: number; allocation: 'shared' | 'by_outcome'; claimantMinCents: number; claimantMaxCents: number };
  claimantMinCents: number;
  claimantMaxCents: number;
  reliefCents: number;
}

export interface FeeEstimate {
  currency: 'EUR';
  smallProviderClaimant: boolean;
  smallProviderRespondentSharePct: number;
  routes: RouteEstimate[];
}

export interface PortalConfig {
  authMode: 'dev' | 'oidc';
  oidc: { issuer: string; clientId: string; scope: string } | null;
  demoOrganisations: { id: string; name: string; kind: string; users: { id: string; name: string; role: string }[] }[] | null;
}
