import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '../config/app-config';
import { jsonContentTypeMiddleware } from './content-type.middleware';
import { setupOpenApi } from './openapi';
import { ProblemDetailsFilter } from './problem-details.filter';
import { requestIdMiddleware } from './request-id';
import { AppValidationPipe } from './validation';

/**
 * Everything around the routes, in order: request id, media type check, JSON body parser (size
 * limit), validation pipe, problem+json filter, OpenAPI. The app must be created with
 * `bodyParser: false` so that the request id is set before the body is parsed.
 */
export function configureApp(app: INestApplication, config: Pick<AppConfig, 'bodyLimitBytes'>): INestApplication {
  const express = app as NestExpressApplication;
  express.use(requestIdMiddleware);
  express.use('/api', jsonContentTypeMiddleware);
  express.useBodyParser('json', {
    limit: config.bodyLimitBytes,
    strict: true,
    type: ['application/json', 'application/*+json'],
  });
  express.set('x-powered-by', false);
  express.set('query parser', 'simple');
  app.useGlobalPipes(new AppValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  setupOpenApi(app);
  app.enableShutdownHooks();
  return app;
}
