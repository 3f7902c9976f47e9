// Where the hash chain lives on KurrentDB. The server has no columns of ours, so each event carries
// its link in its metadata, under one reserved property beside the application's metadata:
// { hash, previousHash, recordedAt, startsChain? }. The recorded time is the adapter's (the server
// assigns its own `created` after the append, which the appender cannot hash), so reads report it.
// The property is stripped on read: the port's metadata, and so the content hash, is the caller's.

/** The reserved metadata property; an event of the application may not use it. */
export const CHAIN_PROPERTY = 'gzc-chain';

export interface KurrentChainLink {
  hash: string;
  /** null at revision 0, and at the first chained event of a stream written before the chain. */
  previousHash: string | null;
  /** ISO 8601 UTC with milliseconds: the time the adapter hashed and reports as `recordedAt`. */
  recordedAt: string;
  /** Set on the first chained event of a stream whose earlier events were written without it. */
  startsChain?: true;
}

/** What a record says about its link: absent (written before the chain), valid, or unreadable. */
export type ChainReading = { kind: 'absent' } | { kind: 'linked'; link: KurrentChainLink } | { kind: 'malformed' };

const HEX_64 = /^[0-9a-f]{64}$/;
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The property's value as written: an object in plain metadata, a JSON string among packed string properties. */
export function packChainLink(link: KurrentChainLink, asString: boolean): KurrentChainLink | string {
  return asString ? JSON.stringify(link) : link;
}

/** Reads the link from a record's raw metadata (plain or packed). */
export function readChainLink(rawMetadata: unknown): ChainReading {
  if (typeof rawMetadata !== 'object' || rawMetadata === null || !(CHAIN_PROPERTY in rawMetadata)) return { kind: 'absent' };
  let value: unknown = (rawMetadata as Record<string, unknown>)[CHAIN_PROPERTY];
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return { kind: 'malformed' };
    }
  }
  if (typeof value !== 'object' || value === null) return { kind: 'malformed' };
  const { hash, previousHash, recordedAt, startsChain } = value as Record<string, unknown>;
  if (typeof hash !== 'string' || !HEX_64.test(hash)) return { kind: 'malformed' };
  if (previousHash !== null && (typeof previousHash !== 'string' || !HEX_64.test(previousHash))) return { kind: 'malformed' };
  if (typeof recordedAt !== 'string' || !ISO_MS.test(recordedAt)) return { kind: 'malformed' };
  // A chain start has no previous event to link to; any other flag value is not ours.
  if (startsChain !== undefined && (startsChain !== true || previousHash !== null)) return { kind: 'malformed' };
  return { kind: 'linked', link: { hash, previousHash, recordedAt, ...(startsChain ? { startsChain } : {}) } };
}

/** The metadata without the chain property. */
export function withoutChainProperty<T extends Record<string, unknown>>(metadata: T): T {
  if (!(CHAIN_PROPERTY in metadata)) return metadata;
  const rest = { ...metadata };
  delete rest[CHAIN_PROPERTY];
  return rest;
}
