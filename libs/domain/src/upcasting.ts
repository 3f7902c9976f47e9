// Event versions. Events are never rewritten, so when the shape of an event's data changes, the
// events already stored keep their old shape and name their version in metadata.schemaVersion.
// Wherever stored events become domain events (toDisputeEvent: the write side's fold, the temporal
// query, the cases projection) and wherever stored data is shown (the timeline projection), they
// pass through `upcast`, which lifts the data step by step (v1 → v2 → …) to the current shape, so
// the rest of the code knows only the current shapes. A version newer than this code knows, or an
// old version without its upcaster, fails loudly: guessing would fold a case wrongly.
import type { DisputeEventType } from './events';

/** The current data version of each event type; types not listed are at version 1. */
export const CURRENT_SCHEMA_VERSIONS: Readonly<Partial<Record<DisputeEventType, number>>> = {
  // v2: the decision's cost allocation names both parties' shares (see upcastDecisionRenderedV1).
  DecisionRendered: 2,
  // v2: the secretariat names the chair (rule 10) and the procedure is recorded (see upcastNeutralsNominatedV1).
  NeutralsNominated: 2,
  // --- due-process (rule 6): each respondent answers for itself ---
  SubmissionAccepted: 2,
  SubmissionDeclined: 2,
};

export const currentSchemaVersion = (type: string): number =>
  CURRENT_SCHEMA_VERSIONS[type as DisputeEventType] ?? 1;

type Data = Record<string, unknown>;
type Upcaster = (data: Data) => Data;

/**
 * DecisionRendered v1 → v2. A decision allocates the costs of the procedure between the parties;
 * v1 recorded only `claimantCostSharePct`, leaving every reader (the timeline a party reads, cost
 * invoicing, statistics) to work out the respondent's share as 100 − x. v2 records the allocation
 * as the decision states it: `costAllocation: { claimantPct, respondentPct }`.
 */
const upcastDecisionRenderedV1: Upcaster = (data) => {
  const { claimantCostSharePct, ...rest } = data;
  if (typeof claimantCostSharePct !== 'number' || !Number.isInteger(claimantCostSharePct) || claimantCostSharePct < 0 || claimantCostSharePct > 100) {
    throw new EventUpcastError('DecisionRendered', 1, `claimantCostSharePct is ${JSON.stringify(claimantCostSharePct)}, not a whole percentage`);
  }
  return { ...rest, costAllocation: { claimantPct: claimantCostSharePct, respondentPct: 100 - claimantCostSharePct } };
};

/**
 * NeutralsNominated v1 → v2. v1 was written when the first neutral named chaired the panel, and
 * early v1 events recorded no `chairUserId` at all: the chair is then the first named, as it was
 * decided. v1 recorded no `procedureStage`; it stays absent and evolve takes the procedure the
 * case was in when it folds the event (the same fact, read at the same point of the history).
 */
const upcastNeutralsNominatedV1: Upcaster = (data) => {
  const ids = data.neutralUserIds;
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string')) {
    throw new EventUpcastError('NeutralsNominated', 1, `neutralUserIds is ${JSON.stringify(ids)}, not a list of user ids`);
  }
  const chair = typeof data.chairUserId === 'string' && ids.includes(data.chairUserId) ? data.chairUserId : ids[0];
  return { ...data, chairUserId: chair };
};
// --- due-process upcasters (rule 6) ---

/**
 * SubmissionAccepted v1 → v2. Before rule 6 one respondent's "yes" answered for the case: the
 * event moved it to awaiting_neutral. v2 records that fact as `routeAgreed`; a v1 event names no
 * respondent, because it answered for all of them.
 */
const upcastSubmissionAcceptedV1: Upcaster = (data) => ({ ...data, routeAgreed: true });

/** SubmissionDeclined v1 → v2. A v1 decline ended the whole case: `caseDeclined: true`, no respondent named. */
const upcastSubmissionDeclinedV1: Upcaster = (data) => ({ ...data, caseDeclined: true });

/** Upcasters by `${type}@${fromVersion}`: each lifts one version to the next. */
const UPCASTERS: Readonly<Record<string, Upcaster>> = {
  'DecisionRendered@1': upcastDecisionRenderedV1,
  'NeutralsNominated@1': upcastNeutralsNominatedV1,
  'SubmissionAccepted@1': upcastSubmissionAcceptedV1,
  'SubmissionDeclined@1': upcastSubmissionDeclinedV1,
};

/** A stored event this code cannot read: a version from the future, a gap in the chain, or corrupt data. */
export class EventUpcastError extends Error {
  constructor(
    readonly eventType: string,
    readonly schemaVersion: unknown,
    reason: string,
  ) {
    super(`Cannot read stored ${eventType} event of schema version ${String(schemaVersion)}: ${reason}`);
    this.name = 'EventUpcastError';
  }
}

export interface VersionedEvent {
  type: string;
  data: Data;
  metadata: { schemaVersion: number };
}

/** The event's data in the current shape of its type. */
export function upcast(stored: VersionedEvent): { type: string; data: Data } {
  const { type } = stored;
  const from = stored.metadata?.schemaVersion;
  const current = currentSchemaVersion(type);
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) {
    throw new EventUpcastError(type, from, 'metadata.schemaVersion must be a positive integer');
  }
  if (from > current) {
    throw new EventUpcastError(type, from, `this code knows versions up to ${current}; deploy the newer code that wrote it`);
  }
  let data = stored.data;
  for (let version = from; version < current; version++) {
    const step = UPCASTERS[`${type}@${version}`];
    if (!step) throw new EventUpcastError(type, version, `no upcaster from version ${version} to ${version + 1}`);
    data = step(data);
  }
  return { type, data };
}
