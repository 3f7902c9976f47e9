import { JSON_ACTIONS } from '../src/disputes/action-table';
import { createHarness } from './support/http-harness';

describe('GET /health, /health/live, /health/ready', () => {
  it('without checks: up, live and ready', async () => {
    const h = await createHarness();
    const res = await h.http().get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'up' });
    expect((await h.http().get('/health/live')).body).toMatchObject({ status: 'ok' });
    expect((await h.http().get('/health/ready')).status).toBe(200);
    await h.close();
  });

  it('anyone sees up or down only; the secretariat sees each check; 503 problem when one fails or throws', async () => {
    let projectionsOk = true;
    const h = await createHarness({
      healthChecks: [
        { name: 'eventStore', run: async () => ({ ok: true, detail: { headPosition: 3 } }) },
        { name: 'projections', run: async () => ({ ok: projectionsOk, detail: { lag: projectionsOk ? 0 : 9 } }) },
      ],
    });
    const anonymous = await h.http().get('/health');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual({ status: 'up' });
    const secretariat = `Bearer ${await h.tokenFor('sec-jan')}`;
    const provider = `Bearer ${await h.tokenFor('prov-anna')}`;
    expect((await h.http().get('/health').set('Authorization', provider)).body).toEqual({ status: 'up' });
    const detailed = await h.http().get('/health').set('Authorization', secretariat);
    expect(detailed.body).toEqual({
      status: 'up',
      eventStore: 'sqlite',
      checks: { eventStore: { ok: true, detail: { headPosition: 3 } }, projections: { ok: true, detail: { lag: 0 } } },
    });
    const ready = await h.http().get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ok', info: { eventStore: { status: 'up' }, projections: { status: 'up' } } });
    expect(JSON.stringify(ready.body)).not.toContain('headPosition');

    projectionsOk = false;
    const failing = await h.http().get('/health');
    expect(failing.status).toBe(503);
    expect(failing.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(failing.body.checks).toBeUndefined();
    const failingReady = await h.http().get('/health/ready');
    expect(failingReady.status).toBe(503);
    expect(failingReady.body).toMatchObject({ detail: 'Not ready: projections.', checks: { projections: { status: 'down' }, eventStore: { status: 'up' } } });
    expect(JSON.stringify(failingReady.body)).not.toContain('lag');
    const failingForSecretariat = await h.http().get('/health').set('Authorization', secretariat);
    expect(failingForSecretariat.body).toMatchObject({ status: 503, checks: { projections: { ok: false, detail: { lag: 9 } } } });
    expect((await h.http().get('/health/live')).status).toBe(200);
    await h.close();

    const throwing = await createHarness({
      healthChecks: [
        {
          name: 'eventStore',
          run: async () => {
            throw new Error('SQLITE_CANTOPEN /secret');
          },
        },
      ],
    });
    const res = await throwing.http().get('/health/ready');
    expect(res.status).toBe(503);
    expect(JSON.stringify(res.body)).not.toContain('/secret');
    expect((await throwing.http().get('/health')).status).toBe(503);
    await throwing.close();
  });
});

describe('OpenAPI', () => {
  const afterOpen: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    for (const h of afterOpen.splice(0)) await h.close();
  });

  it('/docs-json documents every action with its own body, bearer auth and the problem answers', async () => {
    const h = await createHarness();
    const res = await h.http().get('/docs-json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const action of JSON_ACTIONS) {
      const operation = doc.paths[`/api/disputes/{id}/${action}`]?.post;
      expect(operation).toBeDefined();
      expect(operation.requestBody.content['application/json'].schema.$ref).toMatch(/^#\/components\/schemas\/\w+Dto$/);
      expect(operation.responses).toHaveProperty('200');
      expect(operation.responses).toHaveProperty('409');
      expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['id', 'If-Match', 'Idempotency-Key']));
    }
    expect(doc.paths['/api/disputes'].post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/FileDisputeDto');
    expect(doc.components.schemas.FileDisputeDto.properties.legalFramework.enum).toEqual(['zvw', 'zvw_supplementary', 'wlz']);
    expect(doc.paths['/api/disputes/{id}/submit-document']).toBeUndefined();
    expect((await h.http().get('/docs')).status).toBe(200);
    await h.close();
  });

  it('/docs-json documents the directory routes with their bodies, If-Match and 403', async () => {
    const h = await createHarness();
    afterOpen.push(h);
    const doc = (await h.http().get('/docs-json')).body;
    const orgs = doc.paths['/api/directory/organisations'];
    expect(orgs.post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/RegisterOrganisationDto');
    expect(orgs.get.responses).toHaveProperty('403');
    const org = doc.paths['/api/directory/organisations/{id}'];
    expect(org.patch.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['id', 'If-Match']));
    expect(doc.paths['/api/directory/users'].post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/RegisterUserDto');
    expect(doc.paths['/api/directory/users/{id}'].delete.responses).toHaveProperty('204');
    expect(doc.paths['/api/directory/users/{id}'].patch).toBeDefined();
    // The rate-limited routes document their 429.
    expect(doc.paths['/api/disputes'].post.responses).toHaveProperty('429');
    expect(doc.paths['/api/auth/dev-token'].post.responses).toHaveProperty('429');
  });
});
