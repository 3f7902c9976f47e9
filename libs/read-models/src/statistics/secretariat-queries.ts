import type { EntityManager } from 'typeorm';
import { everyPartyWaived, partyOrganisationIds, type DisputeState } from '../../../domain/src';
import { chunk } from '../projections/projection';
import { needsNeutralStep, neutralStepSince } from './neutral-step';
import { select } from '../sql';

// Reads for the secretariat's queue and roster, over the caseload tables (open cases only) and
// the case summaries (every case, for earlier involvement). Each answer is derived from the
// folded case, so it says what the domain says.

/** A neutral's term on another case that shares a party with the case at hand. */
export interface NeutralInvolvement {
  userId: string;
  disputeId: string;
  caseNumber: string | null;
  role: string;
  /** nominated, appointed or ended */
  termStatus: string;
  /** The organisations that are a party to both cases. */
  sharedOrganisationIds: string[];
  caseClosed: boolean;
}

/** An open case where the secretariat has a step to take about its neutrals. */
export interface NeutralStepCase {
  disputeId: string;
  caseNumber: string | null;
  status: string;
  route: string | null;
  claimantOrganisationIds: string[];
  respondentOrganisationIds: string[];
  /** When the case last changed. */
  since: string;
  nominees: { userId: string; role: string; chair: boolean }[];
  pendingChallenges: { neutralUserId: string; side: string; challengedAt: string | null }[];
  /** Awaiting a neutral with a nomination whose every party waived: ready to appoint. */
  everyPartyWaived: boolean;
  /** The challenge period of the current nomination ends. */
  challengeDueAt: string | null;
}

/** A filed case waiting to be registered. */
export interface CaseToRegister {
  disputeId: string;
  sector: string;
  claimantOrganisationIds: string[];
  respondentOrganisationIds: string[];
  filedAt: string;
}

/** One open status: how many cases, and the one without movement for the longest. */
export interface OpenStatusCount {
  status: string;
  count: number;
  oldest: { disputeId: string; caseNumber: string | null; since: string } | null;
}

/**
 * Every term of a neutral (past and present) on cases other than `excludeDisputeId` where one of
 * `organisationIds` is a party. Found through case_access (the parties' principals), so only the
 * cases of these parties are read.
 */
export async function neutralInvolvement(
  manager: EntityManager,
  organisationIds: string[],
  excludeDisputeId: string,
): Promise<NeutralInvolvement[]> {
  if (organisationIds.length === 0) return [];
  const principals = organisationIds.map((id) => `org:${id}`);
  const ids = await select<{ dispute_id: string }>(
    manager,
    `SELECT DISTINCT dispute_id FROM case_access WHERE principal IN (${principals.map(() => '?').join(', ')}) AND dispute_id <> ?`,
    [...principals, excludeDisputeId],
  );
  const wanted = new Set(organisationIds);
  const found: NeutralInvolvement[] = [];
  for (const slice of chunk(
    ids.map((r) => r.dispute_id),
    500,
  )) {
    const rows = await select<{ document: string }>(
      manager,
      `SELECT document FROM case_summaries WHERE dispute_id IN (${slice.map(() => '?').join(', ')})`,
      slice,
    );
    for (const row of rows) {
      const state = JSON.parse(row.document) as DisputeState;
      if (state.neutrals.length === 0) continue;
      const shared = [...new Set(partyOrganisationIds(state).filter((id) => wanted.has(id)))];
      for (const n of state.neutrals) {
        found.push({
          userId: n.userId,
          disputeId: state.disputeId,
          caseNumber: state.caseNumber ?? null,
          role: n.role,
          termStatus: n.status,
          sharedOrganisationIds: shared,
          caseClosed: state.closedAt !== undefined,
        });
      }
    }
  }
  return found.sort((a, b) => a.userId.localeCompare(b.userId) || (a.caseNumber ?? '').localeCompare(b.caseNumber ?? ''));
}

/**
 * Open cases awaiting a neutral, and open cases with a challenge still to decide (rule 12 allows
 * one after appointment). The projection marks them (neutral_step, indexed); rows marked by the
 * migration may be more than these, so the folded case decides.
 */
