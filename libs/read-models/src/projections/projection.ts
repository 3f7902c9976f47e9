import type { EntityManager } from 'typeorm';
import { disputeIdOf, isDisputeStream } from '../../../domain/src';
import type { StoredEvent } from '../../../event-store/src/port';

/**
 * A read model fed from the global log. The engine calls `apply` inside the transaction that also
 * moves this projection's checkpoint, with only dispute-stream events it has not applied yet;
 * `apply` must write through `manager` alone, with unqualified table names (a rebuild runs it
 * against fresh tables elsewhere), and must not start transactions of its own.
 */
export interface Projection {
  readonly name: string;
  /** Read-model tables this projection alone writes; a rebuild replays into fresh copies and swaps them in. */
  readonly tables: readonly string[];
  apply(events: StoredEvent[], manager: EntityManager): Promise<void>;
}

export const isDisputeEvent = (event: StoredEvent): boolean => isDisputeStream(event.streamId);

/** Groups a batch by dispute, keeping each dispute's events in log order. */
export function groupByDispute(events: StoredEvent[]): Map<string, StoredEvent[]> {
  const groups = new Map<string, StoredEvent[]>();
  for (const event of events) {
    const disputeId = disputeIdOf(event.streamId);
    const group = groups.get(disputeId);
    if (group) group.push(event);
    else groups.set(disputeId, [event]);
  }
  return groups;
}

/** UTC ISO 8601 with milliseconds, so that text comparison in SQL is time comparison. */
export function normaliseInstant(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

/** SQLite caps bound parameters per statement; inserting in slices keeps any batch size safe. */
export function chunk<T>(items: T[], size = 100): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
