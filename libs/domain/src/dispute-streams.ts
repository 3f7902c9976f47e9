import type { DisputeEvent } from './events';
import { upcast, type VersionedEvent } from './upcasting';

// Where a dispute's events live, shared by the write side and the projections: one definition,
// so a projection can never look for a dispute's events under another name than they were written.

export const DISPUTE_STREAM_PREFIX = 'dispute-';

export const disputeStreamId = (disputeId: string): string => `${DISPUTE_STREAM_PREFIX}${disputeId}`;

export const isDisputeStream = (streamId: string): boolean => streamId.startsWith(DISPUTE_STREAM_PREFIX);

export const disputeIdOf = (streamId: string): string => streamId.slice(DISPUTE_STREAM_PREFIX.length);

/**
 * A stored event of a dispute stream as the domain's event: its data lifted to the current shape
 * (upcasting.ts); metadata stays behind. An event written without its `occurredAt` (by hand or by
 * an outside tool) takes the time the store recorded it, so no reader of the log stalls on it.
 */
export const toDisputeEvent = (stored: VersionedEvent & { recordedAt?: string }): DisputeEvent => {
  const event = upcast(stored);
  if (event.data.occurredAt === undefined && stored.recordedAt !== undefined) {
    return { ...event, data: { ...event.data, occurredAt: stored.recordedAt } } as unknown as DisputeEvent;
  }
  return event as unknown as DisputeEvent;
};
