import { startTestIssuer, type TestIssuer } from '../support/oidc-issuer';
import { startTestApp, type TestApp } from '../e2e/support/test-app';

// Finding 2: the directory governs every token. Unknown users are refused, removed users lose
// access at once, and a token whose role or organisation disagrees with the directory is refused.

const AUDIENCE = 'gzc-disputes-api';

describe('AUTH_MODE=oidc: the directory governs every token', () => {
  let issuer: TestIssuer;
  let t: TestApp;
  beforeAll(async () => {
    issuer = await startTestIssuer({ audience: AUDIENCE });
    t = await startTestApp({ env: { AUTH_MODE: 'oidc', OIDC_ISSUER: issuer.url, OIDC_AUDIENCE: AUDIENCE } });
  });
  afterAll(async () => {
    await t?.close();
    await issuer?.close();
  });

  const get = (path: string, token: string) => t.http().get(path).set('Authorization', `Bearer ${token}`);
  const asJan = async () => `Bearer ${await issuer.sign({ sub: 'sec-jan', role: 'secretariat', organisation_id: 'org-geschilleninstantie' })}`;

  it('a subject that is in no directory is refused, whatever role its token claims', async () => {
    const stranger = await issuer.sign({ sub: 'mallory', role: 'secretariat', organisation_id: 'org-geschilleninstantie' });
    const res = await get('/api/directory/users', stranger);
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it('a removed user loses access at once, with the token she already holds', async () => {
    const femke = await issuer.sign({ sub: 'med-femke', role: 'mediator', organisation_id: 'org-geschilleninstantie' });
    expect((await get('/api/caseload', femke)).status).toBe(200);
    expect((await t.http().delete('/api/directory/users/med-femke').set('Authorization', await asJan())).status).toBe(204);
    expect((await get('/api/caseload', femke)).status).toBe(401);
  });

  it('role and organisation come from the directory: a token that disagrees after a move is refused', async () => {
    const before = await issuer.sign({ sub: 'prov-bram', role: 'provider', organisation_id: 'org-wijkzorg-amstelland' });
    expect((await get('/api/me', before)).body.user).toMatchObject({ organisationId: 'org-wijkzorg-amstelland' });
    const moved = await t.http().patch('/api/directory/users/prov-bram').set('Authorization', await asJan()).send({ organisationId: 'org-ggz-praktijk-oost' });
    expect({ status: moved.status, detail: moved.body.detail }).toEqual({ status: 200, detail: undefined });
    expect((await get('/api/me', before)).status).toBe(401);
    const after = await issuer.sign({ sub: 'prov-bram', role: 'provider', organisation_id: 'org-ggz-praktijk-oost' });
    expect((await get('/api/me', after)).body.user).toMatchObject({ id: 'prov-bram', organisationId: 'org-ggz-praktijk-oost' });
  });

  it('a token without role and organisation claims acts as the directory says', async () => {
    const res = await get('/api/me', await issuer.sign({ sub: 'ins-carla' }));
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: 'ins-carla', role: 'insurer', organisationId: 'org-zv-noord', name: 'Carla Noordhuis' });
  });

  it('a token that claims a higher role than the directory gives is refused', async () => {
    const res = await get('/api/me', await issuer.sign({ sub: 'obs-karin', role: 'secretariat', organisation_id: 'org-geschilleninstantie' }));
    expect(res.status).toBe(401);
  });
});

describe('AUTH_MODE=dev: the directory governs dev tokens too', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('a dev token issued before a move to another organisation is refused after it', async () => {
    const old = await t.token('prov-bram');
    const jan = await t.token('sec-jan');
    const moved = await t.http().patch('/api/directory/users/prov-bram').set('Authorization', `Bearer ${jan}`).send({ organisationId: 'org-ggz-praktijk-oost' });
    expect({ status: moved.status, detail: moved.body.detail }).toEqual({ status: 200, detail: undefined });
    expect((await t.http().get('/api/me').set('Authorization', `Bearer ${old}`)).status).toBe(401);
  });

  it('a removed user loses access at once', async () => {
    const femke = await t.token('med-femke');
    const jan = await t.token('sec-jan');
    expect((await t.http().delete('/api/directory/users/med-femke').set('Authorization', `Bearer ${jan}`)).status).toBe(204);
    expect((await t.http().get('/api/caseload').set('Authorization', `Bearer ${femke}`)).status).toBe(401);
  });
});
