import { invalid } from '../errors';
import { instant } from '../deadlines';
import { dutchDateTime } from './describe';

/** What a person fills in, in Dutch, for the required-text message. */
const DUTCH_FIELD: Record<string, string> = {
  reason: 'een reden',
  summary: 'een samenvatting',
  questions: 'de vragen aan de indiener',
  answers: 'uw antwoorden',
  explanation: 'een uitleg voor de indiener',
  name: 'de naam van het document',
  mediaType: 'het soort bestand',
  grounds: 'de redenen voor de wraking',
  disputeId: 'het nummer van de zaak',
  claims: 'een omschrijving bij elke eis',
};

// Checks of command values: each refusal names the field so the API can answer 400 precisely.

export const requireText = (value: unknown, field: string, what: string): string => {
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalid(field, 'required', { en: `${what} is required; it cannot be empty.`, nl: `Vul ${DUTCH_FIELD[field] ?? field} in; dit mag niet leeg zijn.` });
  }
  return value;
};

export const requireOneOf = <T extends string>(value: unknown, allowed: readonly T[], field: string): T => {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalid(field, 'unknown_value', {
      en: `${field} must be one of: ${allowed.join(', ')}.`,
      nl: `Kies voor ${field} een van deze waarden: ${allowed.join(', ')}.`,
    });
  }
  return value as T;
};

export const isNonNegativeInteger = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** A valid instant strictly after `after`; returns it normalised to ISO 8601 UTC. */
export const requireInstantAfter = (value: unknown, after: string, field: string, afterWhat: string): string => {
  const t = typeof value === 'string' ? instant(value) : Number.NaN;
  if (Number.isNaN(t)) {
    throw invalid(field, 'not_a_date', {
      en: `${field} must be a date-time in ISO 8601, e.g. 2025-03-01T12:00:00Z.`,
      nl: `${field} moet een datum met tijd zijn, bijvoorbeeld 2025-03-01T12:00:00+01:00.`,
    });
  }
  if (t <= instant(after)) {
    throw invalid(field, 'not_in_future', {
      en: `${field} must be after ${afterWhat} (${after}); choose a later date.`,
      nl: `${field} moet later zijn dan ${dutchDateTime(after)}. Kies een latere datum.`,
    });
  }
  return new Date(t).toISOString();
};

export const requireFreshId = (value: unknown, existing: readonly string[], field: string, what: string): string => {
  const id = requireText(value, field, what);
  if (existing.includes(id)) {
    throw invalid(field, 'duplicate_id', { en: `${what} ${id} already exists on this case; use a new id.`, nl: `${id} bestaat al in deze zaak. Gebruik een nieuw nummer.` });
  }
  return id;
};
