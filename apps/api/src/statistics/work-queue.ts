import type { CaseloadDeadline, CaseToRegister, NeutralStepCase, WorkQueueRows } from '../../../../libs/read-models/src/statistics';
import { toStalledView, toView, type DeadlineView, type StalledCaseView } from './caseload-views';

// The secretariat's work queue as the portal shows it (GET /api/caseload?rows=N): each list with
// its length and only its oldest N entries. The full lists of a large history are hundreds of
// kilobytes, of which a first look shows a few rows; the rest is asked for with a larger N.

/** One list of the queue: how many entries there are and the oldest `rows` of them. */
export interface QueueList<T> {
  count: number;
  oldest: T[];
}

export interface WorkQueue {
  /** Filed cases to register, oldest filing first. */
  toRegister: QueueList<CaseToRegister>;
  /** Information requests past due (rule 17), soonest due first. */
  informationOverdue: QueueList<DeadlineView>;
  /** The respondent's answer past due, soonest due first. */
  respondentOverdue: QueueList<DeadlineView>;
  /** Open cases with a challenge to decide (rule 12), longest waiting first. */
  challenges: QueueList<NeutralStepCase>;
  /** Awaiting a neutral, nobody nominated and no challenge pending, longest waiting first. */
  toNominate: QueueList<NeutralStepCase>;
  /** Awaiting a neutral with a nomination and no challenge pending, longest waiting first. */
  toAppoint: QueueList<NeutralStepCase>;
  /** Stalled cases (rule 17), in the order their grace period ends. */
  stalled: QueueList<StalledCaseView>;
  /** Unpaid invoices past their term, soonest due first. */
  feesOverdue: QueueList<DeadlineView>;
}

export interface WorkQueueParts {
  /** Open cases' deadlines (open or recorded as missed), soonest due first. */
  deadlines: DeadlineView[];
  stalled: StalledCaseView[];
  feesOverdue: DeadlineView[];
  neutralSteps: NeutralStepCase[];
  toRegister: { count: number; oldest: CaseToRegister[] };
}

const listOf = <T>(all: T[], rows: number): QueueList<T> => ({ count: all.length, oldest: all.slice(0, rows) });

/** Splits the secretariat's lists into the queue's buckets, each cut to its oldest `rows`. */
export function workQueue(parts: WorkQueueParts, rows: number): WorkQueue {
  // Past due but not yet recorded as missed: a missed information request is a stalled case instead.
  const overdue = (kind: string) => parts.deadlines.filter((d) => d.kind === kind && d.status === 'open' && d.overdue);
  const waiting = (s: NeutralStepCase) => s.status === 'awaiting_neutral' && s.pendingChallenges.length === 0;
  return {
    toRegister: { count: parts.toRegister.count, oldest: parts.toRegister.oldest.slice(0, rows) },
    informationOverdue: listOf(overdue('information'), rows),
    respondentOverdue: listOf(overdue('respondent_answer'), rows),
    challenges: listOf(
      parts.neutralSteps.filter((s) => s.pendingChallenges.length > 0),
      rows,
    ),
    toNominate: listOf(
      parts.neutralSteps.filter((s) => waiting(s) && s.nominees.length === 0),
      rows,
    ),
    toAppoint: listOf(
      parts.neutralSteps.filter((s) => waiting(s) && s.nominees.length > 0),
      rows,
    ),
    stalled: listOf(parts.stalled, rows),
    feesOverdue: listOf(parts.feesOverdue, rows),
  };
}

/**
 * The same queue from the lists as the read model counted and cut them in SQL (the portal's
 * rows=N over a large history): no list is loaded whole.
 */
export function workQueueOfRows(rows: WorkQueueRows, toRegister: QueueList<CaseToRegister>, now: string): WorkQueue {
  const views = (list: QueueList<CaseloadDeadline>): QueueList<DeadlineView> => ({
    count: list.count,
    oldest: list.oldest.map((d) => toView(d, now)),
  });
  return {
    toRegister: { count: toRegister.count, oldest: toRegister.oldest },
    informationOverdue: views(rows.informationOverdue),
    respondentOverdue: views(rows.respondentOverdue),
    challenges: rows.challenges,
    toNominate: rows.toNominate,
    toAppoint: rows.toAppoint,
    stalled: { count: rows.stalled.count, oldest: rows.stalled.oldest.map((s) => toStalledView(s.grace, s.informationDueAt)) },
    feesOverdue: views(rows.feesOverdue),
  };
}
