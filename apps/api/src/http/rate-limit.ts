import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnModuleDestroy,
  OnModuleInit,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Pool } from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { APP_CONFIG } from '../../../../libs/runtime/src/tokens';
import type { AppConfig } from '../../../../libs/runtime/src/config/app-config';
import { ProblemSchema } from './openapi';
import { ProblemException, problemType } from './problem';
import type { ApiRequest } from './request-context';

// Rate limits on the routes worth abusing: issuing tokens and filing disputes. Each counts per
// user and per client address separately (rate-limiter-flexible). With DATABASE_URL the counts
// live in PostgreSQL (table rate_limits in the read models' schema), shared by every API process
// on that database, so three processes still allow the configured limit and not three times it.
// Should PostgreSQL fail, each process falls back to counting in memory (the insurance limiter)
// rather than refusing or failing requests. Without DATABASE_URL (one embedded process) they count
// in memory.

export type RateLimitedRoute = 'token' | 'filing';
const RATE_LIMITED = 'gzc:rateLimited';

interface Limiters {
  perUser?: RateLimiterAbstract;
  perAddress?: RateLimiterAbstract;
}

/** The table of shared counts; rate-limiter-flexible's own layout. */
const TABLE = 'rate_limits';
/** A rate-limit check that waits longer than this for PostgreSQL counts in memory instead. */
const STORE_TIMEOUT_MS = 2000;

/** What PostgreSQL answers a CREATE ... IF NOT EXISTS that lost a race with another creator. */
const RACE_CODES = new Set(['23505', '42P06', '42P07', '42710']);

/** Longest key kept: a hostile userId in a body must not grow memory. */
const MAX_KEY = 200;

@Injectable()
export class RateLimitService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('RateLimits');
  private limiters: Record<RateLimitedRoute, Limiters>;
  private pool: Pool | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'rateLimits' | 'databaseUrl' | 'databaseSchema'>) {
    this.limiters = this.build(() => undefined);
  }

  /** On PostgreSQL: creates the shared table, then counts there. */
  async onModuleInit(): Promise<void> {
    const { databaseUrl, databaseSchema } = this.config;
    if (!databaseUrl || !this.anyLimit()) return;
    const pool = new Pool({
      connectionString: databaseUrl,
      max: 4,
      connectionTimeoutMillis: STORE_TIMEOUT_MS,
      query_timeout: STORE_TIMEOUT_MS,
      application_name: 'gzc-rate-limits',
    });
    pool.on('error', (error) => this.logger.warn(`Idle PostgreSQL connection of the rate limits failed: ${error.message}`));
    this.pool = pool;
    await createRateLimitTable(pool, databaseSchema);
    this.limiters = this.build(
      (points, keyPrefix, duration) =>
        new RateLimiterPostgres({
          storeClient: pool,
          storeType: 'pool',
          schemaName: databaseSchema,
          tableName: TABLE,
          tableCreated: true,
          keyPrefix,
          points,
          duration,
          insuranceLimiter: new RateLimiterMemory({ points, duration, keyPrefix }),
        }),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.end().catch(() => undefined);
  }

  private anyLimit(): boolean {
    const { tokensPerUser, tokensPerAddress, filingsPerUser, filingsPerAddress } = this.config.rateLimits;
    return tokensPerUser > 0 || tokensPerAddress > 0 || filingsPerUser > 0 || filingsPerAddress > 0;
  }

  /** One limiter per route and dimension (0 points: none); `shared` makes a store-backed one, else memory. */
  private build(
    shared: (points: number, keyPrefix: string, duration: number) => RateLimiterAbstract | undefined,
  ): Record<RateLimitedRoute, Limiters> {
    const { windowSeconds, tokensPerUser, tokensPerAddress, filingsPerUser, filingsPerAddress } = this.config.rateLimits;
    const limiter = (points: number, keyPrefix: string): RateLimiterAbstract | undefined =>
      points > 0
        ? (shared(points, keyPrefix, windowSeconds) ?? new RateLimiterMemory({ points, duration: windowSeconds, keyPrefix }))
        : undefined;
    return {
      token: { perUser: limiter(tokensPerUser, 'token-user'), perAddress: limiter(tokensPerAddress, 'token-address') },
      filing: { perUser: limiter(filingsPerUser, 'filing-user'), perAddress: limiter(filingsPerAddress, 'filing-address') },
    };
  }

  /** Counts one request; throws 429 with Retry-After when the user or the address is over the limit. */
  async consume(route: RateLimitedRoute, user: string | undefined, address: string | undefined): Promise<void> {
    const { perUser, perAddress } = this.limiters[route];
    const checks: Promise<unknown>[] = [];
    if (perUser && user) checks.push(perUser.consume(`u:${user.slice(0, MAX_KEY)}`));
    if (perAddress && address) checks.push(perAddress.consume(`a:${address.slice(0, MAX_KEY)}`));
    const results = await Promise.allSettled(checks);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown);
    if (refused.length === 0) return;
    const waits = refused.map((reason) => (reason instanceof RateLimiterRes ? reason.msBeforeNext : undefined));
    if (waits.some((w) => w === undefined)) throw refused[0]; // not a limit but a failure: let the filter log it
    const retryAfter = Math.max(1, Math.ceil(Math.max(...(waits as number[])) / 1000));
    throw new ProblemException({
      status: 429,
      type: problemType('rate_limited'),
      title: 'Too many requests',
      detail: `Too many ${route === 'token' ? 'token requests' : 'filings'} in a short time; try again in ${retryAfter} seconds.`,
      code: 'rate_limited',
      headers: { 'Retry-After': String(retryAfter) },
    });
  }
}

/** Runs after the global AuthGuard, so the user is known; the dev-token route keys on the requested userId. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimitService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const route = this.reflector.get<RateLimitedRoute | undefined>(RATE_LIMITED, context.getHandler());
    if (!route) return true;
    const request = context.switchToHttp().getRequest<ApiRequest>();
    const body = request.body as { userId?: unknown } | undefined;
    const user = request.actor?.userId ?? (typeof body?.userId === 'string' ? body.userId : undefined);
    await this.limits.consume(route, user, request.ip ?? request.socket?.remoteAddress);
    return true;
  }
}

/** Limits the route per user and per client address (RATE_LIMIT_* settings). */
export const RateLimited = (route: RateLimitedRoute): MethodDecorator =>
  applyDecorators(
    SetMetadata(RATE_LIMITED, route),
    UseGuards(RateLimitGuard),
    ApiTooManyRequestsResponse({ type: ProblemSchema, description: 'Too many requests from this user or address (Retry-After)' }),
  );

@Global()
@Module({ providers: [RateLimitService], exports: [RateLimitService] })
export class RateLimitModule {}

/**
 * rate-limiter-flexible's table, created once; several processes starting together may race to
 * create it, and IF NOT EXISTS does not stop the loser failing.
 */
export async function createRateLimitTable(pool: Pool, schema: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await pool.query(
        `CREATE TABLE IF NOT EXISTS "${schema}"."${TABLE}" (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`,
      );
      return;
    } catch (error) {
      // Another process created the schema or table between our check and our CREATE: 23505 (a
      // catalog's unique index), 42P06 / 42P07 (schema / table exists), or 42710 (the table's row
      // type exists: its creator committed after our table check and before our type check).
      const code = (error as { code?: unknown }).code;
      if (attempt >= 3 || !RACE_CODES.has(String(code))) throw error;
    }
  }
}
