import type { ExtendDeadline, RecordDeadlineMissed } from '../commands';
import type { DecisionContext } from '../context';
import { addDays, instant, isMissable } from '../deadlines';
import { challengePeriodUsed } from '../evolve';
import { conflict, forbidden, invalid } from '../errors';
import type { DisputeEvent } from '../events';
import { paymentDeadlineId } from '../evolve';
import { appointedNeutrals, otherSide } from '../sides';
import type { Deadline, DisputeState } from '../state';
import { dutchDate } from './describe';
import { requireExists, requireOpenCase, requireRole } from './guards';
import { escalationStillToAnswer } from './mediation';
import { newDeadline } from './new-deadline';
import { remainingRespondents, respondentsStillToAnswer } from './route-agreement';
import type { ActionRule } from './rule';
import { requireInstantAfter, requireText } from './validate';

export const extendDeadline: ActionRule<ExtendDeadline> = {
  guard(state, g) {
    requireOpenCase(state);
    const allowed =
      g.actor.role === 'secretariat' ||
      appointedNeutrals(state).some((n) => n.userId === g.actor.userId && n.role === g.actor.role);
    if (!allowed) {
      throw forbidden('wrong_role', {
        en: 'Only the secretariat or a neutral appointed on this case can extend a deadline.',
        nl: 'Alleen het secretariaat of een in deze zaak benoemde mediator, adviseur of arbiter kan een termijn verlengen.',
      });
    }
    if (!state.deadlines.some((d) => d.status === 'open')) {
      throw conflict('no_open_deadline', {
        en: 'No deadline is open on this case; there is nothing to extend.',
        nl: 'Er loopt geen termijn in deze zaak. Er valt niets te verlengen.',
      });
    }
  },
  decide(c, state, ctx) {
    const deadline = state.deadlines.find((d) => d.deadlineId === c.deadlineId);
    if (!deadline) {
      throw invalid('deadlineId', 'unknown_deadline', {
        en: `There is no deadline ${c.deadlineId} on this case.`,
        nl: `Er is geen termijn ${c.deadlineId} in deze zaak.`,
      });
    }
    if (deadline.status !== 'open') {
      throw conflict('deadline_not_open', {
        en: `Deadline ${c.deadlineId} is ${deadline.status}; only an open deadline can be extended.`,
        nl: `Termijn ${c.deadlineId} loopt niet meer. Alleen een lopende termijn kan worden verlengd.`,
      });
    }
    // An extension gives more time: never shorter, never in the past.
    const dueAt = requireInstantAfter(c.dueDate, deadline.dueAt, 'dueDate', 'the current due date');
    if (instant(dueAt) <= instant(ctx.now)) {
      throw invalid('dueDate', 'not_in_future', { en: 'The new due date must lie in the future.', nl: 'De nieuwe einddatum moet in de toekomst liggen.' });
    }
    const reason = requireText(c.reason, 'reason', 'A reason for the extension');
    return [
      { type: 'DeadlineExtended', data: { deadlineId: deadline.deadlineId, previousDueAt: deadline.dueAt, dueAt, reason, occurredAt: ctx.now } },
    ];
  },
};

/**
 * The scheduler's command. It is refused unless the deadline is open and past due, so retried or
 * concurrent schedulers record each deadline as missed exactly once (the second sees it missed).
 * A missed deadline acts (rules 8 and 17): the consequence is decided here, with the miss.
 */
export const recordDeadlineMissed: ActionRule<RecordDeadlineMissed> = {
  guard(state, g) {
    // An invoice can be overdue on a closed case (fees follow the case, not its status).
    requireExists(state);
    requireRole(g, ['system'], 'the deadline scheduler');
  },
  decide(c, state, ctx) {
    const deadline = state.deadlines.find((d) => d.deadlineId === c.deadlineId);
    if (!deadline) {
      throw invalid('deadlineId', 'unknown_deadline', {
        en: `There is no deadline ${c.deadlineId} on this case.`,
        nl: `Er is geen termijn ${c.deadlineId} in deze zaak.`,
      });
    }
    if (deadline.kind !== 'fee_payment') requireOpenCase(state);
    if (deadline.status !== 'open') {
      throw conflict('deadline_not_open', { en: `Deadline ${c.deadlineId} is already ${deadline.status}.`, nl: `Termijn ${c.deadlineId} is al afgesloten.` });
    }
    if (instant(ctx.now) < instant(deadline.dueAt)) {
      throw conflict('deadline_not_due', {
        en: `Deadline ${c.deadlineId} is due at ${deadline.dueAt}; it cannot be missed before then.`,
        nl: `Termijn ${c.deadlineId} loopt tot ${dutchDate(deadline.dueAt)}. Eerder kan die niet verstrijken.`,
      });
    }
    // Rule 13: a challenge period that passes unused lapses; nobody missed anything.
    if (!isMissable(deadline)) {
      return [
        { type: 'ChallengePeriodEnded', data: { deadlineId: deadline.deadlineId, dueAt: deadline.dueAt, used: challengePeriodUsed(state), occurredAt: ctx.now } },
      ];
    }
    const missed: DisputeEvent = {
      type: 'DeadlineMissed',
      data: { deadlineId: deadline.deadlineId, kind: deadline.kind, dueAt: deadline.dueAt, occurredAt: ctx.now },
    };
    return [missed, ...consequences(deadline, state, ctx)];
  },
};

