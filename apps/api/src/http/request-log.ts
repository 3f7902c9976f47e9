import type { NextFunction, Response } from 'express';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { ApiRequest } from './request-context';

// One JSON line per request: method, route pattern, status, duration, request ids and user id.
// Deliberately nothing else: no URL (ids and document names), no headers (tokens), no bodies,
// no query strings. pino writes asynchronously, so logging costs the request next to nothing.

export interface RequestLogLine {
  msg: 'request';
  method: string;
  /** The matched route pattern, e.g. /api/disputes/:id/register; null when no route matched. */
  route: string | null;
  status: number;
  durationMs: number;
  requestId: string | null;
  /** The caller's own X-Request-Id, when it sent a sane one. */
  clientRequestId: string | null;
  userId: string | null;
}

export function createRequestLogger(destination?: DestinationStream): Logger {
  return pino(
    { base: null, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

export function requestLogMiddleware(logger: Logger) {
  return (req: ApiRequest, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const route = (req.route as { path?: unknown } | undefined)?.path;
      const line: Omit<RequestLogLine, 'msg'> = {
        method: req.method,
        route: typeof route === 'string' ? `${req.baseUrl ?? ''}${route}` : null,
        status: res.statusCode,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
        requestId: req.requestId ?? null,
        clientRequestId: req.clientRequestId ?? null,
        userId: req.actor?.userId ?? null,
      };
      const level = res.statusCode >= 500 ? 'error' : 'info';
      logger[level](line, 'request');
    });
    next();
  };
}
