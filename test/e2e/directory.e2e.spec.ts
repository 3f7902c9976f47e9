import { act, fileDispute, getCase, SECRETARIAT } from './support/dispute-fixtures';
import { eventually, newDataDir, removeDataDir, startTestApp, type TestApp } from './support/test-app';

const provider = (overrides: Record<string, unknown> = {}) => ({
  id: 'org-fysio-noord',
  kind: 'provider',
  name: 'Fysiotherapie Noord',
  codes: { agb: '04099999', kvk: '69999999' },
  smallProvider: true,
  ...overrides,
});

describe('the directory over the API (secretariat)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const as = async (userId: string) => ({ Authorization: `Bearer ${await t.token(userId)}` });
  const post = async (path: string, body: unknown, userId = SECRETARIAT) => t.http().post(path).set(await as(userId)).send(body as object);
  const patch = async (path: string, body: unknown, headers: Record<string, string> = {}, userId = SECRETARIAT) =>
    t.http().patch(path).set({ ...(await as(userId)), ...headers }).send(body as object);
  const get = async (path: string, userId = SECRETARIAT) => t.http().get(path).set(await as(userId));

  it('registers a provider and a user of it; the user can sign in and file at once', async () => {
    const org = await post('/api/directory/organisations', provider());
    expect(org.status).toBe(201);
    expect(org.body).toEqual({ ...provider(), version: 1 });
    expect(org.headers.etag).toBe('"1"');
    expect(org.headers.location).toBe('/api/directory/organisations/org-fysio-noord');

    const user = await post('/api/directory/users', { id: 'prov-piet', name: 'Piet Noord', role: 'provider', organisationId: 'org-fysio-noord' });
    expect(user.status).toBe(201);
    expect(user.body).toEqual({ id: 'prov-piet', name: 'Piet Noord', role: 'provider', organisationId: 'org-fysio-noord', version: 1 });

    const id = await fileDispute(t, 'prov-piet', { claimantOrganisationIds: ['org-fysio-noord'] });
    expect((await getCase(t, 'prov-piet', id)).claimants[0]).toMatchObject({ id: 'org-fysio-noord', smallProvider: true });
    expect((await get('/api/organisations', 'prov-anna')).body.map((o: { id: string }) => o.id)).toContain('org-fysio-noord');
  });

  it.each<[string, string, Record<string, unknown>, string, RegExp]>([
    ['an AGB code of 7 digits', 'organisations', provider({ id: 'o1', codes: { agb: '1234567', kvk: '12345678' } }), 'codes.agb', /8 digits/],
    ['a KvK number with letters', 'organisations', provider({ id: 'o2', codes: { agb: '12345678', kvk: '1234567A' } }), 'codes.kvk', /8 digits/],
    ['a provider without a KvK number', 'organisations', provider({ id: 'o3', codes: { agb: '12345670' } }), 'codes.kvk', /KvK/],
    ['an insurer with a UZOVI code of 3 digits', 'organisations', { id: 'o4', kind: 'insurer', name: 'V', codes: { uzovi: '123' } }, 'codes.uzovi', /4 digits/],
    ['an insurer with an AGB code', 'organisations', { id: 'o5', kind: 'insurer', name: 'V', codes: { uzovi: '1234', agb: '12345678' } }, 'codes.agb', /remove/],
    ['a provider without the small-provider flag', 'organisations', provider({ id: 'o6', smallProvider: undefined, codes: { agb: '12345671', kvk: '12345671' } }), 'smallProvider', /small provider/],
    ['an insurer marked small provider', 'organisations', { id: 'o7', kind: 'insurer', name: 'V', codes: { uzovi: '1235' }, smallProvider: true }, 'smallProvider', /only care providers/],
    ['an association with an insurer as member', 'organisations', { id: 'o8', kind: 'association', name: 'A', members: ['org-zv-noord'] }, 'members[0]', /must be care providers/],
    ['an association with an unknown member', 'organisations', { id: 'o9', kind: 'association', name: 'A', members: ['org-nope'] }, 'members[0]', /not an organisation/],
    ['an association without members', 'organisations', { id: 'o10', kind: 'association', name: 'A' }, 'members', /member providers/],
    ['an unknown kind', 'organisations', { id: 'o11', kind: 'hospital', name: 'H' }, 'kind', /one of/],
    ['a duplicate organisation id', 'organisations', { id: 'org-zv-noord', kind: 'insurer', name: 'Copy', codes: { uzovi: '1236' } }, 'id', /already taken/],
    ['an AGB code already in use', 'organisations', provider({ id: 'o12', codes: { agb: '04012345', kvk: '12345672' } }), 'codes.agb', /already belongs to Fysiotherapie De Linde/],
    ['an id with a slash', 'organisations', { id: 'a/b', kind: 'observer', name: 'O' }, 'id', /letters, digits/],
    ['a field that does not exist', 'organisations', { id: 'o13', kind: 'observer', name: 'O', boss: 'x' }, 'boss', /not a field/],
    ['a user with an unknown role', 'users', { id: 'u1', name: 'U', role: 'king', organisationId: 'org-zv-noord' }, 'role', /one of/],
    ['a user whose role does not fit the organisation', 'users', { id: 'u2', name: 'U', role: 'secretariat', organisationId: 'org-zv-noord' }, 'role', /insurer/],
    ['a user of an unknown organisation', 'users', { id: 'u3', name: 'U', role: 'insurer', organisationId: 'org-nope' }, 'organisationId', /organisation of the directory/],
    ['a duplicate user id', 'users', { id: 'prov-anna', name: 'U', role: 'provider', organisationId: 'org-fysio-delinde' }, 'id', /already taken/],
    ['a user without a name', 'users', { id: 'u4', role: 'provider', organisationId: 'org-fysio-delinde' }, 'name', /required/],
  ])('%s is a 400 naming the field, and nothing is recorded', async (_name, kind, body, field, message) => {
    const before = (await get(`/api/directory/${kind}`)).body.length;
    const res = await post(`/api/directory/${kind}`, body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    const error = res.body.errors.find((e: { field: string }) => e.field === field);
    expect(error).toBeDefined();
    expect(error.message).toMatch(message);
    expect((await get(`/api/directory/${kind}`)).body.length).toBe(before);
  });

  it.each(['prov-anna', 'ins-carla', 'assoc-eva', 'med-femke', 'adv-hanna', 'arb-ivo', 'obs-karin'])(
    '%s may not read or change the directory (403)',
    async (userId) => {
      expect((await get('/api/directory/organisations', userId)).status).toBe(403);
      expect((await get('/api/directory/users/prov-anna', userId)).status).toBe(403);
      expect((await post('/api/directory/organisations', provider({ id: `x-${userId}` }), userId)).status).toBe(403);
      expect((await patch('/api/directory/organisations/org-fysio-delinde', { smallProvider: false }, {}, userId)).status).toBe(403);
      expect((await post('/api/directory/users', { id: `u-${userId}`, name: 'U', role: 'provider', organisationId: 'org-fysio-delinde' }, userId)).status).toBe(403);
      expect((await get('/api/directory/organisations/org-fysio-delinde')).body.smallProvider).toBe(true);
    },
  );

  it('changes are versioned: If-Match with a stale version is a 409, the kind cannot change', async () => {
    const current = await get('/api/directory/organisations/org-ggz-praktijk-oost');
    expect(current.status).toBe(200);
    const version = current.body.version as number;
    const changed = await patch('/api/directory/organisations/org-ggz-praktijk-oost', { name: 'GGZ Praktijk Oost BV' }, { 'If-Match': `"${version}"` });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: 'GGZ Praktijk Oost BV', version: version + 1 });
    const stale = await patch('/api/directory/organisations/org-ggz-praktijk-oost', { name: 'Oost' }, { 'If-Match': `"${version}"` });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(version + 1);
    const kind = await patch('/api/directory/organisations/org-ggz-praktijk-oost', { kind: 'insurer' });
    expect(kind.status).toBe(400);
    expect(kind.body.errors[0].field).toBe('kind');
    expect((await patch('/api/directory/organisations/org-nope', { name: 'x' })).status).toBe(404);
    expect((await patch('/api/directory/users/nobody', { name: 'x' })).status).toBe(404);
  });

  it("a user's role and organisation change take effect on their next request: the old token is refused, a new one acts for the new organisation", async () => {
    await post('/api/directory/users', { id: 'ins-wouter', name: 'Wouter', role: 'insurer', organisationId: 'org-zv-noord' });
    const token = await t.token('ins-wouter');
    const moved = await patch('/api/directory/users/ins-wouter', { organisationId: 'org-zv-zuid' });
    expect(moved.status).toBe(200);
    expect((await t.http().get('/api/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    const fresh = await t.http().post('/api/auth/dev-token').send({ userId: 'ins-wouter' });
    const me = await t.http().get('/api/me').set('Authorization', `Bearer ${fresh.body.accessToken}`);
    expect(me.body.user.organisationId).toBe('org-zv-zuid');
  });

  it('the small-provider flag, flipped through the API, changes the fee share of the next registration', async () => {
    const first = await fileDispute(t);
    await act(t, SECRETARIAT, first, 'register');
    const before = (await getCase(t, SECRETARIAT, first)).administrationFee;
    expect(before.shares).toEqual([
      { organisationId: 'org-fysio-delinde', amountCents: 25_000 },
      { organisationId: 'org-zv-noord', amountCents: 25_000 },
    ]);

    expect((await patch('/api/directory/organisations/org-fysio-delinde', { smallProvider: false })).status).toBe(200);
    const second = await fileDispute(t);
    await act(t, SECRETARIAT, second, 'register');
    expect((await getCase(t, SECRETARIAT, second)).administrationFee.shares).toEqual([{ organisationId: 'org-fysio-delinde', amountCents: 50_000 }]);

    expect((await patch('/api/directory/organisations/org-fysio-delinde', { smallProvider: true })).status).toBe(200);
  });

  it('a removed user loses access and their id is not given out again', async () => {
    await post('/api/directory/users', { id: 'prov-tijdelijk', name: 'Tijdelijk', role: 'provider', organisationId: 'org-wijkzorg-amstelland' });
    const token = await t.token('prov-tijdelijk');
    const removed = await t.http().delete('/api/directory/users/prov-tijdelijk').set(await as(SECRETARIAT));
    expect(removed.status).toBe(204);
    expect((await t.http().get('/api/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    const again = await post('/api/directory/users', { id: 'prov-tijdelijk', name: 'Weer', role: 'provider', organisationId: 'org-wijkzorg-amstelland' });
    expect(again.status).toBe(400);
    expect(again.body.errors[0].field).toBe('id');
    expect((await t.http().delete('/api/directory/users/sec-jan').set(await as(SECRETARIAT))).status).toBe(400);
  });
});

describe('the directory across two API processes on one store', () => {
  it('an organisation added through one instance can be used through the other', async () => {
    const dataDir = newDataDir();
    const a = await startTestApp({ dataDir });
    const b = await startTestApp({ dataDir });
    try {
      const created = await a
        .http()
        .post('/api/directory/organisations')
        .set('Authorization', `Bearer ${await a.token(SECRETARIAT)}`)
        .send(provider({ id: 'org-gedeeld', codes: { agb: '04088888', kvk: '68888888' } }));
      expect(created.status).toBe(201);
      await a.http().post('/api/directory/users').set('Authorization', `Bearer ${await a.token(SECRETARIAT)}`).send({ id: 'prov-gedeeld', name: 'G', role: 'provider', organisationId: 'org-gedeeld' });
      const token = await eventually(async () => {
        const res = await b.http().post('/api/auth/dev-token').send({ userId: 'prov-gedeeld' });
        if (res.status !== 200) throw new Error(`dev-token ${res.status}`);
        return res.body.accessToken as string;
      });
      const me = await b.http().get('/api/me').set('Authorization', `Bearer ${token}`);
      expect(me.body.organisation).toMatchObject({ id: 'org-gedeeld', smallProvider: true });
    } finally {
      await a.close();
      await b.close();
      removeDataDir(dataDir);
    }
  });
});
