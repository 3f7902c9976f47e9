import { Writable } from 'node:stream';
import { filingBody } from '../e2e/support/dispute-fixtures';
import { startTestApp, type TestApp } from '../e2e/support/test-app';

/** Collects what the request logger writes. */
class Capture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter((l) => l !== ''));
    done();
  }
}

describe('security headers and CORS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { CORS_ORIGINS: 'https://portaal.geschilleninstantie.nl' } });
  });
  afterAll(() => t.close());

  it('every answer carries helmet security headers, and no X-Powered-By', async () => {
    const res = await t.http().get('/api/me').set('Authorization', `Bearer ${await t.token('prov-anna')}`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-powered-by']).toBeUndefined();
    const problem = await t.http().get('/api/me');
    expect(problem.status).toBe(401);
    expect(problem.headers['x-content-type-options']).toBe('nosniff');
  });

  it('CORS answers the configured origin only', async () => {
    const allowed = await t
      .http()
      .options('/api/disputes')
      .set({ Origin: 'https://portaal.geschilleninstantie.nl', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' });
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://portaal.geschilleninstantie.nl');
    expect(allowed.headers['access-control-allow-headers']).toMatch(/Authorization/);
    const read = await t.http().get('/health').set('Origin', 'https://portaal.geschilleninstantie.nl');
    expect(read.headers['access-control-expose-headers']).toMatch(/ETag/);

    const other = await t.http().get('/health').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('without CORS_ORIGINS no origin is allowed', async () => {
    const plain = await startTestApp();
    try {
      const res = await plain.http().get('/health').set('Origin', 'https://portaal.geschilleninstantie.nl');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await plain.close();
    }
  });
});

describe('rate limits', () => {
  it('dev tokens: per requested user and per address, 429 with Retry-After', async () => {
    const t = await startTestApp({ env: { RATE_LIMIT_TOKENS_PER_USER: '3', RATE_LIMIT_TOKENS_PER_ADDRESS: '5' } });
    try {
      const ask = (userId: string) => t.http().post('/api/auth/dev-token').send({ userId });
      for (let i = 0; i < 3; i++) expect((await ask('prov-anna')).status).toBe(200);
      const limited = await ask('prov-anna');
      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(limited.headers['content-type']).toMatch(/problem\+json/);
      expect(limited.body).toMatchObject({ status: 429, code: 'rate_limited' });
      // Another user from the same address: the address's 5th request (the refused one counted) passes, the 6th not.
      expect((await ask('ins-carla')).status).toBe(200);
      expect((await ask('ins-dirk')).status).toBe(429);
    } finally {
      await t.close();
    }
  });

  it('filing: per user, 429 with Retry-After, nothing recorded', async () => {
    const t = await startTestApp({ env: { RATE_LIMIT_FILINGS_PER_USER: '2', RATE_LIMIT_FILINGS_PER_ADDRESS: '100' } });
    try {
      const anna = t.as('prov-anna');
      expect((await anna.post('/api/disputes', filingBody())).status).toBe(201);
      expect((await anna.post('/api/disputes', filingBody())).status).toBe(201);
      const limited = await anna.post('/api/disputes', filingBody());
      expect(limited.status).toBe(429);
      expect(limited.headers['retry-after']).toBeDefined();
      expect((await anna.get('/api/disputes')).body.items).toHaveLength(2);
      // Another user is counted apart.
      expect((await t.as('prov-bram').post('/api/disputes', filingBody({ claimantOrganisationIds: ['org-wijkzorg-amstelland'] }))).status).toBe(201);
      // Reading is not limited.
      expect((await anna.get('/api/disputes')).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('filing: per address across users', async () => {
    const t = await startTestApp({ env: { RATE_LIMIT_FILINGS_PER_USER: '100', RATE_LIMIT_FILINGS_PER_ADDRESS: '1' } });
    try {
      expect((await t.as('prov-anna').post('/api/disputes', filingBody())).status).toBe(201);
      const other = await t.as('prov-bram').post('/api/disputes', filingBody({ claimantOrganisationIds: ['org-wijkzorg-amstelland'] }));
      expect(other.status).toBe(429);
    } finally {
      await t.close();
    }
  });
});

describe('request logs', () => {
  it("one JSON line per request with method, route, status, duration, our request id, the caller's X-Request-Id and user id; never a token or a body", async () => {
    const capture = new Capture();
    const t = await startTestApp({ env: { REQUEST_LOG: 'on' }, requestLogStream: capture });
    try {
      const token = await t.token('prov-anna');
      const secretSummary = 'Vertrouwelijk: omzetcijfers 2025 van de praktijk';
      const filed = await t
        .http()
        .post('/api/disputes')
        .set({ Authorization: `Bearer ${token}`, 'X-Request-Id': 'req-log-1' })
        .send(filingBody({ summary: secretSummary }));
      expect(filed.status).toBe(201);
      await t.http().get(`/api/disputes/${filed.body.id}`).set('Authorization', `Bearer ${token}`);
      await t.http().get('/api/me').set('Authorization', 'Bearer not-a-valid-token');
      await new Promise((r) => setTimeout(r, 50));

      const lines = capture.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      const filing = lines.find((l) => l.clientRequestId === 'req-log-1')!;
      expect(filing).toMatchObject({ msg: 'request', method: 'POST', route: '/api/disputes', status: 201, userId: 'prov-anna', level: 'info' });
      expect(filing.requestId).toBe(filed.headers['x-request-id']);
      expect(typeof filing.durationMs).toBe('number');
      expect(typeof filing.time).toBe('string');
      expect(lines.find((l) => l.route === '/api/disputes/:id')).toMatchObject({ method: 'GET', status: 200 });
      expect(lines.find((l) => l.status === 401)).toMatchObject({ userId: null });

      const all = capture.lines.join('\n');
      expect(all).not.toContain(token);
      expect(all).not.toContain(token.split('.')[2]);
      expect(all).not.toContain('not-a-valid-token');
      expect(all).not.toContain(secretSummary);
      expect(all).not.toContain(filed.body.id); // ids stay out: routes are patterns
    } finally {
      await t.close();
    }
  });
});
