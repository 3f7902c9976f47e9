import { DirectoryService } from '../../../libs/directory/src/directory.service';
import { startTestApp, toApiResponse, type TestApp } from '../../e2e/support/test-app';
import { startTestIssuer, type TestIssuer } from '../../support/oidc-issuer';

// The security suites run in both sign-in modes: AUTH_MODE=dev with dev tokens, and AUTH_MODE=oidc
// against a real OpenID Connect issuer on loopback whose tokens carry what the directory says now.

export type AuthMode = 'dev' | 'oidc';
export const AUTH_MODES: AuthMode[] = ['dev', 'oidc'];
const AUDIENCE = 'gzc-disputes-api';

export interface ModeApp {
  mode: AuthMode;
  /** The app; its token() and as() sign in the mode's way (in oidc mode: with the issuer's tokens). */
  t: TestApp;
  /** A token for `userId` (dev: cached per user; oidc: freshly signed with what the directory says now). */
  token(userId: string): Promise<string>;
  /** A new token, as the sign-in service issues it now (dev: undefined for a user it does not know). */
  freshToken(userId: string): Promise<string | undefined>;
  /**
   * OIDC only: a token with exactly these claims (e.g. an old role), signed by the issuer.
   * Dev: a fresh dev token (the server decides its claims).
   */
  tokenWith(userId: string, claims: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

export async function startModeApp(mode: AuthMode, env: Record<string, string> = {}): Promise<ModeApp> {
  if (mode === 'dev') {
    const t = await startTestApp({ env });
    const fresh = async (userId: string): Promise<string | undefined> => {
      const res = await t.http().post('/api/auth/dev-token').send({ userId });
      return res.status === 200 ? (res.body.accessToken as string) : undefined;
    };
    return {
      mode,
      t,
      token: (userId) => t.token(userId),
      freshToken: fresh,
      tokenWith: async (userId) => (await fresh(userId)) ?? 'no-dev-token',
      close: () => t.close(),
    };
  }
  const issuer: TestIssuer = await startTestIssuer({ audience: AUDIENCE });
  const app = await startTestApp({ env: { AUTH_MODE: 'oidc', OIDC_ISSUER: issuer.url, OIDC_AUDIENCE: AUDIENCE, ...env } });
  const directory = app.app.get(DirectoryService);
  // Claims as an IdP fed from the directory would send them; users it does not know get bare tokens.
  const token = async (userId: string): Promise<string> => {
    const user = directory.user(userId);
    return issuer.sign(user ? { sub: userId, name: user.name, role: user.role, organisation_id: user.organisationId } : { sub: userId });
  };
  const t: TestApp = {
    ...app,
    token,
    as: (userId) => ({
      userId,
      async get(path, headers = {}) {
        return toApiResponse(await app.http().get(path).set({ Authorization: `Bearer ${await token(userId)}`, ...headers }));
      },
      async post(path, body = {}, headers = {}) {
        return toApiResponse(await app.http().post(path).set({ Authorization: `Bearer ${await token(userId)}`, ...headers }).send(body as object));
      },
    }),
  };
  return {
    mode,
    t,
    token,
    freshToken: token,
    tokenWith: (userId, claims) => issuer.sign({ sub: userId, ...claims }),
    async close() {
      await app.close();
      await issuer.close();
    },
  };
}
