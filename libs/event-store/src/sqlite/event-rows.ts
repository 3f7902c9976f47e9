// Mapping between the events table and the port's types. JSON text keeps data and metadata
// faithful (numbers, nesting, unicode) and readable with sqlite's json_* functions.
import type { EventMetadata, StoredEvent } from '../port';

export interface EventRow {
  position: number;
  id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
  /** Chain columns: only selected where the chain is checked (reads of one stream). */
  hash?: string | null;
  previous_hash?: string | null;
}

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    id: row.id,
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    type: row.type,
    data: JSON.parse(row.data) as Record<string, unknown>,
    metadata: JSON.parse(row.metadata) as EventMetadata,
    recordedAt: row.recorded_at,
  };
}

export { toCanonicalJsonObject, toJsonObject } from '../event-json';
