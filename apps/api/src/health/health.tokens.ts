/** What one readiness check found; `detail` is shown to the secretariat only. */
export interface HealthCheckOutcome {
  ok: boolean;
  detail?: Record<string, unknown>;
}

/** One readiness check: a store answers, the projections keep up. */
export interface HealthCheck {
  name: string;
  run(): Promise<HealthCheckOutcome>;
}

/** Optional provider: the HealthCheck[] that readiness runs (the infrastructure provides them). */
export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');
