// The hash chain of a stream (docs/tamper-evident-history.md has the definition an outsider can
// recompute). Two steps, so PostgreSQL can compute the link inside its append function:
// 1. contentHash: SHA-256 over the RFC 8785 (JCS) encoding of {id, type, data, metadata}, computed
//    by the process that appends (JCS needs ECMAScript number formatting, which SQL lacks);
// 2. hash: SHA-256 over the JCS encoding of {contentHash, previousHash, recordedAt, revision,
//    streamId}, a flat object of strings and one integer that SQL can also write byte for byte.
import { hash } from 'node:crypto';
import { canonicalJson, jsonString } from './canonical-json';

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

/**
 * JCS of the event's content, built from the JCS texts of its data and metadata: the keys data, id,
 * metadata, type are already in sorted order, so no second serialisation of the whole is needed.
 * With canonical texts (canonicalJson) this is exactly JCS({ id, type, data, metadata }).
 */
export function contentText(id: string, type: string, dataText: string, metadataText: string): string {
  return `{"data":${dataText},"id":${jsonString(id)},"metadata":${metadataText},"type":${jsonString(type)}}`;
}

/** The content hash of an event whose data and metadata are already JCS texts (as the SQL stores keep them). */
export function contentHashOfTexts(id: string, type: string, dataText: string, metadataText: string): string {
  return sha256Hex(contentText(id, type, dataText, metadataText));
}

/** The content hash of an event. Throws TypeError on what JSON cannot carry faithfully (NaN, Infinity). */
export function contentHash(content: ChainContent): string {
  return contentHashOfTexts(content.id, content.type, canonicalJson(content.data), canonicalJson(content.metadata));
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
    `{"contentHash":${jsonString(link.contentHash)},"previousHash":${link.previousHash === null ? 'null' : jsonString(link.previousHash)}` +
    `,"recordedAt":${jsonString(link.recordedAt)},"revision":${String(link.revision)},"streamId":${jsonString(link.streamId)}}`
  );
}

/** The chain hash of one event. */
export function linkHash(link: ChainLink): string {
  return sha256Hex(linkText(link));
}
