/** What one readiness check found; `detail` is shown to the secretariat only. */
export interface HealthCheckOutcome {
  ok: boolean;
  detail?: Record<string, unknown>;
}

/** One readiness check: a store answers, the projections keep up. */
export interface HealthCheck {
  name: string;
  run(): Promise<HealthCheckOutcome>;
  /**
   * An advisory check (e.g. mail backing up) shows as down on `/health`, for monitoring, but never
   * takes the instance out of `/health/ready`: the API still serves every request without it.
   */
  advisory?: boolean;
}

/** Optional provider: the HealthCheck[] that readiness runs (the infrastructure provides them). */
export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');