/** What a missed deadline of each kind brings about (rules 8 and 17). */
const consequences = (deadline: Deadline, state: DisputeState, ctx: DecisionContext): DisputeEvent[] => {
  const now = ctx.now;
  switch (deadline.kind) {
    case 'escalation':
      // Nobody asked to escalate in time: the mediation ends the case without resolution.
      return state.status === 'mediation_ended'
        ? [{ type: 'DisputeClosedWithoutResolution', data: { reason: 'escalation_deadline_missed', occurredAt: now } }]
        : [];
    case 'escalation_answer': {
      // Rule 8: silence is not consent.
      const pending = state.pendingEscalation;
      if (!pending || state.status !== 'mediation_ended') return [];
      const silent = escalationStillToAnswer(state)[0];
      return [
        {
          type: 'EscalationDeclined',
          data: { side: otherSide(pending.side), reason: 'no_answer', ...(silent ? { respondentOrganisationId: silent } : {}), occurredAt: now },
        },
      ];
    }
    case 'respondent_answer':
      return respondentsSilent(state, ctx);
    case 'continuation':
      // The claimant did not choose to go on against the respondents who accepted: silence is not consent.
      return (state.releasedRespondentIds ?? []).length > 0 && (state.status === 'awaiting_respondent' || state.status === 'route_negotiation')
        ? [{ type: 'DisputeWithdrawn', data: { reason: 'no_continuation', occurredAt: now } }]
        : [];
    case 'information': {
      if (state.status !== 'awaiting_information') return [];
      // Rule 17: stalled in the secretariat's queue; closed as incomplete 7 days after the due date.
      const graceDeadline = newDeadline('information_grace', state, ctx, addDays(deadline.dueAt, ctx.policies.deadlineDays.information_grace));
      return [{ type: 'CaseStalled', data: { graceDeadline, occurredAt: now } }];
    }
    case 'information_grace':
      return state.status === 'awaiting_information'
        ? [
            {
              type: 'DisputeDeclaredInadmissible',
              data: {
                reason: 'incomplete',
                explanation:
                  `De gevraagde informatie is niet ontvangen, ook niet in de week na de termijn (tot ${dutchDate(deadline.dueAt)}). ` +
                  'De zaak is daarom gesloten als onvolledig. U kunt een nieuwe zaak indienen met de volledige informatie.',
                occurredAt: now,
              },
            },
          ]
        : [];
    case 'fee_payment': {
      const invoice = state.invoices.find((i) => paymentDeadlineId(i.invoiceId) === deadline.deadlineId);
      return invoice && !invoice.paid
        ? [{ type: 'FeeOverdue', data: { invoiceId: invoice.invoiceId, organisationId: invoice.organisationId, amountCents: invoice.amountCents, occurredAt: now } }]
        : [];
    }
    default:
      // A missed statement of defence is only recorded: the panel may decide on the file (rule 14).
      return [];
  }
};

/** Rule 8: every respondent that has not agreed to the route on the table by the deadline declines. */
const respondentsSilent = (state: DisputeState, ctx: DecisionContext): DisputeEvent[] => {
  if (state.status !== 'awaiting_respondent' && state.status !== 'route_negotiation') return [];
  const silent = respondentsStillToAnswer(state);
  const left = remainingRespondents(state).filter((o) => !silent.includes(o));
  if (silent.length === 0) {
    // Everyone answered, some declined, and the claimant let the answer deadline pass without going on.
    return (state.releasedRespondentIds ?? []).length > 0
      ? [{ type: 'DisputeWithdrawn', data: { reason: 'no_continuation', occurredAt: ctx.now } }]
      : [];
  }
  return silent.map((org, i) => {
    const last = i === silent.length - 1;
    const continuationDeadline = last && left.length > 0 ? newDeadline('continuation', state, ctx) : undefined;
    return {
      type: 'SubmissionDeclined',
      data: {
        reason: 'no_answer',
        respondentOrganisationId: org,
        caseDeclined: last && left.length === 0,
        ...(continuationDeadline ? { continuationDeadline } : {}),
        occurredAt: ctx.now,
      },
    } satisfies DisputeEvent;
  });
};
