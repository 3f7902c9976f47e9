import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import { DomainError } from '../../../../libs/domain/src/errors';
import { EventStoreUnavailableError, WrongExpectedVersionError } from '../../../../libs/event-store/src/port';
import { HistoryTamperedError } from '../../../../libs/event-store/src/chain';
import type { HistoryIntegrity } from '../infrastructure/history-integrity';
import { CaseNotFoundError, IdempotencyKeyReusedError, IdempotentRequestInProgressError, VersionConflictError } from '../common/errors';
import { MAX_JSON_DEPTH } from './json-body';
import {
  boundFieldErrors,
  type FieldError,
  PROBLEM_CONTENT_TYPE,
  ProblemException,
  type ProblemDetails,
  type ProblemInit,
  problemType,
} from './problem';
import { languageOf } from './language';
import { CODE_BY_STATUS, DETAILS_NL, TITLES_NL } from './problem-messages.nl';

/** `urn:gzc:problem:rate_limited` → `rate_limited`. */
const slugOf = (type: string | undefined): string | undefined =>
  type?.startsWith('urn:gzc:problem:') ? type.slice('urn:gzc:problem:'.length) : undefined;

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Not authenticated',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Request too large',
  415: 'Unsupported media type',
  422: 'Unprocessable request',
  500: 'Internal server error',
  503: 'Service unavailable',
};

const titleFor = (status: number): string => TITLES[status] ?? STATUS_CODES[status] ?? 'Error';

/** Longest client-derived text we echo back in a detail. */
const MAX_DETAIL = 2000;
const clip = (text: string): string => (text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text);

const isDomainError = (e: unknown): e is DomainError =>
  e instanceof DomainError || (e instanceof Error && e.name === 'DomainError' && typeof (e as DomainError).kind === 'string');

const named = (e: unknown, name: string): e is Error => e instanceof Error && e.name === name;

