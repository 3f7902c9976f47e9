/**
 * A refusal a person can act on. `kind` says how the API answers:
 * - `forbidden`: the caller may see the case but their role or side may not take this action (403);
 * - `conflict`: the case's status or the rules do not allow it now (409);
 * - `invalid`: a value in the command breaks a rule of the domain (400, naming `field`).
 *
 * Every refusal is written at its source in plain Dutch (B1) and in English: the person who reads
 * it may never have seen a dispute, and the words depend on the values at hand (dates, names).
 */
export type DomainErrorKind = 'forbidden' | 'conflict' | 'invalid';

/** One message in both languages the product speaks. */
export interface Localized {
  readonly en: string;
  readonly nl: string;
}

/** Transitional: a plain string is English only, and Dutch falls back to it. */
export type MessageText = string | Localized;

const localize = (text: MessageText): Localized => (typeof text === 'string' ? { en: text, nl: text } : text);

export class DomainError extends Error {
  readonly messages: Localized;

  constructor(
    readonly kind: DomainErrorKind,
    /** Stable machine-readable code, e.g. `wrong_status`, `not_a_party`. */
    readonly code: string,
    text: MessageText,
    readonly field?: string,
  ) {
    const messages = localize(text);
    super(messages.en);
    this.messages = messages;
    this.name = 'DomainError';
  }
}

export const forbidden = (code: string, text: MessageText) => new DomainError('forbidden', code, text);
export const conflict = (code: string, text: MessageText) => new DomainError('conflict', code, text);
export const invalid = (field: string, code: string, text: MessageText) => new DomainError('invalid', code, text, field);
