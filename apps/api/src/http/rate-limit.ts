import { applyDecorators, CanActivate, ExecutionContext, Global, Inject, Injectable, Module, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG } from '../../../../libs/runtime/src/tokens';
import type { AppConfig } from '../../../../libs/runtime/src/config/app-config';
import { ProblemSchema } from './openapi';
import { ProblemException, problemType } from './problem';
import type { ApiRequest } from './request-context';

// Rate limits on the routes worth abusing: issuing tokens and filing disputes. Each counts per
// user and per client address separately, in memory (rate-limiter-flexible's RateLimiterMemory):
// right for one process; with several API processes each counts on its own, so the effective
// limit is the configured one times the number of processes.

export type RateLimitedRoute = 'token' | 'filing';
const RATE_LIMITED = 'gzc:rateLimited';

interface Limiters {
  perUser?: RateLimiterMemory;
  perAddress?: RateLimiterMemory;
}

/** Longest key kept: a hostile userId in a body must not grow memory. */
const MAX_KEY = 200;

@Injectable()
export class RateLimitService {
  private readonly limiters: Record<RateLimitedRoute, Limiters>;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'rateLimits'>) {
    const { windowSeconds, tokensPerUser, tokensPerAddress, filingsPerUser, filingsPerAddress } = config.rateLimits;
    const limiter = (points: number) => (points > 0 ? new RateLimiterMemory({ points, duration: windowSeconds }) : undefined);
    this.limiters = {
      token: { perUser: limiter(tokensPerUser), perAddress: limiter(tokensPerAddress) },
      filing: { perUser: limiter(filingsPerUser), perAddress: limiter(filingsPerAddress) },
    };
  }

  /** Counts one request; throws 429 with Retry-After when the user or the address is over the limit. */
  async consume(route: RateLimitedRoute, user: string | undefined, address: string | undefined): Promise<void> {
    const { perUser, perAddress } = this.limiters[route];
    const checks: Promise<unknown>[] = [];
    if (perUser && user) checks.push(perUser.consume(`u:${user.slice(0, MAX_KEY)}`));
    if (perAddress && address) checks.push(perAddress.consume(`a:${address.slice(0, MAX_KEY)}`));
    const results = await Promise.allSettled(checks);
    const refused = results
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => r.reason as unknown);
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
