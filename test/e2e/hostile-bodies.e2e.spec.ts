import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import type { Server } from 'node:http';
import { actionPath, CLAIMANT, fileDispute, filingBody, SECRETARIAT } from './support/dispute-fixtures';
import { removeDataDir, startTestApp, type TestApp } from './support/test-app';

// Issue 14, findings 1 and 2: no recursion over a client's body, and an oversized JSON body is
// refused by its declared length before it is read.
describe('hostile JSON bodies', () => {
  let t: TestApp;
  let caseId: string;

  beforeAll(async () => {
    t = await startTestApp();
    caseId = await fileDispute(t);
  });
  afterAll(async () => {
    await t?.close();
    if (t) await removeDataDir(t.dataDir);
  });

  const deep = (levels: number): string => '['.repeat(levels) + ']'.repeat(levels);

  it.each([
    ['POST /api/disputes', '/api/disputes', CLAIMANT, {}],
    ['POST /api/disputes with Idempotency-Key', '/api/disputes', CLAIMANT, { 'Idempotency-Key': 'deep-1' }],
    ['an action', 'action', SECRETARIAT, {}],
    ['an action with Idempotency-Key', 'action', SECRETARIAT, { 'Idempotency-Key': 'deep-2' }],
  ])('5,000 levels of nesting to %s: 400 problem+json naming the body, nothing recorded', async (_name, path, user, headers) => {
    const url = path === 'action' ? actionPath(caseId, 'register') : path;
    const before = (await t.as(SECRETARIAT).get('/api/disputes?limit=100')).body.items.length;
    const res = await t
      .http()
      .post(url)
      .set({ Authorization: `Bearer ${await t.token(user)}`, 'Content-Type': 'application/json', ...headers })
      .send(deep(5000));
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, type: 'urn:gzc:problem:body_too_deep', errors: [{ field: 'body' }] });
    expect((await t.as(SECRETARIAT).get('/api/disputes?limit=100')).body.items.length).toBe(before);
    const view = (await t.as(SECRETARIAT).get(`/api/disputes/${caseId}`)).body;
    expect(view.status).toBe('filed');
  });

  it('a filing nested within the limit is still judged on its fields (400 for a wrong type, not a depth error)', async () => {
    const res = await t.as(CLAIMANT).post('/api/disputes', { ...filingBody(), claims: [[[[[{ description: 'x' }]]]]] });
    expect(res.status).toBe(400);
    expect(res.body.type).not.toBe('urn:gzc:problem:body_too_deep');
  });

  it('Content-Length of 30 MB with 64 KB sent: 413 problem+json at once, without waiting for the rest', async () => {
    const server = t.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const token = await t.token(CLAIMANT);
    const started = Date.now();
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      let received = '';
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`no answer within 5 s; received: ${received.slice(0, 200)}`));
      }, 5000);
      socket.on('data', (chunk) => {
        received += chunk.toString('latin1');
        if (/\r\n\r\n[\s\S]*\}/.test(received)) {
          clearTimeout(timer);
          socket.destroy();
          resolve(received);
        }
      });
      socket.on('error', () => undefined); // the server may close while we still write
      socket.write(
        `POST /api/disputes HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${30 * 1024 * 1024}\r\n\r\n`,
      );
      socket.write(Buffer.alloc(64 * 1024, 0x20));
    });
    server.close();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toMatch(/content-type: application\/problem\+json/i);
    expect(answer).toContain('urn:gzc:problem:body_too_large');
  });
});
