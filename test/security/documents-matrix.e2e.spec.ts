import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { filingBody } from '../e2e/support/dispute-fixtures';
import { documentsPath, download, upload } from '../e2e/support/documents';
import { samplePdf, sampleText } from '../e2e/support/sample-documents';
import type { TestApp } from '../e2e/support/test-app';
import { AUTH_MODES, startModeApp, type ModeApp } from './support/auth-modes';
import { CLAIMANT, INTERNALS, OUTSIDERS, RESPONDENT, SECRETARIAT } from './support/roles';

// The document routes (upload, list, download) against every demo role, per visibility, across
// cases, and with hostile names and ids; in both sign-in modes (dev tokens, an OIDC issuer).

describe.each(AUTH_MODES)('documents × roles, AUTH_MODE=%s', (mode) => {
  let m: ModeApp;
  let t: TestApp;
  let caseId: string;
  const docs: Record<'parties' | 'neutral_only' | 'secretariat', string> = { parties: '', neutral_only: '', secretariat: '' };

  beforeAll(async () => {
    m = await startModeApp(mode);
    t = m.t;
    caseId = (await t.as(CLAIMANT).post('/api/disputes', filingBody())).body.id;
    // Registered: the respondent is a party to see from registration on (rule 1).
    expect((await t.as(SECRETARIAT).post(`/api/disputes/${caseId}/register`, {})).status).toBe(200);
    for (const visibility of Object.keys(docs) as Array<keyof typeof docs>) {
      // Secretariat-only documents come from the secretariat; the others from the claimant.
      const uploader = visibility === 'secretariat' ? SECRETARIAT : CLAIMANT;
      const res = await upload(t, uploader, caseId, { filename: `${visibility}.pdf`, contentType: 'application/pdf', content: samplePdf() }, { visibility });
      expect({ status: res.status, body: res.status === 201 ? undefined : res.body }).toEqual({ status: 201, body: undefined });
      docs[visibility] = res.body.documentId;
    }
  });
  afterAll(() => m.close());

  it('upload: parties and secretariat 201, everyone else 404, no token 401', async () => {
    for (const who of [CLAIMANT, RESPONDENT, SECRETARIAT, ...OUTSIDERS]) {
      const res = await upload(t, who, caseId, { filename: 'brief.txt', contentType: 'text/plain', content: sampleText() });
      const expected = [CLAIMANT, RESPONDENT, SECRETARIAT].includes(who) ? 201 : 404;
      expect({ who, status: res.status }).toEqual({ who, status: expected });
      expect(res.text).not.toMatch(INTERNALS);
    }
    const anonymous = await t.http().post(documentsPath(caseId)).set('Content-Type', 'multipart/form-data; boundary=x').send('--x--\r\n');
    expect(anonymous.status).toBe(401);
  });

  it('list: parties and secretariat 200 with the documents they may see, everyone else 404', async () => {
    const listed = async (who: string) => {
      const res = await t.as(who).get(documentsPath(caseId));
      return { status: res.status, ids: res.status === 200 ? res.body.items.map((d: { documentId: string }) => d.documentId) : [] };
    };
    const claimant = await listed(CLAIMANT);
    expect(claimant.ids).toEqual(expect.arrayContaining([docs.parties, docs.neutral_only]));
    expect(claimant.ids).not.toContain(docs.secretariat);
    expect((await listed(SECRETARIAT)).ids).toEqual(expect.arrayContaining([docs.parties, docs.neutral_only, docs.secretariat]));
    const respondent = await listed(RESPONDENT);
    expect(respondent.ids).toContain(docs.parties);
    expect(respondent.ids).not.toContain(docs.neutral_only);
    expect(respondent.ids).not.toContain(docs.secretariat);
    for (const who of OUTSIDERS) expect({ who, status: (await listed(who)).status }).toEqual({ who, status: 404 });
    expect((await t.http().get(documentsPath(caseId))).status).toBe(401);
  });

  it.each<[keyof typeof docs, Record<string, number>]>([
    ['parties', { [CLAIMANT]: 200, [RESPONDENT]: 200, [SECRETARIAT]: 200 }],
    ['neutral_only', { [CLAIMANT]: 200, [RESPONDENT]: 404, [SECRETARIAT]: 200 }],
    ['secretariat', { [CLAIMANT]: 404, [RESPONDENT]: 404, [SECRETARIAT]: 200 }],
  ])('download of a %s document: the expected status for every role', async (visibility, expectations) => {
    for (const who of [CLAIMANT, RESPONDENT, SECRETARIAT, ...OUTSIDERS]) {
      const res = await download(t, who, caseId, docs[visibility]);
      expect({ who, status: res.status }).toEqual({ who, status: expectations[who] ?? 404 });
      if (res.status === 200) expect(res.bytes.equals(samplePdf())).toBe(true);
      else expect(res.text).not.toContain('%PDF');
    }
    expect((await t.http().get(`${documentsPath(caseId)}/${docs[visibility]}`)).status).toBe(401);
  });

  it("a document of another party's case cannot be reached through one's own case", async () => {
    const bramsCase = (await t.as('prov-bram').post('/api/disputes', filingBody({ claimantOrganisationIds: ['org-wijkzorg-amstelland'], respondentOrganisationIds: ['org-zv-zuid'] }))).body.id;
    const bramsDoc = (await upload(t, 'prov-bram', bramsCase, { filename: 'geheim.txt', contentType: 'text/plain', content: Buffer.from('geheim van Bram\n') })).body.documentId;
    const viaOwnCase = await download(t, CLAIMANT, caseId, bramsDoc);
    expect(viaOwnCase.status).toBe(404);
    expect(viaOwnCase.text).not.toContain('geheim van Bram');
    expect((await download(t, CLAIMANT, bramsCase, bramsDoc)).status).toBe(404);
    expect((await download(t, SECRETARIAT, caseId, bramsDoc)).status).toBe(404);
    expect((await download(t, SECRETARIAT, bramsCase, bramsDoc)).status).toBe(200);
  });

  it('hostile document ids in the path are a 400 or 404, never a file of the server', async () => {
    const token = await t.token(SECRETARIAT);
    for (const documentId of ['..', '%2e%2e', '..%2F..%2Fevents.sqlite', '..%5C..%5Cevents.sqlite', 'dev-token-secret', '%00', encodeURIComponent('../../../etc/passwd')]) {
      const res = await t.http().get(`${documentsPath(caseId)}/${documentId}`).set('Authorization', `Bearer ${token}`);
      expect({ documentId, ok: [400, 404].includes(res.status) }).toEqual({ documentId, ok: true });
      expect(res.text).not.toMatch(INTERNALS);
      expect(res.text).not.toMatch(/SQLite format|root:x:0/);
    }
  });

  it('path traversal in a document name lands nothing outside the document store', async () => {
    const marker = `gzc-traversal-${randomUUID()}`;
    const names = [`../../../../../../tmp/${marker}.txt`, `..\\..\\..\\..\\${marker}.txt`, `/tmp/${marker}.txt`, `%2e%2e%2f${marker}.txt`];
    for (const filename of names) {
      const res = await upload(t, CLAIMANT, caseId, { filename, contentType: 'text/plain', content: sampleText() });
      expect(res.status).toBe(201);
      expect(res.body.name).not.toMatch(/[/\\]/);
      expect(res.body.name).not.toMatch(/^\.\./);
    }
    expect(existsSync(join(tmpdir(), `${marker}.txt`))).toBe(false);
    expect(existsSync(`/tmp/${marker}.txt`)).toBe(false);
    for (const dir of [t.dataDir, dirname(t.dataDir)]) expect(readdirSync(dir).some((f) => f.includes(marker))).toBe(false);
  });
});
