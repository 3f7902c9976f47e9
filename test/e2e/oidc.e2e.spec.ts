import { base64url } from 'jose';
import { startTestIssuer, type TestIssuer } from '../support/oidc-issuer';
import { startTestApp, type TestApp } from './support/test-app';

const AUDIENCE = 'gzc-disputes-api';
// The subject is the directory's user id: the directory governs every token.
const anna = { sub: 'prov-anna', name: 'Anna de Linde', role: 'provider', organisation_id: 'org-fysio-delinde' };

describe('AUTH_MODE=oidc against a real issuer on loopback', () => {
  let issuer: TestIssuer;
  let t: TestApp;
  beforeAll(async () => {
    issuer = await startTestIssuer({ audience: AUDIENCE });
    t = await startTestApp({
      env: { AUTH_MODE: 'oidc', OIDC_ISSUER: issuer.url, OIDC_AUDIENCE: AUDIENCE, OIDC_JWKS_COOLDOWN_MS: '1000' },
    });
  });
  afterAll(async () => {
    await t?.close();
    await issuer?.close();
  });

  const me = (token: string) => t.http().get('/api/me').set('Authorization', `Bearer ${token}`);

  it('a good token is the user, role and organisation of its claims', async () => {
    const res = await me(await issuer.sign(anna));
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: anna.sub, name: 'Anna de Linde', role: 'provider', organisationId: 'org-fysio-delinde' });
    expect(res.body.organisation).toMatchObject({ id: 'org-fysio-delinde', kind: 'provider' });
  });

  it('the token acts with its claims: filing records the token user as actor', async () => {
    const token = await issuer.sign(anna);
    const filed = await t
      .http()
      .post('/api/disputes')
      .set('Authorization', `Bearer ${token}`)
      .send({
        phase: 'contractual', legalFramework: 'zvw', sector: 'physiotherapy_paramedical', subjects: ['tariff'], contractYear: 2026,
        claimantOrganisationIds: ['org-fysio-delinde'], respondentOrganisationIds: ['org-zv-noord'], summary: 'Tarief 2026 te laag.',
        claims: [{ description: 'Hoger tarief' }], amountInDisputeCents: 100, proposedRoute: 'mediation', urgent: false,
      });
    expect(filed.status).toBe(201);
    const timeline = await t.http().get(`/api/disputes/${filed.body.id}/timeline`).set('Authorization', `Bearer ${token}`);
    expect(timeline.body[0].actor).toEqual({ userId: anna.sub, role: 'provider', organisationId: 'org-fysio-delinde' });
  });

  it.each<[string, () => Promise<string>]>([
    ['expired', () => issuer.sign(anna, { expiresIn: Math.floor(Date.now() / 1000) - 60 })],
    ['for another audience', () => issuer.sign(anna, { audience: 'another-api' })],
    ['from another issuer', () => issuer.sign(anna, { issuer: 'http://127.0.0.1:1/evil' })],
    ['signed by a key the issuer does not publish, under a published kid', async () => {
      const forged = await issuer.foreignKey();
      const published = await issuer.sign(anna);
      const kid = JSON.parse(new TextDecoder().decode(base64url.decode(published.split('.')[0]!))).kid as string;
      return issuer.sign(anna, { key: forged, kid });
    }],
    ['with a tampered payload', async () => {
      const [header, , signature] = (await issuer.sign(anna)).split('.');
      const payload = base64url.encode(JSON.stringify({ ...anna, role: 'secretariat', organisation_id: 'org-geschilleninstantie', iss: issuer.url, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 600 }));
      return `${header}.${payload}.${signature}`;
    }],
    ['with alg none', async () => {
      const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
      const payload = base64url.encode(JSON.stringify({ ...anna, iss: issuer.url, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 600 }));
      return `${header}.${payload}.`;
    }],
    ['HS256-signed (a symmetric algorithm)', async () => {
      const { SignJWT } = await import('jose');
      return new SignJWT({ ...anna })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(issuer.url)
        .setAudience(AUDIENCE)
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode('a-secret-that-is-long-enough-for-hs256-signing!!'));
    }],
    ['with an unknown role', () => issuer.sign({ ...anna, role: 'king' })],
    ['with an organisation not in the directory', () => issuer.sign({ ...anna, organisation_id: 'org-unknown' })],
    ['with a role that does not fit its organisation', () => issuer.sign({ ...anna, role: 'secretariat' })],
    ['for a subject that is in no directory', () => issuer.sign({ ...anna, sub: 'anna@fysio-delinde.nl' })],
    ['without a subject', () => issuer.sign({ role: 'provider', organisation_id: 'org-fysio-delinde' })],
    ['with an unknown key id', () => issuer.sign(anna, { kid: 'no-such-key' })],
  ])('a token %s is refused with 401', async (_name, makeToken) => {
    const res = await me(await makeToken());
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it('the role and organisation claims can be configured, and roles may come as a list', async () => {
    const other = await startTestApp({
      env: {
        AUTH_MODE: 'oidc', OIDC_ISSUER: issuer.url, OIDC_AUDIENCE: AUDIENCE,
        OIDC_ROLE_CLAIM: 'realm_access.roles', OIDC_ORGANISATION_CLAIM: 'https://gzc.nl/organisation',
      },
    });
    try {
      const token = await issuer.sign({ sub: 'ins-carla', realm_access: { roles: ['offline_access', 'insurer'] }, 'https://gzc.nl/organisation': 'org-zv-noord' });
      const res = await other.http().get('/api/me').set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({ id: 'ins-carla', role: 'insurer', organisationId: 'org-zv-noord' });
    } finally {
      await other.close();
    }
  });

  it('keys are cached, and a rotated key (new kid) is picked up', async () => {
    await me(await issuer.sign(anna));
    const before = issuer.jwksFetches();
    expect((await me(await issuer.sign(anna))).status).toBe(200);
    expect(issuer.jwksFetches()).toBe(before); // cached: no fetch for a known kid

    // The key set is not refetched within OIDC_JWKS_COOLDOWN_MS (here its minimum, 1 s) of the last fetch.
    await new Promise((r) => setTimeout(r, 1100));
    await issuer.rotate({ dropOld: true });
    const res = await me(await issuer.sign(anna));
    expect(res.status).toBe(200);
    expect(issuer.jwksFetches()).toBe(before + 1);
  });

  it('there are no dev tokens in oidc mode: the route answers 404', async () => {
    const res = await t.http().post('/api/auth/dev-token').send({ userId: 'prov-anna' });
    expect(res.status).toBe(404);
  });

  it('an issuer that cannot be reached is a 503 with Retry-After, not a 401 or 500', async () => {
    const down = await startTestApp({
      env: { AUTH_MODE: 'oidc', OIDC_ISSUER: 'http://127.0.0.1:1', OIDC_AUDIENCE: AUDIENCE },
    });
    try {
      const res = await down.http().get('/api/me').set('Authorization', `Bearer ${await issuer.sign(anna, { issuer: 'http://127.0.0.1:1' })}`);
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBeDefined();
    } finally {
      await down.close();
    }
  });
});
