import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type CryptoKey } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A real OpenID Connect issuer on loopback for tests: discovery document and JWKS over HTTP,
// RS256 keys generated here, and tokens signed with them. Keys can be rotated like a real IdP's.

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export interface TestIssuer {
  readonly url: string;
  /** How many times the JWKS was fetched. */
  jwksFetches(): number;
  /** Signs a token with the current key (or the given one); claims override the defaults. */
  sign(
    claims?: JWTPayload,
    options?: { kid?: string; expiresIn?: string | number; key?: SigningKey; audience?: string; issuer?: string },
  ): Promise<string>;
  /** A new key (new kid) that signs from now on; the JWKS publishes it (and keeps the old one unless dropOld). */
  rotate(options?: { dropOld?: boolean }): Promise<SigningKey>;
  /** A key the issuer does not publish (for forged signatures). */
  foreignKey(): Promise<SigningKey>;
  close(): Promise<void>;
}

let kidCounter = 0;
async function newKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `key-${++kidCounter}-${Date.now()}`;
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

export async function startTestIssuer(options: { audience: string }): Promise<TestIssuer> {
  let published: SigningKey[] = [await newKey()];
  let current = published[0]!;
  let fetches = 0;
  let url = '';
  const server: Server = createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/.well-known/openid-configuration') {
      return send(200, { issuer: url, jwks_uri: `${url}/jwks`, id_token_signing_alg_values_supported: ['RS256'] });
    }
    if (req.url === '/jwks') {
      fetches++;
      return send(200, { keys: published.map((k) => k.publicJwk) });
    }
    return send(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    get url() {
      return url;
    },
    jwksFetches: () => fetches,
    async sign(claims = {}, signOptions = {}) {
      const key = signOptions.key ?? current;
      return new SignJWT({ ...claims })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: signOptions.kid ?? key.kid })
        .setIssuer(signOptions.issuer ?? url)
        .setAudience(signOptions.audience ?? options.audience)
        .setIssuedAt()
        .setExpirationTime(signOptions.expiresIn ?? '1h')
        .sign(key.privateKey);
    },
    async rotate(rotateOptions = {}) {
      current = await newKey();
      published = rotateOptions.dropOld ? [current] : [...published, current];
      return current;
    },
    foreignKey: newKey,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
