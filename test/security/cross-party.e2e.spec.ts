import { SignJWT } from 'jose';
import { act, filingBody, getCase } from '../e2e/support/dispute-fixtures';
import { startTestApp, type TestApp } from '../e2e/support/test-app';
import { AUTH_MODES, startModeApp, type ModeApp } from './support/auth-modes';
import { INTERNALS } from './support/roles';

describe.each(AUTH_MODES)("other parties' cases and organisations, AUTH_MODE=%s", (mode) => {
  let m: ModeApp;
  let t: TestApp;
  let annasCase: string;
  let bramsCase: string;
  beforeAll(async () => {
    m = await startModeApp(mode);
    t = m.t;
    annasCase = (await t.as('prov-anna').post('/api/disputes', filingBody({ summary: 'Anna tegen Noord' }))).body.id;
    bramsCase = (
      await t.as('prov-bram').post('/api/disputes', filingBody({ claimantOrganisationIds: ['org-wijkzorg-amstelland'], respondentOrganisationIds: ['org-zv-zuid'], summary: 'Bram tegen Zuid geheim' }))
    ).body.id;
  });
  afterAll(() => m.close());

  it.each<[string, string, Record<string, unknown>]>([
    ['a provider naming another provider as claimant', 'prov-anna', { claimantOrganisationIds: ['org-wijkzorg-amstelland'] }],
    ['a provider adding another provider as co-claimant', 'prov-anna', { claimantOrganisationIds: ['org-fysio-delinde', 'org-wijkzorg-amstelland'] }],
    ['an insurer naming another insurer as claimant', 'ins-carla', { claimantOrganisationIds: ['org-zv-zuid'], respondentOrganisationIds: ['org-fysio-delinde'] }],
    ['an association filing for a provider that is not its member', 'assoc-eva', { claimantOrganisationIds: ['org-wijkzorg-amstelland'] }],
  ])('%s is a 403, and nothing is filed', async (_name, userId, overrides) => {
    const before = (await t.as('sec-jan').get('/api/disputes?limit=100')).body.items.length;
    const res = await t.as(userId).post('/api/disputes', filingBody(overrides));
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/own organisation|not a member/);
    expect((await t.as('sec-jan').get('/api/disputes?limit=100')).body.items.length).toBe(before);
  });

  it("a party cannot find another party's case by listing or searching", async () => {
    const list = await t.as('prov-anna').get('/api/disputes?limit=100');
    const ids = list.body.items.map((c: { id: string }) => c.id);
    expect(ids).toContain(annasCase);
    expect(ids).not.toContain(bramsCase);
    expect((await t.as('prov-anna').get(`/api/disputes?q=${encodeURIComponent('Bram tegen Zuid')}`)).body.items).toEqual([]);
    expect((await t.as('ins-carla').get('/api/disputes?limit=100')).body.items.map((c: { id: string }) => c.id)).not.toContain(bramsCase);
  });

  it("a party reaching another party's case by id gets the same 404 as for a case that does not exist", async () => {
    const other = await t.as('prov-anna').get(`/api/disputes/${bramsCase}`);
    const none = await t.as('prov-anna').get('/api/disputes/00000000-0000-4000-8000-000000000000');
    expect(other.status).toBe(404);
    expect(none.status).toBe(404);
    expect(other.body.title).toBe(none.body.title);
    expect(other.text).not.toContain('Bram');
    const attempts: Array<[string, Record<string, unknown>]> = [
      ['withdraw', {}],
      ['accept-submission', { route: 'mediation' }],
      ['propose-route', { route: 'arbitration' }],
      ['submit-statement', { kind: 'reply', text: 'x' }],
      ['provide-information', { answers: 'x' }],
    ];
    for (const [action, body] of attempts) {
      expect({ action, status: (await t.as('prov-anna').post(`/api/disputes/${bramsCase}/${action}`, body)).status }).toEqual({ action, status: 404 });
    }
    expect((await t.as('prov-anna').get(`/api/disputes/${bramsCase}/timeline`)).status).toBe(404);
    expect((await getCase(t, 'prov-bram', bramsCase)).status).toBe('filed');
  });

  it('a neutral sees a case only once nominated on it; another neutral never', async () => {
    await act(t, 'sec-jan', annasCase, 'register');
    await act(t, 'ins-carla', annasCase, 'accept-submission', { route: 'mediation' });
    expect((await t.as('med-femke').get(`/api/disputes/${annasCase}`)).status).toBe(404);
    await act(t, 'sec-jan', annasCase, 'nominate-neutrals', { neutralUserIds: ['med-femke'] });
    expect((await t.as('med-femke').get(`/api/disputes/${annasCase}`)).status).toBe(200);
    expect((await t.as('med-gerrit').get(`/api/disputes/${annasCase}`)).status).toBe(404);
    expect((await t.as('adv-hanna').get(`/api/disputes/${annasCase}`)).status).toBe(404);
  });

  it('an observer never sees a single case', async () => {
    expect((await t.as('obs-karin').get(`/api/disputes/${annasCase}`)).status).toBe(404);
    expect((await t.as('obs-karin').get('/api/disputes')).body.items).toEqual([]);
  });

  it('identity comes from the token, never from the body: a userId or role in a body is refused', async () => {
    const res = await t.as('prov-anna').post('/api/disputes', { ...filingBody(), userId: 'sec-jan', role: 'secretariat' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['role', 'userId']);
  });
});

