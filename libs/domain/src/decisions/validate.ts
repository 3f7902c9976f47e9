import { invalid } from '../errors';
import { instant } from '../deadlines';

// Checks of command values: each refusal names the field so the API can answer 400 precisely.

export const requireText = (value: unknown, field: string, what: string): string => {
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalid(field, 'required', `${what} is required; it cannot be empty.`);
  }
  return value;
};

export const requireOneOf = <T extends string>(value: unknown, allowed: readonly T[], field: string): T => {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalid(field, 'unknown_value', `${field} must be one of: ${allowed.join(', ')}.`);
  }
  return value as T;
};

export const isNonNegativeInteger = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** A valid instant strictly after `after`; returns it normalised to ISO 8601 UTC. */
export const requireInstantAfter = (value: unknown, after: string, field: string, afterWhat: string): string => {
  const t = typeof value === 'string' ? instant(value) : Number.NaN;
  if (Number.isNaN(t)) {
    throw invalid(field, 'not_a_date', `${field} must be a date-time in ISO 8601, e.g. 2025-03-01T12:00:00Z.`);
  }
  if (t <= instant(after)) {
    throw invalid(field, 'not_in_future', `${field} must be after ${afterWhat} (${after}); choose a later date.`);
  }
  return new Date(t).toISOString();
};

export const requireFreshId = (value: unknown, existing: readonly string[], field: string, what: string): string => {
  const id = requireText(value, field, what);
  if (existing.includes(id)) throw invalid(field, 'duplicate_id', `${what} ${id} already exists on this case; use a new id.`);
  return id;
};
