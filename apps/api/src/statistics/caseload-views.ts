import type { CaseloadAssignment, CaseloadDeadline } from '../../../../libs/read-models/src/statistics';

// What GET /api/caseload says about a deadline, a neutral's case and a stalled case, made from the
// read model's rows at one moment (`now`).

/** `status`: open, or missed (recorded as missed, the case still open). */
export interface DeadlineView extends CaseloadDeadline {
  /** Missed, or open and past due (the scheduler has not recorded it yet). */
  overdue: boolean;
}

export interface CaseloadCaseView {
  disputeId: string;
  caseNumber: string | null;
  status: string;
  route: string | null;
  urgent: boolean;
  neutralStatus: 'nominated' | 'appointed';
  chair: boolean;
  /** The soonest open deadline not yet past due. */
  nextDeadline: DeadlineView | null;
  overdue: DeadlineView[];
}

export interface StalledCaseView {
  disputeId: string;
  caseNumber: string | null;
  /** The due date of the information request that was missed. */
  informationDueAt: string;
  /** When the system closes the case as incomplete unless the secretariat extends this deadline. */
  closesAt: string;
  graceDeadlineId: string;
}

export function toView(d: CaseloadDeadline, now: string): DeadlineView {
  return { ...d, overdue: d.status === 'missed' || d.dueAt <= now };
}

export function toCaseView(a: CaseloadAssignment, all: DeadlineView[], now: string): CaseloadCaseView {
  // A nominee checks conflicts only: no deadlines of the case on their desk (rule 2).
  const deadlines = a.neutralStatus === 'nominated' ? [] : all;
  const upcoming = deadlines.filter((d) => d.status === 'open' && d.dueAt > now);
  return {
    disputeId: a.disputeId,
    caseNumber: a.caseNumber,
    status: a.status,
    route: a.route,
    urgent: a.urgent,
    neutralStatus: a.neutralStatus,
    chair: a.chair,
    nextDeadline: upcoming[0] ?? null,
    overdue: deadlines.filter((d) => d.overdue),
  };
}

/** Rule 17: a missed information request stalls the case until the claimant answers or the grace period ends. */
export function stalledCases(views: DeadlineView[]): StalledCaseView[] {
  // The grace period is open exactly while the case is stalled: answering or closing ends it.
  const missedInformation = new Map<string, DeadlineView>();
  for (const d of views) {
    if (d.kind === 'information' && d.status === 'missed' && !missedInformation.has(d.disputeId)) missedInformation.set(d.disputeId, d);
  }
  return views
    .filter((d) => d.kind === 'information_grace' && d.status === 'open')
    .map((grace) => toStalledView(grace, missedInformation.get(grace.disputeId)?.dueAt ?? null));
}

/** A stalled case from its open grace deadline and the due date of the information request that was missed. */
export function toStalledView(grace: CaseloadDeadline, informationDueAt: string | null): StalledCaseView {
  return {
    disputeId: grace.disputeId,
    caseNumber: grace.caseNumber,
    informationDueAt: informationDueAt ?? grace.dueAt,
    closesAt: grace.dueAt,
    graceDeadlineId: grace.deadlineId,
  };
}
