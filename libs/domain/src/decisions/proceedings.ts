import type { RecordHearing, RenderDecision, ScheduleHearing, SubmitStatement, WaiveHearing } from '../commands';
import { instant } from '../deadlines';
import { conflict, forbidden, invalid } from '../errors';
import type { Side } from '../events';
import type { DisputeState } from '../state';
import { DECISION_OUTCOMES, STATEMENT_KINDS, type StatementKind } from '../vocabulary';
import { DEFAULT_CLAIMANT_COST_SHARE } from './cost-share';
import { describeSide, dutchDate, dutchDateTime, dutchSide } from './describe';
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

const STATEMENT_WORDS_NL: Record<StatementKind, string> = {
  statement_of_claim: 'eisschrift',
  statement_of_defence: 'verweerschrift',
  reply: 'antwoord op het verweer (repliek)',
  rejoinder: 'laatste antwoord van de verweerder (dupliek)',
};

const submitted = (state: DisputeState, kind: StatementKind) => state.statements.some((s) => s.kind === kind);

/** The statements `side` may submit now. */
export const statementsDue = (state: DisputeState, side: Side): StatementKind[] =>
  STATEMENT_KINDS.filter(
    (k) => STATEMENT_SIDE[k] === side && !submitted(state, k) && (!STATEMENT_AFTER[k] || submitted(state, STATEMENT_AFTER[k]!)),
  );

const guardStatement = (state: DisputeState, g: GuardContext): Side => {
  requireOpenCase(state);
  const side = requireParty(state, g);
  requireStatus(state, ['in_proceedings'], 'statements can only be submitted');
  if (statementsDue(state, side).length === 0) {
    throw conflict('no_statement_due', {
      en: `No statement is due from ${describeSide(side)} now (order: claim, defence, reply, rejoinder, each once); submit further material as a document.`,
      nl: 'U hoeft nu geen processtuk in te dienen (volgorde: eis, verweer, repliek, dupliek, elk één keer). Voeg andere stukken toe als document.',
    });
  }
  return side;
};

export const submitStatement: ActionRule<SubmitStatement> = {
  guard: guardStatement,
  decide(c, state, ctx) {
    const side = guardStatement(state, ctx);
    const kind = requireOneOf(c.kind, STATEMENT_KINDS, 'kind');
    if (STATEMENT_SIDE[kind] !== side) {
      throw forbidden('wrong_side', {
        en: `A ${STATEMENT_WORDS[kind]} comes from ${describeSide(STATEMENT_SIDE[kind])}; you are ${describeSide(side)}.`,
        nl: `Een ${STATEMENT_WORDS_NL[kind]} komt van ${dutchSide(STATEMENT_SIDE[kind])}; u bent ${dutchSide(side)}.`,
      });
    }
    if (submitted(state, kind)) {
      throw conflict('already_submitted', {
        en: `The ${STATEMENT_WORDS[kind]} was already submitted; add material as a document instead.`,
        nl: `Het ${STATEMENT_WORDS_NL[kind]} is al ingediend. Voeg nieuwe stukken toe als document.`,
      });
    }
    const before = STATEMENT_AFTER[kind];
    if (before && !submitted(state, before)) {
      throw conflict('out_of_order', {
        en: `A ${STATEMENT_WORDS[kind]} can only follow the ${STATEMENT_WORDS[before]}, which has not been submitted yet.`,
        nl: `Een ${STATEMENT_WORDS_NL[kind]} kan pas na het ${STATEMENT_WORDS_NL[before]}, en dat is nog niet ingediend.`,
      });
    }
    const unknown = (c.documentIds ?? []).find((id) => !state.documents.some((d) => d.documentId === id));
    if (unknown !== undefined) {
      throw invalid('documentIds', 'unknown_document', {
        en: `Document ${unknown} is not on this case; submit it first.`,
        nl: `Document ${unknown} staat niet in deze zaak. Voeg het eerst toe.`,
      });
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
    const hearingId = requireFreshId(
      c.hearingId,
      state.hearings.map((h) => h.hearingId),
      'hearingId',
      'Hearing',
    );
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
      throw conflict('no_hearing_scheduled', {
        en: 'No hearing is scheduled and not yet held; schedule a hearing first.',
        nl: 'Er is geen zitting gepland die nog niet is gehouden. Plan eerst een zitting.',
      });
    }
    // Rule 16: a hearing is held at or after its start, not before.
    if (!state.hearings.some((h) => !h.held && instant(h.startsAt) <= instant(g.now))) {
      const next = state.hearings.filter((h) => !h.held).sort((a, b) => instant(a.startsAt) - instant(b.startsAt))[0];
      throw conflict('not_started', {
        en: `The next hearing starts at ${next.startsAt}; it can be recorded as held from then on.`,
        nl: `De volgende zitting begint op ${dutchDateTime(next.startsAt)}. Pas vanaf dat moment kunt u vastleggen dat de zitting is gehouden.`,
      });
    }
  },
  decide(c, state, ctx) {
    const hearing = state.hearings.find((h) => h.hearingId === c.hearingId);
    if (!hearing) {
      throw invalid('hearingId', 'unknown_hearing', {
        en: `Hearing ${c.hearingId} is not scheduled on this case.`,
        nl: `Zitting ${c.hearingId} is niet gepland in deze zaak.`,
      });
    }
    if (hearing.held) {
      throw conflict('already_held', {
        en: `Hearing ${c.hearingId} was already recorded as held.`,
        nl: `Zitting ${c.hearingId} is al vastgelegd als gehouden.`,
      });
    }
    if (instant(ctx.now) < instant(hearing.startsAt)) {
      throw conflict('not_started', {
        en: `Hearing ${c.hearingId} starts at ${hearing.startsAt}; it can be recorded as held from then on.`,
        nl: `Zitting ${c.hearingId} begint op ${dutchDateTime(hearing.startsAt)}. Pas vanaf dat moment kunt u vastleggen dat de zitting is gehouden.`,
      });
    }
    return [{ type: 'HearingHeld', data: { hearingId: c.hearingId, occurredAt: ctx.now } }];
  },
};