/**
 * Maps every error to an RFC 9457 problem (application/problem+json). Unknown errors become a
 * generic 500 whose details stay in the server log; nothing internal reaches the client.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  /** integrity: where a case whose history fails its hash chain is reported (for /health). */
  constructor(private readonly integrity?: HistoryIntegrity) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { requestId?: string }>();
    const response = http.getResponse<Response>();
    const init = this.toProblem(exception, request);
    const dutch = languageOf(request) === 'nl';
    // Every problem and every field error carries a stable code, the same in both languages.
    const code = init.code ?? slugOf(init.type) ?? CODE_BY_STATUS[init.status] ?? 'error';
    const title = dutch ? (init.nl?.title ?? TITLES_NL[init.status] ?? titleFor(init.status)) : (init.title ?? titleFor(init.status));
    const detail = dutch
      ? (init.nl?.detail ?? DETAILS_NL[code] ?? DETAILS_NL[CODE_BY_STATUS[init.status] ?? ''] ?? init.detail)
      : init.detail;
    const errors = init.errors?.map((e) => ({
      field: e.field,
      code: e.code ?? 'invalid',
      message: dutch ? (e.nl ?? e.message) : e.message,
    }));

    const problem: ProblemDetails = {
      type: init.type ?? 'about:blank',
      title,
      status: init.status,
      detail,
      instance: instanceOf(request),
      code,
      ...(errors !== undefined ? { errors } : {}),
      ...(init.extensions ?? {}),
      ...(request?.requestId ? { requestId: request.requestId } : {}),
    };

    if (!response || typeof response.status !== 'function') return;
    if (response.headersSent) {
      // Too late to answer with a problem: end the response so the client is not left hanging.
      response.end();
      return;
    }
    for (const [name, value] of Object.entries(init.headers ?? {})) response.setHeader(name, value);
    response.status(init.status);
    if (typeof response.vary === 'function') response.vary('Accept-Language');
    response.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
    response.send(JSON.stringify(problem));
  }

  /** Public for unit tests: the problem an error maps to. */
  toProblem(exception: unknown, request?: Request): ProblemInit {
    if (exception instanceof ProblemException) return exception.problem;

    if (isDomainError(exception)) {
      const { kind, code, message, field } = exception;
      // The Dutch was written at the throw site, with the values at hand.
      const nlDetail = exception.messages?.nl ?? message;
      if (kind === 'forbidden') {
        return {
          status: 403,
          type: problemType(code),
          title: 'Action not allowed',
          detail: message,
          code,
          nl: { title: 'Dit mag u niet doen', detail: nlDetail },
        };
      }
      if (kind === 'invalid') {
        return {
          status: 400,
          type: problemType(code),
          title: 'Invalid request',
          detail: message,
          code,
          nl: { title: 'Er klopt iets niet in uw verzoek', detail: nlDetail },
          errors: [{ field: field ?? 'body', code, message, nl: nlDetail }],
        };
      }
      if (code === 'not_found') {
        return { status: 404, type: problemType(code), title: 'Not found', detail: message, code, nl: { detail: nlDetail } };
      }
      return {
        status: 409,
        type: problemType(code),
        title: 'Not possible now',
        detail: message,
        code,
        nl: { title: 'Dit kan nu niet', detail: nlDetail },
      };
    }

    if (exception instanceof CaseNotFoundError || named(exception, 'CaseNotFoundError')) {
      return { status: 404, type: problemType('case_not_found'), detail: exception.message, code: 'case_not_found' };
    }
    if (exception instanceof VersionConflictError || named(exception, 'VersionConflictError')) {
      const { actual } = exception as VersionConflictError;
      return {
        status: 409,
        type: problemType('version_conflict'),
        title: 'Version conflict',
        detail: exception.message,
        code: 'version_conflict',
        ...(typeof actual === 'number' ? { extensions: { currentVersion: actual } } : {}),
      };
    }
    if (exception instanceof WrongExpectedVersionError || named(exception, 'WrongExpectedVersionError')) {
      return {
        status: 409,
        type: problemType('version_conflict'),
        title: 'Version conflict',
        detail: 'The case changed while your command ran; reload it and try again.',
        code: 'version_conflict',
      };
    }
    if (exception instanceof IdempotencyKeyReusedError || named(exception, 'IdempotencyKeyReusedError')) {
      return {
        status: 422,
        type: problemType('idempotency_key_reused'),
        title: 'Idempotency-Key reused',
        detail: exception.message,
        code: 'idempotency_key_reused',
      };
    }
    if (exception instanceof IdempotentRequestInProgressError) {
      return {
        status: 409,
        type: problemType('request_in_progress'),
        title: 'Request in progress',
        detail: exception.message,
        code: 'request_in_progress',
        headers: { 'Retry-After': '1' },
      };
    }
    if (exception instanceof EventStoreUnavailableError || named(exception, 'EventStoreUnavailableError')) {
      this.logger.warn(`Event store unavailable: ${exception.message}`);
      return {
        status: 503,
        type: problemType('store_unavailable'),
        detail: 'The case store is temporarily unavailable. Try again in a few seconds.',
        code: 'store_unavailable',
        headers: { 'Retry-After': '5' },
      };
    }
    if (exception instanceof HistoryTamperedError) {
      // 409, not 503: retrying cannot help (no Retry-After), and the service as a whole is up; the
      // history of this one case conflicts with its own hash chain until someone restores it.
      if (this.integrity) this.integrity.record(exception);
      else this.logger.error(`Case history changed outside the application: ${exception.message}`);
      return {
        status: 409,
        type: problemType('history_tampered'),
        title: 'Case history failed its integrity check',
        detail:
          `The history of this case was changed outside the system (from step ${exception.revision + 1}). ` +
          'The case is neither shown nor changed; the secretariat has been alerted.',
        code: 'history_tampered',
        nl: {
          title: 'De geschiedenis van deze zaak klopt niet',
          detail:
            `De geschiedenis van deze zaak is buiten het systeem om gewijzigd (vanaf stap ${exception.revision + 1}). ` +
            'Daarom tonen en wijzigen we de zaak niet. Het secretariaat is gewaarschuwd en zoekt dit uit.',
        },
      };
    }
    if (named(exception, 'InvalidCursorError')) {
      const message = clip(exception.message || 'The cursor is not valid; start again from the first page.');
      return {
        status: 400,
        type: problemType('validation'),
        title: 'Invalid request',
        detail: message,
        errors: [{ field: 'cursor', message }],
      };
    }
    if (exception instanceof HttpException) return this.fromHttpException(exception, request);

    this.logger.error(
      `Unhandled error on ${request?.method ?? '?'} ${request ? instanceOf(request) : '?'}`,
      exception instanceof Error ? exception.stack : String(exception),
    );
    return {
      status: 500,
      detail: 'Something went wrong on our side. The error has been logged; try again later.',
    };
  }

  private fromHttpException(exception: HttpException, request?: Request): ProblemInit {
    const status = exception.getStatus();
    const cause = (exception as { cause?: unknown }).cause as { type?: unknown } | undefined;
    const causeType = cause && typeof cause === 'object' ? cause.type : undefined;

    // body-parser errors, mapped by the Express adapter to HttpExceptions with the original as cause.
    switch (causeType) {
      case 'entity.parse.failed':
        return {
          status: 400,
          type: problemType('malformed_body'),
          title: 'Malformed request body',
          detail: 'The request body is not valid JSON, or is not a JSON object.',
          errors: [{ field: 'body', message: 'must be a JSON object in valid JSON syntax' }],
        };
      case 'entity.too.deep':
        return {
          status: 400,
          type: problemType('body_too_deep'),
          title: 'Malformed request body',
          detail: `The request body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels.`,
          errors: [{ field: 'body', message: `must not nest deeper than ${MAX_JSON_DEPTH} levels` }],
        };
      case 'entity.too.large':
        return {
          status: 413,
          type: problemType('body_too_large'),
          detail: 'The request body is larger than this API accepts (1 MB for JSON).',
        };
      case 'charset.unsupported':
      case 'encoding.unsupported':
        return {
          status: 415,
          type: problemType('unsupported_media_type'),
          detail: 'The request body must be JSON encoded as UTF-8 (Content-Type: application/json).',
        };
      case 'request.aborted':
      case 'request.size.invalid':
        return { status: 400, detail: 'The request body was incomplete.' };
      default:
        break;
    }

    if (status >= 500 && status !== 503) {
      this.logger.error(`HTTP ${status} on ${request?.method ?? '?'} ${request ? instanceOf(request) : '?'}`, exception.stack);
      return { status, detail: 'Something went wrong on our side. The error has been logged; try again later.' };
    }

    const detail = clip(detailOf(exception));
    const headers: Record<string, string> = {};
    if (status === 401) headers['WWW-Authenticate'] = 'Bearer';
    const errors: FieldError[] | undefined = status === 400 ? messagesAsErrors(exception) : undefined;
    return { status, detail, headers, ...(errors ? { errors } : {}) };
  }
}

