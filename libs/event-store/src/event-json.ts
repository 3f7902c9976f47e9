// Serialisation shared by the table-based adapters (sqlite, postgres): data and metadata are stored
// as exact JSON text, so they round-trip faithfully. With the hash chain that text is the RFC 8785
// (JCS) text the chain hashes, so each event is serialised once (chain/canonical-json.ts).
import { canonicalJson } from './chain/canonical-json';

/** Serialises an event's data or metadata; rejects what is not a JSON object (a caller bug). */
export function toJsonObject(what: string, value: unknown): string {
  assertJsonObject(what, value);
  return JSON.stringify(value);
}

/** As toJsonObject, as canonical JSON (keys sorted); throws TypeError for NaN and Infinity too. */
export function toCanonicalJsonObject(what: string, value: unknown): string {
  assertJsonObject(what, value);
  try {
    return canonicalJson(value);
  } catch (error) {
    throw new TypeError(`Event ${what} cannot be hashed: ${(error as Error).message}`, { cause: error });
  }
}

function assertJsonObject(what: string, value: unknown): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`Event ${what} must be a JSON object`);
  }
}
