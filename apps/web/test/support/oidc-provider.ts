import { exportJWK, generateKeyPair } from 'jose';
import { freePort } from './servers';

// A real OpenID provider (panva's oidc-provider) on loopback for the portal's sign-in test: its own
// login and consent pages, Authorization Code with PKCE for a public client, and JWT access tokens
// for the API (a resource indicator) that carry the role and organisation claims the API reads.

export const API_RESOURCE = 'urn:gzc:api';
export const PORTAL_CLIENT_ID = 'gzc-portal';

const ACCOUNTS: Record<string, { name: string; role: string; organisation_id: string }> = {
  'prov-anna': { name: 'Anna de Linde', role: 'provider', organisation_id: 'org-fysio-delinde' },
  'ins-carla': { name: 'Carla Noordhuis', role: 'insurer', organisation_id: 'org-zv-noord' },
};

export interface RunningProvider {
  issuer: string;
  /** Points the client's redirect URIs at the portal once its address is known. */
  stop(): Promise<void>;
}

export async function startOidcProvider(portalUrl: string, port?: number): Promise<RunningProvider> {
  const { default: Provider } = await import('oidc-provider');
  const listenPort = port ?? (await freePort());
  const issuer = `http://127.0.0.1:${listenPort}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: 'portal-test', alg: 'RS256', use: 'sig' };
  const provider = new Provider(issuer, {
    jwks: { keys: [signingKey] },
    clients: [
      {
        client_id: PORTAL_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [`${portalUrl}/auth/callback`, `${portalUrl}/auth/silent`],
        post_logout_redirect_uris: [`${portalUrl}/uitgelogd`],
      },
    ],
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'api'],
    claims: { openid: ['sub'], profile: ['name'] },
    findAccount: (_ctx: unknown, id: string) =>
      ACCOUNTS[id] ? { accountId: id, claims: () => ({ sub: id, name: ACCOUNTS[id]!.name }) } : undefined,
    features: {
      devInteractions: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, resource: string) => {
          if (resource !== API_RESOURCE) throw new Error(`unknown resource ${resource}`);
          return { scope: 'api', audience: API_RESOURCE, accessTokenTTL: 600, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
    extraTokenClaims: (_ctx: unknown, token: { accountId?: string }) => {
      const account = token.accountId ? ACCOUNTS[token.accountId] : undefined;
      return account ? { role: account.role, organisation_id: account.organisation_id, name: account.name } : undefined;
    },
    // The portal calls the token endpoint from its own origin: allow exactly the client's origins.
    clientBasedCORS: (_ctx: unknown, origin: string, client: { redirectUris: string[] }) =>
      client.redirectUris.some((uri) => new URL(uri).origin === origin),
    cookies: { keys: ['portal-test-cookie-key-0123456789'] },
  });
  const server = provider.listen(listenPort, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return { issuer, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
