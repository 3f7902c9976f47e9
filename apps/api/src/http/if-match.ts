import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { RequestValidationException } from './problem';

// The quoted form may carry the viewer tag of a case view's ETag: "3-0123456789abcdef".
const IF_MATCH = /^(?:(\d{1,15})|(?:W\/)?"(\d{1,15})(?:-[0-9a-f]{1,64})?")$/;

/**
 * Parses an If-Match header into the case version it names: `3`, `"3"`, `W/"3"` and the case
 * view's ETag `"3-<viewer tag>"` all mean 3.
 * Absent → undefined. Anything else (lists, `*`, non-numbers, repeated headers) → 400 on If-Match.
 */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  if (Array.isArray(header)) {
    if (header.length === 0) return undefined;
    if (header.length > 1) throw ifMatchError('must be sent once');
    header = header[0];
  }
  const match = IF_MATCH.exec(header.trim());
  const digits = match?.[1] ?? match?.[2];
  if (digits === undefined) {
    throw ifMatchError('must be the case version you last saw, e.g. 3 or "3" (the ETag of GET /api/disputes/{id})');
  }
  const version = Number(digits);
  if (!Number.isSafeInteger(version)) throw ifMatchError('is not a valid version');
  return version;
}

function ifMatchError(message: string): RequestValidationException {
  return new RequestValidationException([{ field: 'If-Match', message: `If-Match ${message}` }], `If-Match ${message}.`);
}

/** The version from If-Match, or undefined when absent; 400 when malformed. */
export const IfMatch = createParamDecorator((_data: unknown, ctx: ExecutionContext): number | undefined =>
  parseIfMatch(ctx.switchToHttp().getRequest<Request>().headers['if-match']),
);
