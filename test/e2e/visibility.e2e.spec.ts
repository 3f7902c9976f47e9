import { randomUUID } from 'node:crypto';
import { JSON_ACTIONS } from '../../apps/api/src/disputes/action-table';
import {
  act,
  CLAIMANT,
  disputePath,
  fileDispute,
  MEDIATOR,
  RESPONDENT,
  reach,
  soon,
  SECRETARIAT,
  toInMediation,
  type Body,
} from './support/dispute-fixtures';
import { documentsPath, download, upload } from './support/documents';
import { sampleText } from './support/sample-documents';
import { removeDataDir, startTestApp, type ApiResponse, type TestApp } from './support/test-app';

// Who sees what, per demo user (fixtures/demo-directory.json), on every route. A case one may not
// see must answer exactly like a case that does not exist.

const USERS = [
  'prov-anna', 'prov-bram', 'prov-chantal', 'ins-carla', 'ins-dirk', 'assoc-eva', 'med-femke', 'med-gerrit',
  'adv-hanna', 'adv-isaac', 'adv-julia', 'arb-ivo', 'sec-jan', 'obs-karin',
] as const;
type User = (typeof USERS)[number];

/** A valid body for every action route, so that only visibility can decide the answer. */
const VALID_BODIES: Record<(typeof JSON_ACTIONS)[number], Body> = {
  'request-information': { questions: 'Send the contract offer.', dueDate: '2031-03-01T12:00:00Z' },
  'provide-information': { answers: 'Attached.' },
  'declare-inadmissible': { reason: 'outside_jurisdiction', explanation: 'A Wmo matter.' },
  register: {},
  'accept-submission': { route: 'mediation' },
  'decline-submission': { reason: 'We prefer court.' },
  'propose-route': { route: 'binding_advice', reason: 'Faster.' },
  'nominate-neutrals': { neutralUserIds: ['med-femke'] },
  'challenge-neutral': { neutralUserId: 'med-femke', grounds: 'Former employee.' },
  'decide-challenge': { neutralUserId: 'med-femke', upheld: false, reasoning: 'Long ago.' },
  'appoint-neutrals': {},
  'waive-challenge': {},
  'schedule-session': { startsAt: '2031-04-01T09:00:00+02:00', location: 'Utrecht' },
  'record-session': { sessionId: randomUUID(), notes: 'Good talk.' },
  'conclude-mediation': { result: 'partial_agreement' },
  'request-escalation': { route: 'arbitration' },
  'accept-escalation': {},
  'decline-escalation': { reason: 'No.' },
  'submit-statement': { kind: 'statement_of_claim', text: 'Our claim.' },
  'schedule-hearing': { startsAt: '2031-05-01T09:00:00Z' },
  'record-hearing': { hearingId: randomUUID() },
  'render-decision': { outcome: 'claim_partially_granted', claimantCostSharePct: 40, summary: 'Partly right.' },
  withdraw: { reason: 'Settled privately.' },
  'record-settlement': { terms: 'Confidential.' },
  'extend-deadline': { deadlineId: randomUUID(), dueDate: '2031-06-01T00:00:00Z', reason: 'Holidays.' },
  'invoice-fee': { organisationId: 'org-zv-noord', kind: 'administration', amountCents: 25_000 },
  'record-payment': { invoiceId: randomUUID() },
  'continue-with-respondents': {},
  'withdraw-participation': { reason: 'We leave.' },
  'waive-hearing': {},
};

/** An answer with the case and document ids and per-request members taken out: what may not differ. */
function shape(res: ApiResponse, ...ids: string[]): unknown {
  let text = JSON.stringify({ status: res.status, type: res.headers['content-type'], body: res.body });
  for (const id of ids) text = text.split(id).join('<id>');
  const parsed = JSON.parse(text) as { body: Record<string, unknown> };
  delete parsed.body.requestId;
  return parsed;
}

