import { Controller, Get, Inject, Logger, Optional } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG } from '../../../../libs/runtime/src/tokens';
import type { AppConfig } from '../../../../libs/runtime/src/config/app-config';
import { Public } from '../auth/public.decorator';
import { ProblemException, problemType } from '../http/problem';
import { HEALTH_CHECKS, type HealthCheck, type HealthCheckResult } from './health.tokens';

export { HEALTH_CHECKS } from './health.tokens';

const CHECK_TIMEOUT_MS = 5_000;

export interface HealthResponse {
  status: 'ok';
  eventStore: string;
  checks: Record<string, { ok: boolean; detail?: unknown }>;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  private readonly logger = new Logger(HealthController.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(HEALTH_CHECKS) private readonly healthChecks?: HealthCheck[],
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness and readiness: 200 when every check passes, 503 otherwise' })
  @ApiOkResponse({ description: '{status: "ok", eventStore, checks}' })
  @ApiServiceUnavailableResponse({ description: 'A check failed (problem+json with the checks)' })
  async health(): Promise<HealthResponse> {
    const results = await Promise.all((this.healthChecks ?? []).map((check, i) => this.run(check, i)));
    const checks: HealthResponse['checks'] = {};
    for (const r of results) checks[r.name] = { ok: r.ok, ...(r.detail !== undefined ? { detail: r.detail } : {}) };
    const failing = results.filter((r) => !r.ok).map((r) => r.name);
    if (failing.length > 0) {
      throw new ProblemException({
        status: 503,
        type: problemType('unhealthy'),
        title: 'Service unavailable',
        detail: `Failing: ${failing.join(', ')}.`,
        extensions: { checks },
        headers: { 'Retry-After': '5' },
      });
    }
    return { status: 'ok', eventStore: this.config.eventStore, checks };
  }

  private async run(check: HealthCheck, index: number): Promise<HealthCheckResult> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      });
      const result = await Promise.race([check(), timeout]);
      return { name: result.name || `check${index}`, ok: result.ok === true, detail: result.detail };
    } catch (error) {
      this.logger.warn(`Health check ${index} failed: ${error instanceof Error ? error.message : String(error)}`);
      return { name: `check${index}`, ok: false, detail: 'check failed' };
    } finally {
      if (timer) clearTimeout(timer);
    }
  }
}
