// Our events to the client's EventData and the server's records back to StoredEvents.
import { randomUUID } from 'node:crypto';
import { jsonEvent, type EventData, type JSONEventType, type Position } from '@kurrent/kurrentdb-client';
import type { EventMetadata, NewEvent, StoredEvent } from '../port';
import {
  CHAIN_PROPERTY,
  packChainLink,
  readChainLink,
  withoutChainProperty,
  type ChainReading,
  type KurrentChainLink,
} from './chain-metadata';
import { encodeLogPosition } from './log-position';

/**
 * Multi-stream appends carry metadata as a map of string properties, from which the server
 * synthesises the JSON metadata that reads return (with properties of its own beside ours). Our
 * metadata is nested JSON (actor), so it travels as one JSON string under this key and is unpacked
 * on read; single-stream appends store it as plain JSON.
 */
export const METADATA_PROPERTY = 'gzc-metadata';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Validates one event and gives it its id (a fresh UUID when absent), so its content can be hashed before it is sent. */
export function withValidId(event: NewEvent): NewEvent & { id: string } {
  if (typeof event.type !== 'string' || event.type === '') throw new TypeError('Event type must be a non-empty string');
  if (event.type.startsWith('$')) throw new TypeError(`Event type ${event.type} is reserved for system events`);
  assertJsonObject('data', event.data);
  assertJsonObject('metadata', event.metadata);
  if (CHAIN_PROPERTY in event.metadata) throw new TypeError(`Event metadata must not contain ${CHAIN_PROPERTY}: the store writes it`);
  const id = event.id ?? randomUUID();
  if (!UUID.test(id)) throw new TypeError(`Event id must be a UUID (KurrentDB stores ids as UUIDs), got ${id}`);
  return { ...event, id };
}

/**
 * The client's JSON event (plain metadata or the packed form), with the event's chain link beside
 * the caller's metadata when given.
 */
export function toEventData(event: NewEvent, packMetadata: boolean, link?: KurrentChainLink): EventData<JSONEventType> {
  const { id } = withValidId(event);
  const chain = link === undefined ? {} : { [CHAIN_PROPERTY]: packChainLink(link, packMetadata) };
  const metadata = packMetadata ? { [METADATA_PROPERTY]: JSON.stringify(event.metadata), ...chain } : { ...event.metadata, ...chain };
  return jsonEvent({ id, type: event.type, data: event.data, metadata });
}

/** The record fields the mapping needs; both stream reads and $all reads provide them. */
export interface RecordedLike {
  id: string;
  streamId: string;
  revision: bigint;
  type: string;
  isJson: boolean;
  data: unknown;
  metadata?: unknown;
  created: Date;
  position?: Position;
}

/**
 * A stored record as the port's event. Throws for a record it cannot represent faithfully (not
 * JSON, no log position): such a record in our streams was not written by this adapter, and
 * passing it on half-read would corrupt projections.
 */
export function toStoredEvent(record: RecordedLike): StoredEvent {
  return toChainedEvent(record).event;
}

/**
 * The port's event and what its metadata says about its chain link. The recorded time is the one
 * the link was hashed with when there is one, else the server's.
 */
export function toChainedEvent(record: RecordedLike): { event: StoredEvent; chain: ChainReading } {
  if (!record.isJson || !isPlainObject(record.data)) {
    throw new TypeError(`Event ${record.id} in ${record.streamId} is not a JSON object; this adapter only reads its own events`);
  }
  if (!record.position) {
    throw new TypeError(`Event ${record.id} in ${record.streamId} has no log position (KurrentDB/EventStoreDB 22.6 or later is required)`);
  }
  const chain = readChainLink(record.metadata);
  const event: StoredEvent = {
    id: record.id,
    streamId: record.streamId,
    revision: Number(record.revision),
    position: encodeLogPosition(record.position),
    type: record.type,
    data: record.data,
    metadata: unpackMetadata(record.metadata),
    recordedAt: chain.kind === 'linked' ? chain.link.recordedAt : record.created.toISOString(),
  };
  return { event, chain };
}

export function unpackMetadata(metadata: unknown): EventMetadata {
  if (!isPlainObject(metadata)) return {} as EventMetadata;
  const packed = metadata[METADATA_PROPERTY];
  if (typeof packed === 'string') {
    const parsed: unknown = JSON.parse(packed);
    if (isPlainObject(parsed)) return parsed as EventMetadata;
  }
  return withoutChainProperty(metadata) as EventMetadata;
}

function assertJsonObject(name: string, value: unknown): void {
  if (!isPlainObject(value)) throw new TypeError(`Event ${name} must be a plain JSON object`);
  try {
    JSON.stringify(value);
  } catch (error) {
    throw new TypeError(`Event ${name} cannot be serialised as JSON: ${(error as Error).message}`, { cause: error });
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
