import type { EntityManager } from 'typeorm';
import type { DisputeState } from '../../../domain/src';
import { select } from '../sql';
import type { NeutralStepQueue } from './neutral-step';
import { toNeutralStepCase, type NeutralStepCase } from './secretariat-queries';
import { assignmentOf, deadlineOf, type CaseloadAssignment, type CaseloadDeadline } from './caseload-rows';

// The secretariat's work queue in its short form (GET /api/caseload?compact=true&rows=N): every
// count and the oldest N rows of each list, read by index instead of loading every open case's
// neutrals and deadlines. Each list has the same members and order as the long form's list, which
// the API derives from caseloadAssignments, caseloadDeadlines and neutralStepCases; a test compares
// the two. "Overdue" is as there: missed, or open with due_at <= now.

/** One list of the queue: how many entries there are and the oldest `rows` of them. */
export interface RowsOf<T> {
  count: number;
  oldest: T[];
}

/** A neutral's figures over their open cases. */
export interface NeutralCaseCount {
  userId: string;
  openCases: number;
  /** Deadlines of the cases they are appointed on that are missed or past due. */
  overdueDeadlines: number;
}

/** The case whose next deadline (open, not yet due) comes first among those a neutral is appointed on. */
export interface NextCaseRows {
  assignment: CaseloadAssignment;
  /** Every open or missed deadline of that case, soonest first. */
  deadlines: CaseloadDeadline[];
}

/** A stalled case's open grace deadline and the due date of the first missed information request, if any. */
export interface StalledRow {
  grace: CaseloadDeadline;
  informationDueAt: string | null;
}

export interface WorkQueueRows {
  neutrals: NeutralCaseCount[];
  nextCases: NextCaseRows[];
  informationOverdue: RowsOf<CaseloadDeadline>;
  respondentOverdue: RowsOf<CaseloadDeadline>;
  feesOverdue: RowsOf<CaseloadDeadline>;
  stalled: RowsOf<StalledRow>;
  challenges: RowsOf<NeutralStepCase>;
  toNominate: RowsOf<NeutralStepCase>;
  toAppoint: RowsOf<NeutralStepCase>;
}

type Row = Record<string, string | number | null>;

// The long form inner-joins caseload_cases. The counts here do not: the caseload projection writes
// a case's neutrals and deadlines only with its case row, in one transaction, and removes them
// with it, so every row of caseload_neutrals and caseload_deadlines has its case (over 100,000
// cases the probe per row cost 1 ms of the 1.4 ms the open cases per neutral took).
const DEADLINE_COLUMNS = 'd.dispute_id, c.case_number, d.deadline_id, d.kind, d.due_at, d.side, d.status';
const DEADLINE_ORDER = 'd.due_at, d.dispute_id, d.deadline_id';

/** A deadline list of the queue: one kind and status, optionally only those due by `dueBy`. */
async function deadlineList(
  manager: EntityManager,
  rows: number,
  kind: string,
  status: 'open' | 'missed',
  dueBy?: string,
): Promise<RowsOf<CaseloadDeadline>> {
  const where = `d.kind = ? AND d.status = ?${dueBy === undefined ? '' : ' AND d.due_at <= ?'}`;
  const parameters = dueBy === undefined ? [kind, status] : [kind, status, dueBy];
  const [counted] = await select<{ n: number | string }>(
    manager,
    `SELECT COUNT(*) AS n FROM caseload_deadlines d WHERE ${where}`,
    parameters,
  );
  const oldest = await select<Row>(
    manager,
    `SELECT ${DEADLINE_COLUMNS} FROM caseload_deadlines d JOIN caseload_cases c ON c.dispute_id = d.dispute_id
     WHERE ${where} ORDER BY ${DEADLINE_ORDER} LIMIT ?`,
    [...parameters, rows],
  );
  return { count: Number(counted?.n ?? 0), oldest: oldest.map(deadlineOf) };
}

/** Rule 17: open grace deadlines, each with the first missed information request of its case. */
async function stalledList(manager: EntityManager, rows: number): Promise<RowsOf<StalledRow>> {
  const grace = await deadlineList(manager, rows, 'information_grace', 'open');
  if (grace.oldest.length === 0) return { count: grace.count, oldest: [] };
  const ids = [...new Set(grace.oldest.map((g) => g.disputeId))];
  const missed = await select<{ dispute_id: string; due_at: string }>(
    manager,
    `SELECT d.dispute_id, d.due_at FROM caseload_deadlines d
     WHERE d.kind = 'information' AND d.status = 'missed' AND d.dispute_id IN (${ids.map(() => '?').join(', ')})
     ORDER BY ${DEADLINE_ORDER}`,
    ids,
  );
  const first = new Map<string, string>();
  for (const m of missed) if (!first.has(m.dispute_id)) first.set(m.dispute_id, String(m.due_at));
  return { count: grace.count, oldest: grace.oldest.map((g) => ({ grace: g, informationDueAt: first.get(g.disputeId) ?? null })) };
}

