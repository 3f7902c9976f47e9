import type { Actor } from './context';
import { isPartyRole, partyOrganisationIds, sideOf } from './sides';
import type { DisputeState, DocumentOnCase, NeutralOnCase } from './state';

export { sideOf } from './sides';

// Who may see what: one rule set for every route (case, list, search, timeline, documents), for
// allowedActions and for notifications. Pure: it reads the folded case and the reader, nothing
// else. To anyone who may not see a case it does not exist (the API answers 404).
//
// Rule 1  a respondent sees the case from its registration (RespondentInvited) on.
// Rule 2  a nominated neutral sees only what a conflict check needs (CONFLICT_CHECK_FIELDS).
// Rule 3  a neutral's access ends with their term; an appointed neutral keeps the record of their
//         own term: the case up to the version at which it ended, read-only.
// Rule 4  a neutral_only document is for the neutrals appointed in the procedure it was submitted
//         in (and its submitter); session notes for the mediator alone.
// Rule 5  what a reader sees carries no stream version (see visibleEventData).

/** How far a reader sees a case. */
export type CaseAccess =
  | { kind: 'none' }
  /** Parties, the secretariat, the system and neutrals serving now. */
  | { kind: 'full' }
  /** A nominated neutral: the fields of CONFLICT_CHECK_FIELDS, nothing else (rule 2). */
  | { kind: 'conflict_check' }
  /** An appointed neutral whose term ended: the case up to `untilVersion`, read-only (rule 3). */
  | { kind: 'term_record'; untilVersion: number };

/** What a nominee sees for a conflict check (rule 2), besides the case's id and status. */
export const CONFLICT_CHECK_FIELDS = ['caseNumber', 'claimants', 'respondents', 'phase', 'sector', 'subjects', 'route', 'summary'] as const;

const NONE: CaseAccess = { kind: 'none' };
const FULL: CaseAccess = { kind: 'full' };

const isNeutralRole = (actor: Actor): boolean => actor.role === 'mediator' || actor.role === 'adviser' || actor.role === 'arbitrator';

/** The reader's term on the case, if they are a neutral with one (one entry per person). */
const termOf = (state: DisputeState, actor: Actor): NeutralOnCase | undefined =>
  isNeutralRole(actor) ? state.neutrals.find((n) => n.userId === actor.userId && n.role === actor.role) : undefined;

/** Respondents are told of the case at registration; summaries folded before that fact was kept have the registration. */
export const respondentsInvited = (state: DisputeState): boolean =>
  state.respondentInvitedAt !== undefined || state.registeredAt !== undefined;

export const caseAccess = (state: DisputeState, actor: Actor): CaseAccess => {
  if (!state.exists) return NONE;
  switch (actor.role) {
    case 'secretariat':
    case 'system':
      return FULL;
    case 'observer':
      return NONE; // observers read anonymised statistics only, never a single case
    case 'mediator':
    case 'adviser':
    case 'arbitrator': {
      const term = termOf(state, actor);
      if (!term) return NONE;
      if (term.status === 'nominated') return { kind: 'conflict_check' };
      if (term.status === 'appointed') return FULL;
      // Ended (or `lapsed` in summaries folded by older code): only a neutral who served keeps a record.
      if (term.appointedAt === undefined) return NONE;
      return { kind: 'term_record', untilVersion: term.endedAtVersion ?? state.version };
    }
    default: {
      if (!isPartyRole(actor.role)) return NONE;
      const side = sideOf(state, actor);
      if (side === 'claimant') return FULL;
      if (side === 'respondent' && respondentsInvited(state)) return FULL;
      return NONE;
    }
  }
};

export const isCaseVisibleTo = (state: DisputeState, actor: Actor): boolean => caseAccess(state, actor).kind !== 'none';

/** Only readers with full access act on a case: a nominee checks conflicts, a former neutral reads their record. */
export const mayActOnCase = (state: DisputeState, actor: Actor): boolean => caseAccess(state, actor).kind === 'full';

/** Whether the reader was appointed in the procedure `stage` (a replacement appointed later in it included). */
const servedInStage = (term: NeutralOnCase | undefined, stage: number | undefined): boolean => {
  if (!term || term.appointedAt === undefined) return false;
  // Summaries folded before stages were recorded: the neutrals serving now, as the rule then read.
  if (stage === undefined || term.procedureStage === undefined) return term.status === 'appointed';
  return term.procedureStage === stage;
};

