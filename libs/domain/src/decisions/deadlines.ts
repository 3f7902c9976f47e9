import type { ExtendDeadline, RecordDeadlineMissed } from '../commands';
import { instant, isMissable } from '../deadlines';
import { challengePeriodUsed } from '../evolve';
import { conflict, forbidden, invalid } from '../errors';
import type { DisputeEvent } from '../events';
import { appointedNeutrals } from '../sides';
import { requireOpenCase, requireRole } from './guards';
import type { ActionRule } from './rule';
import { requireInstantAfter, requireText } from './validate';

export const extendDeadline: ActionRule<ExtendDeadline> = {
  guard(state, g) {
    requireOpenCase(state);
    const allowed =
      g.actor.role === 'secretariat' ||
      appointedNeutrals(state).some((n) => n.userId === g.actor.userId && n.role === g.actor.role);
    if (!allowed) throw forbidden('wrong_role', 'Only the secretariat or a neutral appointed on this case can extend a deadline.');
    if (!state.deadlines.some((d) => d.status === 'open')) {
      throw conflict('no_open_deadline', 'No deadline is open on this case; there is nothing to extend.');
    }
  },
  decide(c, state, ctx) {
    const deadline = state.deadlines.find((d) => d.deadlineId === c.deadlineId);
    if (!deadline) throw invalid('deadlineId', 'unknown_deadline', `There is no deadline ${c.deadlineId} on this case.`);
    if (deadline.status !== 'open') {
      throw conflict('deadline_not_open', `Deadline ${c.deadlineId} is ${deadline.status}; only an open deadline can be extended.`);
    }
    // An extension gives more time: never shorter, never in the past.
    const dueAt = requireInstantAfter(c.dueDate, deadline.dueAt, 'dueDate', 'the current due date');
    if (instant(dueAt) <= instant(ctx.now)) {
      throw invalid('dueDate', 'not_in_future', 'The new due date must lie in the future.');
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
 */
export const recordDeadlineMissed: ActionRule<RecordDeadlineMissed> = {
  guard(state, g) {
    requireOpenCase(state);
    requireRole(g, ['system'], 'the deadline scheduler');
  },
  decide(c, state, ctx) {
    const deadline = state.deadlines.find((d) => d.deadlineId === c.deadlineId);
    if (!deadline) throw invalid('deadlineId', 'unknown_deadline', `There is no deadline ${c.deadlineId} on this case.`);
    if (deadline.status !== 'open') throw conflict('deadline_not_open', `Deadline ${c.deadlineId} is already ${deadline.status}.`);
    if (instant(ctx.now) < instant(deadline.dueAt)) {
      throw conflict('deadline_not_due', `Deadline ${c.deadlineId} is due at ${deadline.dueAt}; it cannot be missed before then.`);
    }
    // Rule 13: a challenge period that passes unused lapses; nobody missed anything.
    if (!isMissable(deadline)) {
      return [
        { type: 'ChallengePeriodEnded', data: { deadlineId: deadline.deadlineId, dueAt: deadline.dueAt, used: challengePeriodUsed(state), occurredAt: ctx.now } },
      ];
    }
    const events: DisputeEvent[] = [
      { type: 'DeadlineMissed', data: { deadlineId: deadline.deadlineId, kind: deadline.kind, dueAt: deadline.dueAt, occurredAt: ctx.now } },
    ];
    // Nobody asked to escalate in time: the mediation ends the case without resolution.
    if (deadline.kind === 'escalation' && state.status === 'mediation_ended') {
      events.push({ type: 'DisputeClosedWithoutResolution', data: { reason: 'escalation_deadline_missed', occurredAt: ctx.now } });
    }
    return events;
  },
};
