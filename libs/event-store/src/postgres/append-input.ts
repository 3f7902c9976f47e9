// The append function's input for one caller (schema.ts): validated and serialised in the process,
// in two steps. `prepareAppends` runs once per call: it checks the events, writes data and metadata
// as the JCS text that is stored and hashed, and computes each content hash. `callerInput` links the
// events to the heads the process knows (it runs again if another writer moved a head meanwhile) and
// writes the JSON the function reads.
import { randomUUID } from 'node:crypto';
import { DuplicateEventIdError } from '../duplicate-event-id-error';
import { toCanonicalJsonObject, toJsonObject } from '../event-json';
import { ExpectedVersion, StreamAppend } from '../port';
import { assertStreamId } from '../validation';
import { contentHashOfTexts, linkHash } from '../chain/event-hash';
import type { StreamHead } from './stream-heads';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One event, serialised: the JSON pieces of the function's input. */
interface PreparedEvent {
  /** `"i":…,"t":…,"d":…,"m":…`: id, type, and data and metadata as JSON strings of their text. */
  fields: string;
  /** The content hash (chain only). */
  contentHash: string;
}

export interface PreparedAppend {
  streamId: string;
  expectedVersion: ExpectedVersion;
  eventIds: string[];
  events: PreparedEvent[];
}

/**
 * Validates and serialises one caller's appends before anything is queued, so a bad event never
 * reaches the group transaction (caller bugs throw TypeError/RangeError/DuplicateEventIdError here).
 */
export function prepareAppends(appends: StreamAppend[], withChain: boolean): PreparedAppend[] {
  if (!Array.isArray(appends)) throw new TypeError('appends must be an array');
  const seenIds = new Set<string>();
  return appends.map(({ streamId, expectedVersion, events }) => {
    assertStreamId(streamId);
    // PostgreSQL text cannot hold U+0000 (data and metadata can: they stay escaped JSON).
    if (streamId.includes('\u0000')) throw new TypeError('streamId must not contain U+0000');
    if (!Array.isArray(events)) throw new TypeError('events must be an array');
    const eventIds: string[] = [];
    const prepared = events.map((event): PreparedEvent => {
      if (typeof event.type !== 'string' || event.type === '' || event.type.includes('\u0000')) {
        throw new TypeError('Event type must be a non-empty string without U+0000');
      }
      const id = eventId(event.id);
      // Two events of one call with the same id: the second insert would fail; say so up front.
      if (seenIds.has(id)) throw new DuplicateEventIdError(id);
      seenIds.add(id);
      eventIds.push(id);
      // Data and metadata travel as JSON strings; see the append function's input in schema.ts.
      if (!withChain) {
        const [data, metadata] = [toJsonObject('data', event.data), toJsonObject('metadata', event.metadata)];
        return { fields: eventFields(id, event.type, data, metadata), contentHash: '' };
      }
      // Stored as the canonical (JCS) text the chain hashes (json keeps the text as is), so each
      // event is serialised once.
      const data = toCanonicalJsonObject('data', event.data);
      const metadata = toCanonicalJsonObject('metadata', event.metadata);
      return { fields: eventFields(id, event.type, data, metadata), contentHash: contentHashOfTexts(id, event.type, data, metadata) };
    });
    return { streamId, expectedVersion, eventIds, events: prepared };
  });
}

/**
 * The streams whose head the links need: the first append to each stream in the call, unless it
 * expects no stream (then there is no head). Later appends to the same stream in the call continue
 * from the earlier one.
 */
export function streamsNeedingHeads(appends: readonly PreparedAppend[]): { streamId: string; expectedVersion: ExpectedVersion }[] {
  const seen = new Set<string>();
  const needed: { streamId: string; expectedVersion: ExpectedVersion }[] = [];
  for (const { streamId, expectedVersion } of appends) {
    if (seen.has(streamId)) continue;
    seen.add(streamId);
    if (expectedVersion === 'no_stream' || expectedVersion === -1) continue;
    needed.push({ streamId, expectedVersion });
  }
  return needed;
}

export interface CallerInput {
  json: string;
  /** Each stream's head after this call commits (chain only): the cache's next entries. */
  headsAfter: Map<string, StreamHead>;
}

/**
 * The function's input for one caller. Without the chain: the events as they are. With the chain:
 * each append names the head it extends (`b` its revision, `p` its hash, checked under the lock)
 * and the time recorded (`r`), and each event carries its link (`h`) and the link before it (`q`).
 * `heads` holds the head of every stream streamsNeedingHeads named (undefined: no such stream).
 */
export function callerInput(
  appends: readonly PreparedAppend[],
  withChain: boolean,
  heads: ReadonlyMap<string, StreamHead | undefined>,
  now: string,
): CallerInput {
  const headsAfter = new Map<string, StreamHead>();
  const parts = appends.map((append) => {
    const head = `{"s":${JSON.stringify(append.streamId)},"e":${expectedVersionJson(append.expectedVersion)}`;
    if (!withChain) return `${head},"ev":[${append.events.map((e) => `{${e.fields}}`).join(',')}]}`;
    const known = headsAfter.has(append.streamId);
    const base = known ? headsAfter.get(append.streamId) : heads.get(append.streamId);
    // A stream's recorded times never go backwards, even if this process's clock is behind the
    // one that recorded the head.
    const recordedAt = base !== undefined && base.recordedAt > now ? base.recordedAt : now;
    let previousHash = base?.hash ?? null;
    let revision = base?.revision ?? -1;
    const events = append.events.map((event) => {
      revision += 1;
      const hash = linkHash({ streamId: append.streamId, revision, recordedAt, contentHash: event.contentHash, previousHash });
      const json = `{${event.fields},"h":"${hash}","q":${previousHash === null ? 'null' : `"${previousHash}"`}}`;
      previousHash = hash;
      return json;
    });
    if (revision >= 0)
      headsAfter.set(append.streamId, {
        revision,
        hash: previousHash,
        recordedAt: events.length > 0 ? recordedAt : (base?.recordedAt ?? recordedAt),
      });
    // b and p: the head this append extends. For a stream an earlier append of this call extends,
    // the function does not check them (it continues from that append).
    const pin = `"b":${base === undefined ? 'null' : String(base.revision)},"p":${base === undefined || base.hash === null ? 'null' : `"${base.hash}"`}`;
    return `${head},${pin},"r":"${recordedAt}","ev":[${events.join(',')}]}`;
  });
  return { json: `[${parts.join(',')}]`, headsAfter };
}

function eventFields(id: string, type: string, data: string, metadata: string): string {
  return `"i":"${id}","t":${JSON.stringify(type)},"d":${JSON.stringify(data)},"m":${JSON.stringify(metadata)}`;
}

/** The id column is a uuid: a caller-supplied id must be one (stored and returned in lower case). */
function eventId(id: string | undefined): string {
  if (id === undefined) return randomUUID();
  if (typeof id !== 'string' || !UUID.test(id)) throw new TypeError(`Event id must be a UUID, got ${String(id)}`);
  return id.toLowerCase();
}

/** Anything that is neither a known keyword nor a safe integer can never match: a conflict, as in SQLite. */
function expectedVersionJson(expected: ExpectedVersion): string {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return `"${expected}"`;
  if (Number.isSafeInteger(expected)) return String(expected);
  return '"never"';
}