export const canSeeDocument = (doc: DocumentOnCase, state: DisputeState, actor: Actor): boolean => {
  const access = caseAccess(state, actor);
  if (access.kind === 'none' || access.kind === 'conflict_check') return false;
  if (access.kind === 'term_record' && (doc.recordedAtVersion ?? 0) > access.untilVersion) return false;
  if (actor.role === 'secretariat' || actor.role === 'system') return true;
  if (doc.submittedByUserId === actor.userId) return true;
  switch (doc.visibility) {
    case 'parties':
      return true;
    case 'neutral_only':
      // Rule 4: for the neutrals of the procedure it was submitted in; never the other party, never later panels.
      return servedInStage(termOf(state, actor), doc.procedureStage);
    default:
      return false; // 'secretariat': the secretariat and its submitter
  }
};

/** Session notes: the mediator(s) appointed on the case alone, also in the record of their ended term. */
export const canSeeSessionNotes = (state: DisputeState, actor: Actor): boolean => {
  const access = caseAccess(state, actor);
  if (access.kind !== 'full' && access.kind !== 'term_record') return false;
  const term = termOf(state, actor);
  return actor.role === 'mediator' && term?.role === 'mediator' && term.appointedAt !== undefined;
};

/** One recorded event of the case, as the timeline stores it and a notifier receives it. */
export interface CaseEventRef {
  type: string;
  data: Record<string, unknown>;
  /** The case version this event brought the case to (its 1-based place in the stream). Never shown. */
  version: number;
}

/** Whether the reader may see this event of the case at all (timeline entry, notification). */
export const canSeeEvent = (event: CaseEventRef, state: DisputeState, actor: Actor): boolean => {
  const access = caseAccess(state, actor);
  if (access.kind === 'none' || access.kind === 'conflict_check') return false; // rule 2: no timeline for a nominee
  if (access.kind === 'term_record' && event.version > access.untilVersion) return false; // rule 3
  if (event.type === 'DocumentSubmitted') {
    const doc = state.documents.find((d) => d.documentId === event.data.documentId);
    return doc !== undefined && canSeeDocument(doc, state, actor);
  }
  return true;
};

/**
 * The event's data as this reader may read it, or undefined when the event is hidden from them.
 * Confidential content is removed: session notes for the mediator only; references to documents
 * the reader may not see (a statement's documentIds, a settlement document) are dropped, so
 * neither a name, type, size nor hash of a hidden document shows.
 */
export const visibleEventData = (event: CaseEventRef, state: DisputeState, actor: Actor): Record<string, unknown> | undefined => {
  if (!canSeeEvent(event, state, actor)) return undefined;
  const mayRead = (documentId: unknown): boolean => {
    const doc = state.documents.find((d) => d.documentId === documentId);
    return doc !== undefined && canSeeDocument(doc, state, actor);
  };
  let data = event.data;
  if (Array.isArray(data.documentIds)) data = { ...data, documentIds: data.documentIds.filter(mayRead) };
  if (data.settlementDocumentId !== undefined && !mayRead(data.settlementDocumentId)) {
    const { settlementDocumentId: _hidden, ...rest } = data;
    data = rest;
  }
  if (event.type === 'SessionHeld' && !canSeeSessionNotes(state, actor)) {
    const { notes: _notes, ...rest } = data;
    data = rest;
  }
  return data;
};

/**
 * Who reads statistics, and how: the secretariat every cell, observers the anonymised figures
 * (suppressed cells withheld); everyone else none (parties and neutrals read their own cases).
 */
export const statisticsAudience = (actor: Actor): 'secretariat' | 'observer' | undefined =>
  actor.role === 'secretariat' || actor.role === 'observer' ? actor.role : undefined;

/**
 * Whether the case is in the reader's list and search results: exactly when the reader may open
 * the case as it is now (caseAccess: full, or a nominee's conflict check). A former neutral's
 * record of their term is reached from the case itself, not listed: a list row shows the case as
 * it is now, after their term.
 */
export const isListedFor = (state: DisputeState, actor: Actor): boolean => {
  const { kind } = caseAccess(state, actor);
  return kind === 'full' || kind === 'conflict_check';
};

/**
 * The principals (`org:<id>`, `user:<id>`) the list index (case_access) holds for the case:
 * isListedFor asked for everyone who ever had a part in it, so the list follows the case page's
 * rules and nothing else. Every party role of an organisation sees the same (sideOf looks at the
 * organisation only), so one stands for all.
 */
export const casePrincipals = (state: DisputeState): Set<string> => {
  const principals = new Set<string>();
  if (!state.exists) return principals;
  const organisations = new Set([
    ...partyOrganisationIds(state),
    ...(state.formerClaimantOrganisationIds ?? []),
    ...(state.formerRespondentOrganisationIds ?? []),
  ]);
  for (const id of organisations) {
    if (isListedFor(state, { userId: `org:${id}`, role: 'provider', organisationId: id })) principals.add(`org:${id}`);
  }
  for (const n of state.neutrals) if (isListedFor(state, { userId: n.userId, role: n.role })) principals.add(`user:${n.userId}`);
  return principals;
};
