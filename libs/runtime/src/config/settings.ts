import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { DEFAULT_POLICIES } from '../../../domain/src';
import { isLoopbackHost, isSecureOrLoopbackUrl, UNSAFE_DEV_LOGIN_CONSENT, UNSAFE_DEV_LOGIN_ON_NETWORK } from './addresses';

// Every setting of every process (API, projector, seed:history), declared once: its environment
// variable, its type and bounds, its default and a one-line description. `loadConfig` parses the
// environment with this schema, and docs/operations.md lists the settings from it.
// A new setting: one line here, and its field in toAppConfig (app-config.ts).

export const EVENT_STORE_KINDS = ['sqlite', 'postgres', 'kurrentdb'] as const;
export const PROJECTION_MODES = ['inline', 'off'] as const;
export const AUTH_MODES = ['dev', 'oidc'] as const;

/** 25 MB (25 × 1024 × 1024 bytes): the largest document accepted unless DOCUMENT_MAX_BYTES says otherwise. */
export const DEFAULT_DOCUMENT_MAX_BYTES = 25 * 1024 * 1024;

const KURRENTDB_PROTOCOLS = ['kurrentdb', 'kurrentdb+discover', 'esdb', 'esdb+discover', 'kdb', 'kdb+discover'];
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** A whole number from min to max, given as text. Messages leave out the variable's name: loadConfig puts it in front. */
function wholeNumber(min: number, max: number, fallback: number) {
  const problem = (input: unknown) => `must be a whole number between ${min} and ${max}, got "${String(input)}"`;
  return z
    .string()
    .regex(/^-?\d+$/, { error: (issue) => problem(issue.input) })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: (issue) => problem(issue.input) })
        .max(max, { error: (issue) => problem(issue.input) }),
    )
    .default(fallback);
}

/** A deadline's length in days (1 to 365), defaulting to the domain's policy for that kind. */
const deadlineDays = (kind: keyof typeof DEFAULT_POLICIES.deadlineDays, description: string) =>
  wholeNumber(1, 365, DEFAULT_POLICIES.deadlineDays[kind]).describe(description);

function oneOf<const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) {
  return z.enum(values, { error: (issue) => `must be one of ${values.join(', ')}, got "${String(issue.input)}"` }).default(fallback);
}

function url(protocols: string[]) {
  return z.url({
    protocol: new RegExp(`^(${protocols.map((p) => p.replace('+', '\\+')).join('|')})$`),
    error: () => `must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`,
  });
}

function text() {
  return z.string();
}

