/**
 * A refusal a person can act on. `kind` says how the API answers:
 * - `forbidden`: the caller may see the case but their role or side may not take this action (403);
 * - `conflict`: the case's status or the rules do not allow it now (409);
 * - `invalid`: a value in the command breaks a rule of the domain (400, naming `field`).
 */
export type DomainErrorKind = 'forbidden' | 'conflict' | 'invalid';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** Stable machine-readable code, e.g. `wrong_status`, `not_a_party`. */
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const forbidden = (code: string, message: string) => new DomainError('forbidden', code, message);
export const conflict = (code: string, message: string) => new DomainError('conflict', code, message);
export const invalid = (field: string, code: string, message: string) =>
  new DomainError('invalid', code, message, field);