describe('visibility and confidentiality, per demo role', () => {
  let t: TestApp;
  let id: string; // prov-anna's organisation against ins-carla's, in mediation with med-femke
  let collective: string; // assoc-eva for prov-anna's and prov-chantal's organisations against ins-dirk's
  const token = `matrix${randomUUID().slice(0, 8)}`;
  const notes = `Confidential session notes ${randomUUID()}`;
  const docs: Record<string, { documentId: string; name: string; sha256: string }> = {};

  const CAN_SEE_CASE: readonly User[] = ['prov-anna', 'ins-carla', 'med-femke', 'sec-jan'];
  const CAN_SEE_COLLECTIVE: readonly User[] = ['prov-anna', 'prov-chantal', 'assoc-eva', 'ins-dirk', 'sec-jan'];
  /** Which of the case's documents each user may see. */
  const CAN_SEE_DOCS: Partial<Record<User, string[]>> = {
    'prov-anna': ['parties', 'annaForMediator'],
    'ins-carla': ['parties', 'carlaForMediator'],
    'med-femke': ['parties', 'annaForMediator', 'carlaForMediator', 'mediatorOwn'],
    'sec-jan': ['parties', 'annaForMediator', 'carlaForMediator', 'mediatorOwn', 'secretariatMemo'],
  };

  beforeAll(async () => {
    t = await startTestApp();
    id = await toInMediation(t, MEDIATOR, { summary: `Case ${token}: tariff too low.` });
    collective = await fileDispute(t, 'assoc-eva', {
      claimantOrganisationIds: ['org-fysio-delinde', 'org-ggz-praktijk-oost'],
      respondentOrganisationIds: ['org-zv-zuid'],
      summary: `Collective ${token}: conditions exclude small practices.`,
    });
    // Registered, so the respondent knows of it (rule 1).
    await act(t, SECRETARIAT, collective, 'register');
    const put = async (key: string, userId: string, visibility: string) => {
      const name = `${key}-${randomUUID().slice(0, 6)}.txt`;
      const res = await upload(t, userId, id, { filename: name, contentType: 'text/plain', content: Buffer.from(`${key} ${randomUUID()}`) }, { visibility });
      if (res.status !== 201) throw new Error(`upload ${key}: ${res.status} ${res.text}`);
      docs[key] = { documentId: res.body.documentId, name, sha256: res.body.sha256 };
    };
    await put('parties', CLAIMANT, 'parties');
    await put('annaForMediator', CLAIMANT, 'neutral_only');
    await put('carlaForMediator', RESPONDENT, 'neutral_only');
    await put('mediatorOwn', MEDIATOR, 'neutral_only');
    await put('secretariatMemo', SECRETARIAT, 'secretariat');
    const startsAt = soon(t);
    const session = await act(t, MEDIATOR, id, 'schedule-session', { startsAt });
    await reach(t, startsAt);
    await act(t, MEDIATOR, id, 'record-session', { sessionId: session.body.sessionId, notes });
  });
  afterAll(async () => {
    await t.close();
    removeDataDir(t.dataDir);
  });

  describe.each(USERS.map((u) => [u]))('%s', (user) => {
    const seesCase = (): boolean => CAN_SEE_CASE.includes(user);

    it('GET case, timeline and documents: 200 if on the case, else exactly the answer for an unknown id', async () => {
      const random = randomUUID();
      for (const suffix of ['', '/timeline', '/documents']) {
        const res = await t.as(user).get(`${disputePath(id)}${suffix}`);
        if (seesCase()) {
          expect({ suffix, status: res.status }).toEqual({ suffix, status: 200 });
        } else {
          const unknown = await t.as(user).get(`${disputePath(random)}${suffix}`);
          expect({ suffix, status: res.status }).toEqual({ suffix, status: 404 });
          expect(shape(res, id)).toEqual(shape(unknown, random));
        }
      }
    });

    it('the case list and text search show the cases this user is on, and no other', async () => {
      const res = await t.as(user).get(`/api/disputes?limit=100&q=${token}`);
      expect(res.status).toBe(200);
      const listed = (res.body.items as Body[]).map((c) => c.id).sort();
      const expected = [
        ...(CAN_SEE_CASE.includes(user) ? [id] : []),
        ...(CAN_SEE_COLLECTIVE.includes(user) ? [collective] : []),
      ].sort();
      expect(listed).toEqual(expected);
    });

    it('the collective dispute is visible to the association, its member providers, the respondent and the secretariat', async () => {
      const res = await t.as(user).get(disputePath(collective));
      expect({ user, status: res.status }).toEqual({ user, status: CAN_SEE_COLLECTIVE.includes(user) ? 200 : 404 });
    });

    it('every action and the upload on an invisible case answer exactly like an unknown case (404)', async () => {
      if (seesCase()) return; // refusals on a visible case are 403/409, covered by the lifecycle suite
      const random = randomUUID();
      for (const action of JSON_ACTIONS) {
        const res = await t.as(user).post(`${disputePath(id)}/${action}`, VALID_BODIES[action]);
        const unknown = await t.as(user).post(`${disputePath(random)}/${action}`, VALID_BODIES[action]);
        expect({ action, status: res.status }).toEqual({ action, status: 404 });
        expect(shape(res, id)).toEqual(shape(unknown, random));
      }
      const file = { filename: 'x.txt', contentType: 'text/plain', content: sampleText() };
      const res = await upload(t, user, id, file);
      const unknown = await upload(t, user, random, file);
      expect(res.status).toBe(404);
      expect(shape(res, id)).toEqual(shape(unknown, random));
    });

    it('documents: listed, shown on the case and downloadable exactly as their visibility allows', async () => {
      const allowed = CAN_SEE_DOCS[user] ?? [];
      if (seesCase()) {
        const listed = (await t.as(user).get(documentsPath(id))).body.items.map((d: Body) => d.documentId).sort();
        expect(listed).toEqual(allowed.map((k) => docs[k]!.documentId).sort());
        const onCase = (await t.as(user).get(disputePath(id))).body.documents.map((d: Body) => d.documentId).sort();
        expect(onCase).toEqual(listed);
      }
      const randomDoc = randomUUID();
      const unknown = await download(t, user, id, randomDoc);
      for (const [key, doc] of Object.entries(docs)) {
        const res = await download(t, user, id, doc.documentId);
        if (allowed.includes(key)) {
          expect({ key, status: res.status }).toEqual({ key, status: 200 });
        } else {
          expect({ key, status: res.status }).toEqual({ key, status: 404 });
          expect(shape(res, doc.documentId)).toEqual(shape(unknown, randomDoc));
        }
      }
    });

    it("the timeline names no document the user may not see, and shows session notes to the mediator only", async () => {
      if (!seesCase()) return;
      const res = await t.as(user).get(`${disputePath(id)}/timeline`);
      const text = JSON.stringify(res.body);
      const allowed = CAN_SEE_DOCS[user] ?? [];
      for (const [key, doc] of Object.entries(docs)) {
        const visible = allowed.includes(key);
        expect({ key, name: text.includes(doc.name), hash: text.includes(doc.sha256), id: text.includes(doc.documentId) }).toEqual({
          key,
          name: visible,
          hash: visible,
          id: visible,
        });
      }
      const submitted = (res.body as Body[]).filter((e) => e.type === 'DocumentSubmitted').length;
      expect(submitted).toBe(allowed.length);
      const held = (res.body as Body[]).find((e) => e.type === 'SessionHeld');
      expect(held).toBeDefined();
      expect(held!.data.notes).toBe(user === 'med-femke' ? notes : undefined);
    });

    it('the case view shows session notes to the mediator only', async () => {
      if (!seesCase()) return;
      const view = (await t.as(user).get(disputePath(id))).body;
      expect(view.sessions).toHaveLength(1);
      expect(view.sessions[0].notes).toBe(user === 'med-femke' ? notes : undefined);
      expect(JSON.stringify(view).includes(notes)).toBe(user === 'med-femke');
      const past = (await t.as(user).get(`${disputePath(id)}?asOf=${encodeURIComponent(new Date().toISOString())}`)).body;
      expect(JSON.stringify(past).includes(notes)).toBe(user === 'med-femke');
    });
  });
});