describe('malformed, forged and oversized tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const me = (authorization: string | undefined) => {
    const req = t.http().get('/api/me');
    return authorization === undefined ? req : req.set('Authorization', authorization);
  };
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it.each<[string, () => Promise<string | undefined>]>([
    ['no header', async () => undefined],
    ['an empty header', async () => ''],
    ['Basic credentials', async () => `Basic ${Buffer.from('sec-jan:secret').toString('base64')}`],
    ['a bare token without Bearer', async () => t.token('prov-anna')],
    ['Bearer and nothing', async () => 'Bearer '],
    ['three dots', async () => 'Bearer ...'],
    ['not a JWT', async () => 'Bearer hello-world'],
    ['a JWT with garbage segments', async () => 'Bearer a.b.c'],
    ['a token with one character changed in the signature', async () => {
      const token = await t.token('prov-anna');
      const last = token.at(-2) === 'A' ? 'B' : 'A';
      return `Bearer ${token.slice(0, -2)}${last}${token.at(-1)}`;
    }],
    ['a token whose payload was swapped for the secretariat', async () => {
      const [header, , signature] = (await t.token('prov-anna')).split('.');
      return `Bearer ${header}.${b64({ sub: 'sec-jan', role: 'secretariat', iss: 'gzc-disputes-dev', aud: 'gzc-disputes-api', exp: 9_999_999_999 })}.${signature}`;
    }],
    ['alg none for the secretariat', async () => `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'sec-jan', iss: 'gzc-disputes-dev', aud: 'gzc-disputes-api', exp: 9_999_999_999 })}.`],
    ['a token signed with another secret', async () => {
      const forged = await new SignJWT({ role: 'secretariat' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('sec-jan')
        .setIssuer('gzc-disputes-dev')
        .setAudience('gzc-disputes-api')
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode('x'.repeat(48)));
      return `Bearer ${forged}`;
    }],
    ['a token of 5,000 characters', async () => `Bearer ${'a'.repeat(2500)}.${'b'.repeat(2498)}`],
    ['a token of 12,000 characters', async () => `Bearer ${'a'.repeat(12_000)}`],
    ['control characters', async () => 'Bearer abc\tdef'],
  ])('%s is a 401 problem without internals', async (_name, header) => {
    const res = await me(await header());
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.text).not.toMatch(INTERNALS);
  });

  it('a token in the query string is not accepted', async () => {
    const res = await t.http().get(`/api/me?access_token=${await t.token('prov-anna')}`);
    expect(res.status).toBe(401);
  });

  it('a header beyond what the server reads is refused before the app (431), not a 500', async () => {
    const res = await me(`Bearer ${'a'.repeat(20_000)}`).catch((e: { status?: number; response?: { status: number } }) => e.response ?? e);
    expect([431, 400]).toContain(res.status);
  });
});

describe('one party acting for another party of the same case (rules 6 and 9)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('a respondent cannot answer for another respondent: 403, nothing recorded', async () => {
    const id = (await t.as('prov-anna').post('/api/disputes', filingBody({ respondentOrganisationIds: ['org-zv-noord', 'org-zv-zuid'] }))).body.id;
    await act(t, 'sec-jan', id, 'register');
    const before = (await getCase(t, 'sec-jan', id)).version;
    for (const [action, body] of [
      ['accept-submission', { route: 'mediation', respondentOrganisationId: 'org-zv-noord' }],
      ['decline-submission', { reason: 'Nee', respondentOrganisationId: 'org-zv-noord' }],
      ['propose-route', { route: 'arbitration', respondentOrganisationId: 'org-zv-noord' }],
    ] as const) {
      const res = await t.as('ins-dirk').post(`/api/disputes/${id}/${action}`, body);
      expect({ action, status: res.status }).toEqual({ action, status: 403 });
      expect(res.text).not.toMatch(INTERNALS);
    }
    expect((await getCase(t, 'sec-jan', id)).version).toBe(before);
  });

  it('a member provider cannot withdraw the association’s case; the association cannot withdraw a “participation”; outsiders get 404', async () => {
    const id = (await t.as('assoc-eva').post('/api/disputes', filingBody({ claimantOrganisationIds: ['org-fysio-delinde', 'org-ggz-praktijk-oost'] }))).body.id;
    expect((await t.as('prov-anna').post(`/api/disputes/${id}/withdraw`, {})).status).toBe(403);
    expect((await t.as('assoc-eva').post(`/api/disputes/${id}/withdraw-participation`, {})).status).toBe(403);
    expect((await t.as('prov-bram').post(`/api/disputes/${id}/withdraw-participation`, {})).status).toBe(404);
    expect((await t.as('ins-dirk').post(`/api/disputes/${id}/continue-with-respondents`, {})).status).toBe(404);
    expect((await getCase(t, 'assoc-eva', id)).status).toBe('filed');
  });
});
