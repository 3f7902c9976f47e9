import type { RecordHearing, RenderDecision, ScheduleHearing, SubmitStatement } from '../commands';
import { conflict, forbidden, invalid } from '../errors';
import type { Side } from '../events';
import type { DisputeState } from '../state';
import { DECISION_OUTCOMES, STATEMENT_KINDS, type StatementKind } from '../vocabulary';
import { describeSide } from './describe';
import { requireAppointedNeutral, requireOpenCase, requireParty, requireStatus } from './guards';
import { newDeadline } from './new-deadline';
import type { ActionRule, GuardContext } from './rule';
import { requireFreshId, requireInstantAfter, requireOneOf, requireText } from './validate';

// Binding advice and arbitration: written statements in a fixed order, hearings, a decision by
// the panel chair. Each statement kind is submitted once: claim, then defence, then reply, then
// rejoinder. Further material goes in as documents.

const STATEMENT_SIDE: Record<StatementKind, Side> = {
  statement_of_claim: 'claimant',
  statement_of_defence: 'respondent',
  reply: 'claimant',
  rejoinder: 'respondent',
};
/** What must come before each statement. */
const STATEMENT_AFTER: Record<StatementKind, StatementKind | undefined> = {
  statement_of_claim: undefined,
  statement_of_defence: 'statement_of_claim',
  reply: 'statement_of_defence',
  rejoinder: 'reply',
};
const STATEMENT_WORDS: Record<StatementKind, string> = {
  statement_of_claim: 'statement of claim',
  statement_of_defence: 'statement of defence',
  reply: 'reply',
  rejoinder: 'rejoinder',
};

const submitted = (state: DisputeState, kind: StatementKind) => state.statements.some((s) => s.kind === kind);

/** The statements `side` may submit now. */
export const statementsDue = (state: DisputeState, side: Side): StatementKind[] =>
  STATEMENT_KINDS.filter((k) => STATEMENT_SIDE[k] === side && !submitted(state, k) && (!STATEMENT_AFTER[k] || submitted(state, STATEMENT_AFTER[k]!)));

const guardStatement = (state: DisputeState, g: GuardContext): Side => {
  requireOpenCase(state);
  const side = requireParty(state, g);
  requireStatus(state, ['in_proceedings'], 'statements can only be submitted');
  if (statementsDue(state, side).length === 0) {
    throw conflict(
      'no_statement_due',
      `No statement is due from ${describeSide(side)} now (order: claim, defence, reply, rejoinder, each once); submit further material as a document.`,
    );
  }
  return side;
};

export const submitStatement: ActionRule<SubmitStatement> = {
  guard: guardStatement,
  decide(c, state, ctx) {
    const side = guardStatement(state, ctx);
    const kind = requireOneOf(c.kind, STATEMENT_KINDS, 'kind');
    if (STATEMENT_SIDE[kind] !== side) {
      throw forbidden('wrong_side', `A ${STATEMENT_WORDS[kind]} comes from ${describeSide(STATEMENT_SIDE[kind])}; you are ${describeSide(side)}.`);
    }
    if (submitted(state, kind)) {
      throw conflict('already_submitted', `The ${STATEMENT_WORDS[kind]} was already submitted; add material as a document instead.`);
    }
    const before = STATEMENT_AFTER[kind];
    if (before && !submitted(state, before)) {
      throw conflict('out_of_order', `A ${STATEMENT_WORDS[kind]} can only follow the ${STATEMENT_WORDS[before]}, which has not been submitted yet.`);
    }
    const unknown = (c.documentIds ?? []).find((id) => !state.documents.some((d) => d.documentId === id));
    if (unknown !== undefined) {
      throw invalid('documentIds', 'unknown_document', `Document ${unknown} is not on this case; submit it first.`);
    }
    return [
      {
        type: 'StatementSubmitted',
        data: {
          kind,
          side,
          ...(c.text !== undefined ? { text: c.text } : {}),
          ...(c.documentIds ? { documentIds: [...c.documentIds] } : {}),
          ...(kind === 'statement_of_claim' ? { defenceDeadline: newDeadline('statement_of_defence', state, ctx) } : {}),
          occurredAt: ctx.now,
        },
      },
    ];
  },
};

const guardPanel = (what: string) => (state: DisputeState, g: GuardContext) => {
  requireOpenCase(state);
  requireAppointedNeutral(state, g, ['adviser', 'arbitrator'], 'an adviser or arbitrator');
  requireStatus(state, ['in_proceedings'], what);
};

export const scheduleHearing: ActionRule<ScheduleHearing> = {
  guard: guardPanel('a hearing can only be scheduled'),
  decide(c, state, ctx) {
    const hearingId = requireFreshId(c.hearingId, state.hearings.map((h) => h.hearingId), 'hearingId', 'Hearing');
    const startsAt = requireInstantAfter(c.startsAt, ctx.now, 'startsAt', 'now');
    return [
      { type: 'HearingScheduled', data: { hearingId, startsAt, ...(c.location ? { location: c.location } : {}), occurredAt: ctx.now } },
    ];
  },
};

const guardRecordHearing = guardPanel('a hearing can only be recorded');
export const recordHearing: ActionRule<RecordHearing> = {
  guard(state, g) {
    guardRecordHearing(state, g);
    if (!state.hearings.some((h) => !h.held)) {
      throw conflict('no_hearing_scheduled', 'No hearing is scheduled and not yet held; schedule a hearing first.');
    }
  },
  decide(c, state, ctx) {
    const hearing = state.hearings.find((h) => h.hearingId === c.hearingId);
    if (!hearing) throw invalid('hearingId', 'unknown_hearing', `Hearing ${c.hearingId} is not scheduled on this case.`);
    if (hearing.held) throw conflict('already_held', `Hearing ${c.hearingId} was already recorded as held.`);
    return [{ type: 'HearingHeld', data: { hearingId: c.hearingId, occurredAt: ctx.now } }];
  },
};

const guardDecision = (state: DisputeState, g: GuardContext) => {
  requireOpenCase(state);
  const entry = requireAppointedNeutral(state, g, ['adviser', 'arbitrator'], 'an adviser or arbitrator');
  if (!entry.chair) throw forbidden('not_chair', 'Only the chair of the panel renders the decision; ask the chair to do so.');
  requireStatus(state, ['in_proceedings'], 'a decision can only be rendered');
};

export const renderDecision: ActionRule<RenderDecision> = {
  guard: guardDecision,
  decide(c, _state, ctx) {
    const outcome = requireOneOf(c.outcome, DECISION_OUTCOMES, 'outcome');
    const pct = c.claimantCostSharePct;
    if (typeof pct !== 'number' || !Number.isInteger(pct) || pct < 0 || pct > 100) {
      throw invalid('claimantCostSharePct', 'out_of_range', 'claimantCostSharePct is the claimant\'s share of the costs: a whole number from 0 to 100.');
    }
    const summary = requireText(c.summary, 'summary', 'A summary of the decision');
    return [{ type: 'DecisionRendered', data: { outcome, costAllocation: { claimantPct: pct, respondentPct: 100 - pct }, summary, occurredAt: ctx.now } }];
  },
};
