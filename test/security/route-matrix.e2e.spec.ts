import { randomUUID } from 'node:crypto';
import { filingBody } from '../e2e/support/dispute-fixtures';
import type { ApiResponse, TestApp } from '../e2e/support/test-app';
import { AUTH_MODES, startModeApp, type ModeApp } from './support/auth-modes';
import { ALL_USERS, CLAIMANT, INTERNALS, ONE_PER_ROLE, OUTSIDERS, RESPONDENT, SECRETARIAT } from './support/roles';

// Every route of docs/api.md and the controllers against every role of the demo directory, with the status each must get,
// in both sign-in modes: dev tokens, and an OpenID Connect issuer on loopback. Cases: one filed by
// prov-anna against ins-carla's insurer, status `filed`.

type Who = (typeof ALL_USERS)[number] | 'anonymous';
const future = () => new Date(Date.now() + 30 * 86_400_000).toISOString();

/** A valid body for each action, so that a refusal is about who and when, not about input. */
const ACTION_BODIES: Record<string, () => Record<string, unknown>> = {
  'request-information': () => ({ questions: 'Welke tarieven golden in 2025?' }),
  'provide-information': () => ({ answers: 'Zie bijlage.' }),
  'declare-inadmissible': () => ({ reason: 'incomplete', explanation: 'Geen stukken.' }),
  register: () => ({}),
  'accept-submission': () => ({ route: 'mediation' }),
  'decline-submission': () => ({ reason: 'Geen geschil.' }),
  'propose-route': () => ({ route: 'binding_advice' }),
  'nominate-neutrals': () => ({ neutralUserIds: ['med-femke'] }),
  'challenge-neutral': () => ({ neutralUserId: 'med-femke', grounds: 'Eerder betrokken.' }),
  'decide-challenge': () => ({ neutralUserId: 'med-femke', upheld: false }),
  'appoint-neutrals': () => ({}),
  'waive-challenge': () => ({}),
  'schedule-session': () => ({ startsAt: future() }),
  'record-session': () => ({ sessionId: randomUUID() }),
  'conclude-mediation': () => ({ result: 'full_agreement' }),
  'request-escalation': () => ({ route: 'arbitration' }),
  'accept-escalation': () => ({}),
  'decline-escalation': () => ({}),
  'submit-statement': () => ({ kind: 'statement_of_claim', text: 'Onze eis.' }),
  'schedule-hearing': () => ({ startsAt: future() }),
  'record-hearing': () => ({ hearingId: randomUUID() }),
  'render-decision': () => ({ outcome: 'claim_granted', claimantCostSharePct: 0, summary: 'Toegewezen.' }),
  withdraw: () => ({}),
  'record-settlement': () => ({}),
  'extend-deadline': () => ({ deadlineId: randomUUID(), dueDate: future(), reason: 'Vakantie' }),
  'invoice-fee': () => ({ organisationId: 'org-fysio-delinde', kind: 'neutral_fee', amountCents: 10_000 }),
  'record-payment': () => ({ invoiceId: randomUUID() }),
  'continue-with-respondents': () => ({}),
  'withdraw-participation': () => ({ reason: 'We stoppen.' }),
  'waive-hearing': () => ({}),
};

/**
 * Expected status on a `filed` case for claimant, respondent and secretariat (docs/domain.md's lifecycle table:
 * the wrong role or side is 403 whatever the status; the right one in the wrong status is 409).
 * Everyone else gets 404 on every action: to them the case does not exist. So does the respondent:
 * it learns of the case at registration (rule 1), and a filed case is not registered yet.
 */
const ON_FILED_CASE: Record<string, [claimant: number, respondent: number, secretariat: number]> = {
  'request-information': [403, 404, 200],
  'provide-information': [409, 404, 403],
  'declare-inadmissible': [403, 404, 200],
  register: [403, 404, 200],
  // The claimant answers a respondent's counter-proposal in route negotiation, so not 403.
  'accept-submission': [409, 404, 403],
  'decline-submission': [403, 404, 403],
  'propose-route': [409, 404, 403],
  'nominate-neutrals': [403, 404, 409],
  'challenge-neutral': [409, 404, 403],
  'decide-challenge': [403, 404, 409],
  'appoint-neutrals': [403, 404, 409],
  'waive-challenge': [409, 404, 403],
  'schedule-session': [403, 404, 403],
  'record-session': [403, 404, 403],
  'conclude-mediation': [403, 404, 403],
  'request-escalation': [409, 404, 403],
  'accept-escalation': [409, 404, 403],
  'decline-escalation': [409, 404, 403],
  'submit-statement': [409, 404, 403],
  'schedule-hearing': [403, 404, 403],
  'record-hearing': [403, 404, 403],
  'render-decision': [403, 404, 403],
  withdraw: [200, 404, 403],
  'record-settlement': [403, 404, 409],
  'extend-deadline': [403, 404, 409],
  'invoice-fee': [403, 404, 409],
  'record-payment': [403, 404, 409],
  // Rule 6: only the claimant goes on against some respondents, once some declined (not on a filed case).
  'continue-with-respondents': [409, 404, 403],
  // Rule 9: a claimant in an ordinary case withdraws the case; only a collective case has participations.
  'withdraw-participation': [409, 404, 403],
  // Rule 14: parties waive a hearing, in proceedings only.
  'waive-hearing': [409, 404, 403],
};