export async function neutralStepCases(manager: EntityManager): Promise<NeutralStepCase[]> {
  const rows = await select<{ document: string }>(manager, `SELECT document FROM caseload_cases WHERE neutral_step = 1`, []);
  const cases: NeutralStepCase[] = [];
  for (const row of rows) {
    const state = JSON.parse(row.document) as DisputeState;
    if (needsNeutralStep(state)) cases.push(toNeutralStepCase(state));
  }
  return cases.sort((a, b) => a.since.localeCompare(b.since) || a.disputeId.localeCompare(b.disputeId));
}

/** What the queue shows of a case with a neutral step, from its folded state. */
export function toNeutralStepCase(state: DisputeState): NeutralStepCase {
  const pending = state.challenges.filter((c) => c.status === 'pending');
  const challenge = [...state.deadlines].reverse().find((d) => d.kind === 'challenge' && d.status === 'open');
  return {
    disputeId: state.disputeId,
    caseNumber: state.caseNumber ?? null,
    status: state.status,
    route: state.route ?? null,
    claimantOrganisationIds: state.claimantOrganisationIds,
    respondentOrganisationIds: state.respondentOrganisationIds,
    since: neutralStepSince(state),
    nominees: state.neutrals.filter((n) => n.status === 'nominated').map((n) => ({ userId: n.userId, role: n.role, chair: n.chair })),
    pendingChallenges: pending.map((c) => ({ neutralUserId: c.neutralUserId, side: c.side, challengedAt: c.challengedAt ?? null })),
    everyPartyWaived: state.status === 'awaiting_neutral' && everyPartyWaived(state),
    challengeDueAt: challenge?.dueAt ?? null,
  };
}

/** Open cases per status (caseload_cases holds only open ones), with the case that has waited longest. */
export async function openCasesByStatus(manager: EntityManager): Promise<OpenStatusCount[]> {
  const rows = await select<{ status: string; n: number | string }>(
    manager,
    `SELECT status, COUNT(*) AS n FROM caseload_cases GROUP BY status ORDER BY status`,
    [],
  );
  const answer: OpenStatusCount[] = [];
  for (const row of rows) {
    // case_list carries when each case last changed; its (status, ...) index finds the open rows.
    const [oldest] = await select<{ dispute_id: string; case_number: string | null; updated_at: string }>(
      manager,
      `SELECT l.dispute_id, l.case_number, l.updated_at FROM case_list l
       WHERE l.status = ? AND EXISTS (SELECT 1 FROM caseload_cases c WHERE c.dispute_id = l.dispute_id)
       ORDER BY l.updated_at, l.dispute_id LIMIT 1`,
      [row.status],
    );
    answer.push({
      status: row.status,
      count: Number(row.n),
      oldest: oldest ? { disputeId: oldest.dispute_id, caseNumber: oldest.case_number, since: oldest.updated_at } : null,
    });
  }
  return answer;
}

/**
 * The filed cases oldest first (at most `limit`) and how many there are: the list the secretariat
 * registers from. case_list's (status, filed_at, dispute_id) index serves both, read backwards.
 */
export async function casesToRegister(manager: EntityManager, limit: number): Promise<{ count: number; oldest: CaseToRegister[] }> {
  const [counted] = await select<{ n: number | string }>(manager, `SELECT COUNT(*) AS n FROM case_list WHERE status = 'filed'`, []);
  const rows = await select<Record<string, string>>(
    manager,
    `SELECT dispute_id, sector, claimant_organisation_ids, respondent_organisation_ids, filed_at FROM case_list
     WHERE status = 'filed' ORDER BY filed_at ASC, dispute_id ASC LIMIT ?`,
    [limit],
  );
  return {
    count: Number(counted?.n ?? 0),
    oldest: rows.map((r) => ({
      disputeId: String(r.dispute_id),
      sector: String(r.sector),
      claimantOrganisationIds: JSON.parse(String(r.claimant_organisation_ids)) as string[],
      respondentOrganisationIds: JSON.parse(String(r.respondent_organisation_ids)) as string[],
      filedAt: String(r.filed_at),
    })),
  };
}
