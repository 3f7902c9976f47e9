// Which streams this adapter owns. KurrentDB's $all holds every stream of the database: system
// streams ($-prefixed), other applications' streams, our own. The adapter reads and subscribes
// only to its own prefixes, filtered on the server (streamNameFilter), so foreign events never
// cross the network, and it refuses to write or read a stream outside them.
import { streamNameFilter, type Filter } from '@kurrent/kurrentdb-client';

/**
 * The application's streams: cases (`dispute-<id>`), the yearly case-number registries, the
 * directory (`directory-org-<id>`, `directory-user-<id>`) and the answers of idempotent commands
 * (`idempotency-<hash>`, appended with the command's events in one multi-stream append), and the
 * signed checkpoints of the hash chains (`chain-checkpoints`, see chain/checkpoint.ts).
 */
export const DEFAULT_STREAM_PREFIXES: readonly string[] = ['dispute-', 'case-numbers-', 'directory-', 'idempotency-', 'chain-checkpoints'];

/** Validated, de-duplicated prefixes. System streams ('$…') are never ours. */
export function validateStreamPrefixes(prefixes: readonly string[]): string[] {
  if (!Array.isArray(prefixes) || prefixes.length === 0) {
    throw new TypeError('streamPrefixes must be a non-empty list of stream-name prefixes');
  }
  for (const prefix of prefixes) {
    if (typeof prefix !== 'string' || prefix.length === 0) {
      throw new TypeError(`streamPrefixes must be non-empty strings, got ${JSON.stringify(prefix)}`);
    }
    if (prefix.startsWith('$')) {
      throw new TypeError(`streamPrefixes must not name system streams ('$…'), got ${JSON.stringify(prefix)}`);
    }
  }
  return [...new Set(prefixes)];
}

export function isOwnedStream(owned: readonly string[], streamId: string): boolean {
  return !streamId.startsWith('$') && owned.some((prefix) => streamId.startsWith(prefix));
}

/**
 * The prefixes to ask the server for when a caller narrows a read to `requested`: the requested
 * prefix itself when it lies inside one of ours, else those of ours that lie inside it. [] means
 * nothing the caller asked for is ours.
 */
export function scopePrefixes(owned: readonly string[], requested: string | undefined): string[] {
  if (requested === undefined || requested === '') return [...owned];
  if (owned.some((prefix) => requested.startsWith(prefix))) return [requested];
  return owned.filter((prefix) => prefix.startsWith(requested));
}

/** The server-side filter for those prefixes. */
export function prefixFilter(prefixes: readonly string[]): Filter {
  if (prefixes.length === 0) throw new RangeError('A stream-name filter needs at least one prefix');
  return streamNameFilter({ prefixes: [...prefixes] });
}
