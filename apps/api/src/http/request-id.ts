import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Response } from 'express';
import type { ApiRequest } from './request-context';

export const REQUEST_ID_HEADER = 'X-Request-Id';
/** A caller's id is kept when it looks like an id: letters, digits and . _ : -, at most 100 characters. */
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

export function isSaneRequestId(value: unknown): value is string {
  return typeof value === 'string' && SANE_REQUEST_ID.test(value);
}

/** Express middleware: takes X-Request-Id from the request when sane, else a new UUID; echoes it. */
export function requestIdMiddleware(req: ApiRequest, res: Response, next: NextFunction): void {
  const incoming = req.headers['x-request-id'];
  const id = isSaneRequestId(incoming) ? incoming : randomUUID();
  req.requestId = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  next();
}

/** The request's id (also the correlation id of the events a command records). */
export const RequestId = createParamDecorator((_data: unknown, ctx: ExecutionContext): string => {
  const req = ctx.switchToHttp().getRequest<ApiRequest>();
  if (!req.requestId) req.requestId = randomUUID();
  return req.requestId;
});
