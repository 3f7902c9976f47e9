import fc from 'fast-check';
import { ACTIONS } from '../../libs/domain/src';
import { CLAIMANT, SECRETARIAT, act, fileDispute, filingBody, toInMediation } from './support/dispute-fixtures';
import { removeDataDir, startTestApp, type TestApp } from './support/test-app';

// Whatever a client sends, the server answers below 500, and every 4xx is a problem document.

const USERS = ['prov-anna', 'prov-bram', 'ins-carla', 'assoc-eva', 'med-femke', 'adv-hanna', 'arb-ivo', 'sec-jan', 'obs-karin'];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'then'];
const FILING_KEYS = Object.keys(filingBody());
const ACTION_KEYS = [
  'route',
  'reason',
  'questions',
  'answers',
  'explanation',
  'neutralUserIds',
  'neutralUserId',
  'grounds',
  'upheld',
  'reasoning',
  'startsAt',
  'location',
  'sessionId',
  'notes',
  'result',
  'settlementDocumentId',
  'kind',
  'text',
  'documentIds',
  'hearingId',
  'outcome',
  'claimantCostSharePct',
  'summary',
  'terms',
  'deadlineId',
  'dueDate',
  'organisationId',
  'amountCents',
  'invoiceId',
];

/** JSON text for any value; bigints and other oddities become strings, undefined becomes null. */
const toJsonText = (value: unknown): string => {
  try {
    return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)) ?? 'null';
  } catch {
    return 'null';
  }
};

/** An object literal as JSON text, keeping keys like __proto__ as real members of the text. */
const objectText = (pairs: [string, unknown][]): string => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`).join(',')}}`;

const keyArb = fc.oneof(fc.constantFrom(...DANGEROUS_KEYS, ...FILING_KEYS, ...ACTION_KEYS), fc.string({ maxLength: 20 }));
const valueArb = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    -1,
    0,
    1e308,
    -0,
    2 ** 53 + 1,
    '',
    ' ',
    '2025-01-01T00:00:00Z',
    'not-a-date',
    'med-femke',
    'mediation',
    [],
    {},
    null,
    true,
  ),
  fc.string({ maxLength: 50 }),
);
const pairsArb = fc.array(fc.tuple(keyArb, valueArb), { maxLength: 8 });

/** Bodies as JSON text: anything, JSON values, random objects, and a valid filing with random or dangerous members. */
const bodyTextArb = fc.oneof(
  fc.anything({ maxDepth: 3 }).map(toJsonText),
  fc.jsonValue({ maxDepth: 4 }).map(toJsonText),
  pairsArb.map(objectText),
  pairsArb.map((extra) => objectText([...Object.entries(filingBody()), ...extra])),
  fc.tuple(fc.constantFrom(...DANGEROUS_KEYS), valueArb).map(([k, v]) =>
    objectText([
      ...Object.entries(filingBody()),
      [
        'claims',
        [
          JSON.parse(
            objectText([
              [k, v],
              ['description', 'x'],
            ]),
          ),
        ],
      ],
    ]),
  ),
  fc.constantFrom(
    '{"__proto__": {"isAdmin": true}}',
    '{"constructor": {"prototype": {"polluted": 1}}}',
    '{"a":',
    '',
    '{}',
    '[]',
    '"',
    '\u0000',
  ),
);

const headerValueArb = fc.string({ unit: 'grapheme-ascii', maxLength: 120 });