describe.each(AUTH_MODES)('route × role matrix, AUTH_MODE=%s', (mode) => {
  let m: ModeApp;
  let t: TestApp;
  beforeAll(async () => {
    m = await startModeApp(mode);
    t = m.t;
  });
  afterAll(() => m.close());

  async function call(who: string, method: 'get' | 'post' | 'patch' | 'delete', path: string, body?: unknown, token?: string): Promise<ApiResponse> {
    let req = t.http()[method](path);
    if (token !== undefined) req = req.set('Authorization', `Bearer ${token}`);
    else if (who !== 'anonymous') req = req.set('Authorization', `Bearer ${await m.token(who)}`);
    const res = body === undefined ? await req : await req.send(body as object);
    const answer = { status: res.status, body: res.body, headers: res.headers as ApiResponse['headers'], text: res.text };
    expect(answer.status).not.toBe(500);
    expect(answer.text).not.toMatch(INTERNALS);
    if (answer.status >= 400) expect(answer.headers['content-type']).toMatch(/application\/problem\+json/);
    return answer;
  }

  async function fileCase(): Promise<string> {
    const res = await call(CLAIMANT, 'post', '/api/disputes', filingBody());
    expect(res.status).toBe(201);
    return res.body.id;
  }

  it('a route list that matches the served actions', () => {
    expect(Object.keys(ON_FILED_CASE).sort()).toEqual(Object.keys(ACTION_BODIES).sort());
    expect(Object.keys(ON_FILED_CASE)).toHaveLength(30);
  });

  const EVERYONE: Who[] = ['anonymous', ...ALL_USERS];
  let userCounter = 0;
  const GLOBAL_ROUTES: Array<[string, 'get' | 'post' | 'patch' | 'delete', string, () => unknown, (who: Who) => number]> = [
    ['me', 'get', '/api/me', () => undefined, (who) => (who === 'anonymous' ? 401 : 200)],
    ['organisations', 'get', '/api/organisations', () => undefined, (who) => (who === 'anonymous' ? 401 : 200)],
    ['list disputes', 'get', '/api/disputes', () => undefined, (who) => (who === 'anonymous' ? 401 : 200)],
    ['statistics', 'get', '/api/statistics', () => undefined, (who) => (who === 'anonymous' ? 401 : [SECRETARIAT, 'obs-karin'].includes(who) ? 200 : 403)],
    ['statistics as CSV', 'get', '/api/statistics?format=csv', () => undefined, (who) => (who === 'anonymous' ? 401 : [SECRETARIAT, 'obs-karin'].includes(who) ? 200 : 403)],
    ['mediation outcomes', 'get', '/api/mediation-outcomes', () => undefined, (who) => (who === 'anonymous' ? 401 : [SECRETARIAT, 'med-femke'].includes(who) ? 200 : 403)],
    ['caseload', 'get', '/api/caseload', () => undefined, (who) => (who === 'anonymous' ? 401 : [SECRETARIAT, 'med-femke', 'adv-hanna', 'arb-ivo'].includes(who) ? 200 : 403)],
    ['directory organisations', 'get', '/api/directory/organisations', () => undefined, (who) => (who === 'anonymous' ? 401 : who === SECRETARIAT ? 200 : 403)],
    ['directory organisation', 'get', '/api/directory/organisations/org-zv-noord', () => undefined, (who) => (who === 'anonymous' ? 401 : who === SECRETARIAT ? 200 : 403)],
    ['directory users', 'get', '/api/directory/users', () => undefined, (who) => (who === 'anonymous' ? 401 : who === SECRETARIAT ? 200 : 403)],
    ['directory user', 'get', '/api/directory/users/prov-anna', () => undefined, (who) => (who === 'anonymous' ? 401 : who === SECRETARIAT ? 200 : 403)],
    ['register organisation', 'post', '/api/directory/organisations', () => ({ id: `org-obs-${++userCounter}`, kind: 'observer', name: 'NZa' }), (who) => (who === 'anonymous' ? 401 : who === SECRETARIAT ? 201 : 403)],
    ['change organisation', 'patch', '/api/directory/organisations/org-begeleidingscommissie', () => ({ name: `Begeleidingscommissie ${++userCounter}` }), (who) => (who === 'anonymous' ? 401 : who === SECRETARIAT ? 200 : 403)],
    ['register user', 'post', '/api/directory/users', () => ({ id: `obs-${++userCounter}`, name: 'Nieuw', role: 'observer', organisationId: 'org-begeleidingscommissie' }), (who) => (who === 'anonymous' ? 401 : who === SECRETARIAT ? 201 : 403)],
    ['own notifications', 'get', '/api/notifications', () => undefined, (who) => (who === 'anonymous' ? 401 : 200)],
    ['own notification preferences', 'get', '/api/notifications/preferences', () => undefined, (who) => (who === 'anonymous' ? 401 : 200)],
    ['mark all notifications read', 'post', '/api/notifications/read-all', () => ({}), (who) => (who === 'anonymous' ? 401 : 204)],
    ['webhook endpoints', 'get', '/api/webhooks', () => undefined, (who) => (who === 'anonymous' ? 401 : who === SECRETARIAT ? 200 : 403)],
    ['register webhook', 'post', '/api/webhooks', () => ({ organisationId: 'org-zv-noord', url: 'https://contractering.zv-noord.invalid/hooks' }), (who) => (who === 'anonymous' ? 401 : who === SECRETARIAT ? 201 : 403)],
    ['change user', 'patch', '/api/directory/users/obs-karin', () => ({ name: `Karin ${++userCounter}` }), (who) => (who === 'anonymous' ? 401 : who === SECRETARIAT ? 200 : 403)],
  ];

  it.each(GLOBAL_ROUTES)('%s: every role gets its status', async (_name, method, path, body, expected) => {
    for (const who of EVERYONE) {
      const res = await call(who, method, path, body());
      expect({ who, status: res.status }).toEqual({ who, status: expected(who) });
    }
  });

  it('remove user: secretariat only', async () => {
    const jan = await call(SECRETARIAT, 'post', '/api/directory/users', { id: 'obs-weg', name: 'Weg', role: 'observer', organisationId: 'org-begeleidingscommissie' });
    expect(jan.status).toBe(201);
    for (const who of EVERYONE.filter((w) => w !== SECRETARIAT)) {
      expect({ who, status: (await call(who, 'delete', '/api/directory/users/obs-weg')).status }).toEqual({ who, status: who === 'anonymous' ? 401 : 403 });
    }
    expect((await call(SECRETARIAT, 'delete', '/api/directory/users/obs-weg')).status).toBe(204);
  });

  it('filing: the party roles file for their own organisation (201); neutrals, secretariat and observers may not (403)', async () => {
    const bodies: Record<string, Record<string, unknown>> = {
      provider: filingBody(),
      insurer: filingBody({ claimantOrganisationIds: ['org-zv-noord'], respondentOrganisationIds: ['org-fysio-delinde'] }),
      association: filingBody({ claimantOrganisationIds: ['org-fysio-delinde', 'org-ggz-praktijk-oost'] }),
    };
    for (const [role, userId] of Object.entries(ONE_PER_ROLE)) {
      const res = await call(userId, 'post', '/api/disputes', bodies[role] ?? filingBody());
      expect({ role, status: res.status }).toEqual({ role, status: bodies[role] ? 201 : 403 });
    }
    expect((await call('anonymous', 'post', '/api/disputes', filingBody())).status).toBe(401);
  });

  it('public routes answer without a token; dev tokens exist in dev mode only', async () => {
    for (const path of ['/health', '/docs-json']) expect((await call('anonymous', 'get', path)).status).toBe(200);
    expect((await call('anonymous', 'post', '/api/auth/dev-token', { userId: 'prov-anna' })).status).toBe(mode === 'dev' ? 200 : 404);
  });

  it('directory changes mid-run: a new user gets in with their role, a moved user needs a new token, a removed one is out', async () => {
    const id = `obs-mid-${mode}`;
    // Not in the directory (yet): no dev token; an issuer's token for the id is refused.
    const before = await m.freshToken(id);
    if (before !== undefined) expect((await call(id, 'get', '/api/me', undefined, before)).status).toBe(401);
    else expect(mode).toBe('dev');
    expect((await call(SECRETARIAT, 'post', '/api/directory/users', { id, name: 'Midden', role: 'observer', organisationId: 'org-begeleidingscommissie' })).status).toBe(201);
    const asObserver = (await m.freshToken(id))!;
    expect((await call(id, 'get', '/api/statistics', undefined, asObserver)).status).toBe(200);
    expect((await call(id, 'get', '/api/directory/users', undefined, asObserver)).status).toBe(403);

    // Made secretariat of the disputes body: the observer's token no longer fits; a new one does, with the new rights.
    expect((await call(SECRETARIAT, 'patch', `/api/directory/users/${id}`, { role: 'secretariat', organisationId: 'org-geschilleninstantie' })).status).toBe(200);
    expect((await call(id, 'get', '/api/statistics', undefined, asObserver)).status).toBe(401);
    const asSecretariat = (await m.freshToken(id))!;
    expect((await call(id, 'get', '/api/directory/users', undefined, asSecretariat)).status).toBe(200);

    // Removed: out at once, with the token in hand.
    expect((await call(SECRETARIAT, 'delete', `/api/directory/users/${id}`)).status).toBe(204);
    expect((await call(id, 'get', '/api/me', undefined, asSecretariat)).status).toBe(401);
    expect((await call(id, 'get', '/api/directory/users', undefined, asSecretariat)).status).toBe(401);
  });

  // OIDC only (dev tokens carry what the server put in them): registered for that mode alone, not skipped in the other.
  if (mode === 'oidc') it('oidc: a subject in no directory is refused whatever it claims; a claim above the directory is refused', async () => {
    const stranger = await m.tokenWith('mallory', { role: 'secretariat', organisation_id: 'org-geschilleninstantie' });
    expect((await call('mallory', 'get', '/api/directory/users', undefined, stranger)).status).toBe(401);
    const promoted = await m.tokenWith('obs-karin', { role: 'secretariat', organisation_id: 'org-geschilleninstantie' });
    expect((await call('obs-karin', 'get', '/api/directory/users', undefined, promoted)).status).toBe(401);
    const bare = await m.tokenWith('obs-karin', {});
    expect((await call('obs-karin', 'get', '/api/statistics', undefined, bare)).status).toBe(200);
  });

  it('reading a filed case and its timeline: claimant and secretariat 200, everyone else (the respondent too, rule 1) 404, no token 401', async () => {
    const id = await fileCase();
    for (const path of [`/api/disputes/${id}`, `/api/disputes/${id}/timeline`, `/api/disputes/${id}?asOf=${encodeURIComponent(new Date().toISOString())}`]) {
      for (const who of EVERYONE) {
        const expected = who === 'anonymous' ? 401 : [CLAIMANT, SECRETARIAT].includes(who) ? 200 : 404;
        expect({ who, path, status: (await call(who, 'get', path)).status }).toEqual({ who, path, status: expected });
      }
    }
  });

  it.each(Object.entries(ON_FILED_CASE))('%s on a filed case: the expected status for every role', async (action, [claimant, respondent, secretariat]) => {
    const id = await fileCase();
    const path = `/api/disputes/${id}/${action}`;
    for (const who of ['anonymous', ...OUTSIDERS] as Who[]) {
      const res = await call(who, 'post', path, ACTION_BODIES[action]!());
      expect({ who, status: res.status }).toEqual({ who, status: who === 'anonymous' ? 401 : 404 });
    }
    // Refusals first, the one that succeeds (if any) last: a refused command records nothing.
    const visible: Array<[Who, number]> = [
      [CLAIMANT, claimant],
      [RESPONDENT, respondent],
      [SECRETARIAT, secretariat],
    ];
    visible.sort((a, b) => (a[1] < 300 ? 1 : 0) - (b[1] < 300 ? 1 : 0));
    for (const [who, expected] of visible) {
      const res = await call(who, 'post', path, ACTION_BODIES[action]!());
      expect({ who, status: res.status, detail: res.status === expected ? undefined : res.body.detail }).toEqual({ who, status: expected, detail: undefined });
    }
  });

  it('an id that is no case is a 404 for everyone, secretariat included', async () => {
    const id = randomUUID();
    for (const who of ALL_USERS) {
      expect((await call(who, 'get', `/api/disputes/${id}`)).status).toBe(404);
      expect((await call(who, 'post', `/api/disputes/${id}/withdraw`, {})).status).toBe(404);
    }
  });
});
