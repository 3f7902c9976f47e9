import type { DisputeCommand } from '../../../../../libs/domain/src';
import type { StoredEvent } from '../../../../../libs/event-store/src/port';

// The causation rule of every event's metadata (docs/architecture.md, "Audit trail"):
// - events of a user's command are caused by the request: causationId = correlationId = request id;
// - a DeadlineMissed (and what follows from it) is caused by the event that set the deadline, or
//   by the last DeadlineExtended of it: the scan merely noticed that its time had come. Its
//   correlation id is the scan's own id.

/** The id of the event that set the deadline (or last moved it), found in the case's stream. */
export function deadlineCause(events: readonly StoredEvent[], deadlineId: string): string | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if (event.type === 'DeadlineExtended' && event.data.deadlineId === deadlineId) return event.id;
    // A deadline is set inside the event's data as a DeadlineRef: `deadline`, `challengeDeadline`, …
    for (const value of Object.values(event.data)) {
      if (value && typeof value === 'object' && (value as { deadlineId?: unknown }).deadlineId === deadlineId) return event.id;
    }
  }
  return undefined;
}

/** The causation id for the events a command records. */
export function causationFor(command: DisputeCommand, events: readonly StoredEvent[], fallback: string): string {
  if (command.type === 'record-deadline-missed') return deadlineCause(events, command.deadlineId) ?? fallback;
  return fallback;
}
