import fc from 'fast-check';
import { CLAIMANT, filingBody, SECRETARIAT, toInMediation } from './support/dispute-fixtures';
import { removeDataDir, startTestApp, type TestApp } from './support/test-app';

// Issue 14: every route of the OpenAPI document, with hostile bodies and headers: deep nesting,
// huge strings, prototype keys, wrong types, bad headers. Never a 5xx; every 4xx is problem+json.
// Bounded in runs and in time (fast-check's interruptAfterTimeLimit) for CI's two cores.

const USERS = ['prov-anna', 'ins-carla', 'med-femke', 'adv-hanna', 'sec-jan', 'obs-karin'];
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'hasOwnProperty', 'toString', 'then'];
const TIME_LIMIT_MS = 40_000;

interface Route {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
}

/** JSON text of nested arrays and objects, built as text (no recursion here either). */
const nestedText = (depth: number, objects: boolean): string =>
  objects ? '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) : '['.repeat(depth) + ']'.repeat(depth);

const objectText = (pairs: [string, string][]): string => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;

const jsonValueText = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null');
const wrongTypeText = fc.constantFrom('null', 'true', '0', '-1', '1e308', '""', '[]', '{}', '"not-a-date"', '[null]', '{"x":[]}');
const hugeStringText = fc
  .constantFrom(10_000, 200_000, 1_000_000, 1_100_000)
  .map((n) => JSON.stringify('x'.repeat(n)));

const bodyArb: fc.Arbitrary<string> = fc.oneof(
  // Deep nesting, around the cap and far beyond it.
  fc
    .tuple(fc.oneof(fc.constantFrom(31, 32, 33, 5000, 20_000, 100_000), fc.integer({ min: 20, max: 20_000 })), fc.boolean())
    .map(([depth, objects]) => nestedText(depth, objects)),
  // Huge strings, alone or as a field of a valid filing.
  hugeStringText,
  hugeStringText.map((s) => objectText([...Object.entries(filingBody()).map(([k, v]) => [k, JSON.stringify(v)] as [string, string]), ['summary', s]])),
  // Prototype keys at the top and inside.
  fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS), jsonValueText).map(([k, v]) => objectText([[k, v]])),
  fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS), jsonValueText).map(([k, v]) =>
    objectText([...Object.entries(filingBody()).map(([key, val]) => [key, JSON.stringify(val)] as [string, string]), [k, v]]),
  ),
  fc.constant('{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":1}}}'),
  // Wrong types for every field of a filing or an action.
  fc
    .tuple(fc.constantFrom(...Object.keys(filingBody()), 'route', 'startsAt', 'neutralUserIds', 'sessionId', 'userId', 'name'), wrongTypeText)
    .map(([k, v]) => objectText([...Object.entries(filingBody()).map(([key, val]) => [key, JSON.stringify(val)] as [string, string]), [k, v]])),
  jsonValueText,
  fc.constantFrom('', '{', '{"a":', '"', '\u0000', '\ufeff{}', 'null', '[]'),
);

const headerText = fc.string({ unit: 'grapheme-ascii', maxLength: 80 });
const headersArb = fc.record(
  {
    // Mostly JSON, so that most bodies get past the media type check to the parser and beyond.
    'Content-Type': fc.constantFrom(
      'application/json',
      'application/json',
      'application/json',
      'application/json',
      'application/json; charset=utf-16',
      'application/json; charset=latin1',
      'application/merge-patch+json',
      'multipart/form-data; boundary=x',
      'multipart/form-data',
      'text/plain',
      '',
    ),
    'Idempotency-Key': fc.oneof(fc.uuid(), headerText, fc.constant('k'.repeat(500))),
    'If-Match': fc.oneof(headerText, fc.constantFrom('1', 'W/"1"', '*', '99999999999999999999', '-1')),
    'X-Request-Id': fc.oneof(headerText, fc.constant('r'.repeat(5000))),
    'Content-Encoding': fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-unknown'),
  },
  { requiredKeys: ['Content-Type'] },
);

describe('fuzz: every route, hostile bodies and headers', () => {
  let t: TestApp;
  let routes: Route[];
  const tokens: Record<string, string> = {};
  let openCase: string;

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of USERS) tokens[user] = await t.token(user);
    openCase = await toInMediation(t);
    const doc = (await t.http().get('/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((m): m is Route['method'] => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((method) => ({ method, path })),
    );
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    if (t) await removeDataDir(t.dataDir);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('the OpenAPI document lists the routes to fuzz', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes).toEqual(expect.arrayContaining([{ method: 'post', path: '/api/disputes' }, { method: 'post', path: '/api/disputes/{id}/register' }]));
  });

  it('never a 5xx, always problem+json for a 4xx', async () => {
    const paramArb = fc.oneof(fc.constant(openCase), fc.uuid(), fc.constantFrom('x', '%00', '..', 'a'.repeat(300)).map(encodeURIComponent));
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 10_000 }),
        paramArb,
        paramArb,
        bodyArb,
        headersArb,
        fc.constantFrom(...USERS, 'anonymous'),
        async (routeIndex, param, otherParam, body, headers, user) => {
          const route = routes[routeIndex % routes.length];
          let params = 0;
          const path = route.path.replace(/\{[^}]+\}/g, () => (params++ === 0 ? param : otherParam));
          let call = t.http()[route.method](path);
          if (user !== 'anonymous') call = call.set('Authorization', `Bearer ${tokens[user]}`);
          for (const [name, value] of Object.entries(headers)) call = call.set(name, value);
          const res = route.method === 'get' || route.method === 'delete' ? await call : await call.send(body);
          const where = `${route.method.toUpperCase()} ${path.slice(0, 150)} as ${user} ${JSON.stringify(headers).slice(0, 200)} body=${body.slice(0, 120)}… (${body.length} chars)`;
          if (res.status >= 500) throw new Error(`${res.status} for ${where}: ${res.text.slice(0, 400)}`);
          if (res.status >= 400) {
            const type = String(res.headers['content-type'] ?? '');
            if (!type.startsWith('application/problem+json')) throw new Error(`${res.status} not problem+json (${type}) for ${where}`);
            if (res.body.status !== res.status || typeof res.body.detail !== 'string') throw new Error(`incomplete problem for ${where}: ${res.text.slice(0, 300)}`);
          }
        },
      ),
      { numRuns: 250, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false },
    );
  }, TIME_LIMIT_MS + 30_000);

  it('still answers normally afterwards', async () => {
    expect((await t.as(SECRETARIAT).get(`/api/disputes/${openCase}`)).status).toBe(200);
    expect((await t.as(CLAIMANT).post('/api/disputes', filingBody())).status).toBe(201);
  });
});
