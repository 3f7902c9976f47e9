import { Controller, Get, Inject, Logger, Optional, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import type { AppConfig } from '../../../../libs/runtime/src/config/app-config';
import { APP_CONFIG } from '../../../../libs/runtime/src/tokens';
import { Public } from '../auth/public.decorator';
import { ProblemException, problemType } from '../http/problem';
import type { ApiRequest } from '../http/request-context';
import { HEALTH_CHECKS, type HealthCheck, type HealthCheckOutcome } from './health.tokens';

export { HEALTH_CHECKS } from './health.tokens';

const CHECK_TIMEOUT_MS = 5_000;

/** Readiness as terminus reports it, with each check's outcome kept for the secretariat. */
interface Readiness {
  ready: boolean;
  result: HealthCheckResult;
  outcomes: Record<string, HealthCheckOutcome>;
}

/**
 * Liveness (`/health/live`: the process answers), readiness (`/health/ready`: the stores answer and
 * the projections keep up; which check is down, nothing more) and `/health`: up or down for anyone,
 * with each check's detail (positions, lag, the last projection failure) for the secretariat only.
 */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  private readonly logger = new Logger(HealthController.name);

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[] = [],
  ) {}

  @Get()
  @ApiOperation({ summary: 'Up or down (the secretariat also sees each check with its detail)' })
  @ApiOkResponse({ description: '{status: "up"}' })
  @ApiServiceUnavailableResponse({ description: 'Not ready (problem+json)' })
  async summary(@Req() request: ApiRequest): Promise<Record<string, unknown>> {
    const { ready, outcomes } = await this.readiness(true);
    const details =
      request.actor?.role === 'secretariat' ? { eventStore: this.config.eventStore, checks: outcomes as Record<string, unknown> } : {};
    if (!ready) throw this.unavailable('The service is not ready.', details);
    return { status: 'up', ...details };
  }

  @Get('live')
  @ApiOperation({ summary: 'Liveness: 200 while the process answers' })
  @ApiOkResponse({ description: 'terminus: {status: "ok"}' })
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: 200 when the stores answer and the projections keep up, 503 naming what is down' })
  @ApiOkResponse({ description: 'terminus: {status: "ok", info, error, details}' })
  @ApiServiceUnavailableResponse({ description: 'Not ready (problem+json with `checks`: each check up or down)' })
  async ready(): Promise<HealthCheckResult> {
    const { ready, result } = await this.readiness(false);
    if (!ready) {
      const down = Object.keys(result.error ?? {});
      throw this.unavailable(`Not ready: ${down.join(', ')}.`, { checks: result.details });
    }
    return result;
  }

  /** `withAdvisory`: `/health` also reports advisory checks; `/health/ready` runs only the ones that gate traffic. */
  private async readiness(withAdvisory: boolean): Promise<Readiness> {
    const outcomes: Record<string, HealthCheckOutcome> = {};
    const checks = withAdvisory ? this.checks : this.checks.filter((check) => !check.advisory);
    const indicators = checks.map(
      (check) => () =>
        this.indicators
          .check(check.name)
          .attempt(async () => {
            outcomes[check.name] = await this.run(check);
            // Only up or down here: readiness is public; the detail is the secretariat's.
            if (!outcomes[check.name]!.ok) throw new Error(`${check.name} is not ready`);
          })
          .withTimeout(CHECK_TIMEOUT_MS),
    );
    try {
      return { ready: true, result: await this.health.check(indicators), outcomes };
    } catch (error) {
      const result = (error as { getResponse?: () => unknown }).getResponse?.() as HealthCheckResult | undefined;
      if (!result) throw error;
      for (const check of checks) outcomes[check.name] ??= { ok: false, detail: { message: 'timed out' } };
      return { ready: false, result, outcomes };
    }
  }

  private async run(check: HealthCheck): Promise<HealthCheckOutcome> {
    try {
      return await check.run();
    } catch (error) {
      // The reason goes to the log, never into the answer (it may name files or hosts).
      this.logger.warn(`Health check ${check.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      return { ok: false, detail: { message: 'check failed' } };
    }
  }

  private unavailable(detail: string, extensions: Record<string, unknown>): ProblemException {
    return new ProblemException({
      status: 503,
      type: problemType('unhealthy'),
      title: 'Service unavailable',
      detail,
      extensions,
      headers: { 'Retry-After': '5' },
    });
  }
}
