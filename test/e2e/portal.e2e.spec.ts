import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { newDataDir, startTestApp, type TestApp } from './support/test-app';

// The portal as the API serves it: hashed assets cached for good, index.html never, client routes
// falling back to index.html (never for /api, /docs, /health), a CSP with no inline script; and the
// public fee estimate behind the keuzehulp.
describe('portal serving and fee estimate', () => {
  let t: TestApp;
  let webRoot: string;

  beforeAll(async () => {
    webRoot = newDataDir();
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(
      join(webRoot, 'index.html'),
      '<!doctype html><html lang="nl"><body><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script></body></html>',
    );
    writeFileSync(join(webRoot, 'assets', 'index-abc123.js'), 'console.log(1)');
    // As the build writes them (apps/web/build/precompress.mts): the same file, compressed beside it.
    writeFileSync(join(webRoot, 'assets', 'index-abc123.js.br'), brotliCompressSync('console.log(1)'));
    writeFileSync(join(webRoot, 'assets', 'index-abc123.js.gz'), gzipSync('console.log(1)'));
    writeFileSync(join(webRoot, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    t = await startTestApp({ env: { WEB_ROOT: webRoot } });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('serves index.html at / and for client routes, not cached, with a CSP that allows no inline script', async () => {
    for (const path of ['/', '/zaken/123', '/aanvraag/geschil', '/toegankelijkheid']) {
      const res = await t.http().get(path);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('<div id="root">');
      expect(res.headers['cache-control']).toBe('no-cache');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
    }
  });

  it('caches hashed assets for a year as immutable, and answers 404 for a missing one', async () => {
    const res = await t.http().get('/assets/index-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await t.http().get('/assets/index-gone.js')).status).toBe(404);
  });

  it('sends an asset precompressed as the browser accepts (brotli first), with Vary, and plain to others', async () => {
    const raw = (encoding: string) =>
      t
        .http()
        .get('/assets/index-abc123.js')
        .set('Accept-Encoding', encoding)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
    const brotli = await raw('gzip, deflate, br');
    expect(brotli.status).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['vary']).toMatch(/Accept-Encoding/);
    expect(brotli.headers['content-type']).toMatch(/javascript/);
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gzip = await raw('gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const plain = await raw('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(String(plain.body)).toBe('console.log(1)');
  });

  it('never answers /api, /docs or /health with the portal', async () => {
    const api = await t.http().get('/api/does-not-exist');
    expect(api.status).toBe(404);
    expect(api.headers['content-type']).toMatch(/problem\+json/);
    expect((await t.http().get('/health')).headers['content-type']).toMatch(/json/);
    expect((await t.http().get('/docs-json')).headers['content-type']).toMatch(/json/);
  });

  it('estimates fees without a token from smallProvider, relief included', async () => {
    const res = await t.http().get('/api/fees/estimate?smallProvider=true&route=mediation');
    expect(res.status).toBe(200);
    expect(res.body.routes).toHaveLength(1);
    const mediation = res.body.routes[0];
    const admin = t.config.policies.administrationFeeCents;
    const relief = Math.floor((admin * t.config.policies.smallProviderRespondentSharePct) / 100);
    expect(mediation.administrationFee).toEqual({ totalCents: admin, claimantCents: admin - relief, respondentCents: relief });
    expect(mediation.reliefCents).toBeGreaterThan(0);
  });

  it('estimates fees for named organisations only for a signed-in caller, from the directory', async () => {
    const path = '/api/fees/estimate?claimantOrganisationIds=org-fysio-delinde&respondentOrganisationIds=org-zv-noord';
    expect((await t.http().get(path)).status).toBe(401);
    const small = await t.as('prov-anna').get(path);
    expect(small.status).toBe(200);
    expect(small.body.smallProviderClaimant).toBe(true);
    const ordinary = await t
      .as('prov-bram')
      .get('/api/fees/estimate?claimantOrganisationIds=org-wijkzorg-amstelland&respondentOrganisationIds=org-zv-noord');
    expect(ordinary.body.smallProviderClaimant).toBe(false);
    expect(ordinary.body.routes[0].reliefCents).toBe(0);
  });

  it('names the field of bad input with a 400', async () => {
    const cases: [string, string][] = [
      ['/api/fees/estimate', 'smallProvider'],
      ['/api/fees/estimate?smallProvider=misschien', 'smallProvider'],
      ['/api/fees/estimate?smallProvider=true&route=court', 'route'],
      ['/api/fees/estimate?smallProvider=true&colour=red', 'colour'],
    ];
    for (const [path, field] of cases) {
      const res = await t.http().get(path);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const unknownOrg = await t
      .as('prov-anna')
      .get('/api/fees/estimate?claimantOrganisationIds=org-nobody&respondentOrganisationIds=org-zv-noord');
    expect(unknownOrg.status).toBe(400);
    expect(unknownOrg.body.errors[0].field).toBe('claimantOrganisationIds');
  });

  it('tells the portal how to sign in: dev mode lists the demo users by organisation', async () => {
    const res = await t.http().get('/api/portal/config');
    expect(res.status).toBe(200);
    expect(res.body.authMode).toBe('dev');
    const delinde = res.body.demoOrganisations.find((o: { id: string }) => o.id === 'org-fysio-delinde');
    expect(delinde.users.map((u: { id: string }) => u.id)).toContain('prov-anna');
  });
});
