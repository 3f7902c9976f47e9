import { stdSerializers, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { ApiRequest } from './request-context';

// One JSON line per request (pino-http): method, route pattern, status, duration, request ids and
// user id. Deliberately nothing else: no URL (ids and document names), no headers (tokens), no
// bodies, no query strings.

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

export function requestLogMiddleware(logger: Logger) {
  // requestId comes from pino-http's request binding (the id requestIdMiddleware gave the request).
  const line = (req: ApiRequest, status: number, durationMs: number): Omit<RequestLogLine, 'msg' | 'requestId'> => {
    const route = (req.route as { path?: unknown } | undefined)?.path;
    return {
      method: req.method,
      route: typeof route === 'string' ? `${req.baseUrl ?? ''}${route}` : null,
      status,
      durationMs,
      clientRequestId: req.clientRequestId ?? null,
      userId: req.actor?.userId ?? null,
    };
  };
  return pinoHttp<ApiRequest>({
    logger,
    // requestIdMiddleware runs first and always sets one.
    genReqId: (req) => req.requestId ?? '',
    customAttributeKeys: { reqId: 'requestId' },
    // No request or response objects bound to the lines: they carry headers (tokens) and URLs (ids).
    quietReqLogger: true,
    quietResLogger: true,
    // pino-http still makes a child logger bound to the whole request for every request (unused with
    // the quiet options above): without these it serialised the request, headers and all, each time
    // (about a fifth of the middleware's CPU). No line here carries the req or res object.
    wrapSerializers: false,
    serializers: { req: () => undefined, res: () => undefined, err: stdSerializers.err },
    customLogLevel: (_req, res) => (res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request',
    // Our own line replaces pino-http's request and response objects (which carry headers).
    customSuccessObject: (req, res, val: { responseTime: number }) => line(req, res.statusCode, val.responseTime),
    customErrorObject: (req, res, _error, val: { responseTime: number }) => line(req, res.statusCode, val.responseTime),
  });
}