/** One list of neutral steps: the projection wrote each case's list and when it last changed. */
async function neutralStepList(manager: EntityManager, rows: number, queue: NeutralStepQueue): Promise<RowsOf<NeutralStepCase>> {
  const [counted] = await select<{ n: number | string }>(manager, `SELECT COUNT(*) AS n FROM caseload_cases WHERE step_queue = ?`, [queue]);
  const oldest = await select<{ document: string }>(
    manager,
    `SELECT document FROM caseload_cases WHERE step_queue = ? ORDER BY step_since, dispute_id LIMIT ?`,
    [queue, rows],
  );
  return { count: Number(counted?.n ?? 0), oldest: oldest.map((r) => toNeutralStepCase(JSON.parse(r.document) as DisputeState)) };
}

/** Per neutral with open cases: how many, how many deadlines overdue, and the case with the next deadline. */
async function neutralCounts(manager: EntityManager, now: string): Promise<(NeutralCaseCount & { nextDisputeId: string | null })[]> {
  // The next case: the open deadlines not yet due in their order (index ix_caseload_deadlines_open),
  // the first on a case the neutral is appointed on. Its case has the soonest next deadline, ties
  // to the lowest case id, as the long form sorts.
  const open = await select<{ user_id: string; n: number | string; next_dispute_id: string | null }>(
    manager,
    `SELECT n.user_id, COUNT(*) AS n,
       (SELECT d.dispute_id FROM caseload_deadlines d
        WHERE d.status = 'open' AND d.due_at > ? AND EXISTS (
          SELECT 1 FROM caseload_neutrals m WHERE m.dispute_id = d.dispute_id AND m.user_id = n.user_id AND m.neutral_status = 'appointed')
        ORDER BY ${DEADLINE_ORDER} LIMIT 1) AS next_dispute_id
     FROM caseload_neutrals n GROUP BY n.user_id`,
    [now],
  );
  // A nominee has no deadlines of the case on their desk (rule 2): only appointed terms count.
  const overdue = await select<{ user_id: string; n: number | string }>(
    manager,
    `SELECT n.user_id, COUNT(*) AS n FROM caseload_deadlines d
     JOIN caseload_neutrals n ON n.dispute_id = d.dispute_id AND n.neutral_status = 'appointed'
     WHERE d.status = 'missed' OR (d.status = 'open' AND d.due_at <= ?) GROUP BY n.user_id`,
    [now],
  );
  const overdueOf = new Map(overdue.map((r) => [String(r.user_id), Number(r.n)]));
  return open.map((r) => ({
    userId: String(r.user_id),
    openCases: Number(r.n),
    overdueDeadlines: overdueOf.get(String(r.user_id)) ?? 0,
    nextDisputeId: r.next_dispute_id === null ? null : String(r.next_dispute_id),
  }));
}

/** Each neutral's next case as the long form shows it: the assignment and every deadline of the case. */
async function nextCases(manager: EntityManager, pairs: [userId: string, disputeId: string][]): Promise<NextCaseRows[]> {
  if (pairs.length === 0) return [];
  const ids = [...new Set(pairs.map(([, disputeId]) => disputeId))];
  const inIds = `(${ids.map(() => '?').join(', ')})`;
  const assignments = await select<Row>(
    manager,
    `SELECT n.user_id, n.role, n.neutral_status, n.chair, c.dispute_id, c.case_number, c.status, c.route, c.urgent
     FROM caseload_neutrals n JOIN caseload_cases c ON c.dispute_id = n.dispute_id WHERE n.dispute_id IN ${inIds}`,
    ids,
  );
  const deadlines = await select<Row>(
    manager,
    `SELECT ${DEADLINE_COLUMNS} FROM caseload_deadlines d JOIN caseload_cases c ON c.dispute_id = d.dispute_id
     WHERE d.dispute_id IN ${inIds} ORDER BY ${DEADLINE_ORDER}`,
    ids,
  );
  const byCase = new Map<string, CaseloadDeadline[]>();
  for (const d of deadlines.map(deadlineOf)) byCase.set(d.disputeId, [...(byCase.get(d.disputeId) ?? []), d]);
  const found: NextCaseRows[] = [];
  for (const [userId, disputeId] of pairs) {
    const row = assignments.find((a) => String(a.user_id) === userId && String(a.dispute_id) === disputeId);
    if (row) found.push({ assignment: assignmentOf(row), deadlines: byCase.get(disputeId) ?? [] });
  }
  return found;
}

/** The work queue's counts and oldest `rows` per list, as at `now` (an ISO 8601 instant). */
export async function workQueueRows(manager: EntityManager, now: string, rows: number): Promise<WorkQueueRows> {
  const counted = await neutralCounts(manager, now);
  const next = counted.flatMap((c): [string, string][] => (c.nextDisputeId === null ? [] : [[c.userId, c.nextDisputeId]]));
  return {
    neutrals: counted.map(({ userId, openCases, overdueDeadlines }) => ({ userId, openCases, overdueDeadlines })),
    nextCases: await nextCases(manager, next),
    informationOverdue: await deadlineList(manager, rows, 'information', 'open', now),
    respondentOverdue: await deadlineList(manager, rows, 'respondent_answer', 'open', now),
    feesOverdue: await deadlineList(manager, rows, 'fee_payment', 'missed'),
    stalled: await stalledList(manager, rows),
    challenges: await neutralStepList(manager, rows, 'challenge'),
    toNominate: await neutralStepList(manager, rows, 'nominate'),
    toAppoint: await neutralStepList(manager, rows, 'appoint'),
  };
}