describe('no 500 for anything a client sends', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let openCase: string;
  let closedCase: string;

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of USERS) tokens[user] = await t.token(user);
    openCase = await toInMediation(t);
    closedCase = await fileDispute(t);
    await act(t, CLAIMANT, closedCase, 'withdraw');
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    if (t) await removeDataDir(t.dataDir);
    // Nothing leaked into Object.prototype from a __proto__ body.
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  type Req = { method: (typeof METHODS)[number]; path: string; headers: Record<string, string>; body?: string };

  async function check(req: Req): Promise<void> {
    let call = t.http()[req.method](req.path);
    for (const [name, value] of Object.entries(req.headers)) call = call.set(name, value);
    const res = req.body === undefined ? await call : await call.send(req.body);
    const where = `${req.method.toUpperCase()} ${req.path.slice(0, 200)} ${JSON.stringify(req.headers).slice(0, 300)} body=${(req.body ?? '').slice(0, 300)}`;
    if (res.status >= 500) throw new Error(`${res.status} for ${where}: ${res.text.slice(0, 500)}`);
    if (res.status >= 400) {
      const type = String(res.headers['content-type'] ?? '');
      if (!type.startsWith('application/problem+json'))
        throw new Error(`${res.status} not problem+json (${type}) for ${where}: ${res.text.slice(0, 300)}`);
      if (res.body.status !== res.status || typeof res.body.title !== 'string' || typeof res.body.detail !== 'string') {
        throw new Error(`${res.status} incomplete problem for ${where}: ${res.text.slice(0, 300)}`);
      }
    }
  }

  it('random bodies to POST /api/disputes', async () => {
    await fc.assert(
      fc.asyncProperty(bodyTextArb, fc.constantFrom(...USERS), async (body, user) => {
        await check({
          method: 'post',
          path: '/api/disputes',
          headers: { Authorization: `Bearer ${tokens[user]}`, 'Content-Type': 'application/json' },
          body,
        });
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('random actions and bodies on real and unknown cases', async () => {
    const actionArb = fc.oneof(
      fc.constantFrom(...ACTIONS, 'file-dispute', 'timeline', 'documents'),
      fc.string({ maxLength: 30 }).map(encodeURIComponent),
    );
    const caseArb = fc.oneof(fc.constant(openCase), fc.constant(closedCase), fc.uuid());
    await fc.assert(
      fc.asyncProperty(
        caseArb,
        actionArb,
        fc.oneof(pairsArb.map(objectText), bodyTextArb),
        fc.constantFrom(...USERS),
        async (id, action, body, user) => {
          await check({
            method: 'post',
            path: `/api/disputes/${id}/${action}`,
            headers: { Authorization: `Bearer ${tokens[user]}`, 'Content-Type': 'application/json' },
            body,
          });
        },
      ),
      { numRuns: 80 },
    );
  }, 60_000);

  it('random headers: If-Match, Idempotency-Key, Content-Type, Authorization', async () => {
    const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const headersArb = fc.record({
      'If-Match': opt(fc.oneof(headerValueArb, fc.constantFrom('1', '"1"', 'W/"2"', '*', '99999999999999999999', '-0', '0x1', '1e3'))),
      'Idempotency-Key': opt(fc.oneof(headerValueArb, fc.constant('k'.repeat(500)))),
      'Content-Type': opt(
        fc.oneof(
          headerValueArb,
          fc.constantFrom(
            'application/json',
            'application/json; charset=utf-16',
            'application/problem+json',
            'text/plain',
            'multipart/form-data; boundary=x',
            'application/x-www-form-urlencoded',
            '',
          ),
        ),
      ),
      Authorization: opt(
        fc.oneof(
          fc.constantFrom(...USERS).map((u) => `Bearer ${tokens[u]}`),
          headerValueArb,
          headerValueArb.map((s) => `Bearer ${s}`),
          fc.constantFrom('Bearer', 'Bearer ', 'bearer x.y.z', 'Basic dXNlcjpwYXNz', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJzZWMtamFuIn0.'),
        ),
      ),
    });
    const targetArb = fc.constantFrom(
      () => ({ method: 'post' as const, path: '/api/disputes', body: toJsonText(filingBody()) }),
      () => ({
        method: 'post' as const,
        path: `/api/disputes/${openCase}/schedule-session`,
        body: toJsonText({ startsAt: new Date(Date.now() + 864e5).toISOString() }),
      }),
      () => ({ method: 'post' as const, path: `/api/disputes/${closedCase}/withdraw`, body: '{}' }),
      () => ({ method: 'get' as const, path: `/api/disputes/${openCase}` }),
      () => ({ method: 'get' as const, path: '/api/disputes?limit=3' }),
      () => ({ method: 'post' as const, path: '/api/auth/dev-token', body: toJsonText({ userId: 'sec-jan' }) }),
    );
    await fc.assert(
      fc.asyncProperty(headersArb, targetArb, async (headers, target) => {
        const clean = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<string, string>;
        await check({ ...target(), headers: clean });
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('random paths, methods and query strings', async () => {
    const segmentArb = fc.oneof(
      fc.constantFrom(
        'api',
        'disputes',
        'me',
        'organisations',
        'statistics',
        'mediation-outcomes',
        'auth',
        'dev-token',
        'health',
        'docs-json',
        'timeline',
        'documents',
        'register',
        'withdraw',
        '..',
        '.',
        '%2e%2e',
        '%2F',
        '%00',
        '%ff',
        '%',
        '%zz',
        '%E2%82%AC',
        '~',
        ';',
        '%20',
        'a'.repeat(3000),
        '9'.repeat(400),
      ),
      fc.constant('__OPEN__'),
      fc.constant('__CLOSED__'),
      fc.uuid(),
      fc.string({ maxLength: 40 }).map(encodeURIComponent),
    );
    const queryArb = fc
      .array(
        fc.tuple(
          fc.constantFrom(
            'status',
            'phase',
            'legalFramework',
            'sector',
            'route',
            'q',
            'limit',
            'cursor',
            'asOf',
            'from',
            'to',
            'groupBy',
            'format',
            'x',
            '__proto__',
          ),
          fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('-1', '0', '1e9', 'NaN', '2025-13-45', '1000000', 'csv', 'year', '%')),
        ),
        { maxLength: 4 },
      )
      .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v === '%' ? '%' : encodeURIComponent(v)}`).join('&')}` : ''));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...METHODS),
        fc.boolean(),
        fc.array(segmentArb, { minLength: 0, maxLength: 5 }),
        queryArb,
        fc.constantFrom(...USERS),
        async (method, underApi, segments, query, user) => {
          const resolved = segments.map((s) => (s === '__OPEN__' ? openCase : s === '__CLOSED__' ? closedCase : s));
          const path = `${underApi ? '/api/disputes/' : '/'}${resolved.join('/')}${query}`;
          await check({
            method,
            path,
            headers: { Authorization: `Bearer ${tokens[user]}`, ...(method === 'get' ? {} : { 'Content-Type': 'application/json' }) },
            ...(method === 'get' ? {} : { body: '{}' }),
          });
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);

  it('still works afterwards', async () => {
    const res = await t.as(SECRETARIAT).get(`/api/disputes/${openCase}`);
    expect(res.status).toBe(200);
  });
});
