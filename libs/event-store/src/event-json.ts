// Serialisation shared by the table-based adapters (sqlite, postgres): data and metadata are stored
// as the exact JSON text JSON.stringify produced, so they round-trip faithfully.

/** Serialises an event's data or metadata; rejects what is not a JSON object (a caller bug). */
export function toJsonObject(what: string, value: unknown): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`Event ${what} must be a JSON object`);
  }
  return JSON.stringify(value);
}
