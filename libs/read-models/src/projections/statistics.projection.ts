import type { EntityManager } from 'typeorm';
import { toDisputeEvent, type DisputeEvent } from '../../../domain/src';
import type { StoredEvent } from '../../../event-store/src/port';
import { CASE_FACT_COLUMNS, fromRow, toRowValues, type CaseFactRow, type CaseFacts, type Outcome } from '../statistics/case-facts';
import { execute, select, valuesList } from '../sql';
import { chunk, groupByDispute, normaliseInstant, type Projection } from './projection';

/**
 * The statistics facts: per dispute the few dates, classifications and results the figures of
 * GET /api/statistics are counted from, and every missed deadline with the time it was missed.
 * Folds the events itself (no full case state): a rebuild over the whole log stays cheap.
 */
export const statisticsProjection: Projection = {
  name: 'statistics',
  tables: ['statistics_cases', 'statistics_missed_deadlines'],
  async apply(events: StoredEvent[], manager: EntityManager): Promise<void> {
    const groups = groupByDispute(events);
    const ids = [...groups.keys()];
    const known = new Map<string, CaseFacts>();
    for (const slice of chunk(ids, 200)) {
      const rows = await select<CaseFactRow>(
        manager,
        `SELECT ${CASE_FACT_COLUMNS.join(', ')} FROM statistics_cases WHERE dispute_id IN (${slice.map(() => '?').join(', ')})`,
        slice,
      );
      for (const row of rows) known.set(String(row.dispute_id), fromRow(row));
    }
    const changed: CaseFacts[] = [];
    const missed: (string | number | null)[][] = [];
    for (const [disputeId, stored] of groups) {
      let facts = known.get(disputeId);
      let touched = false;
      for (const event of stored) {
        const e = toDisputeEvent(event);
        if (e.type === 'DeadlineMissed') {
          missed.push([disputeId, e.data.deadlineId, e.data.kind, normaliseInstant(e.data.occurredAt), event.position]);
          continue;
        }
        const next = foldFacts(facts, disputeId, e);
        if (next !== facts && next) {
          facts = { ...next, lastPosition: event.position };
          touched = true;
        }
      }
      if (touched && facts) changed.push(facts);
    }
    for (const slice of chunk(changed, 40)) {
      await execute(
        manager,
        `INSERT INTO statistics_cases (${CASE_FACT_COLUMNS.join(', ')}) VALUES ${valuesList(slice.length, CASE_FACT_COLUMNS.length)}
         ON CONFLICT (dispute_id) DO UPDATE SET ${CASE_FACT_COLUMNS.slice(1)
           .map((c) => `${c} = excluded.${c}`)
           .join(', ')}`,
        slice.flatMap(toRowValues),
      );
    }
    for (const slice of chunk(missed, 200)) {
      await execute(
        manager,
        `INSERT INTO statistics_missed_deadlines (dispute_id, deadline_id, kind, missed_at, position) VALUES ${valuesList(slice.length, 5)}
         ON CONFLICT DO NOTHING`,
        slice.flat(),
      );
    }
  },
};

const DECISION_OUTCOME: Record<string, Outcome> = {
  claim_granted: 'decided_granted',
  claim_partially_granted: 'decided_partially_granted',
  claim_rejected: 'decided_rejected',
};

/** The case closes once; anything recorded after (which decide() prevents) does not reopen it. */
const closed = (f: CaseFacts, outcome: Outcome, at: string): CaseFacts =>
  f.closedAt ? f : { ...f, closedAt: at, outcome };

/**
 * One event applied to a case's facts; returns the same object when nothing changed. Events
 * before DisputeFiled (a stream that does not start with it) have no case to count and are skipped.
 */
export function foldFacts(facts: CaseFacts | undefined, disputeId: string, e: DisputeEvent): CaseFacts | undefined {
  const at = normaliseInstant(e.data.occurredAt);
  if (e.type === 'DisputeFiled') {
    if (facts) return facts;
    const d = e.data;
    return {
      disputeId,
      caseNumber: null,
      filedAt: at,
      registeredAt: null,
      appointedAt: null,
      closedAt: null,
      outcome: null,
      phase: d.phase,
      legalFramework: d.legalFramework,
      sector: d.sector,
      subjects: [...new Set(d.subjects)],
      initialRoute: d.proposedRoute,
      finalRoute: null,
      claimantKind: d.claimantKind,
      smallProvider: d.smallProviderClaimant === true,
      urgent: d.urgent === true,
      respondentAnswer: null,
      respondentAnsweredAt: null,
      mediationResult: null,
      mediationConcludedAt: null,
      escalatedAt: null,
      lastPosition: 0,
    };
  }
  if (!facts) return facts;
  switch (e.type) {
    case 'DisputeRegistered':
      return { ...facts, caseNumber: e.data.caseNumber, registeredAt: facts.registeredAt ?? at };
    // Rule 6: the respondents' consent counts once the route is agreed (or the claimant goes on
    // against those who accepted); a decline closes the case only when no respondent is left.
    case 'SubmissionAccepted':
      return e.data.routeAgreed === false ? facts : { ...facts, respondentAnswer: 'accepted', respondentAnsweredAt: at, finalRoute: e.data.route };
    case 'RespondentsContinued':
      return { ...facts, respondentAnswer: 'accepted', respondentAnsweredAt: at, finalRoute: e.data.route };
    case 'SubmissionDeclined':
      return e.data.caseDeclined === false ? facts : closed({ ...facts, respondentAnswer: 'declined', respondentAnsweredAt: at }, 'declined', at);
    case 'NeutralsAppointed':
      return { ...facts, appointedAt: facts.appointedAt ?? at, finalRoute: e.data.route };
    case 'MediationConcluded': {
      const next = { ...facts, mediationResult: e.data.result, mediationConcludedAt: at };
      return e.data.result === 'full_agreement' ? closed(next, 'settled', at) : next;
    }
    case 'EscalationAccepted':
      // Rule 7: one respondent of several agreeing is not yet an escalation.
      return e.data.escalationAgreed === false ? facts : { ...facts, escalatedAt: facts.escalatedAt ?? at, finalRoute: e.data.route };
    case 'EscalationDeclined':
    case 'DisputeClosedWithoutResolution':
      return closed(facts, 'closed_without_resolution', at);
    case 'DecisionRendered':
      return closed(facts, DECISION_OUTCOME[e.data.outcome] ?? 'decided_rejected', at);
    case 'DisputeWithdrawn':
      return closed(facts, 'withdrawn', at);
    case 'SettledByParties':
      return closed(facts, 'settled', at);
    case 'DisputeDeclaredInadmissible':
      return closed(facts, 'inadmissible', at);
    default:
      return facts;
  }
}
