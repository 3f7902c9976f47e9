import type { Organisation, User } from './types';

// The secretariat's reads (see the API's OpenAPI at /docs): the roster for a nomination and the
// directory with versions for If-Match.

export interface RosterInvolvement {
  disputeId: string;
  caseNumber: string | null;
  role: string;
  termStatus: string;
  sharedOrganisations: { id: string; name: string }[];
  caseClosed: boolean;
}

export interface RosterEntry {
  userId: string;
  name: string;
  role: string;
  fitsRoute: boolean;
  openCases: number;
  appointedCases: number;
  nominatedCases: number;
  onThisCase: string | null;
  earlierInvolvement: RosterInvolvement[];
}

export interface Roster {
  disputeId: string | null;
  caseNumber: string | null;
  route: string | null;
  roleNeeded: string | null;
  panelSizes: number[];
  neutrals: RosterEntry[];
}

export interface DirectoryOrganisation extends Organisation {
  version: number;
}

export interface DirectoryUser extends User {
  email?: string;
  version: number;
}

// The work queue's GET /api/caseload?compact=true.

export interface DeadlineView {
  disputeId: string;
  caseNumber: string | null;
  deadlineId: string;
  kind: string;
  dueAt: string;
  overdue: boolean;
}

export interface NeutralCaseload {
  userId: string;
  name: string | null;
  role: string;
  openCases: number;
  overdueDeadlines: number;
  /** Empty in the compact answer the queue asks for; nextCase is the one that matters here. */
  cases: { disputeId: string; caseNumber: string | null; status: string; nextDeadline: DeadlineView | null }[];
  nextCase?: { disputeId: string; caseNumber: string | null; status: string; nextDeadline: DeadlineView | null } | null;
}

export interface CaseloadAnswer {
  neutrals: NeutralCaseload[];
  deadlines: DeadlineView[];
  stalled?: { disputeId: string; caseNumber: string | null; informationDueAt: string; closesAt: string }[];
  feesOverdue?: DeadlineView[];
  neutralSteps?: NeutralStepCase[];
  toRegister?: {
    count: number;
    oldest: {
      disputeId: string;
      sector: string;
      claimantOrganisationIds: string[];
      respondentOrganisationIds: string[];
      filedAt: string;
    }[];
  };
  byStatus?: { status: string; count: number; oldest: { disputeId: string; caseNumber: string | null; since: string } | null }[];
}

export interface NeutralStepCase {
  disputeId: string;
  caseNumber: string | null;
  status: string;
  route: string | null;
  claimantOrganisationIds: string[];
  respondentOrganisationIds: string[];
  since: string;
  nominees: { userId: string; role: string; chair: boolean }[];
  pendingChallenges: { neutralUserId: string; side: string; challengedAt: string | null }[];
  everyPartyWaived: boolean;
  challengeDueAt: string | null;
}
