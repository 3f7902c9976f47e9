import type { Actor, UserInfo } from '../../../../libs/domain/src';

/** Who a valid bearer token stands for. */
export interface Authenticated {
  actor: Actor;
  user: UserInfo;
}

/** Verifies bearer tokens: dev tokens (AUTH_MODE=dev) or an OIDC issuer's tokens (AUTH_MODE=oidc). */
export interface TokenVerifier {
  /** Throws 401 (UnauthorizedException) for a bad token, 503 when the issuer cannot be reached. */
  verify(token: string): Promise<Authenticated>;
}

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
