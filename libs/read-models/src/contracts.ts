import type { DisputeState } from '../../domain/src';
import type { EventActor } from '../../event-store/src/port';
import type { StatisticsReadModels } from './statistics/statistics-read-models';

// What the API asks of the read models. Implementations: TypeORM on SQLite now, PostgreSQL later.

/** Which cases a caller may list: the secretariat all, a party its organisation's, a neutral its own. */
export type CaseVisibilityScope = { all: true } | { all?: false; organisationIds: string[]; userId: string };

export interface CaseListFilter {
  status?: string;
  phase?: string;
  legalFramework?: string;
  sector?: string;
  route?: string;
  /** Free text over case number, summary, parties' names. */
  q?: string;
  limit: number;
  /** Opaque cursor from a previous page's nextCursor. */
  cursor?: string;
}

export interface CaseListItem {
  id: string;
  caseNumber: string | null;
  status: string;
  phase: string;
  legalFramework: string;
  sector: string;
  subjects: string[];
  route: string | null;
  claimantOrganisationIds: string[];
  respondentOrganisationIds: string[];
  summary: string;
  urgent: boolean;
  filedAt: string;
  updatedAt: string;
  version: number;
}

export interface CaseListPage {
  items: CaseListItem[];
  nextCursor: string | null;
}

export interface TimelineEntry {
  position: number;
  revision: number;
  type: string;
  /** The domain time of the event (data.occurredAt). */
  at: string;
  actor: EventActor | null;
  data: Record<string, unknown>;
}

export interface DueDeadline {
  disputeId: string;
  deadlineId: string;
  dueAt: string;
}

export interface IdempotencyRecord {
  /** Caller and key, e.g. `${userId}:${key}`. */
  scopeKey: string;
  /** Hash of method, path and body: a reused key with another request is refused. */
  requestHash: string;
  /** The answer's status; 0 while the first request is still running (a claim). */
  statusCode: number;
  body: unknown;
  createdAt: string;
}

/**
 * First answer wins, across processes: a request claims its key before it runs, so a duplicate
 * arriving meanwhile (at this process or another one on the same store) waits for that answer.
 */
export interface IdempotencyStore {
  get(scopeKey: string): Promise<IdempotencyRecord | null>;
  /**
   * Claims the key for a request about to run. True when this caller now holds it: the key was
   * free, or its claim was made before `staleBefore` and never answered (its holder died).
   */
  claim(scopeKey: string, requestHash: string, now: string, staleBefore: string): Promise<boolean>;
  /** Stores the answer of a claimed key; an answer already stored is kept (first answer wins). */
  put(record: IdempotencyRecord): Promise<void>;
  /** Gives up a claim whose request failed, so a retry may run it again. */
  release(scopeKey: string): Promise<void>;
}

export interface ReadModels {
  /** The case-summary document (the folded dispute), or null when unknown. */
  getCase(disputeId: string): Promise<DisputeState | null>;
  listCases(scope: CaseVisibilityScope, filter: CaseListFilter): Promise<CaseListPage>;
  /** All events of a case, oldest first; the caller filters what the reader may see. */
  getTimeline(disputeId: string): Promise<TimelineEntry[]>;
  /** Open deadlines whose due time has come, for the deadline scheduler. */
  dueDeadlines(now: Date, limit: number): Promise<DueDeadline[]>;
  idempotency: IdempotencyStore;
  /** Statistics, mediation outcomes and caseloads for the disputes body. */
  statistics: StatisticsReadModels;
}

/** One projection: applies a batch of events inside the transaction that also moves its checkpoint. */
export interface ProjectionRunner {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves once every projection has applied the event at `position` (read-your-writes). */
  waitForPosition(position: number, timeoutMs?: number): Promise<void>;
  /** The lowest checkpoint over all projections. */
  position(): number;
}

