import { randomUUID } from 'node:crypto';
import { amsterdamDay } from '../../libs/domain/src/time';
import { JSON_ACTIONS } from '../../apps/api/src/disputes/action-table';
import { act, nominate, toAwaitingNeutral, toInMediation, type Body } from '../e2e/support/dispute-fixtures';
import { documentsPath, download, upload } from '../e2e/support/documents';
import { startTestApp, type ApiResponse, type TestApp } from '../e2e/support/test-app';
import { CLAIMANT, INTERNALS, OUTSIDERS, RESPONDENT, SECRETARIAT } from './support/roles';

// Every case route and every action for a neutral in each state of their term (rules 2 and 3):
// nominated (a conflict check), appointed (the case), ended before appointment (nothing), and
// ended after serving (the record of their own term, read-only). And the new action
// waive-challenge (rule 11) for every role.

const MEDIATOR = 'med-femke';
const future = () => new Date(Date.now() + 30 * 86_400_000).toISOString();

/** A valid body for every action, so that only who and when decide the answer. */
const BODIES: Record<(typeof JSON_ACTIONS)[number], Body> = {
  'request-information': { questions: 'Welke tarieven?' },
  'provide-information': { answers: 'Zie bijlage.' },
  'declare-inadmissible': { reason: 'other', explanation: 'Niet voor ons.' },
  register: {},
  'accept-submission': { route: 'mediation' },
  'decline-submission': { reason: 'Nee.' },
  'propose-route': { route: 'arbitration' },
  'nominate-neutrals': { neutralUserIds: ['med-gerrit'] },
  'challenge-neutral': {
    neutralUserId: MEDIATOR,
    grounds: 'Eerder betrokken.',
    newFacts: true,
    factsKnownSince: amsterdamDay(new Date().toISOString())!,
  },
  'decide-challenge': { neutralUserId: MEDIATOR, upheld: false },
  'appoint-neutrals': {},
  'waive-challenge': {},
  'schedule-session': { startsAt: future() },
  'record-session': { sessionId: randomUUID() },
  'conclude-mediation': { result: 'no_agreement' },
  'request-escalation': { route: 'arbitration' },
  'accept-escalation': {},
  'decline-escalation': {},
  'submit-statement': { kind: 'statement_of_claim', text: 'Onze eis.' },
  'schedule-hearing': { startsAt: future() },
  'record-hearing': { hearingId: randomUUID() },
  'render-decision': { outcome: 'claim_rejected', claimantCostSharePct: 100, summary: 'Afgewezen.' },
  withdraw: {},
  'record-settlement': {},
  'extend-deadline': { deadlineId: randomUUID(), dueDate: future(), reason: 'Vakantie' },
  'invoice-fee': { organisationId: 'org-fysio-delinde', kind: 'neutral_fee', amountCents: 100 },
  'record-payment': { invoiceId: randomUUID() },
  'continue-with-respondents': {},
  'withdraw-participation': {},
  'waive-hearing': {},
};

type Term = 'nominated' | 'appointed' | 'ended before appointment' | 'ended after serving';

