import type { EntityManager } from 'typeorm';
import { toDisputeEvent } from '../../../domain/src';
import type { StoredEvent } from '../../../event-store/src/port';
import { execute, select, valuesList } from '../sql';
import { chunk, groupByDispute, normaliseInstant, type Projection } from './projection';

const COLUMNS = [
  'dispute_id',
  'case_number',
  'sector',
  'phase',
  'legal_framework',
  'filed_at',
  'mediator_user_id',
  'started_at',
  'concluded_at',
  'result',
  'route',
] as const;
type MediationRow = Record<(typeof COLUMNS)[number], string | null>;

/**
 * Mediations: one row per dispute from filing (sector, phase, framework), filled in as the case
 * goes through mediation: the mediator appointed and when, the result and when it concluded, and
 * the route the case took afterwards. GET /api/mediation-outcomes lists the concluded ones.
 *
 * Set-based per batch (one read, one multi-row upsert per slice): a statement per event made a
 * rebuild on PostgreSQL a round trip per event.
 */
export const mediationsProjection: Projection = {
  name: 'mediations',
  tables: ['mediations'],
  async apply(events: StoredEvent[], manager: EntityManager): Promise<void> {
    const groups = groupByDispute(events);
    const rows = await loadRows(manager, [...groups.keys()]);
    const changed = new Set<string>();
    for (const [disputeId, stored] of groups) {
      for (const event of stored) {
        if (applyEvent(rows, disputeId, event)) changed.add(disputeId);
      }
    }
    const upserts = [...changed].map((id) => rows.get(id) as MediationRow);
    for (const slice of chunk(upserts, 200)) {
      await execute(
        manager,
        `INSERT INTO mediations (${COLUMNS.join(', ')}) VALUES ${valuesList(slice.length, COLUMNS.length)}
         ON CONFLICT (dispute_id) DO UPDATE SET ${COLUMNS.slice(1)
           .map((c) => `${c} = excluded.${c}`)
           .join(', ')}`,
        slice.flatMap((row) => COLUMNS.map((c) => row[c])),
      );
    }
  },
};

async function loadRows(manager: EntityManager, disputeIds: string[]): Promise<Map<string, MediationRow>> {
  const rows = new Map<string, MediationRow>();
  for (const slice of chunk(disputeIds, 500)) {
    const found = await select<MediationRow>(
      manager,
      `SELECT ${COLUMNS.join(', ')} FROM mediations WHERE dispute_id IN (${slice.map(() => '?').join(', ')})`,
      slice,
    );
    for (const row of found) rows.set(row.dispute_id as string, row);
  }
  return rows;
}

/** Applies one event to the batch's rows; true when it changed the dispute's row. */
function applyEvent(rows: Map<string, MediationRow>, disputeId: string, event: StoredEvent): boolean {
  const e = toDisputeEvent(event);
  const at = normaliseInstant(e.data.occurredAt);
  const row = rows.get(disputeId);
  if (e.type === 'DisputeFiled') {
    if (row) return false; // filed once; a second DisputeFiled cannot happen, and must not reset the row
    rows.set(disputeId, {
      dispute_id: disputeId,
      case_number: null,
      sector: e.data.sector,
      phase: e.data.phase,
      legal_framework: e.data.legalFramework,
      filed_at: at,
      mediator_user_id: null,
      started_at: null,
      concluded_at: null,
      result: null,
      route: null,
    });
    return true;
  }
  if (!row) return false; // a stream that did not start with DisputeFiled is not listed
  switch (e.type) {
    case 'DisputeRegistered':
      row.case_number = e.data.caseNumber;
      return true;
    case 'NeutralsAppointed':
      if (e.data.route !== 'mediation' || row.started_at !== null) return false;
      row.mediator_user_id = e.data.chairUserId;
      row.started_at = at;
      row.route = 'mediation';
      return true;
    case 'MediationConcluded':
      row.result = e.data.result;
      row.concluded_at = at;
      return true;
    case 'EscalationAccepted':
      if (row.started_at === null) return false;
      row.route = e.data.route;
      return true;
    default:
      return false;
  }
}
