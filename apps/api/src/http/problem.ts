import { HttpException } from '@nestjs/common';

/** One invalid input: `field` is a path such as `claims[0].description`, a header name, or `body`. */
export interface FieldError {
  field: string;
  message: string;
  /** Stable reason, the same in every language (e.g. `required`, `max_length`). */
  code?: string;
  /** The message in Dutch (B1), when it differs from `message`. */
  nl?: string;
}

/** An RFC 9457 problem document as this API sends it. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** Stable machine-readable reason, e.g. a domain error code. */
  code?: string;
  /** Validation problems, one per field. */
  errors?: FieldError[];
  requestId?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const problemType = (slug: string): string => `urn:gzc:problem:${slug}`;

export interface ProblemInit {
  status: number;
  title?: string;
  detail: string;
  /** The title and detail in Dutch (B1); missing parts fall back to the code's standard Dutch words. */
  nl?: { title?: string; detail?: string };
  type?: string;
  code?: string;
  errors?: FieldError[];
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** An HttpException that carries a complete problem (the filter answers it as is). */
export class ProblemException extends HttpException {
  constructor(readonly problem: ProblemInit) {
    super(problem.detail, problem.status);
    this.name = 'ProblemException';
  }
}

const MAX_ERRORS = 50;
const MAX_FIELD = 200;
const MAX_MESSAGE = 1000;
const clipText = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max)}…` : text);

/** At most 50 entries, each field and message clipped: a hostile body cannot make the answer huge. */
export function boundFieldErrors(errors: FieldError[]): FieldError[] {
  const bounded = errors.slice(0, MAX_ERRORS).map((e) => ({
    ...e,
    field: clipText(e.field, MAX_FIELD),
    message: clipText(e.message, MAX_MESSAGE),
    ...(e.nl !== undefined ? { nl: clipText(e.nl, MAX_MESSAGE) } : {}),
  }));
  if (errors.length > MAX_ERRORS) {
    const more = errors.length - MAX_ERRORS;
    bounded.push({
      field: 'body',
      code: 'too_many_problems',
      message: `${more} more problems not listed`,
      nl: `Nog ${more} andere problemen staan niet in deze lijst`,
    });
  }
  return bounded;
}

/** 400 naming each invalid field. */
export class RequestValidationException extends ProblemException {
  constructor(errors: FieldError[], detail?: string) {
    errors = boundFieldErrors(errors);
    super({
      status: 400,
      type: problemType('validation'),
      title: 'Invalid request',
      detail: detail ?? describeFieldErrors(errors),
      code: 'validation',
      nl: { detail: describeFieldErrorsNl(errors) },
      errors,
    });
    this.name = 'RequestValidationException';
  }
}

export function describeFieldErrors(errors: FieldError[]): string {
  if (errors.length === 0) return 'The request is invalid.';
  const fields = [...new Set(errors.map((e) => e.field))];
  const shown = fields.slice(0, 10).join(', ');
  const more = fields.length > 10 ? ` and ${fields.length - 10} more` : '';
  return `The request has ${fields.length === 1 ? 'an invalid field' : `${fields.length} invalid fields`}: ${shown}${more}.`;
}

export function describeFieldErrorsNl(errors: FieldError[]): string {
  if (errors.length === 0) return 'Er klopt iets niet in uw verzoek.';
  const fields = [...new Set(errors.map((e) => e.field))];
  const shown = fields.slice(0, 10).join(', ');
  const more = fields.length > 10 ? ` en nog ${fields.length - 10}` : '';
  return fields.length === 1
    ? `Dit veld is niet goed ingevuld: ${shown}.`
    : `Deze ${fields.length} velden zijn niet goed ingevuld: ${shown}${more}.`;
}