// --- Rule 14: due process before a decision ---

/** The organisations that each speak for themselves on a hearing: the claimant side (or the filing association) and every respondent. */
export const hearingVoices = (state: DisputeState): string[] => [
  ...(state.filedOnBehalfBy ? [state.filedOnBehalfBy] : state.claimantOrganisationIds),
  ...state.respondentOrganisationIds,
];

const everyPartyWaivedHearing = (state: DisputeState): boolean => {
  const waived = state.hearingWaivedBy ?? [];
  return hearingVoices(state).every((o) => waived.includes(o));
};

/** What still stands in the way of a decision, in both languages; empty when the panel may decide. */
export const missingForDecision = (state: DisputeState): { code: string; en: string; nl: string }[] => {
  const missing: { code: string; en: string; nl: string }[] = [];
  if (!submitted(state, 'statement_of_claim')) {
    missing.push({
      code: 'no_statement_of_claim',
      en: 'the statement of claim has not been submitted',
      nl: 'de indiener heeft nog geen eisschrift (statement of claim) ingediend',
    });
  }
  const defenceMissed = state.deadlines.some((d) => d.kind === 'statement_of_defence' && d.status === 'missed');
  if (!submitted(state, 'statement_of_defence') && !defenceMissed) {
    const open = state.deadlines.find((d) => d.kind === 'statement_of_defence' && d.status === 'open');
    missing.push({
      code: 'no_statement_of_defence',
      en: `the statement of defence has not been submitted${open ? ` and its deadline (${open.dueAt}) has not passed` : ''}`,
      nl: `de verweerder heeft nog geen verweerschrift ingediend${open ? ` en heeft daarvoor nog tot ${dutchDate(open.dueAt)}` : ''}`,
    });
  }
  if (!state.hearings.some((h) => h.held) && !everyPartyWaivedHearing(state)) {
    missing.push({
      code: 'no_hearing',
      en: 'no hearing has been held, and not every party has waived the hearing',
      nl: 'er is nog geen zitting gehouden, en niet alle partijen hebben afgezien van een zitting',
    });
  }
  if (state.challenges.some((c) => c.status === 'pending')) {
    missing.push({
      code: 'challenge_pending',
      en: 'a challenge of a neutral is still pending; the secretariat decides it first',
      nl: 'er loopt nog een wraking van een adviseur of arbiter; het secretariaat beslist daar eerst over',
    });
  }
  return missing;
};