/** The environment variables, each with its default and description; `cwd` anchors relative paths. */
export function settingsSchema(cwd: string) {
  const relative = (value: string) => path.resolve(cwd, value);
  return z.object({
    PORT: wholeNumber(0, 65_535, 3000).describe('TCP port of the HTTP API.'),
    HOST: text()
      .regex(/^[A-Za-z0-9.:_[\]-]{1,253}$/, {
        error: (issue) => `must be an address or host name such as 127.0.0.1 or 0.0.0.0, got "${String(issue.input)}"`,
      })
      .default('127.0.0.1')
      .describe('Address the HTTP API listens on; default loopback (this machine only); 0.0.0.0: every interface.'),
    NODE_ENV: text()
      .optional()
      .describe('production: the defaults of a server, not of the demonstration (AUTH_MODE oidc, DIRECTORY_SEED_FILE none, API_DOCS off).'),
    // No schema default: it depends on NODE_ENV (toAppConfig).
    API_DOCS: z
      .enum(['on', 'off'], { error: (issue) => `must be one of on, off, got "${String(issue.input)}"` })
      .optional()
      .describe('on: Swagger UI at /docs and the OpenAPI document at /docs-json; off: neither. Default on, off when NODE_ENV=production.'),
    [UNSAFE_DEV_LOGIN_ON_NETWORK]: z
      .literal(UNSAFE_DEV_LOGIN_CONSENT, {
        error: (issue) => `is either unset or "${UNSAFE_DEV_LOGIN_CONSENT}", got "${String(issue.input)}"`,
      })
      .optional()
      .describe(
        `${UNSAFE_DEV_LOGIN_CONSENT}: let AUTH_MODE=dev (anyone can sign in as anyone) listen on a HOST other machines reach. Never for real cases.`,
      ),
    DATA_DIR: text()
      .default('./data')
      .transform(relative)
      .describe(
        'Folder for the embedded databases, stored documents and the generated dev-token secret (relative to the working directory).',
      ),
    EVENT_STORE: oneOf(EVENT_STORE_KINDS, 'sqlite').describe(
      'Where the events live: sqlite (DATA_DIR/events.sqlite), postgres (DATABASE_URL) or kurrentdb (KURRENTDB_URL).',
    ),
    DATABASE_URL: url(['postgres', 'postgresql'])
      .optional()
      .describe('PostgreSQL for the read models (and for the events when EVENT_STORE=postgres). Unset: read models in SQLite in DATA_DIR.'),
    DATABASE_SCHEMA: text()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, {
        error: (issue) =>
          `must be lower-case letters, digits and underscores (at most 63, not starting with a digit), got "${String(issue.input)}"`,
      })
      .default('public')
      .describe('PostgreSQL schema of the read models (and of the events on EVENT_STORE=postgres).'),
    KURRENTDB_URL: url(KURRENTDB_PROTOCOLS).optional().describe('KurrentDB connection string, e.g. kurrentdb://localhost:2113?tls=false.'),
    PROJECTIONS: oneOf(PROJECTION_MODES, 'inline').describe(
      'inline: this process runs the projections too; off: projector processes (npm run start:projector) run them.',
    ),
    PROJECTION_LOCK_RETRY_MS: wholeNumber(50, 60_000, 1000).describe(
      'PostgreSQL: how often a standby process tries to take over a projection (ms).',
    ),
    // No schema default: it depends on NODE_ENV (effectiveAuthMode).
    AUTH_MODE: z
      .enum(AUTH_MODES, { error: (issue) => `must be one of ${AUTH_MODES.join(', ')}, got "${String(issue.input)}"` })
      .optional()
      .describe(
        'dev: the API hands out tokens for directory users (demonstration, tests; loopback only); oidc: tokens from OIDC_ISSUER. Default dev, oidc when NODE_ENV=production.',
      ),
    DEV_TOKEN_SECRET: text()
      .min(32, { error: 'must be at least 32 characters long (leave it unset to have one generated)' })
      .optional()
      .describe('HS256 secret of dev tokens. Unset: generated once and kept in DATA_DIR/dev-token-secret.'),
    CHECKPOINT_SIGNING_KEY: text()
      .optional()
      .describe(
        'Ed25519 private key (PKCS#8 PEM) that signs the checkpoints of the hash chains. Unset: generated once and kept in DATA_DIR/checkpoint-signing-key.pem.',
      ),
    CHECKPOINT_INTERVAL_SECONDS: wholeNumber(1, 86_400, 300).describe(
      'How often the heads of the case histories are signed (seconds), when they changed.',
    ),
    DEV_TOKEN_TTL_SECONDS: wholeNumber(60, 30 * 24 * 3600, 8 * 3600).describe('How long a dev token is valid (seconds).'),
    OIDC_ISSUER: url(['https', 'http'])
      .refine((value) => isSecureOrLoopbackUrl(new URL(value)), {
        error: 'must start with https:// (plain http:// only for an issuer on this machine, such as a test issuer)',
      })
      .optional()
      .describe('AUTH_MODE=oidc: the issuer URL, https (its keys come from its discovery document).'),
    OIDC_AUDIENCE: text().optional().describe('AUTH_MODE=oidc: the audience the tokens must carry.'),
    OIDC_ROLE_CLAIM: text().default('role').describe('AUTH_MODE=oidc: the claim that carries the role.'),
    OIDC_ORGANISATION_CLAIM: text().default('organisation_id').describe('AUTH_MODE=oidc: the claim that carries the organisation id.'),
    // At least a second: below that, tokens naming unknown key ids would make us fetch the keys on every request.
    OIDC_JWKS_COOLDOWN_MS: wholeNumber(1000, 3_600_000, 30_000).describe(
      "After fetching the issuer's keys, no refetch for this long, even for an unknown key id (ms; at least 1000).",
    ),
    DIRECTORY_SEED_FILE: text()
      .transform((value) => (value === 'none' ? value : relative(value)))
      .refine((value) => value === 'none' || fs.existsSync(value), {
        error: (issue) => `${String(issue.input)} does not exist (or set it to none)`,
      })
      .optional()
      .describe(
        'Directory seeded into an empty store at first start: a directory file, or none. Unset: the demo directory (none when NODE_ENV=production).',
      ),
    CORS_ORIGINS: text()
      .default('')
      .transform((value, ctx) => {
        const origins = value
          .split(',')
          .map((o) => o.trim())
          .filter((o) => o !== '');
        for (const origin of origins) {
          const parsed = URL.canParse(origin) ? new URL(origin) : undefined;
          if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
            ctx.addIssue({
              code: 'custom',
              message: `must be a comma-separated list of origins such as https://app.example.nl (no path, no trailing slash), got "${origin}"`,
            });
          }
        }
        return origins;
      })
      .describe('Origins allowed to call the API from a browser (CORS), comma-separated. Empty: none.'),
    TRUST_PROXY_HOPS: wholeNumber(0, 10, 0).describe('How many proxies in front of the API may set X-Forwarded-For (0: none).'),
    RATE_LIMIT_WINDOW_SECONDS: wholeNumber(1, 86_400, 60).describe('Length of a rate-limit window (seconds).'),
    RATE_LIMIT_TOKENS_PER_USER: wholeNumber(0, 1_000_000, 20).describe('Dev tokens per user per window (0: no limit).'),
    RATE_LIMIT_TOKENS_PER_ADDRESS: wholeNumber(0, 1_000_000, 60).describe('Dev tokens per client address per window (0: no limit).'),
    RATE_LIMIT_FILINGS_PER_USER: wholeNumber(0, 1_000_000, 30).describe('Filed disputes per user per window (0: no limit).'),
    RATE_LIMIT_FILINGS_PER_ADDRESS: wholeNumber(0, 1_000_000, 300).describe('Filed disputes per client address per window (0: no limit).'),
    REQUEST_LOG: oneOf(['on', 'off'], 'on').describe('on: one JSON line per request on stdout.'),
    DEADLINE_SCAN_INTERVAL_MS: wholeNumber(0, 86_400_000, 60_000)
      .refine((ms) => ms === 0 || ms >= 10, { error: 'must be 0 (off) or at least 10' })
      .describe('How often lapsed deadlines are looked for (ms); 0: not in this process.'),
    DOCUMENT_MAX_BYTES: wholeNumber(1, 1024 * 1024 * 1024, DEFAULT_DOCUMENT_MAX_BYTES).describe(
      'Largest document accepted for upload (bytes; 413 beyond).',
    ),
    STATISTICS_MIN_CELL_COUNT: wholeNumber(1, 1000, 5).describe(
      'Observers see statistics cells counting fewer cases than this as empty (small-cell suppression).',
    ),
    DEADLINE_DAYS_INFORMATION: deadlineDays('information', 'Days the claimant has to supply requested information.'),
    DEADLINE_DAYS_RESPONDENT_ANSWER: deadlineDays('respondent_answer', 'Days the respondent has to accept or decline the procedure.'),
    DEADLINE_DAYS_CHALLENGE: deadlineDays('challenge', 'Days the parties have to challenge a nominated neutral.'),
    DEADLINE_DAYS_STATEMENT_OF_DEFENCE: deadlineDays('statement_of_defence', 'Days the respondent has for the statement of defence.'),
    DEADLINE_DAYS_ESCALATION: deadlineDays('escalation', 'Days after a failed mediation in which a party may escalate.'),
    // --- due-process (rules 6, 8, 17) ---
    DEADLINE_DAYS_ESCALATION_ANSWER: deadlineDays(
      'escalation_answer',
      'Days the other side has to answer an escalation request; silence counts as declining.',
    ),
    DEADLINE_DAYS_CONTINUATION: deadlineDays(
      'continuation',
      'Days the claimant has, after the answer deadline, to go on against the respondents who accepted.',
    ),
    DEADLINE_DAYS_INFORMATION_GRACE: deadlineDays(
      'information_grace',
      'Days after a missed information request before the case closes as incomplete.',
    ),
    DEADLINE_DAYS_FEE_PAYMENT: deadlineDays('fee_payment', 'Days to pay an invoice before the fee is overdue.'),
    ADMINISTRATION_FEE_CENTS: wholeNumber(0, MAX_SAFE, DEFAULT_POLICIES.administrationFeeCents).describe(
      'The administration fee (euro cents).',
    ),
    SMALL_PROVIDER_RESPONDENT_SHARE_PCT: wholeNumber(0, 100, DEFAULT_POLICIES.smallProviderRespondentSharePct).describe(
      "Percentage of a small provider's fee the respondent pays.",
    ),
    NOTIFICATIONS: oneOf(['on', 'off'], 'on').describe(
      'on: this process decides notifications (with the projections, or always in a projector) and sends them; off: another process does.',
    ),
    PUBLIC_URL: url(['https', 'http'])
      .optional()
      .describe("The portal's public address; messages link to PUBLIC_URL/zaken/<id>. Unset: http://localhost:PORT."),
    SMTP_URL: url(['smtp', 'smtps'])
      .optional()
      .describe(
        'Mail server, e.g. smtp://user:pass@mail.example:587 (STARTTLS when offered; smtps:// for TLS). Unset: messages become .eml files in DATA_DIR/outbox.',
      ),
    MAIL_FROM: text()
      .default('Geschilleninstantie Zorgcontractering <noreply@geschilleninstantie.example>')
      .describe('The From of every notification.'),
    REMINDER_DAYS: text()
      .default('3,1')
      .transform((value, ctx) => {
        const days = value
          .split(',')
          .map((d) => d.trim())
          .filter((d) => d !== '')
          .map(Number);
        if (days.length === 0 || days.some((d) => !Number.isInteger(d) || d < 1 || d > 60)) {
          ctx.addIssue({
            code: 'custom',
            message: `must be a comma-separated list of whole days between 1 and 60 (e.g. 3,1), got "${value}"`,
          });
        }
        return [...new Set(days)].sort((x, y) => y - x);
      })
      .describe('Days before a deadline that whoever must act gets a reminder, comma-separated.'),
    NOTIFICATION_SEND_INTERVAL_MS: wholeNumber(10, 3_600_000, 5_000).describe(
      'How often due messages are sent and reminders looked for (ms).',
    ),
    NOTIFICATION_BACKLOG_ALERT_SECONDS: wholeNumber(1, 7 * 86_400, 900).describe(
      '/health reports the outbox as backing up when a due message has waited longer than this (seconds).',
    ),
    WEBHOOK_ALLOW_LOOPBACK_HTTP: oneOf(['on', 'off'], 'off').describe(
      'Tests only: accept http://127.0.0.1 webhook endpoints (otherwise HTTPS only).',
    ),
    WEB_ROOT: text()
      .default('./dist/web')
      .transform(relative)
      .describe('Folder of the built portal (index.html, assets/) served at /; without an index.html there, only the API is served.'),
    OIDC_CLIENT_ID: text()
      .optional()
      .describe("AUTH_MODE=oidc: the portal's client id at the issuer (public client, code + PKCE). Unset: OIDC_AUDIENCE."),
    OIDC_PORTAL_SCOPE: text()
      .regex(/^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/, {
        error: (issue) => `must be scopes separated by single spaces, got "${String(issue.input)}"`,
      })
      .default('openid profile')
      .describe('AUTH_MODE=oidc: the scopes the portal asks for at sign-in, e.g. "openid profile api".'),
    NEUTRAL_FEE_MEDIATION_CENTS: wholeNumber(0, MAX_SAFE, 150_000).describe(
      "Indicative total mediator's fee, for the keuzehulp's cost estimate (euro cents).",
    ),
    NEUTRAL_FEE_BINDING_ADVICE_CENTS: wholeNumber(0, MAX_SAFE, 600_000).describe(
      "Indicative total adviser's fee, for the cost estimate (euro cents).",
    ),
    NEUTRAL_FEE_ARBITRATION_CENTS: wholeNumber(0, MAX_SAFE, 1_200_000).describe(
      "Indicative total arbitrator's fee, for the cost estimate (euro cents).",
    ),
  });
}

