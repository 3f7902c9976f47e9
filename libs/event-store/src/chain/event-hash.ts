// The hash chain of a stream (docs/tamper-evident-history.md has the definition an outsider can
// recompute). Two steps, so PostgreSQL can compute the link inside its append function:
// 1. contentHash: SHA-256 over the RFC 8785 (JCS) encoding of {id, type, data, metadata}, computed
//    by the process that appends (JCS needs ECMAScript number formatting, which SQL lacks);
// 2. hash: SHA-256 over the JCS encoding of {contentHash, previousHash, recordedAt, revision,
//    streamId}, a flat object of strings and one integer that SQL can also write byte for byte.
import { hash } from 'node:crypto';
import canonicalize from 'canonicalize';

export interface ChainContent {
  id: string;
  type: string;
  data: unknown;
  metadata: unknown;
}

export interface ChainLink {
  streamId: string;
  revision: number;
  /** ISO 8601 in UTC with milliseconds, exactly as the store reports `recordedAt`. */
  recordedAt: string;
  contentHash: string;
  /** Hash of the event at revision - 1; null for the first event of the stream. */
  previousHash: string | null;
}

/** One-shot crypto.hash: a third of createHash's CPU for inputs this small (Node >= 20.12). */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

/** JCS of the event's content. Throws TypeError on what JSON cannot carry faithfully (NaN, Infinity). */
export function contentHash(content: ChainContent): string {
  let canonical: string | undefined;
  try {
    canonical = canonicalize({ id: content.id, type: content.type, data: content.data, metadata: content.metadata });
  } catch (error) {
    throw new TypeError(`Event cannot be hashed: ${(error as Error).message}`, { cause: error });
  }
  if (canonical === undefined) throw new TypeError('Event cannot be hashed');
  return sha256Hex(canonical);
}

/**
 * The JCS text of a link, written directly: a flat object whose keys are already in sorted order,
 * strings escaped as JSON.stringify does (which is what JCS prescribes), an integer revision. The
 * same text PostgreSQL builds in its append function; equal to canonicalize() of the link (a
 * property test checks it) for less CPU, which the chain pays on every append.
 */
export function linkText(link: ChainLink): string {
  if (!Number.isSafeInteger(link.revision)) throw new TypeError(`revision must be an integer, got ${String(link.revision)}`);
  return (
    `{"contentHash":${JSON.stringify(link.contentHash)},"previousHash":${link.previousHash === null ? 'null' : JSON.stringify(link.previousHash)}` +
    `,"recordedAt":${JSON.stringify(link.recordedAt)},"revision":${String(link.revision)},"streamId":${JSON.stringify(link.streamId)}}`
  );
}

/** The chain hash of one event. */
export function linkHash(link: ChainLink): string {
  return sha256Hex(linkText(link));
}

/**
 * The content hash of an event about to be stored as `dataText`/`metadataText` (JSON.stringify of
 * data and metadata). It must equal contentHash() of the event as read back (parsed from that
 * text). canonicalize() of the caller's objects gives the same text in every case but one: a
 * function among the values, which JSON.stringify drops and canonicalize() writes as `undefined`.
 * So the fast path is taken unless the text contains `undefined`; then the stored text is parsed
 * first (half the cost of the chain on appends was that parse).
 */
export function contentHashForAppend(event: ChainContent, dataText: string, metadataText: string): string {
  let canonical: string | undefined;
  try {
    canonical = canonicalize({ id: event.id, type: event.type, data: event.data, metadata: event.metadata });
  } catch (error) {
    throw new TypeError(`Event cannot be hashed: ${(error as Error).message}`, { cause: error });
  }
  if (canonical !== undefined && !canonical.includes('undefined')) return sha256Hex(canonical);
  return contentHash({ id: event.id, type: event.type, data: JSON.parse(dataText), metadata: JSON.parse(metadataText) });
}
