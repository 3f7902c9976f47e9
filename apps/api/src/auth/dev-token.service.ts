import { Inject, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { UserInfo } from '../../../../libs/domain/src';
import { APP_CONFIG } from '../../../../libs/runtime/src/tokens';
import type { AppConfig } from '../../../../libs/runtime/src/config/app-config';
import { DirectoryService } from '../../../../libs/directory/src/directory.service';
import type { Authenticated, TokenVerifier } from './token-verifier';

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
  fs.mkdirSync(config.dataDir, { recursive: true });
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
  private readonly verified = new Map<string, { subject: string; expiresAtMs: number }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly directory: DirectoryService,
  ) {
    this.key = loadOrCreateDevTokenSecret(config);
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

  /** Verifies a token; the user must still be in the directory. Throws 401 otherwise. */
  async verify(token: string): Promise<Authenticated> {
    if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) throw unauthorized('The bearer token is not valid.');
    const subject = this.verifiedSubject(token) ?? (await this.verifySignature(token));
    const user = this.directory.user(subject);
    if (!user) throw unauthorized('The user of this token is no longer in the directory.');
    return { actor: { userId: user.id, role: user.role, organisationId: user.organisationId }, user };
  }

  private verifiedSubject(token: string): string | undefined {
    const hit = this.verified.get(token);
    if (!hit) return undefined;
    if (Date.now() < hit.expiresAtMs) return hit.subject;
    this.verified.delete(token);
    throw unauthorized('The bearer token has expired; sign in again.');
  }

  private async verifySignature(token: string): Promise<string> {
    let subject: string | undefined;
    let expiresAtMs = 0;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        requiredClaims: ['sub', 'exp'],
      });
      subject = payload.sub;
      expiresAtMs = (payload.exp ?? 0) * 1000;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthorized('The bearer token has expired; sign in again.');
      if (!(error instanceof joseErrors.JOSEError)) this.logger.warn(`Token verification failed: ${String(error)}`);
      throw unauthorized('The bearer token is not valid.');
    }
    if (!subject) throw unauthorized('The bearer token is not valid.');
    if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { subject, expiresAtMs });
    return subject;
  }
}

/** Enough for every active user's token; the oldest entry goes first when full. */
const VERIFIED_CACHE_SIZE = 10_000;

export function unauthorized(detail: string): UnauthorizedException {
  return new UnauthorizedException(detail);
}
