import type { DisputeEvent } from '../../../../../libs/domain/src';
import type { StoredEvent } from '../../../../../libs/event-store/src/port';

export const DISPUTE_STREAM_PREFIX = 'dispute-';
export const disputeStreamId = (disputeId: string): string => `${DISPUTE_STREAM_PREFIX}${disputeId}`;

/** Current shape of every event's data; upcasters (a later issue) lift older ones. */
export const EVENT_SCHEMA_VERSION = 1;

export const toDomainEvent = (e: StoredEvent): DisputeEvent => ({ type: e.type, data: e.data }) as DisputeEvent;
