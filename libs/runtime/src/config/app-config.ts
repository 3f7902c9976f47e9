import { DynamicModule, Global, Module } from '@nestjs/common';
import type { DeadlineKind, Policies } from '../../../domain/src';
import { APP_CONFIG, POLICIES } from '../tokens';
import { AUTH_MODES, combinationProblems, effectiveAuthMode, EVENT_STORE_KINDS, isProduction, PROJECTION_MODES, settingsSchema, type Settings } from './settings';

export { AUTH_MODES, DEFAULT_DOCUMENT_MAX_BYTES, EVENT_STORE_KINDS, PROJECTION_MODES } from './settings';
export { isLoopbackHost, isSecureOrLoopbackUrl, UNSAFE_DEV_LOGIN_CONSENT, UNSAFE_DEV_LOGIN_ON_NETWORK } from './addresses';
export type EventStoreKind = (typeof EVENT_STORE_KINDS)[number];
export type ProjectionMode = (typeof PROJECTION_MODES)[number];
export type AuthMode = (typeof AUTH_MODES)[number];

/** The settings as the processes use them: the schema's values (settings.ts), grouped and named for the code. */
export type AppConfig = ReturnType<typeof toAppConfig>;

/** Requests per window (0: no limit), counted per user and per client address separately. */
export interface RateLimits {
  windowSeconds: number;
  tokensPerUser: number;
  tokensPerAddress: number;
  filingsPerUser: number;
  filingsPerAddress: number;
}

/** Thrown by loadConfig with every problem found, one per line, so an operator can fix them all at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export interface LoadConfigOptions {
  /**
   * False for processes that serve no HTTP (projector, rebuild, seed:history): they sign nobody in,
   * so AUTH_MODE's requirements (an OIDC issuer, dev login on loopback only) do not stop them.
   */
  servesHttp?: boolean;
}

/** Reads and validates the environment against the settings schema. Throws ConfigError listing every invalid variable. */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd(), options: LoadConfigOptions = {}): AppConfig {
  // Blank variables count as unset; values are trimmed.
  const given: Env = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') given[name] = value.trim();
  }
  const parsed = settingsSchema(cwd).safeParse(given);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  problems.push(...combinationProblems(given, options.servesHttp ?? true));
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  return toAppConfig(parsed.data);
}