const guardDecision = (state: DisputeState, g: GuardContext) => {
  requireOpenCase(state);
  const entry = requireAppointedNeutral(state, g, ['adviser', 'arbitrator'], 'an adviser or arbitrator');
  if (!entry.chair) {
    throw forbidden('not_chair', {
      en: 'Only the chair of the panel renders the decision; ask the chair to do so.',
      nl: 'Alleen de voorzitter van het college neemt de beslissing. Vraag de voorzitter dat te doen.',
    });
  }
  requireStatus(state, ['in_proceedings'], 'a decision can only be rendered');
  const missing = missingForDecision(state);
  if (missing.length > 0) {
    throw conflict(missing[0].code, {
      en: `A decision cannot be rendered yet: ${missing.map((m) => m.en).join('; ')}.`,
      nl: `Er kan nog geen beslissing worden genomen: ${missing.map((m) => m.nl).join('; ')}.`,
    });
  }
};

export const renderDecision: ActionRule<RenderDecision> = {
  guard: guardDecision,
  decide(c, _state, ctx) {
    const outcome = requireOneOf(c.outcome, DECISION_OUTCOMES, 'outcome');
    const standard = DEFAULT_CLAIMANT_COST_SHARE[outcome];
    const pct = c.claimantCostSharePct ?? standard;
    if (typeof pct !== 'number' || !Number.isInteger(pct) || pct < 0 || pct > 100) {
      throw invalid('claimantCostSharePct', 'out_of_range', {
        en: "claimantCostSharePct is the claimant's share of the costs: a whole number from 0 to 100.",
        nl: 'claimantCostSharePct is het deel van de kosten voor de indiener: een heel getal van 0 tot en met 100.',
      });
    }
    const reason = typeof c.costAllocationReason === 'string' && c.costAllocationReason.trim() !== '' ? c.costAllocationReason : undefined;
    if (pct !== standard && !reason) {
      throw invalid('costAllocationReason', 'reason_required', {
        en: `With this outcome the claimant bears ${standard}% of the costs; to set ${pct}% instead, state the reason in costAllocationReason.`,
        nl: `Bij deze uitkomst betaalt de indiener ${standard}% van de kosten. Wilt u ${pct}% vastleggen? Geef dan de reden op in costAllocationReason.`,
      });
    }
    const summary = requireText(c.summary, 'summary', 'A summary of the decision');
    return [
      {
        type: 'DecisionRendered',
        data: {
          outcome,
          costAllocation: { claimantPct: pct, respondentPct: 100 - pct },
          summary,
          ...(pct !== standard && reason ? { costAllocationReason: reason } : {}),
          occurredAt: ctx.now,
        },
      },
    ];
  },
};

const guardWaiveHearing = (state: DisputeState, g: GuardContext): { org: string; side: Side } => {
  requireOpenCase(state);
  const side = requireParty(state, g);
  requireStatus(state, ['in_proceedings'], 'a hearing can only be waived');
  const org = g.actor.organisationId as string;
  if ((state.hearingWaivedBy ?? []).includes(org)) {
    throw conflict('already_waived', {
      en: 'Your organisation already waived the hearing.',
      nl: 'Uw organisatie heeft al afgezien van een zitting.',
    });
  }
  if (!hearingVoices(state).includes(org)) {
    throw forbidden('collective_case', {
      en: 'In a collective dispute the association that filed it speaks for the claimants on the hearing.',
      nl: 'In een collectieve zaak beslist de brancheorganisatie die de zaak indiende namens de indieners over de zitting.',
    });
  }
  return { org, side };
};

export const waiveHearing: ActionRule<WaiveHearing> = {
  guard(state, g) {
    guardWaiveHearing(state, g);
  },
  decide(_c, state, ctx) {
    const { org, side } = guardWaiveHearing(state, ctx);
    return [{ type: 'HearingWaived', data: { organisationId: org, side, occurredAt: ctx.now } }];
  },
};
