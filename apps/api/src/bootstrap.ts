import type { INestApplication, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule, type AppModuleOptions } from './app.module';
import { configureApp, type ConfigureOptions } from './http/configure-app';

export interface CreateAppOptions extends AppModuleOptions, ConfigureOptions {
  /** Nest's logger; tests pass false or ['error']. */
  logger?: LoggerService | LogLevel[] | false;
}

/** The configured, initialised application (not yet listening). Tests drive it with supertest. */
export async function createApp(options: CreateAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bodyParser: false,
    abortOnError: false,
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
  });
  configureApp(app, options.config, options);
  await app.init();
  return app;
}