// A new setting: a line in settings.ts (variable, type, default, description) and its field here.
function toAppConfig(s: Settings) {
  const deadlineDays: Record<DeadlineKind, number> = {
    information: s.DEADLINE_DAYS_INFORMATION,
    respondent_answer: s.DEADLINE_DAYS_RESPONDENT_ANSWER,
    challenge: s.DEADLINE_DAYS_CHALLENGE,
    statement_of_defence: s.DEADLINE_DAYS_STATEMENT_OF_DEFENCE,
    escalation: s.DEADLINE_DAYS_ESCALATION,
    escalation_answer: s.DEADLINE_DAYS_ESCALATION_ANSWER,
    continuation: s.DEADLINE_DAYS_CONTINUATION,
    information_grace: s.DEADLINE_DAYS_INFORMATION_GRACE,
    fee_payment: s.DEADLINE_DAYS_FEE_PAYMENT,
  };
  const production = isProduction(s);
  return {
    port: s.PORT,
    /** The address the server listens on; default loopback, so only this machine reaches it. */
    host: s.HOST,
    /** NODE_ENV=production: safe defaults for a server (AUTH_MODE oidc, no demo directory, no /docs). */
    production,
    /** Serve Swagger UI at /docs and the OpenAPI document at /docs-json. */
    apiDocs: (s.API_DOCS ?? (production ? 'off' : 'on')) === 'on',
    dataDir: s.DATA_DIR,
    eventStore: s.EVENT_STORE,
    databaseUrl: s.DATABASE_URL,
    databaseSchema: s.DATABASE_SCHEMA,
    kurrentdbUrl: s.KURRENTDB_URL,
    projections: s.PROJECTIONS,
    projectionLockRetryMs: s.PROJECTION_LOCK_RETRY_MS,
    authMode: effectiveAuthMode(s),
    devTokenSecret: s.DEV_TOKEN_SECRET,
    /** Ed25519 PKCS#8 PEM that signs chain checkpoints; unset: generated into DATA_DIR (0600). */
    checkpointSigningKey: s.CHECKPOINT_SIGNING_KEY,
    checkpointIntervalSeconds: s.CHECKPOINT_INTERVAL_SECONDS,
    devTokenTtlSeconds: s.DEV_TOKEN_TTL_SECONDS,
    oidcIssuer: s.OIDC_ISSUER,
    oidcAudience: s.OIDC_AUDIENCE,
    oidcRoleClaim: s.OIDC_ROLE_CLAIM,
    oidcOrganisationClaim: s.OIDC_ORGANISATION_CLAIM,
    oidcJwksCooldownMs: s.OIDC_JWKS_COOLDOWN_MS,
    /** An absolute path, or 'none'; unset: the demo directory. Production never seeds the demo directory (made-up users with well-known ids). */
    directorySeedFile: (s.DIRECTORY_SEED_FILE ?? (production ? 'none' : undefined)) as string | 'none' | undefined,
    corsOrigins: s.CORS_ORIGINS,
    trustProxyHops: s.TRUST_PROXY_HOPS,
    rateLimits: {
      windowSeconds: s.RATE_LIMIT_WINDOW_SECONDS,
      tokensPerUser: s.RATE_LIMIT_TOKENS_PER_USER,
      tokensPerAddress: s.RATE_LIMIT_TOKENS_PER_ADDRESS,
      filingsPerUser: s.RATE_LIMIT_FILINGS_PER_USER,
      filingsPerAddress: s.RATE_LIMIT_FILINGS_PER_ADDRESS,
    } satisfies RateLimits as RateLimits,
    requestLog: s.REQUEST_LOG === 'on',
    deadlineScanIntervalMs: s.DEADLINE_SCAN_INTERVAL_MS,
    statisticsMinCellCount: s.STATISTICS_MIN_CELL_COUNT,
    /** Largest JSON body accepted, in bytes (413 beyond); not a setting. */
    bodyLimitBytes: 1024 * 1024,
    documentMaxBytes: s.DOCUMENT_MAX_BYTES,
    policies: {
      deadlineDays,
      administrationFeeCents: s.ADMINISTRATION_FEE_CENTS,
      smallProviderRespondentSharePct: s.SMALL_PROVIDER_RESPONDENT_SHARE_PCT,
    } satisfies Policies as Policies,
    notifications: {
      mode: s.NOTIFICATIONS,
      publicUrl: s.PUBLIC_URL ?? `http://localhost:${s.PORT}`,
      smtpUrl: s.SMTP_URL,
      mailFrom: s.MAIL_FROM,
      reminderDays: s.REMINDER_DAYS,
      sendIntervalMs: s.NOTIFICATION_SEND_INTERVAL_MS,
      backlogAlertSeconds: s.NOTIFICATION_BACKLOG_ALERT_SECONDS,
      webhookAllowLoopbackHttp: s.WEBHOOK_ALLOW_LOOPBACK_HTTP === 'on',
    },
    webRoot: s.WEB_ROOT,
    oidcClientId: s.OIDC_CLIENT_ID ?? s.OIDC_AUDIENCE,
    oidcPortalScope: s.OIDC_PORTAL_SCOPE,
    /** Indicative total neutral fees per route, for the cost estimate (euro cents). */
    neutralFeeIndications: {
      mediationCents: s.NEUTRAL_FEE_MEDIATION_CENTS,
      bindingAdviceCents: s.NEUTRAL_FEE_BINDING_ADVICE_CENTS,
      arbitrationCents: s.NEUTRAL_FEE_ARBITRATION_CENTS,
    },
  };
}

/** Provides APP_CONFIG and POLICIES everywhere. Tests pass a config object of their own. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: POLICIES, useValue: config.policies },
      ],
      exports: [APP_CONFIG, POLICIES],
    };
  }
}
