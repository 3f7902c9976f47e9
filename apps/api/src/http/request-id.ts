import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Response } from 'express';
import { runWithClientRequestId } from '../../../../libs/runtime/src/client-request-id';
import type { ApiRequest } from './request-context';

export const REQUEST_ID_HEADER = 'X-Request-Id';
/** A caller's id is kept when it looks like an id: letters, digits and . _ : -, at most 100 characters. */
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

export function isSaneRequestId(value: unknown): value is string {
  return typeof value === 'string' && SANE_REQUEST_ID.test(value);
}

/**
 * Express middleware. The request id is always made here (a UUID): it becomes the correlation and
 * causation id of the events the request records, and a caller must not be able to choose those
 * (a client sending `deadline-scan-…` would pass its command off as the scheduler's). A sane
 * `X-Request-Id` from the client is kept apart, as clientRequestId, for tracing its own calls.
 * The answer carries our id in X-Request-Id.
 */
export function requestIdMiddleware(req: ApiRequest, res: Response, next: NextFunction): void {
  const incoming = req.headers['x-request-id'];
  req.requestId = randomUUID();
  if (isSaneRequestId(incoming)) req.clientRequestId = incoming;
  res.setHeader(REQUEST_ID_HEADER, req.requestId);
  next();
}

/**
 * Express middleware, after the body parsers (which call `next` from stream callbacks outside any
 * request's async context): the rest of the request runs with the caller's X-Request-Id at hand
 * for event metadata (libs/runtime client-request-id).
 */
export function requestScopeMiddleware(req: ApiRequest, _res: Response, next: NextFunction): void {
  runWithClientRequestId(req.clientRequestId, next);
}

/** The request's id (also the correlation id of the events a command records). */
export const RequestId = createParamDecorator((_data: unknown, ctx: ExecutionContext): string => {
  const req = ctx.switchToHttp().getRequest<ApiRequest>();
  if (!req.requestId) req.requestId = randomUUID();
  return req.requestId;
});
