import { DynamicModule, Global, Module } from '@nestjs/common';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_POLICIES, DEADLINE_KINDS, type DeadlineKind, type Policies } from '../../../../libs/domain/src';
import { APP_CONFIG, POLICIES } from '../common/tokens';
import type { NeutralFeeIndications } from '../fees/fee-estimate';

export const EVENT_STORE_KINDS = ['sqlite', 'postgres', 'kurrentdb'] as const;
export type EventStoreKind = (typeof EVENT_STORE_KINDS)[number];
export const PROJECTION_MODES = ['inline', 'off'] as const;
export type ProjectionMode = (typeof PROJECTION_MODES)[number];
export const AUTH_MODES = ['dev', 'oidc'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

/** The application's settings, read once from the environment (see API.md "Running"). */
export interface AppConfig {
  port: number;
  /** Absolute path of the folder for embedded databases, stored documents, the directory and the dev-token secret. */
  dataDir: string;
  eventStore: EventStoreKind;
  /** PostgreSQL for the read models (and the events when eventStore is postgres); unset: SQLite in dataDir. */
  databaseUrl?: string;
  /** PostgreSQL schema of the read models (and of the events on EVENT_STORE=postgres); default public. */
  databaseSchema: string;
  kurrentdbUrl?: string;
  /** 'inline': this process runs the projections too; 'off': projector processes do (apps/projector). */
  projections: ProjectionMode;
  /** PostgreSQL: how often a standby process tries to take over a projection (ms). */
  projectionLockRetryMs: number;
  authMode: AuthMode;
  /** HS256 secret of dev tokens; unset: generated once and kept in `<dataDir>/dev-token-secret`. */
  devTokenSecret?: string;
  devTokenTtlSeconds: number;
  oidcIssuer?: string;
  oidcAudience?: string;
  oidcRoleClaim: string;
  oidcOrganisationClaim: string;
  /** After fetching the issuer's keys, no refetch for this long, even for an unknown key id (jose's cooldown). */
  oidcJwksCooldownMs: number;
  /** Seed of an empty directory at first start: a directory file, or 'none'; unset: the demo fixture. */
  directorySeedFile?: string | 'none';
  /** Origins allowed to call the API from a browser (CORS); empty: none. */
  corsOrigins: string[];
  /** Express `trust proxy`: how many proxies in front of us may set X-Forwarded-For (0: none). */
  trustProxyHops: number;
  rateLimits: RateLimits;
  /** One JSON line per request on stdout. */
  requestLog: boolean;
  deadlineScanIntervalMs: number;
  /** Observers see statistics cells counting fewer cases than this as null (small-cell suppression). */
  statisticsMinCellCount: number;
  /** Largest JSON body accepted, in bytes (413 beyond). */
  bodyLimitBytes: number;
  /** Largest document accepted for upload, in bytes (413 beyond). */
  documentMaxBytes: number;
  policies: Policies;
  /** Folder of the built portal (index.html and assets/) served at /; missing folder: no portal. */
  webRoot: string;
  /** The portal's OpenID Connect client id (public client, Authorization Code + PKCE); default OIDC_AUDIENCE. */
  oidcClientId?: string;
  /** The scopes the portal asks for at sign-in (OIDC), e.g. "openid profile api" when the API is a resource with its own scope. */
  oidcPortalScope: string;
  /** Indicative total neutral fees per route (euro cents), shown by the keuzehulp's cost estimate. */
  neutralFeeIndications: NeutralFeeIndications;
}

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

const DEADLINE_ENV: Record<DeadlineKind, string> = {
  information: 'DEADLINE_DAYS_INFORMATION',
  respondent_answer: 'DEADLINE_DAYS_RESPONDENT_ANSWER',
  challenge: 'DEADLINE_DAYS_CHALLENGE',
  statement_of_defence: 'DEADLINE_DAYS_STATEMENT_OF_DEFENCE',
  escalation: 'DEADLINE_DAYS_ESCALATION',
};

/** 25 MB (25 × 1024 × 1024 bytes): the largest document accepted unless DOCUMENT_MAX_BYTES says otherwise. */
export const DEFAULT_DOCUMENT_MAX_BYTES = 25 * 1024 * 1024;

type Env = Record<string, string | undefined>;

/** Reads and validates the environment. Throws ConfigError listing every invalid variable. */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): AppConfig {
  const problems: string[] = [];
  const str = (name: string): string | undefined => {
    const value = env[name];
    if (value === undefined) return undefined;
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = str(name);
    if (raw === undefined) return fallback;
    if (!/^-?\d+$/.test(raw)) {
      problems.push(`${name} must be a whole number between ${min} and ${max}, got "${raw}"`);
      return fallback;
    }
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number between ${min} and ${max}, got ${raw}`);
      return fallback;
    }
    return value;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = str(name);
    if (raw === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      problems.push(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
      return fallback;
    }
    return raw as T;
  };
  const url = (name: string, protocols: string[]): string | undefined => {
    const raw = str(name);
    if (raw === undefined) return undefined;
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      problems.push(`${name} is not a valid URL`);
      return undefined;
    }
    if (!protocols.includes(parsed.protocol)) {
      problems.push(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
      return undefined;
    }
    return raw;
  };

  const port = int('PORT', 3000, 0, 65_535);
  const dataDir = path.resolve(cwd, str('DATA_DIR') ?? './data');
  const eventStore = oneOf('EVENT_STORE', EVENT_STORE_KINDS, 'sqlite');
  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const databaseSchema = str('DATABASE_SCHEMA') ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(databaseSchema)) {
    problems.push(
      `DATABASE_SCHEMA must be lower-case letters, digits and underscores (at most 63, not starting with a digit), got "${databaseSchema}"`,
    );
  }
  const projections = oneOf('PROJECTIONS', PROJECTION_MODES, 'inline');
  const projectionLockRetryMs = int('PROJECTION_LOCK_RETRY_MS', 1000, 50, 60_000);
  const kurrentdbUrl = url('KURRENTDB_URL', ['kurrentdb:', 'kurrentdb+discover:', 'esdb:', 'esdb+discover:', 'kdb:', 'kdb+discover:']);
  if (eventStore === 'postgres' && !databaseUrl && str('DATABASE_URL') === undefined) {
    problems.push('EVENT_STORE=postgres needs DATABASE_URL (postgres://user:password@host:5432/database)');
  }
  if (eventStore === 'kurrentdb' && !kurrentdbUrl && str('KURRENTDB_URL') === undefined) {
    problems.push('EVENT_STORE=kurrentdb needs KURRENTDB_URL (e.g. kurrentdb://localhost:2113?tls=false)');
  }

  const authMode = oneOf('AUTH_MODE', AUTH_MODES, 'dev');
  const devTokenSecret = str('DEV_TOKEN_SECRET');
  if (devTokenSecret !== undefined && devTokenSecret.length < 32) {
    problems.push('DEV_TOKEN_SECRET must be at least 32 characters long (leave it unset to have one generated)');
  }
  const devTokenTtlSeconds = int('DEV_TOKEN_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600);
  const oidcIssuer = url('OIDC_ISSUER', ['https:', 'http:']);
  const oidcAudience = str('OIDC_AUDIENCE');
  if (authMode === 'oidc') {
    if (str('OIDC_ISSUER') === undefined) problems.push('AUTH_MODE=oidc needs OIDC_ISSUER (the issuer URL)');
    if (oidcAudience === undefined) problems.push('AUTH_MODE=oidc needs OIDC_AUDIENCE');
  }
  const oidcRoleClaim = str('OIDC_ROLE_CLAIM') ?? 'role';
  const oidcOrganisationClaim = str('OIDC_ORGANISATION_CLAIM') ?? 'organisation_id';
  const oidcJwksCooldownMs = int('OIDC_JWKS_COOLDOWN_MS', 30_000, 0, 3_600_000);

  const seedRaw = str('DIRECTORY_SEED_FILE');
  let directorySeedFile: string | undefined;
  if (seedRaw === 'none') directorySeedFile = 'none';
  else if (seedRaw !== undefined) {
    directorySeedFile = path.resolve(cwd, seedRaw);
    if (!fs.existsSync(directorySeedFile)) problems.push(`DIRECTORY_SEED_FILE ${directorySeedFile} does not exist (or set it to none)`);
  }

  const corsOrigins: string[] = [];
  for (const origin of (str('CORS_ORIGINS') ?? '').split(',').map((o) => o.trim()).filter((o) => o !== '')) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
      problems.push(`CORS_ORIGINS must be a comma-separated list of origins such as https://app.example.nl (no path, no trailing slash), got "${origin}"`);
    } else corsOrigins.push(origin);
  }
  const trustProxyHops = int('TRUST_PROXY_HOPS', 0, 0, 10);
  const rateLimits: RateLimits = {
    windowSeconds: int('RATE_LIMIT_WINDOW_SECONDS', 60, 1, 86_400),
    tokensPerUser: int('RATE_LIMIT_TOKENS_PER_USER', 20, 0, 1_000_000),
    tokensPerAddress: int('RATE_LIMIT_TOKENS_PER_ADDRESS', 60, 0, 1_000_000),
    filingsPerUser: int('RATE_LIMIT_FILINGS_PER_USER', 30, 0, 1_000_000),
    filingsPerAddress: int('RATE_LIMIT_FILINGS_PER_ADDRESS', 300, 0, 1_000_000),
  };
  const requestLog = oneOf('REQUEST_LOG', ['on', 'off'] as const, 'on') === 'on';

  // 0 turns the scan off (a second process may own it); otherwise at least every 10 ms is absurd.
  const deadlineScanIntervalMs = int('DEADLINE_SCAN_INTERVAL_MS', 60_000, 0, 86_400_000);
  if (deadlineScanIntervalMs > 0 && deadlineScanIntervalMs < 10) {
    problems.push('DEADLINE_SCAN_INTERVAL_MS must be 0 (off) or at least 10');
  }

  const documentMaxBytes = int('DOCUMENT_MAX_BYTES', DEFAULT_DOCUMENT_MAX_BYTES, 1, 1024 * 1024 * 1024);
  const statisticsMinCellCount = int('STATISTICS_MIN_CELL_COUNT', 5, 1, 1000);

  const deadlineDays = {} as Record<DeadlineKind, number>;
  for (const kind of DEADLINE_KINDS) {
    deadlineDays[kind] = int(DEADLINE_ENV[kind], DEFAULT_POLICIES.deadlineDays[kind], 1, 365);
  }
  const policies: Policies = {
    deadlineDays,
    administrationFeeCents: int('ADMINISTRATION_FEE_CENTS', DEFAULT_POLICIES.administrationFeeCents, 0, Number.MAX_SAFE_INTEGER),
    smallProviderRespondentSharePct: int(
      'SMALL_PROVIDER_RESPONDENT_SHARE_PCT',
      DEFAULT_POLICIES.smallProviderRespondentSharePct,
      0,
      100,
    ),
  };

  const webRoot = path.resolve(cwd, str('WEB_ROOT') ?? './dist/web');
  const oidcClientId = str('OIDC_CLIENT_ID') ?? oidcAudience;
  const oidcPortalScope = str('OIDC_PORTAL_SCOPE') ?? 'openid profile';
  if (!/^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/.test(oidcPortalScope)) {
    problems.push(`OIDC_PORTAL_SCOPE must be scopes separated by single spaces, got "${oidcPortalScope}"`);
  }
  const neutralFeeIndications: NeutralFeeIndications = {
    mediationCents: int('NEUTRAL_FEE_MEDIATION_CENTS', 150_000, 0, Number.MAX_SAFE_INTEGER),
    bindingAdviceCents: int('NEUTRAL_FEE_BINDING_ADVICE_CENTS', 600_000, 0, Number.MAX_SAFE_INTEGER),
    arbitrationCents: int('NEUTRAL_FEE_ARBITRATION_CENTS', 1_200_000, 0, Number.MAX_SAFE_INTEGER),
  };

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    dataDir,
    eventStore,
    databaseUrl,
    databaseSchema,
    kurrentdbUrl,
    projections,
    projectionLockRetryMs,
    authMode,
    devTokenSecret,
    devTokenTtlSeconds,
    oidcIssuer,
    oidcAudience,
    oidcRoleClaim,
    oidcOrganisationClaim,
    oidcJwksCooldownMs,
    directorySeedFile,
    corsOrigins,
    trustProxyHops,
    rateLimits,
    requestLog,
    deadlineScanIntervalMs,
    statisticsMinCellCount,
    bodyLimitBytes: 1024 * 1024,
    documentMaxBytes,
    policies,
    webRoot,
    oidcClientId,
    oidcPortalScope,
    neutralFeeIndications,
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