function instanceOf(request: Request | undefined): string | undefined {
  const url = request?.originalUrl ?? request?.url;
  if (typeof url !== 'string') return undefined;
  const path = url.split('?')[0];
  return path.length > 500 ? path.slice(0, 500) : path;
}

function detailOf(exception: HttpException): string {
  const body = exception.getResponse();
  if (typeof body === 'string') return body;
  if (body && typeof body === 'object') {
    const message = (body as { message?: unknown }).message;
    if (typeof message === 'string') return message;
    if (Array.isArray(message)) return message.filter((m) => typeof m === 'string').join('; ');
  }
  return exception.message || titleFor(exception.getStatus());
}

/** A plain BadRequestException (a built-in pipe, an interceptor) still gets an errors list. */
function messagesAsErrors(exception: HttpException): FieldError[] | undefined {
  const body = exception.getResponse();
  if (!body || typeof body !== 'object') return undefined;
  const { errors, message } = body as { errors?: unknown; message?: unknown };
  if (Array.isArray(errors)) {
    const list = errors
      .filter((e): e is FieldError => !!e && typeof e === 'object' && typeof (e as FieldError).field === 'string')
      .map((e) => ({ field: e.field, message: String(e.message ?? '') }));
    if (list.length > 0) return boundFieldErrors(list);
  }
  if (Array.isArray(message)) {
    return boundFieldErrors(
      message.filter((m): m is string => typeof m === 'string').map((m) => ({ field: m.split(' ')[0] || 'body', message: m })),
    );
  }
  return undefined;
}
