import type { INestApplication, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createLogger, NestPinoLogger } from '../../../libs/runtime/src/logging';
import { AppModule, type AppModuleOptions } from './app.module';
import { configureApp, type ConfigureOptions } from './http/configure-app';

export interface CreateAppOptions extends AppModuleOptions, ConfigureOptions {
  /** Nest's logger; default: JSON lines through pino (libs/runtime/src/logging.ts); tests pass false or ['error']. */
  logger?: LoggerService | LogLevel[] | false;
}

/** The configured, initialised application (not yet listening). Tests drive it with supertest. */
export async function createApp(options: CreateAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bodyParser: false,
    abortOnError: false,
    logger: options.logger ?? new NestPinoLogger(createLogger()),
  });
  configureApp(app, options.config, options);
  await app.init();
  return app;
}
