import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { UserInfo } from '../../../../libs/domain/src';
import { ensurePrivateDir } from '../../../../libs/event-store/src/sqlite/private-files';
import { APP_CONFIG } from '../../../../libs/runtime/src/tokens';
import type { AppConfig } from '../../../../libs/runtime/src/config/app-config';
import { DirectoryService } from '../../../../libs/directory/src/directory.service';
import { DirectoryIdentity, type ClaimedIdentity } from './directory-identity';
import type { Authenticated, TokenVerifier } from './token-verifier';
import { unauthorized } from './unauthorized';

export const DEV_TOKEN_SECRET_FILE = 'dev-token-secret';
const ISSUER = 'gzc-disputes-dev';
const AUDIENCE = 'gzc-disputes-api';
const MAX_TOKEN_LENGTH = 4096;

export interface IssuedToken {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds until the token expires. */
  expiresIn: number;
  user: UserInfo;
}

export type { Authenticated } from './token-verifier';

/**
 * The secret: DEV_TOKEN_SECRET, else `<dataDir>/dev-token-secret`, created at first start with mode
 * 0600 so that tokens survive restarts.
 */
export function loadOrCreateDevTokenSecret(config: Pick<AppConfig, 'dataDir' | 'devTokenSecret'>): Uint8Array {
  if (config.devTokenSecret) return new TextEncoder().encode(config.devTokenSecret);
  const file = path.join(config.dataDir, DEV_TOKEN_SECRET_FILE);
  ensurePrivateDir(config.dataDir);
  try {
    fs.writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (secret.length < 32) {
    throw new Error(`${file} holds a secret shorter than 32 characters; delete the file to have a new one generated.`);
  }
  return new TextEncoder().encode(secret);
}

/** Issues and verifies the HS256 tokens of AUTH_MODE=dev. Role and organisation come from the directory. */
@Injectable()
export class DevTokenService implements TokenVerifier {
  private readonly logger = new Logger(DevTokenService.name);
  private readonly key: Uint8Array;
  /**
   * Tokens already verified, with their subject and expiry: a client sends the same token on every
   * request, and checking an HMAC signature each time was 7% of the server's CPU under load. Only
   * verified tokens enter; expiry and the directory are still checked on every use.
   */
  private readonly verified = new Map<string, VerifiedToken>();
  private readonly identity: DirectoryIdentity;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly directory: DirectoryService,
  ) {
    this.key = loadOrCreateDevTokenSecret(config);
    this.identity = new DirectoryIdentity(directory);
    // Anyone who can reach the server can sign in as anyone in the directory: say so at every start.
    this.logger.warn(
      'AUTH_MODE=dev: demonstration login is on. Anyone who can reach this server can sign in as any user ' +
        'of the directory (POST /api/auth/dev-token). Use AUTH_MODE=oidc for real use.',
    );
  }

  /** Undefined when the user is not in the directory. */
  async issue(userId: string): Promise<IssuedToken | undefined> {
    const user = this.directory.user(userId);
    if (!user) return undefined;
    const expiresIn = this.config.devTokenTtlSeconds;
    const accessToken = await new SignJWT({ role: user.role, organisation_id: user.organisationId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${expiresIn}s`)
      .sign(this.key);
    return { accessToken, tokenType: 'Bearer', expiresIn, user: { ...user } };
  }

  /**
   * Verifies a token; its user must still be in the directory with the role and organisation the
   * token was issued for (a user moved since then signs in again). Throws 401 otherwise.
   */
  async verify(token: string): Promise<Authenticated> {
    if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) throw unauthorized('The bearer token is not valid.');
    const verified = this.alreadyVerified(token) ?? (await this.verifySignature(token));
    return this.identity.resolve(verified.subject, verified.claimed);
  }

  private alreadyVerified(token: string): VerifiedToken | undefined {
    const hit = this.verified.get(token);
    if (!hit) return undefined;
    if (Date.now() < hit.expiresAtMs) return hit;
    this.verified.delete(token);
    throw unauthorized('The bearer token has expired; sign in again.');
  }

  private async verifySignature(token: string): Promise<VerifiedToken> {
    let subject: string | undefined;
    let expiresAtMs: number;
    let claimed: ClaimedIdentity;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        requiredClaims: ['sub', 'exp'],
      });
      subject = payload.sub;
      expiresAtMs = (payload.exp ?? 0) * 1000;
      claimed = { role: payload['role'], organisationId: payload['organisation_id'] };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthorized('The bearer token has expired; sign in again.');
      if (!(error instanceof joseErrors.JOSEError)) this.logger.warn(`Token verification failed: ${String(error)}`);
      throw unauthorized('The bearer token is not valid.');
    }
    if (!subject) throw unauthorized('The bearer token is not valid.');
    if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
    const verified = { subject, expiresAtMs, claimed };
    this.verified.set(token, verified);
    return verified;
  }
}

interface VerifiedToken {
  subject: string;
  expiresAtMs: number;
  /** The role and organisation the token was issued with; the directory must still agree. */
  claimed: ClaimedIdentity;
}

/** Enough for every active user's token; the oldest entry goes first when full. */
const VERIFIED_CACHE_SIZE = 10_000;

export { unauthorized } from './unauthorized';
