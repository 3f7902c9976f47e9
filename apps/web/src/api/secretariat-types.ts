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

// The work queue's GET /api/caseload?compact=true&rows=N.

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

export interface CaseToRegister {
  disputeId: string;
  sector: string;
  claimantOrganisationIds: string[];
  respondentOrganisationIds: string[];
  filedAt: string;
}

export interface StalledCase {
  disputeId: string;
  caseNumber: string | null;
  informationDueAt: string;
  closesAt: string;
}

/** One list of the queue: its length and its oldest N entries. */
export interface QueueList<T> {
  count: number;
  oldest: T[];
}

/** With rows=N: each list of the work queue, oldest first. */
export interface WorkQueue {
  toRegister: QueueList<CaseToRegister>;
  informationOverdue: QueueList<DeadlineView>;
  respondentOverdue: QueueList<DeadlineView>;
  challenges: QueueList<NeutralStepCase>;
  toNominate: QueueList<NeutralStepCase>;
  toAppoint: QueueList<NeutralStepCase>;
  stalled: QueueList<StalledCase>;
  feesOverdue: QueueList<DeadlineView>;
}

export interface CaseloadAnswer {
  neutrals: NeutralCaseload[];
  /** Left out with rows=N: see queue. */
  deadlines?: DeadlineView[];
  queue?: WorkQueue;
  stalled?: StalledCase[];
  feesOverdue?: DeadlineView[];
  neutralSteps?: NeutralStepCase[];
  toRegister?: QueueList<CaseToRegister>;
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
