import type { NextFunction, Request, Response } from 'express';
import { ProblemException, problemType } from './problem';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const MULTIPART_TYPE = /^multipart\/form-data\s*(?:;|$)/i;

function hasBody(req: Request): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = req.headers['content-length'];
  return length !== undefined && length !== '0';
}

/**
 * 415 for a request under /api that carries a body in anything but JSON. Multipart is let through
 * for document uploads (`…/documents`), which parse it themselves.
 */
export function jsonContentTypeMiddleware(req: Request, _res: Response, next: NextFunction): void {
  if (!hasBody(req)) return next();
  const type = req.headers['content-type'] ?? '';
  if (JSON_TYPE.test(type)) return next();
  if (MULTIPART_TYPE.test(type) && /\/documents\/?$/.test(req.path)) return next();
  next(
    new ProblemException({
      status: 415,
      type: problemType('unsupported_media_type'),
      detail: 'Send the request body as JSON with Content-Type: application/json.',
    }),
  );
}
