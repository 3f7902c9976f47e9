import type { INestApplication, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createLogger, NestPinoLogger } from '../../../libs/runtime/src/logging';
import { AppModule, type AppModuleOptions } from './app.module';
import type { AppConfig } from '../../../libs/runtime/src/config/app-config';
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

/**
 * Listens on HOST (default loopback) and PORT. Listening on every interface is a choice made in
 * the settings, never a default: with demonstration login that would hand out tokens to anyone.
 */
export async function listen(app: INestApplication, config: Pick<AppConfig, 'port' | 'host'>): Promise<void> {
  await app.listen(config.port, config.host);
}