describe('neutral terms × routes', () => {
  let t: TestApp;
  const cases = {} as Record<Term, { id: string; before: string; after: string }>;

  const checked = (res: ApiResponse): ApiResponse => {
    expect(res.status).not.toBe(500);
    expect(res.text).not.toMatch(INTERNALS);
    return res;
  };
  const parties = (name: string) => ({ filename: name, contentType: 'text/plain', content: Buffer.from(`${name} ${randomUUID()}`) });
  const doc = async (id: string, name: string): Promise<string> => {
    const res = await upload(t, CLAIMANT, id, parties(name), { visibility: 'parties' });
    expect(res.status).toBe(201);
    return res.body.documentId;
  };

  beforeAll(async () => {
    t = await startTestApp();
    {
      const id = await toAwaitingNeutral(t);
      const before = await doc(id, 'before.txt');
      await nominate(t, id, [MEDIATOR]);
      cases.nominated = { id, before, after: await doc(id, 'after.txt') };
    }
    {
      const id = await toInMediation(t);
      cases.appointed = { id, before: await doc(id, 'before.txt'), after: await doc(id, 'after.txt') };
    }
    {
      const id = await toAwaitingNeutral(t);
      const before = await doc(id, 'before.txt');
      await nominate(t, id, [MEDIATOR]);
      await act(t, RESPONDENT, id, 'challenge-neutral', { neutralUserId: MEDIATOR, grounds: 'Oud-collega.' });
      await act(t, SECRETARIAT, id, 'decide-challenge', { neutralUserId: MEDIATOR, upheld: true });
      cases['ended before appointment'] = { id, before, after: await doc(id, 'after.txt') };
    }
    {
      const id = await toInMediation(t);
      const before = await doc(id, 'before.txt');
      // The mediator's term ends with the conclusion; the case moves on without them.
      await act(t, MEDIATOR, id, 'conclude-mediation', { result: 'no_agreement' });
      await act(t, CLAIMANT, id, 'request-escalation', { route: 'binding_advice' });
      await act(t, RESPONDENT, id, 'accept-escalation');
      cases['ended after serving'] = { id, before, after: await doc(id, 'after.txt') };
    }
  }, 120_000);
  afterAll(() => t.close());

  /** What the neutral gets on each route, per state of their term. */
  const EXPECTED: Record<
    Term,
    { read: number; access?: string; documents: number; before: number; after: number; upload: number; actions: number[] }
  > = {
    nominated: { read: 200, access: 'conflict_check', documents: 200, before: 404, after: 404, upload: 403, actions: [403, 409] },
    appointed: { read: 200, access: 'full', documents: 200, before: 200, after: 200, upload: 201, actions: [200, 400, 403, 409] },
    'ended before appointment': { read: 404, documents: 404, before: 404, after: 404, upload: 404, actions: [404] },
    'ended after serving': { read: 200, access: 'term_record', documents: 200, before: 200, after: 404, upload: 403, actions: [403, 409] },
  };

  it.each(Object.keys(EXPECTED) as Term[])(
    '%s: case, timeline, documents, upload and every action',
    async (term) => {
      const { id, before, after } = cases[term];
      const want = EXPECTED[term];
      for (const path of [`/api/disputes/${id}`, `/api/disputes/${id}/timeline`]) {
        expect({ term, path, status: checked(await t.as(MEDIATOR).get(path)).status }).toEqual({ term, path, status: want.read });
      }
      if (want.access) expect((await t.as(MEDIATOR).get(`/api/disputes/${id}`)).body.access).toBe(want.access);
      expect({ term, documents: checked(await t.as(MEDIATOR).get(documentsPath(id))).status }).toEqual({ term, documents: want.documents });
      expect({ term, before: checked(await download(t, MEDIATOR, id, before)).status }).toEqual({ term, before: want.before });
      expect({ term, after: checked(await download(t, MEDIATOR, id, after)).status }).toEqual({ term, after: want.after });
      if (term === 'appointed') return; // an appointed neutral's actions are the lifecycle's (lifecycle.e2e)
      expect({ term, upload: checked(await upload(t, MEDIATOR, id, parties('n.txt'))).status }).toEqual({ term, upload: want.upload });
      const version = (await t.as(SECRETARIAT).get(`/api/disputes/${id}`)).body.version;
      for (const action of JSON_ACTIONS) {
        const res = checked(await t.as(MEDIATOR).post(`/api/disputes/${id}/${action}`, BODIES[action]));
        expect({ term, action, allowed: want.actions.includes(res.status) }).toEqual({ term, action, allowed: true });
      }
      // Nothing a former or would-be neutral tries is recorded.
      expect((await t.as(SECRETARIAT).get(`/api/disputes/${id}`)).body.version).toBe(version);
    },
    60_000,
  );

  it('the appointed neutral lists the case; a nominee too (to check conflicts); a neutral whose term ended does not', async () => {
    const res = await t.as(MEDIATOR).get('/api/disputes?limit=100');
    const ids = (res.body.items as Body[]).map((c) => c.id);
    expect({
      nominated: ids.includes(cases.nominated.id),
      appointed: ids.includes(cases.appointed.id),
      lapsed: ids.includes(cases['ended before appointment'].id),
      served: ids.includes(cases['ended after serving'].id),
    }).toEqual({ nominated: true, appointed: true, lapsed: false, served: false });
  });

  it('waive-challenge: each party once (200, then 409), the secretariat and the nominee 403, outsiders 404, no token 401', async () => {
    const id = await toAwaitingNeutral(t);
    await nominate(t, id, ['med-gerrit']);
    const path = `/api/disputes/${id}/waive-challenge`;
    expect((await t.http().post(path).send({})).status).toBe(401);
    for (const who of OUTSIDERS.filter((o) => o !== 'med-femke')) {
      expect({ who, status: checked(await t.as(who).post(path, {})).status }).toEqual({ who, status: 404 });
    }
    expect(checked(await t.as(MEDIATOR).post(path, {})).status).toBe(404); // not on this case
    expect(checked(await t.as('med-gerrit').post(path, {})).status).toBe(403); // the nominee
    expect(checked(await t.as(SECRETARIAT).post(path, {})).status).toBe(403);
    for (const who of [CLAIMANT, RESPONDENT]) {
      expect({ who, first: checked(await t.as(who).post(path, {})).status }).toEqual({ who, first: 200 });
      expect({ who, again: checked(await t.as(who).post(path, {})).status }).toEqual({ who, again: 409 });
    }
    const unknown = randomUUID();
    expect(checked(await t.as(CLAIMANT).post(`/api/disputes/${unknown}/waive-challenge`, {})).status).toBe(404);
  });
});
