import { fileAndRegister, fileDispute } from '../e2e/support/dispute-fixtures';
import { startTestApp, type TestApp } from '../e2e/support/test-app';

// Finding 4: no cache may keep a private answer or hand one party's view to another.

describe('private answers are never cached', () => {
  let t: TestApp;
  let id: string;
  beforeAll(async () => {
    t = await startTestApp();
    // Registered: the respondent sees the case from registration on (rule 1).
    id = (await fileAndRegister(t)).id;
  });
  afterAll(() => t.close());

  it.each([
    ['prov-anna', () => `/api/disputes/${id}`],
    ['prov-anna', () => `/api/disputes/${id}/timeline`],
    ['prov-anna', () => `/api/disputes/${id}/documents`],
    ['prov-anna', () => '/api/disputes'],
    ['prov-anna', () => '/api/me'],
    ['sec-jan', () => '/api/statistics'],
    ['sec-jan', () => '/api/directory/users'],
    ['sec-jan', () => '/api/directory/users/prov-anna'],
  ])('%s GET %#: Cache-Control no-store', async (who, path) => {
    const res = await t.as(who).get(path());
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toMatch(/no-store/);
  });

  it('the dev-token answer (it holds a token) and error answers are not stored either', async () => {
    const token = await t.http().post('/api/auth/dev-token').send({ userId: 'prov-anna' });
    expect(token.headers['cache-control']).toMatch(/no-store/);
    const problem = await t.http().get('/api/me');
    expect(problem.status).toBe(401);
    expect(problem.headers['cache-control']).toMatch(/no-store/);
  });

  it("Carla sending the ETag Anna saw gets Carla's own view, not a 304", async () => {
    const anna = await t.as('prov-anna').get(`/api/disputes/${id}`);
    expect(anna.status).toBe(200);
    const carla = await t.as('ins-carla').get(`/api/disputes/${id}`, anna.headers.etag ? { 'If-None-Match': String(anna.headers.etag) } : {});
    expect(carla.status).toBe(200);
    expect(carla.body.id).toBe(id);
    if (carla.headers.etag !== undefined) expect(carla.headers.etag).not.toBe(anna.headers.etag);
  });

  it('the same ETags elsewhere: a list, the timeline and statistics are not 304 for another viewer', async () => {
    for (const [first, second, path] of [
      ['prov-anna', 'ins-carla', `/api/disputes/${id}/timeline`],
      ['prov-anna', 'ins-carla', '/api/disputes'],
      ['sec-jan', 'obs-karin', '/api/statistics'],
    ] as const) {
      const a = await t.as(first).get(path);
      const b = await t.as(second).get(path, a.headers.etag ? { 'If-None-Match': String(a.headers.etag) } : {});
      expect({ path, status: b.status }).toEqual({ path, status: 200 });
    }
  });

  it('the ETag still works as If-Match for the viewer who saw it', async () => {
    const own = await fileDispute(t);
    const view = await t.as('sec-jan').get(`/api/disputes/${own}`);
    const registered = await t.as('sec-jan').post(`/api/disputes/${own}/register`, {}, { 'If-Match': String(view.headers.etag) });
    expect(registered.status).toBe(200);
  });
});