describe('references to documents in other timeline entries follow the documents’ visibility', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
    removeDataDir(t.dataDir);
  });

  it("a statement's documentIds show only the documents the reader may see", async () => {
    const { toInProceedings } = await import('./support/dispute-fixtures');
    const id = await toInProceedings(t);
    const file = (name: string) => ({ filename: name, contentType: 'text/plain', content: Buffer.from(`${name} ${randomUUID()}`) });
    const open = (await upload(t, CLAIMANT, id, file('open.txt'), { visibility: 'parties' })).body.documentId as string;
    const forPanel = (await upload(t, CLAIMANT, id, file('panel.txt'), { visibility: 'neutral_only' })).body.documentId as string;
    await act(t, CLAIMANT, id, 'submit-statement', { kind: 'statement_of_claim', text: 'Our claim.', documentIds: [open, forPanel] });
    const statementAs = async (user: string) =>
      ((await t.as(user).get(`${disputePath(id)}/timeline`)).body as Body[]).find((e) => e.type === 'StatementSubmitted')!.data.documentIds;
    expect(await statementAs(RESPONDENT)).toEqual([open]);
    expect(await statementAs(CLAIMANT)).toEqual([open, forPanel]);
    expect(await statementAs('adv-hanna')).toEqual([open, forPanel]);
    expect(await statementAs(SECRETARIAT)).toEqual([open, forPanel]);
  });

  it('without a token the document routes answer 401 before anything else', async () => {
    const id = await fileDispute(t);
    for (const path of [documentsPath(id), `${documentsPath(id)}/${randomUUID()}`]) {
      expect((await t.http().get(path)).status).toBe(401);
    }
    expect((await t.http().post(documentsPath(id)).attach('file', Buffer.from('x'), 'x.txt').field('visibility', 'parties')).status).toBe(401);
  });
});
