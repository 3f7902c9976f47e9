import { base64url } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestIssuer, type TestIssuer } from '../support/oidc-issuer';
import { startTestApp, type TestApp } from '../e2e/support/test-app';

// Finding 6: nothing a caller sends makes the server fetch from the issuer freely. A token is
// checked for shape before any fetch, and after a failed discovery the server backs off: tokens
// then get 401, not a fetch.

const AUDIENCE = 'gzc-disputes-api';

/** An "issuer" whose discovery always fails, counting every request it gets. */
async function startFailingIssuer(): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let requests = 0;
  const server: Server = createServer((_req, res) => {
    requests++;
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end('{"error":"down"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

describe('OIDC: no fetch for what cannot be a token, and a back-off after a failed discovery', () => {
  let signer: TestIssuer;
  let failing: Awaited<ReturnType<typeof startFailingIssuer>>;
  let t: TestApp;
  beforeAll(async () => {
    signer = await startTestIssuer({ audience: AUDIENCE });
    failing = await startFailingIssuer();
    t = await startTestApp({ env: { AUTH_MODE: 'oidc', OIDC_ISSUER: failing.url, OIDC_AUDIENCE: AUDIENCE } });
  });
  afterAll(async () => {
    await t?.close();
    await failing?.close();
    await signer?.close();
  });

  const me = (token: string) => t.http().get('/api/me').set('Authorization', `Bearer ${token}`);
  const payload = (claims: Record<string, unknown>) => base64url.encode(JSON.stringify(claims));

  it('bearer strings that are no token of this issuer are 401 without a single request to the issuer', async () => {
    const header = (alg: string) => base64url.encode(JSON.stringify({ alg, typ: 'JWT' }));
    const exp = Math.floor(Date.now() / 1000) + 600;
    const shapes = [
      'abc',
      'a.b.c',
      'a.b',
      `${header('RS256')}.${payload({ sub: 'prov-anna', iss: failing.url, aud: AUDIENCE, exp })}.`, // no signature
      `${header('none')}.${payload({ sub: 'prov-anna', iss: failing.url, aud: AUDIENCE, exp })}.c2ln`,
      `${header('HS256')}.${payload({ sub: 'prov-anna', iss: failing.url, aud: AUDIENCE, exp })}.c2ln`,
      await signer.sign({ sub: 'prov-anna' }), // signed, but by another issuer
    ];
    for (const token of shapes) {
      const res = await me(token);
      expect({ token: token.slice(0, 30), status: res.status }).toEqual({ token: token.slice(0, 30), status: 401 });
    }
    expect(failing.requests()).toBe(0);
  });

  it('a failed discovery is one request and a 503; the tokens after it get 401 with Retry-After, and no request', async () => {
    const token = await signer.sign({ sub: 'prov-anna' }, { issuer: failing.url });
    const first = await me(token);
    expect(first.status).toBe(503);
    expect(first.headers['retry-after']).toBeDefined();
    expect(failing.requests()).toBe(1);
    for (let i = 0; i < 5; i++) {
      const res = await me(token);
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
    expect(failing.requests()).toBe(1);
  });
});
