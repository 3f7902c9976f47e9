import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import { createApp } from '../../../apps/api/src/bootstrap';
import type { Clock } from '../../../libs/runtime/src/clock';
import { loadConfig, type AppConfig } from '../../../libs/runtime/src/config/app-config';
import { DeadlineScheduler } from '../../../apps/api/src/deadlines/deadline-scheduler';

/** What a test sees of one HTTP answer, whichever way it travelled (supertest or fetch). */
export interface ApiResponse {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export type Headers = Record<string, string>;

/** Requests bound to one user's bearer token. */
export interface UserClient {
  readonly userId: string;
  get(path: string, headers?: Headers): Promise<ApiResponse>;
  post(path: string, body?: unknown, headers?: Headers): Promise<ApiResponse>;
}

/** What the dispute fixtures need: a user's client and the app's notion of now. */
export interface Api {
  as(userId: string): UserClient;
  now(): Date;
  /** Lets time pass until `instant`: moves a manual clock, or waits for the real one. */
  reach?(instant: Date): Promise<void>;
}

export interface TestApp extends Api {
  app: INestApplication;
  dataDir: string;
  config: AppConfig;
  http: () => ReturnType<typeof request>;
  token(userId: string): Promise<string>;
  scheduler(): DeadlineScheduler;
  close(): Promise<void>;
}

export interface StartOptions {
  dataDir?: string;
  clock?: Clock;
  env?: Record<string, string>;
  /** Where request log lines go (with env REQUEST_LOG=on). */
  requestLogStream?: DestinationStream;
}

export const newDataDir = (): string => {
  const dir = join(tmpdir(), `gzc-e2e-${randomUUID()}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

/**
 * Which stores the e2e apps use: the embedded ones, or (Jest project e2e-postgres, which needs
 * DATABASE_URL) PostgreSQL for events and read models, in a schema of their own per data dir.
 */
export const E2E_STORE: 'sqlite' | 'postgres' = process.env.E2E_STORE === 'postgres' && process.env.DATABASE_URL ? 'postgres' : 'sqlite';

/** The PostgreSQL schema of the apps sharing `dataDir` (apps restarted on one data dir share it too). */
export const schemaFor = (dataDir: string): string => `e2e_${createHash('sha256').update(dataDir).digest('hex').slice(0, 24)}`;

/** The store variables of an app on `dataDir`. */
export function storeEnv(dataDir: string): Record<string, string> {
  if (E2E_STORE === 'sqlite') return { EVENT_STORE: 'sqlite', DATABASE_URL: '', KURRENTDB_URL: '' };
  return {
    EVENT_STORE: 'postgres',
    DATABASE_URL: process.env.DATABASE_URL as string,
    DATABASE_SCHEMA: schemaFor(dataDir),
    KURRENTDB_URL: '',
  };
}

/** Removes a temporary data dir (and on PostgreSQL its schema); never fails a test. */
export async function removeDataDir(dir: string): Promise<void> {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    /* best effort */
  }
  if (E2E_STORE !== 'postgres') return;
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  try {
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schemaFor(dir)} CASCADE`);
  } catch {
    /* best effort */
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function toApiResponse(res: request.Response): ApiResponse {
  return { status: res.status, body: res.body, headers: res.headers as ApiResponse['headers'], text: res.text };
}

/** Boots the real application in-process on a temporary DATA_DIR (or the given one). */
export async function startTestApp(options: StartOptions = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? newDataDir();
  const loaded = loadConfig({
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    AUTH_MODE: 'dev',
    ...storeEnv(dataDir),
    // Off: tests tick the scheduler themselves.
    DEADLINE_SCAN_INTERVAL_MS: '0',
    // Tests that are about rate limits or request logs turn them on.
    REQUEST_LOG: 'off',
    RATE_LIMIT_TOKENS_PER_USER: '0',
    RATE_LIMIT_TOKENS_PER_ADDRESS: '0',
    RATE_LIMIT_FILINGS_PER_USER: '0',
    RATE_LIMIT_FILINGS_PER_ADDRESS: '0',
    ...(options.env ?? {}),
  });
  const config: AppConfig = loaded;
  const app = await createApp({
    config,
    clock: options.clock,
    logger: process.env.E2E_LOG ? ['error', 'warn', 'log'] : ['error'],
    ...(options.requestLogStream ? { requestLogStream: options.requestLogStream } : {}),
  });
  await app.init(); // createApp initialises already; a second init is a no-op

  const tokens = new Map<string, Promise<string>>();
  const http = () => request(app.getHttpServer());
  const token = (userId: string): Promise<string> => {
    let t = tokens.get(userId);
    if (!t) {
      t = http()
        .post('/api/auth/dev-token')
        .send({ userId })
        .then((res) => {
          if (res.status !== 200 && res.status !== 201) {
            throw new Error(`dev-token for ${userId} answered ${res.status}: ${res.text}`);
          }
          return res.body.accessToken as string;
        });
      t.catch(() => tokens.delete(userId));
      tokens.set(userId, t);
    }
    return t;
  };
  const as = (userId: string): UserClient => ({
    userId,
    async get(path, headers = {}) {
      const bearer = await token(userId);
      return toApiResponse(await http().get(path).set({ Authorization: `Bearer ${bearer}`, ...headers }));
    },
    async post(path, body = {}, headers = {}) {
      const bearer = await token(userId);
      return toApiResponse(await http().post(path).set({ Authorization: `Bearer ${bearer}`, ...headers }).send(body as object));
    },
  });
  let closed = false;
  return {
    app,
    dataDir,
    config,
    http,
    token,
    as,
    now: () => (options.clock ? options.clock.now() : new Date()),
    async reach(instant: Date) {
      const clock = options.clock as (Clock & { set?: (d: Date) => void }) | undefined;
      if (clock?.set) {
        if (clock.now() < instant) clock.set(instant);
        return;
      }
      const wait = instant.getTime() - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 5));
    },
    scheduler: () => app.get(DeadlineScheduler),
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
    },
  };
}

/** Polls `check` until it stops throwing (for effects that cross process or instance boundaries). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 5000, intervalMs = 50): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}
