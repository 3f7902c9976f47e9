/** The outcome of one health check. */
export interface HealthCheckResult {
  name: string;
  ok: boolean;
  detail?: unknown;
}

export type HealthCheck = () => Promise<HealthCheckResult>;

/** Optional provider: an array of HealthCheck run by GET /health. */
export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');
