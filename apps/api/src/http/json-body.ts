import type { NextFunction, Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { ProblemException, problemType } from './problem';

/**
 * Deepest nesting of arrays and objects accepted in a JSON body. Our bodies nest three levels at
 * most (claims[0].description); 32 leaves room and keeps every later walk over the parsed body
 * (validation, logging) far from any stack limit.
 */
export const MAX_JSON_DEPTH = 32;

/** A request whose JSON body was read: the SHA-256 of its exact bytes, for Idempotency-Key fingerprints. */
export interface HashedBodyRequest extends Request {
  bodySha256?: string;
}

const OPEN_BRACKET = 0x5b; // [
const OPEN_BRACE = 0x7b; // {
const CLOSE_BRACKET = 0x5d; // ]
const CLOSE_BRACE = 0x7d; // }
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/**
 * The deepest nesting in raw JSON bytes, counted in one loop (no recursion, no parse). Brackets
 * inside strings do not count. Works on UTF-8 bytes: every byte of a multi-byte character is
 * >= 0x80, so it never looks like a bracket, quote or backslash.
 */
export function jsonNestingDepth(bytes: Uint8Array, stopAbove = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACKET || byte === OPEN_BRACE) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > stopAbove) return deepest;
      }
    } else if (byte === CLOSE_BRACKET || byte === CLOSE_BRACE) {
      depth--;
    }
  }
  return deepest;
}

/** body-parser turns an error with `status` and `type` into an http-error the problem filter maps. */
class TooDeepError extends Error {
  readonly status = 400;
  readonly statusCode = 400;
  readonly expose = true;
  readonly type = 'entity.too.deep';
  constructor() {
    super(`The JSON body nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

/**
 * body-parser's `verify`: refuses a body nested too deeply before it is parsed, and keeps the
 * hash of its bytes when the request carries an Idempotency-Key (the only reader of the hash).
 */
export function verifyJsonBody(req: HashedBodyRequest, _res: unknown, bytes: Buffer): void {
  if (jsonNestingDepth(bytes, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) throw new TooDeepError();
  if (req.headers['idempotency-key'] !== undefined) req.bodySha256 = createHash('sha256').update(bytes).digest('hex');
}

/**
 * 413 at once for a JSON request that declares a body larger than the limit: without this,
 * body-parser refuses it only after reading (and discarding) everything the client sends.
 * `Connection: close` ends the exchange instead of draining the rest. Multipart uploads have their
 * own, larger limit and refuse early themselves.
 */
export function declaredLengthLimit(limitBytes: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const declared = req.headers['content-length'];
    if (declared === undefined || /^multipart\//i.test(req.headers['content-type'] ?? '')) return next();
    const length = Number(declared);
    if (!Number.isFinite(length) || length <= limitBytes) return next();
    res.setHeader('Connection', 'close');
    next(
      new ProblemException({
        status: 413,
        type: problemType('body_too_large'),
        detail: `The request body is larger than this API accepts (${formatBytes(limitBytes)} for JSON).`,
      }),
    );
  };
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`;
}
