import { Logger } from '@nestjs/common';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { DirectoryService } from '../../../../libs/directory/src/directory.service';
import type { AppConfig } from '../../../../libs/runtime/src/config/app-config';
import { isSecureOrLoopbackUrl } from '../../../../libs/runtime/src/config/addresses';
import { ProblemException, problemType } from '../http/problem';
import { DirectoryIdentity } from './directory-identity';
import type { Authenticated, TokenVerifier } from './token-verifier';
import { unauthorized } from './unauthorized';

/**
 * Asymmetric algorithms only: a token signed with `none` or with an HMAC secret (HS*) is refused
 * whatever its header says, so nobody can sign a token with a public key used as an HMAC secret.
 */
const OIDC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
/** IdP tokens carry more claims than ours; 8 KB still stops absurd headers early. */
const MAX_TOKEN_LENGTH = 8192;
const FETCH_TIMEOUT_MS = 5000;
/** After a failed discovery or key fetch, no new attempt for this long; doubled per failure up to the maximum. */
export const ISSUER_BACKOFF_START_MS = 2000;
export const ISSUER_BACKOFF_MAX_MS = 60_000;
/** A compact JWS: three base64url parts (the signature may not be empty here: `alg: none` has none). */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

type Config = Pick<AppConfig, 'oidcIssuer' | 'oidcAudience' | 'oidcRoleClaim' | 'oidcOrganisationClaim' | 'oidcJwksCooldownMs'>;
type KeySet = ReturnType<typeof createRemoteJWKSet>;

