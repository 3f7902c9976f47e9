import type { Deadline, DisputeState } from '../../domain/src';
import { audience, PARTIES, sideOfUser, type RecipientIndex } from './audience';
import type { Notice } from './notice';

/** Deadlines someone must act on; a challenge period is a right, not a duty, so it gets no reminder. */
const REMINDED_KINDS: readonly Deadline['kind'][] = ['information', 'respondent_answer', 'statement_of_defence', 'escalation', 'escalation_answer', 'continuation', 'information_grace'];

export const isRemindable = (deadline: Deadline): boolean => deadline.status === 'open' && REMINDED_KINDS.includes(deadline.kind);

/**
 * The reminder due now for one open deadline: the smallest offset (in days before the due time)
 * already reached, or none. Offsets already passed when a smaller one is reached are skipped:
 * one reminder, not a burst, after a pause of the notifier.
 */
export function reminderOffsetDue(deadline: Deadline, now: Date, offsetsDays: readonly number[]): number | undefined {
  const due = Date.parse(deadline.dueAt);
  if (!(due > now.getTime())) return undefined;
  const reached = offsetsDays.filter((days) => due - days * 86_400_000 <= now.getTime());
  return reached.length > 0 ? Math.min(...reached) : undefined;
}

/** Reminders to whoever must act on the deadline (the side it belongs to; both sides when it has none). */
export function decideReminder(state: DisputeState, deadline: Deadline, offsetDays: number, now: Date, index: RecipientIndex): Notice[] {
  const users = audience(state, PARTIES, index, (u) => deadline.side === undefined || sideOfUser(state, u) === deadline.side);
  return users.map((user) => ({
    key: `reminder:${state.disputeId}:${deadline.deadlineId}:${deadline.dueAt}:${offsetDays}:${user.id}`,
    kind: 'deadline_reminder' as const,
    userId: user.id,
    disputeId: state.disputeId,
    at: now.toISOString(),
    facts: {
      caseNumber: state.caseNumber,
      status: state.status,
      side: sideOfUser(state, user),
      deadlineKind: deadline.kind,
      dueAt: deadline.dueAt,
      offsetDays,
    },
  }));
}
