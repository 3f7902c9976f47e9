import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '../../../../libs/runtime/src/config/app-config';
import { jsonContentTypeMiddleware } from './content-type.middleware';
import { declaredLengthLimit, verifyJsonBody } from './json-body';
import { setupOpenApi } from './openapi';
import { ProblemDetailsFilter } from './problem-details.filter';
import { HistoryIntegrity } from '../infrastructure/history-integrity';
import { createLogger } from '../../../../libs/runtime/src/logging';
import { requestIdMiddleware, requestScopeMiddleware } from './request-id';
import { requestLogMiddleware } from './request-log';
import { AppValidationPipe } from './validation';

export type HttpConfig = Pick<AppConfig, 'bodyLimitBytes' | 'corsOrigins' | 'trustProxyHops' | 'requestLog'> &
  Partial<Pick<AppConfig, 'apiDocs'>>;

export interface ConfigureOptions {
  /** Where request log lines go; default stdout. Tests pass a stream they read. */
  requestLogStream?: DestinationStream;
}

/** Headers the API reads and the headers a browser client may read from its answers (CORS). */
const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key', 'X-Request-Id'];
const EXPOSED_HEADERS = ['ETag', 'Location', 'Retry-After', 'X-Request-Id'];

/**
 * Every answer under /api is someone's own (a case view, a token, a list of their cases, even an
 * error naming their case): no browser or shared cache may keep it. Routes may tighten this.
 */
function privateAnswers(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}

/**
 * Everything around the routes, in order: proxy trust, security headers (helmet), request id,
 * request log, CORS, no-store for /api, media type check, declared length check, JSON body parser
 * (size and depth limits), the caller's request-id scope, validation pipe, problem+json filter,
 * OpenAPI (API_DOCS). The app must be created with `bodyParser: false` so that the
 * request id is set before the body is parsed.
 */
export function configureApp(app: INestApplication, config: HttpConfig, options: ConfigureOptions = {}): INestApplication {
  const express = app as NestExpressApplication;
  // Behind N proxies req.ip is the client's address (for per-address rate limits), not the proxy's.
  express.set('trust proxy', config.trustProxyHops > 0 ? config.trustProxyHops : false);
  // Swagger UI needs inline scripts and styles; the JSON API needs nothing, so it gets helmet's strict defaults.
  const apiHeaders = helmet();
  const docsHeaders = helmet({
    contentSecurityPolicy: { directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] } },
  });
  express.use((req: Request, res: Response, next: NextFunction) =>
    (req.path.startsWith('/docs') ? docsHeaders : apiHeaders)(req, res, next),
  );
  express.use(requestIdMiddleware);
  if (config.requestLog) express.use(requestLogMiddleware(createLogger(options.requestLogStream)));
  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: [...config.corsOrigins],
      methods: ['GET', 'POST', 'PATCH', 'DELETE'],
      allowedHeaders: ALLOWED_HEADERS,
      exposedHeaders: EXPOSED_HEADERS,
      maxAge: 600,
    });
  }
  express.use('/api', privateAnswers);
  // Problems and messages follow Accept-Language: caches must keep the languages apart.
  express.use('/api', (_req: Request, res: Response, next: NextFunction) => {
    res.vary('Accept-Language');
    next();
  });
  express.use('/api', jsonContentTypeMiddleware);
  express.use(declaredLengthLimit(config.bodyLimitBytes));
  // express.json directly: Nest's useBodyParser does not pass `verify` on.
  express.use(
    json({
      limit: config.bodyLimitBytes,
      strict: true,
      type: ['application/json', 'application/*+json'],
      // Depth cap and body hash on the raw bytes: nothing recurses over a client's body before it is bounded.
      verify: verifyJsonBody,
    }),
  );
  express.use(requestScopeMiddleware);
  express.set('x-powered-by', false);
  // No automatic ETags: Express would give two viewers with equal bodies one validator. The routes
  // that support revalidation set their own, per viewer (viewer-etag.ts).
  express.set('etag', false);
  express.set('query parser', 'simple');
  app.useGlobalPipes(new AppValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter(historyIntegrityOf(app)));
  // API_DOCS (default on, off in production): a description of every route is a map for an attacker too.
  if (config.apiDocs !== false) setupOpenApi(app);
  app.enableShutdownHooks();
  return app;
}

/** The app's HistoryIntegrity when the infrastructure module is loaded (not in slim test apps). */
function historyIntegrityOf(app: INestApplication): HistoryIntegrity | undefined {
  try {
    return app.get(HistoryIntegrity, { strict: false });
  } catch {
    return undefined;
  }
}
