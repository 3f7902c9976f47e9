// The caseload tables' rows as the API reads them (GET /api/caseload, the roster): one neutral's
// term on an open case, and an open or missed deadline of an open case.

export interface CaseloadCase {
  disputeId: string;
  caseNumber: string | null;
  status: string;
  route: string | null;
  urgent: boolean;
}

export interface CaseloadAssignment extends CaseloadCase {
  userId: string;
  role: string;
  neutralStatus: 'nominated' | 'appointed';
  chair: boolean;
}

export interface CaseloadDeadline {
  disputeId: string;
  caseNumber: string | null;
  deadlineId: string;
  kind: string;
  dueAt: string;
  side: string | null;
  status: 'open' | 'missed';
}

type Row = Record<string, string | number | null>;

/** A row of caseload_neutrals joined with its caseload_cases row. */
export function assignmentOf(r: Row): CaseloadAssignment {
  return {
    userId: String(r.user_id),
    role: String(r.role),
    neutralStatus: String(r.neutral_status) as CaseloadAssignment['neutralStatus'],
    chair: Number(r.chair) === 1,
    disputeId: String(r.dispute_id),
    caseNumber: r.case_number === null ? null : String(r.case_number),
    status: String(r.status),
    route: r.route === null ? null : String(r.route),
    urgent: Number(r.urgent) === 1,
  };
}

/** A row of caseload_deadlines with its case number. */
export function deadlineOf(r: Row): CaseloadDeadline {
  return {
    disputeId: String(r.dispute_id),
    caseNumber: r.case_number === null ? null : String(r.case_number),
    deadlineId: String(r.deadline_id),
    kind: String(r.kind),
    dueAt: String(r.due_at),
    side: r.side === null ? null : String(r.side),
    status: String(r.status) as CaseloadDeadline['status'],
  };
}
