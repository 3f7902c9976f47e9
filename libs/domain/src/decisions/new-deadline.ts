import type { DecisionContext } from '../context';
import { deadlineDueAt } from '../deadlines';
import type { DeadlineRef } from '../events';
import type { DisputeState } from '../state';
import type { DeadlineKind } from '../vocabulary';

/** Policy length of a deadline of `kind`; halved (rounded up) for an urgent case. */
export const deadlineDaysFor = (
  kind: DeadlineKind,
  state: Pick<DisputeState, 'urgent'>,
  ctx: Pick<DecisionContext, 'policies'>,
): number => {
  const days = ctx.policies.deadlineDays[kind];
  // Urgency speeds up the procedure, not the payment of invoices.
  return state.urgent && kind !== 'fee_payment' ? Math.ceil(days / 2) : days;
};

/**
 * A new deadline of `kind`, due at the end of the Dutch day the policy's days from now (rule 21)
 * unless `dueAt` is given. Its id is
 * `${kind}-${n}` with n the 1-based count of deadlines of that kind on the case: deterministic,
 * so deciding twice on the same state yields the same events.
 */
export const newDeadline = (
  kind: DeadlineKind,
  state: DisputeState,
  ctx: Pick<DecisionContext, 'policies' | 'now'>,
  dueAt?: string,
): DeadlineRef => ({
  deadlineId: `${kind}-${state.deadlines.filter((d) => d.kind === kind).length + 1}`,
  kind,
  dueAt: dueAt ?? deadlineDueAt(ctx.now, deadlineDaysFor(kind, state, ctx)),
});
