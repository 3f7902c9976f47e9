import { SignJWT } from 'jose';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AuthController } from '../src/auth/auth.controller';
import { DevTokenService } from '../src/auth/dev-token.service';
import { createHarness, testConfig, type Harness } from './support/http-harness';

describe('dev tokens and the bearer guard', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('POST /api/auth/dev-token issues a Bearer token for a directory user', async () => {
    const res = await h.http().post('/api/auth/dev-token').send({ userId: 'prov-anna' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      tokenType: 'Bearer',
      expiresIn: 8 * 3600,
      user: {
        id: 'prov-anna',
        name: 'Anna de Linde',
        role: 'provider',
        organisationId: 'org-fysio-delinde',
        email: 'anna@fysio-delinde.example',
      },
    });
  });

  it('an unknown user is a 400 on userId; a missing one too', async () => {
    const unknown = await h.http().post('/api/auth/dev-token').send({ userId: 'nobody' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'userId', code: expect.any(String), message: expect.any(String) }]);
    expect((await h.http().post('/api/auth/dev-token').send({})).body.errors[0].field).toBe('userId');
  });

  it('the token opens /api routes: GET /api/me names user, role and organisation', async () => {
    const token = await h.tokenFor('ins-carla');
    const res = await h.http().get('/api/me').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({
      id: 'ins-carla',
      name: 'Carla Noordhuis',
      role: 'insurer',
      organisationId: 'org-zv-noord',
      email: 'carla@zv-noord.example',
    });
    expect(res.body.organisation).toMatchObject({ id: 'org-zv-noord', kind: 'insurer', codes: { uzovi: '9001' } });
  });

  it("a care office user is on the insurers' side: GET /api/me names the care office", async () => {
    const res = await h
      .http()
      .get('/api/me')
      .set('Authorization', `Bearer ${await h.tokenFor('zk-lotte')}`);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: 'zk-lotte', role: 'insurer', email: 'lotte@zorgkantoor-west.example' });
    expect(res.body.organisation).toMatchObject({ id: 'org-zorgkantoor-west', kind: 'care_office', codes: { uzovi: '9101' } });
  });

  it.each<[string, Record<string, string>]>([
    ['no Authorization header', {}],
    ['an empty header', { Authorization: '' }],
    ['another scheme', { Authorization: 'Basic dXNlcjpwYXNz' }],
    ['garbage', { Authorization: 'Bearer not.a.jwt' }],
    ['a token signed with another secret', { Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzZWMtamFuIn0.c2lnbmF0dXJl' }],
    ['an unsigned token', { Authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJzZWMtamFuIn0.' }],
    ['a huge token', { Authorization: `Bearer ${'a'.repeat(5000)}` }],
  ])('%s → 401 problem with WWW-Authenticate', async (_name, headers) => {
    const res = await h.http().get('/api/organisations').set(headers);
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it('an expired token → 401 saying so', async () => {
    const secret = fs.readFileSync(path.join(h.config.dataDir, 'dev-token-secret'), 'utf8').trim();
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('sec-jan')
      .setIssuer('gzc-disputes-dev')
      .setAudience('gzc-disputes-api')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode(secret));
    const res = await h.http().get('/api/me').set('Authorization', `Bearer ${expired}`);
    expect(res.status).toBe(401);
    expect(res.body.detail).toMatch(/expired/);
  });

  it('a token verified once still expires on time (the verification cache checks expiry)', async () => {
    const secret = fs.readFileSync(path.join(h.config.dataDir, 'dev-token-secret'), 'utf8').trim();
    const exp = Math.floor(Date.now() / 1000) + 60;
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('sec-jan')
      .setIssuer('gzc-disputes-dev')
      .setAudience('gzc-disputes-api')
      .setIssuedAt()
      .setExpirationTime(exp)
      .sign(new TextEncoder().encode(secret));
    expect((await h.http().get('/api/me').set('Authorization', `Bearer ${token}`)).status).toBe(200);
    const now = jest.spyOn(Date, 'now').mockReturnValue(exp * 1000 + 1);
    try {
      const res = await h.http().get('/api/me').set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(401);
      expect(res.body.detail).toMatch(/expired/);
    } finally {
      now.mockRestore();
    }
  });

  it('/health needs no token; the dev-token route neither', async () => {
    expect((await h.http().get('/health')).status).toBe(200);
    expect((await h.http().post('/api/auth/dev-token').send({ userId: 'sec-jan' })).status).toBe(200);
  });
});

describe('dev-token secret and directory changes', () => {
  it('the secret is generated once in DATA_DIR with mode 0600, so tokens survive a restart', async () => {
    const config = testConfig();
    const first = await createHarness({ config });
    const token = await first.tokenFor('prov-bram');
    await first.close();
    const file = path.join(config.dataDir, 'dev-token-secret');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const second = await createHarness({ config });
    expect((await second.http().get('/api/me').set('Authorization', `Bearer ${token}`)).status).toBe(200);
    await second.close();
  });

  it('DEV_TOKEN_SECRET is used when set (no file written)', async () => {
    const config = testConfig({ DEV_TOKEN_SECRET: 's'.repeat(40) });
    const h = await createHarness({ config });
    await h.tokenFor('prov-bram');
    expect(fs.existsSync(path.join(config.dataDir, 'dev-token-secret'))).toBe(false);
    await h.close();
  });

  it('a user removed from the directory through the API loses access with the same token', async () => {
    const h = await createHarness();
    const token = await h.tokenFor('prov-chantal');
    expect((await h.http().get('/api/me').set('Authorization', `Bearer ${token}`)).status).toBe(200);
    const secretariat = await h.tokenFor('sec-jan');
    const removed = await h.http().delete('/api/directory/users/prov-chantal').set('Authorization', `Bearer ${secretariat}`);
    expect(removed.status).toBe(204);
    const res = await h.http().get('/api/me').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(401);
    expect(res.body.detail).toMatch(/no longer in the directory/);
    await h.close();
  });
});

describe('auth modes', () => {
  it('AUTH_MODE=oidc has no dev-token route (404) and creates no dev-token secret', async () => {
    const config = testConfig({ AUTH_MODE: 'oidc', OIDC_ISSUER: 'https://login.example.org', OIDC_AUDIENCE: 'gzc' });
    const h = await createHarness({ config });
    const res = await h.http().post('/api/auth/dev-token').send({ userId: 'prov-anna' });
    expect(res.status).toBe(404);
    expect(fs.existsSync(path.join(config.dataDir, 'dev-token-secret'))).toBe(false);
    await h.close();
  });

  it('the dev-token endpoint answers 404 outside dev mode', async () => {
    const config = testConfig({}, { authMode: 'oidc' });
    const controller = new AuthController(config, {} as DevTokenService);
    await expect(controller.devToken({ userId: 'prov-anna' })).rejects.toMatchObject({ status: 404 });
  });
});
