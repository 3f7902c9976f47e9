import { Logger } from '@nestjs/common';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { ROLES, type Role } from '../../../../libs/domain/src';
import type { AppConfig } from '../../../../libs/runtime/src/config/app-config';
import { roleFitsOrganisation } from '../../../../libs/directory/src/directory-records';
import type { DirectoryService } from '../../../../libs/directory/src/directory.service';
import { ProblemException, problemType } from '../http/problem';
import { unauthorized } from './dev-token.service';
import type { Authenticated, TokenVerifier } from './token-verifier';

/**
 * Asymmetric algorithms only: a token signed with `none` or with an HMAC secret (HS*) is refused
 * whatever its header says, so nobody can sign a token with a public key used as an HMAC secret.
 */
const OIDC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
/** IdP tokens carry more claims than ours; 8 KB still stops absurd headers early. */
const MAX_TOKEN_LENGTH = 8192;
const FETCH_TIMEOUT_MS = 5000;

type Config = Pick<AppConfig, 'oidcIssuer' | 'oidcAudience' | 'oidcRoleClaim' | 'oidcOrganisationClaim' | 'oidcJwksCooldownMs'>;
type KeySet = ReturnType<typeof createRemoteJWKSet>;

/** The issuer cannot be reached or answers nonsense: a 503 for the caller, who can retry. */
function issuerUnavailable(): ProblemException {
  return new ProblemException({
    status: 503,
    type: problemType('identity_provider_unavailable'),
    detail: 'The sign-in service cannot be reached to check your token. Try again in a few seconds.',
    code: 'identity_provider_unavailable',
    headers: { 'Retry-After': '5' },
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

/** The one known role in a claim that is a string or a list of strings (IdPs often send lists). */
export function roleFrom(value: unknown): Role | undefined {
  const values = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  const known = [...new Set(values.filter((v): v is Role => (ROLES as readonly unknown[]).includes(v)))];
  return known.length === 1 ? known[0] : undefined;
}

/**
 * AUTH_MODE=oidc: bearer tokens of an OpenID Connect issuer. The issuer's keys are found through
 * `<OIDC_ISSUER>/.well-known/openid-configuration` and its `jwks_uri`; jose's remote key set caches
 * them and refetches when a token names a key id it does not know (key rotation), at most once per
 * cooldown. Issuer, audience, expiry and algorithm are checked; role, organisation and user come
 * from the token's claims, and the organisation must be in the directory.
 */
export class OidcTokenVerifier implements TokenVerifier {
  private readonly logger = new Logger(OidcTokenVerifier.name);
  private readonly issuer: string;
  private keys?: Promise<KeySet>;

  constructor(
    private readonly config: Config,
    private readonly directory: Pick<DirectoryService, 'organisation' | 'user'>,
  ) {
    if (!config.oidcIssuer || !config.oidcAudience) throw new Error('AUTH_MODE=oidc needs OIDC_ISSUER and OIDC_AUDIENCE');
    this.issuer = config.oidcIssuer;
  }

  async verify(token: string): Promise<Authenticated> {
    if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) throw unauthorized('The bearer token is not valid.');
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
    return this.identity(payload);
  }

  private identity(payload: JWTPayload): Authenticated {
    const userId = payload.sub;
    if (typeof userId !== 'string' || userId.trim() === '' || userId.length > 200) {
      throw unauthorized('The bearer token names no user (sub).');
    }
    const role = roleFrom(claimAt(payload, this.config.oidcRoleClaim));
    if (!role) {
      throw unauthorized(`The bearer token carries no known role in its "${this.config.oidcRoleClaim}" claim (one of ${ROLES.join(', ')}).`);
    }
    const organisationId = claimAt(payload, this.config.oidcOrganisationClaim);
    if (typeof organisationId !== 'string' || organisationId === '') {
      throw unauthorized(`The bearer token carries no organisation in its "${this.config.oidcOrganisationClaim}" claim.`);
    }
    const organisation = this.directory.organisation(organisationId);
    if (!organisation) throw unauthorized('The organisation of this token is not in the directory; ask the secretariat to add it.');
    if (!roleFitsOrganisation(role, organisation.kind)) {
      throw unauthorized(`The role ${role} of this token does not fit its organisation (${organisation.kind}).`);
    }
    const name = typeof payload.name === 'string' && payload.name.trim() !== '' ? payload.name : (this.directory.user(userId)?.name ?? userId);
    // The standard `email` claim when the issuer sends it, else the directory's address.
    const email = typeof payload.email === 'string' && payload.email.trim() !== '' ? payload.email : this.directory.user(userId)?.email;
    return { actor: { userId, role, organisationId }, user: { id: userId, name, role, organisationId, ...(email ? { email } : {}) } };
  }

  private verificationError(error: unknown): Error {
    if (error instanceof ProblemException) return error;
    if (error instanceof joseErrors.JWTExpired) return unauthorized('The bearer token has expired; sign in again.');
    if (error instanceof joseErrors.JWKSTimeout) return issuerUnavailable();
    if (error instanceof joseErrors.JOSEError) return unauthorized('The bearer token is not valid.');
    // Anything else comes from fetching the keys (network, a JWKS that is not JSON).
    this.logger.warn(`Fetching the issuer's keys failed: ${String(error)}`);
    return issuerUnavailable();
  }

  /** Discovery once; a failure is not cached, so the next request tries again. */
  private keySet(): Promise<KeySet> {
    this.keys ??= this.discover().catch((error: unknown) => {
      this.keys = undefined;
      this.logger.warn(`OIDC discovery at ${this.issuer} failed: ${error instanceof Error ? error.message : String(error)}`);
      throw issuerUnavailable();
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
    return createRemoteJWKSet(new URL(document.jwks_uri), {
      cooldownDuration: this.config.oidcJwksCooldownMs,
      timeoutDuration: FETCH_TIMEOUT_MS,
    });
  }
}