/** The issuer cannot be reached or answers nonsense: a 503 for the caller, who can retry. */
function issuerUnavailable(retryAfterSeconds: number): ProblemException {
  return new ProblemException({
    status: 503,
    type: problemType('identity_provider_unavailable'),
    detail: 'The sign-in service cannot be reached to check your token. Try again in a few seconds.',
    code: 'identity_provider_unavailable',
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
}

/** While we back off from a failing issuer no token can be checked, so none is accepted (and none costs a fetch). */
function issuerBackingOff(retryAfterSeconds: number): ProblemException {
  return new ProblemException({
    status: 401,
    type: problemType('identity_provider_unavailable'),
    detail: `The sign-in service could not be reached a moment ago, so your token cannot be checked. Try again in ${retryAfterSeconds} seconds.`,
    code: 'identity_provider_unavailable',
    headers: { 'Retry-After': String(retryAfterSeconds), 'WWW-Authenticate': 'Bearer' },
  });
}

/** A claim by its exact name (names may contain dots, e.g. URLs), else by a dotted path into nested objects. */
export function claimAt(payload: JWTPayload, name: string): unknown {
  if (Object.prototype.hasOwnProperty.call(payload, name)) return payload[name];
  let current: unknown = payload;
  for (const part of name.split('.')) {
    if (!current || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, part)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/**
 * AUTH_MODE=oidc: bearer tokens of an OpenID Connect issuer. The issuer's keys are found through
 * `<OIDC_ISSUER>/.well-known/openid-configuration` and its `jwks_uri`; jose's remote key set caches
 * them and refetches when a token names a key id it does not know (key rotation), at most once per
 * cooldown. Issuer, audience, expiry and algorithm are checked. The directory governs the rest:
 * the subject must be a user of the directory, whose role and organisation count; role and
 * organisation claims, when the token has them, must agree (see DirectoryIdentity).
 *
 * Nothing a caller sends may make us fetch freely: a token is checked for shape (three parts, a
 * header with an allowed algorithm, our issuer) before any fetch, and after a failed discovery or
 * key fetch we back off, refusing tokens meanwhile instead of fetching again.
 */
export class OidcTokenVerifier implements TokenVerifier {
  private readonly logger = new Logger(OidcTokenVerifier.name);
  private readonly issuer: string;
  private readonly identity: DirectoryIdentity;
  private keys?: Promise<KeySet>;
  private failures = 0;
  private backOffUntilMs = 0;

  constructor(
    private readonly config: Config,
    directory: Pick<DirectoryService, 'user'>,
    private readonly now: () => number = Date.now,
  ) {
    if (!config.oidcIssuer || !config.oidcAudience) throw new Error('AUTH_MODE=oidc needs OIDC_ISSUER and OIDC_AUDIENCE');
    this.issuer = config.oidcIssuer;
    this.identity = new DirectoryIdentity(directory);
  }

  async verify(token: string): Promise<Authenticated> {
    this.checkShape(token);
    const waitMs = this.backOffUntilMs - this.now();
    if (waitMs > 0) throw issuerBackingOff(Math.ceil(waitMs / 1000));
    const keys = await this.keySet();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: this.issuer,
        audience: this.config.oidcAudience!,
        algorithms: OIDC_ALGORITHMS,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      throw this.verificationError(error);
    }
    this.failures = 0;
    return this.identityOf(payload);
  }

  /** Refuses, without any fetch, what cannot be a token of our issuer. */
  private checkShape(token: string): void {
    if (token.length > MAX_TOKEN_LENGTH || !COMPACT_JWS.test(token)) throw unauthorized('The bearer token is not valid.');
    let alg: unknown;
    let iss: unknown;
    try {
      alg = decodeProtectedHeader(token).alg;
      iss = decodeJwt(token).iss;
    } catch {
      throw unauthorized('The bearer token is not valid.');
    }
    if (typeof alg !== 'string' || !OIDC_ALGORITHMS.includes(alg)) throw unauthorized('The bearer token is not valid.');
    if (iss !== this.issuer) throw unauthorized('The bearer token is not valid.');
  }

  private identityOf(payload: JWTPayload): Authenticated {
    const userId = payload.sub;
    if (typeof userId !== 'string' || userId.trim() === '' || userId.length > 200) {
      throw unauthorized('The bearer token names no user (sub).');
    }
    return this.identity.resolve(userId, {
      role: claimAt(payload, this.config.oidcRoleClaim),
      organisationId: claimAt(payload, this.config.oidcOrganisationClaim),
    });
  }

  private verificationError(error: unknown): Error {
    if (error instanceof ProblemException) return error;
    if (error instanceof joseErrors.JWTExpired) return unauthorized('The bearer token has expired; sign in again.');
    if (error instanceof joseErrors.JWKSTimeout) return this.issuerFailed(`fetching the issuer's keys timed out`);
    if (error instanceof joseErrors.JOSEError) return unauthorized('The bearer token is not valid.');
    // Anything else comes from fetching the keys (network, a JWKS that is not JSON).
    return this.issuerFailed(`fetching the issuer's keys failed: ${String(error)}`);
  }

  /** Logs the failure (once per back-off period) and starts backing off. */
  private issuerFailed(reason: string): ProblemException {
    this.failures++;
    const backoffMs = Math.min(ISSUER_BACKOFF_START_MS * 2 ** (this.failures - 1), ISSUER_BACKOFF_MAX_MS);
    this.backOffUntilMs = this.now() + backoffMs;
    this.logger.warn(`OIDC issuer ${this.issuer}: ${reason}; no new attempt for ${backoffMs / 1000} s`);
    return issuerUnavailable(Math.ceil(backoffMs / 1000));
  }

  /** Discovery once; a failure is not cached, but the next attempt waits out the back-off. */
  private keySet(): Promise<KeySet> {
    this.keys ??= this.discover().catch((error: unknown) => {
      this.keys = undefined;
      throw this.issuerFailed(`discovery failed: ${error instanceof Error ? error.message : String(error)}`);
    });
    return this.keys;
  }

  private async discover(): Promise<KeySet> {
    const url = `${this.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
    // OpenID Connect Discovery 1.0, section 4.3: the document's issuer must be the one we asked.
    if (document.issuer !== this.issuer) {
      throw new Error(`the discovery document names issuer ${JSON.stringify(document.issuer)}, not ${this.issuer}`);
    }
    if (typeof document.jwks_uri !== 'string') throw new Error('the discovery document has no jwks_uri');
    const jwksUri = new URL(document.jwks_uri);
    if (!isSecureOrLoopbackUrl(jwksUri)) throw new Error(`the jwks_uri ${jwksUri.href} is not https`);
    return createRemoteJWKSet(jwksUri, {
      cooldownDuration: this.config.oidcJwksCooldownMs,
      timeoutDuration: FETCH_TIMEOUT_MS,
    });
  }
}