export type Settings = z.output<ReturnType<typeof settingsSchema>>;

/** NODE_ENV=production: a server's defaults. */
export const isProduction = (env: { NODE_ENV?: string }): boolean => env.NODE_ENV === 'production';

/** AUTH_MODE, or its default: the demonstration on a laptop, real sign-in in production. */
export function effectiveAuthMode(env: { NODE_ENV?: string; AUTH_MODE?: string }): (typeof AUTH_MODES)[number] {
  return env.AUTH_MODE === 'dev' || env.AUTH_MODE === 'oidc' ? env.AUTH_MODE : isProduction(env) ? 'oidc' : 'dev';
}

/**
 * Settings that need others, read from the (trimmed, non-empty) environment; reported with the
 * others. `servesHttp` false (projector, rebuild, seed:history): nobody signs in there, so the
 * sign-in requirements do not stop them.
 */
export function combinationProblems(env: Record<string, string | undefined>, servesHttp = true): string[] {
  const problems: string[] = [];
  if (env.EVENT_STORE === 'postgres' && env.DATABASE_URL === undefined) {
    problems.push('EVENT_STORE=postgres needs DATABASE_URL (postgres://user:password@host:5432/database)');
  }
  if (env.EVENT_STORE === 'kurrentdb' && env.KURRENTDB_URL === undefined) {
    problems.push('EVENT_STORE=kurrentdb needs KURRENTDB_URL (e.g. kurrentdb://localhost:2113?tls=false)');
  }
  const authMode = effectiveAuthMode(env);
  if (servesHttp && authMode === 'oidc') {
    if (env.OIDC_ISSUER === undefined) problems.push('AUTH_MODE=oidc needs OIDC_ISSUER (the issuer URL)');
    if (env.OIDC_AUDIENCE === undefined) problems.push('AUTH_MODE=oidc needs OIDC_AUDIENCE');
  }
  const host = env.HOST ?? '127.0.0.1';
  if (servesHttp && authMode === 'dev' && !isLoopbackHost(host) && env[UNSAFE_DEV_LOGIN_ON_NETWORK] !== UNSAFE_DEV_LOGIN_CONSENT) {
    problems.push(
      `AUTH_MODE=dev (demonstration login: anyone can sign in as anyone) listens on this machine only, not on HOST=${host}. ` +
        `Use AUTH_MODE=oidc, or set ${UNSAFE_DEV_LOGIN_ON_NETWORK}=${UNSAFE_DEV_LOGIN_CONSENT} if you really mean it`,
    );
  }
  return problems;
}
