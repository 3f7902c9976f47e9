import 'reflect-metadata';
import { Global, Module, type INestApplication, type NestInterceptor } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { SqliteEventStore } from '../../../../libs/event-store/src';
import { AuthModule } from '../../src/auth/auth.module';
import { systemClock } from '../../../../libs/runtime/src/clock';
import { CLOCK, EVENT_STORE } from '../../../../libs/runtime/src/tokens';
import { ConfigModule, loadConfig, type AppConfig } from '../../../../libs/runtime/src/config/app-config';
import { DirectoryModule } from '../../src/directory/directory.module';
import { DisputeReader } from '../../src/disputes/application/dispute-reader';
import { DisputeActionsController } from '../../src/disputes/http/dispute-actions.controller';
import { DisputesController } from '../../src/disputes/http/disputes.controller';
import { HealthModule } from '../../src/health/health.module';
import { HEALTH_CHECKS, type HealthCheck } from '../../src/health/health.tokens';
import { configureApp } from '../../src/http/configure-app';
import { IdempotencyInterceptor } from '../../src/http/idempotency.interceptor';
import { RateLimitModule } from '../../src/http/rate-limit';

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'gzc-api-'));
}

export function testConfig(env: Record<string, string> = {}, overrides: Partial<AppConfig> = {}): AppConfig {
  const quiet = {
    REQUEST_LOG: 'off',
    RATE_LIMIT_TOKENS_PER_USER: '0',
    RATE_LIMIT_TOKENS_PER_ADDRESS: '0',
    RATE_LIMIT_FILINGS_PER_USER: '0',
    RATE_LIMIT_FILINGS_PER_ADDRESS: '0',
  };
  return { ...loadConfig({ DATA_DIR: tempDataDir(), ...quiet, ...env }), ...overrides };
}

export interface Harness {
  app: INestApplication;
  config: AppConfig;
  commandBus: { execute: jest.Mock };
  reader: { get: jest.Mock; list: jest.Mock; timeline: jest.Mock };
  http: () => ReturnType<typeof request>;
  tokenFor: (userId: string) => Promise<string>;
  close: () => Promise<void>;
}

const passThrough: NestInterceptor = { intercept: (_context, next) => next.handle() };

/**
 * The HTTP layer in isolation: config, directory, auth, health and the disputes controllers, with
 * a fake command bus and reader instead of the application layer, configured exactly as createApp configures it.
 */
export async function createHarness(options: { config?: AppConfig; healthChecks?: HealthCheck[] } = {}): Promise<Harness> {
  const config = options.config ?? testConfig();
  const commandBus = { execute: jest.fn() };
  const reader = { get: jest.fn(), list: jest.fn(), timeline: jest.fn() };

  @Module({
    controllers: [DisputesController, DisputeActionsController],
    providers: [
      { provide: CommandBus, useValue: commandBus },
      { provide: DisputeReader, useValue: reader },
    ],
  })
  class FakeDisputesModule {}

  // The directory is events: a real event store in the temporary DATA_DIR.
  const store = await SqliteEventStore.open({ filename: path.join(config.dataDir, 'events.sqlite') });
  @Global()
  @Module({
    providers: [
      { provide: EVENT_STORE, useValue: store },
      { provide: CLOCK, useValue: systemClock },
      ...(options.healthChecks ? [{ provide: HEALTH_CHECKS, useValue: options.healthChecks }] : []),
    ],
    exports: [EVENT_STORE, CLOCK, ...(options.healthChecks ? [HEALTH_CHECKS] : [])],
  })
  class FakeInfrastructureModule {}

  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      RateLimitModule,
      FakeInfrastructureModule,
      DirectoryModule,
      AuthModule,
      HealthModule,
      FakeDisputesModule,
    ],
  })
    .overrideInterceptor(IdempotencyInterceptor)
    .useValue(passThrough)
    .compile();

  const app = moduleRef.createNestApplication({ bodyParser: false, logger: false });
  configureApp(app, config);
  await app.init();

  const http = () => request(app.getHttpServer());
  return {
    app,
    config,
    commandBus,
    reader,
    http,
    tokenFor: async (userId: string) => {
      const res = await http().post('/api/auth/dev-token').send({ userId });
      if (res.status !== 200) throw new Error(`dev-token for ${userId}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.accessToken as string;
    },
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

/** A valid body for POST /api/disputes. */
export function fileDisputeBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    phase: 'contractual',
    legalFramework: 'zvw',
    sector: 'physiotherapy_paramedical',
    subjects: ['tariff'],
    contractYear: 2026,
    claimantOrganisationIds: ['org-fysio-delinde'],
    respondentOrganisationIds: ['org-zv-noord'],
    summary: 'The tariff offered for 2026 does not cover our costs.',
    claims: [{ description: 'A tariff at the level of 2025 plus indexation', amountCents: 1_250_000 }],
    amountInDisputeCents: 1_250_000,
    proposedRoute: 'mediation',
    urgent: false,
    ...overrides,
  };
}

export const A_DISPUTE_ID = '0b7c8a56-4a8e-4c61-9f5e-2d3f4a5b6c7d';
