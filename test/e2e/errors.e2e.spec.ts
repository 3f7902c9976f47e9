import { randomUUID } from 'node:crypto';
import {
  CLAIMANT,
  RESPONDENT,
  SECRETARIAT,
  act,
  actionPath,
  disputePath,
  errorFields,
  expectProblem,
  fileAndRegister,
  fileDispute,
  filingBody,
  getCase,
  getTimeline,
  toInMediation,
} from './support/dispute-fixtures';
import { removeDataDir, startTestApp, type TestApp } from './support/test-app';

describe('errors over HTTP', () => {
  let t: TestApp;
  let id: string; // prov-anna's registered case (awaiting_respondent)

  beforeAll(async () => {
    t = await startTestApp();
    id = (await fileAndRegister(t)).id;
  });
  afterAll(async () => {
    await t?.close();
    if (t) await removeDataDir(t.dataDir);
  });

  describe('409: the case status does not allow the command', () => {
    it('registering twice answers 409 with the domain’s reason and records nothing', async () => {
      const before = await getCase(t, SECRETARIAT, id);
      const res = await t.as(SECRETARIAT).post(actionPath(id, 'register'), {});
      expectProblem(res, 409);
      expect(res.body.detail).toMatch(/can only be registered/);
      expect(res.body.detail).toMatch(/filed/);
      const after = await getCase(t, SECRETARIAT, id);
      expect(after.version).toBe(before.version);
      expect(after.caseNumber).toBe(before.caseNumber);
    });

    it('a mediation command before mediation answers 409 naming the status', async () => {
      const res = await t.as(SECRETARIAT).post(actionPath(id, 'nominate-neutrals'), { neutralUserIds: ['med-femke'] });
      expectProblem(res, 409);
      expect(res.body.detail).toMatch(/awaiting the respondent/);
    });

    it('any command on a closed case answers 409 saying it is closed', async () => {
      const closed = await fileDispute(t);
      await act(t, CLAIMANT, closed, 'withdraw');
      const res = await t.as(CLAIMANT).post(actionPath(closed, 'withdraw'), {});
      expectProblem(res, 409);
      expect(res.body.detail).toMatch(/closed/i);
    });

    it('a stale If-Match answers 409', async () => {
      const { version } = await getCase(t, RESPONDENT, id);
      const res = await t
        .as(RESPONDENT)
        .post(actionPath(id, 'propose-route'), { route: 'arbitration' }, { 'If-Match': String(version - 1) });
      expectProblem(res, 409);
      expect((await getCase(t, RESPONDENT, id)).version).toBe(version);
    });
  });

  describe('bodiless actions', () => {
    it('register, appoint-neutrals and accept-escalation take {} or no body at all', async () => {
      const first = await fileDispute(t);
      const token = await t.token(SECRETARIAT);
      const res = await t.http().post(actionPath(first, 'register')).set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(200);
      expect((await getCase(t, SECRETARIAT, first)).status).toBe('awaiting_respondent');
      const withBody = await fileDispute(t);
      expect((await t.as(SECRETARIAT).post(actionPath(withBody, 'register'), {})).status).toBe(200);
    });

    it('a bodiless action still refuses unknown fields', async () => {
      const other = await fileDispute(t);
      const res = await t.as(SECRETARIAT).post(actionPath(other, 'register'), { caseNumber: 'GZC-2025-9999' });
      expectProblem(res, 400);
      expect(errorFields(res)).toContain('caseNumber');
      expect((await getCase(t, SECRETARIAT, other)).caseNumber).toBeNull();
    });
  });

  describe('403: a visible case, an action the caller may not take', () => {
    it('a provider cannot register', async () => {
      const res = await t.as(CLAIMANT).post(actionPath(id, 'register'), {});
      expectProblem(res, 403);
    });

    it('the respondent cannot withdraw, the claimant cannot accept its own submission', async () => {
      expectProblem(await t.as(RESPONDENT).post(actionPath(id, 'withdraw'), {}), 403);
      expectProblem(await t.as(CLAIMANT).post(actionPath(id, 'accept-submission'), { route: 'mediation' }), 403);
    });

    it('the secretariat cannot run a mediator’s command', async () => {
      const med = await toInMediation(t);
      expectProblem(
        await t.as(SECRETARIAT).post(actionPath(med, 'schedule-session'), { startsAt: new Date(Date.now() + 864e5).toISOString() }),
        403,
      );
    });

    it('an observer cannot file', async () => {
      expectProblem(await t.as('obs-karin').post('/api/disputes', filingBody()), 403);
    });
  });

  describe('404: unknown or invisible case', () => {
    it('another provider does not see anna’s case, nor can act on it', async () => {
      expectProblem(await t.as('prov-bram').get(disputePath(id)), 404);
      expectProblem(await t.as('prov-bram').get(`${disputePath(id)}/timeline`), 404);
      expectProblem(await t.as('prov-bram').post(actionPath(id, 'withdraw'), {}), 404);
      expectProblem(await t.as('ins-dirk').post(actionPath(id, 'accept-submission'), { route: 'mediation' }), 404);
    });

    it('an observer sees no single case', async () => {
      expectProblem(await t.as('obs-karin').get(disputePath(id)), 404);
      expectProblem(await t.as('obs-karin').get(`${disputePath(id)}/timeline`), 404);
    });

    it('a neutral not on the case does not see it', async () => {
      expectProblem(await t.as('med-gerrit').get(disputePath(id)), 404);
      expectProblem(await t.as('arb-ivo').post(actionPath(id, 'schedule-hearing'), { startsAt: '2030-01-01T10:00:00Z' }), 404);
    });

    it('unknown and non-UUID ids answer 404', async () => {
      for (const bad of [randomUUID(), 'not-a-uuid', '12345', 'GZC-2025-0001']) {
        expectProblem(await t.as(SECRETARIAT).get(disputePath(bad)), 404);
        expectProblem(await t.as(SECRETARIAT).get(`${disputePath(bad)}/timeline`), 404);
        expectProblem(await t.as(SECRETARIAT).post(actionPath(bad, 'register'), {}), 404);
      }
    });

    it('an unknown action answers 404', async () => {
      expectProblem(await t.as(SECRETARIAT).post(actionPath(id, 'make-coffee'), {}), 404);
      expectProblem(await t.as(SECRETARIAT).post(actionPath(id, 'file-dispute'), {}), 404);
    });
  });

  describe('400: bad input names each field', () => {
    it('several bad fields at once, nested ones and unknown ones included', async () => {
      const body = filingBody({
        phase: 'prenatal',
        contractYear: 'next year',
        claims: [{ description: 'ok', amountCents: -5 }, { amountCents: 10 }],
        sneaky: true,
      });
      delete body.summary;
      const res = await t.as(CLAIMANT).post('/api/disputes', body);
      expectProblem(res, 400);
      const fields = errorFields(res);
      for (const field of ['phase', 'contractYear', 'claims[0].amountCents', 'claims[1].description', 'sneaky', 'summary']) {
        expect({ field, named: fields.includes(field) }).toEqual({ field, named: true });
      }
      for (const e of res.body.errors) expect(typeof e.message).toBe('string');
    });

    it('wrong types in arrays and numbers', async () => {
      const res = await t.as(CLAIMANT).post(
        '/api/disputes',
        filingBody({
          subjects: ['tariff', 'astrology'],
          amountInDisputeCents: 12.5,
          urgent: 'yes',
          claimantOrganisationIds: 'org-fysio-delinde',
        }),
      );
      expectProblem(res, 400);
      const fields = errorFields(res).map((f) => f.replace(/\[\d+\]$/, ''));
      for (const field of ['subjects', 'amountInDisputeCents', 'urgent', 'claimantOrganisationIds']) {
        expect({ field, named: fields.includes(field) }).toEqual({ field, named: true });
      }
    });

    it('urgent without urgencyReason', async () => {
      const res = await t.as(CLAIMANT).post('/api/disputes', filingBody({ urgent: true }));
      expectProblem(res, 400);
      expect(errorFields(res)).toContain('urgencyReason');
    });

    it.each(['wmo', 'jeugdwet'])('legalFramework %s is outside jurisdiction, and the answer says so', async (framework) => {
      const res = await t.as(CLAIMANT).post('/api/disputes', filingBody({ legalFramework: framework }));
      expectProblem(res, 400);
      expect(errorFields(res)).toContain('legalFramework');
      expect(JSON.stringify(res.body)).toMatch(/outside (the )?jurisdiction/i);
      expect(JSON.stringify(res.body)).toMatch(/municipal/i);
    });

    it('the domain’s payload rules name the field', async () => {
      // A provider as respondent of a provider: same side (filing in another's name is a 403, see test/security).
      const res = await t.as(CLAIMANT).post('/api/disputes', filingBody({ respondentOrganisationIds: ['org-wijkzorg-amstelland'] }));
      expectProblem(res, 400);
      expect(errorFields(res)).toContain('respondentOrganisationIds');
      const unknownOrg = await t.as(CLAIMANT).post('/api/disputes', filingBody({ respondentOrganisationIds: ['org-nowhere'] }));
      expectProblem(unknownOrg, 400);
      expect(errorFields(unknownOrg)).toContain('respondentOrganisationIds');
    });

    it('an action body with a bad value or unknown field', async () => {
      const bad = await t.as(RESPONDENT).post(actionPath(id, 'accept-submission'), { route: 'duel' });
      expectProblem(bad, 400);
      expect(errorFields(bad)).toContain('route');
      const unknown = await t.as(RESPONDENT).post(actionPath(id, 'accept-submission'), { route: 'mediation', extra: 1 });
      expectProblem(unknown, 400);
      expect(errorFields(unknown)).toContain('extra');
      const missing = await t.as(RESPONDENT).post(actionPath(id, 'decline-submission'), {});
      expectProblem(missing, 400);
      expect(errorFields(missing)).toContain('reason');
      expect((await getTimeline(t, SECRETARIAT, id)).map((e) => e.type)).not.toContain('SubmissionAccepted');
    });

    it('an invalid If-Match answers 400 naming If-Match', async () => {
      for (const value of ['abc', '1, 2', '*', '-1', '1.5']) {
        const res = await t.as(RESPONDENT).post(actionPath(id, 'propose-route'), { route: 'arbitration' }, { 'If-Match': value });
        expectProblem(res, 400);
        expect(errorFields(res)).toContain('If-Match');
      }
    });

    it('an invalid asOf answers 400', async () => {
      expectProblem(await t.as(CLAIMANT).get(`${disputePath(id)}?asOf=yesterday`), 400);
    });

    it('malformed JSON answers 400', async () => {
      const token = await t.token(CLAIMANT);
      const res = await t
        .http()
        .post('/api/disputes')
        .set({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' })
        .send('{"phase": "precontractual",');
      expectProblem(res, 400);
    });

    it('a JSON body that is not an object answers 400', async () => {
      const token = await t.token(CLAIMANT);
      for (const raw of ['[]', '"text"', '42', 'null']) {
        const res = await t
          .http()
          .post('/api/disputes')
          .set({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' })
          .send(raw);
        expect({ raw, status: res.status }).toEqual({ raw, status: 400 });
      }
    });
  });

  describe('415 and 413', () => {
    it('a body that is not JSON answers 415', async () => {
      const token = await t.token(CLAIMANT);
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
        const res = await t
          .http()
          .post('/api/disputes')
          .set({ Authorization: `Bearer ${token}`, 'Content-Type': type })
          .send(type === 'application/x-www-form-urlencoded' ? 'phase=precontractual' : 'phase: precontractual');
        expectProblem(res, 415);
      }
    });

    it('a body over the limit answers 413', async () => {
      const res = await t.as(CLAIMANT).post('/api/disputes', filingBody({ summary: 'x'.repeat(t.config.bodyLimitBytes + 10) }));
      expectProblem(res, 413);
    });
  });

  describe('401: no or bad token', () => {
    it('without a token', async () => {
      expectProblem(await t.http().get('/api/disputes'), 401);
      expectProblem(await t.http().get(disputePath(id)), 401);
      expectProblem(await t.http().post('/api/disputes').send(filingBody()), 401);
      expectProblem(await t.http().get('/api/me'), 401);
    });

    it('with a bad token or scheme', async () => {
      const token = await t.token(CLAIMANT);
      for (const auth of [
        'Bearer nonsense',
        `Bearer ${token}x`,
        `Basic ${token}`,
        'Bearer',
        `Bearer ${token.split('.').slice(0, 2).join('.')}.`,
      ]) {
        const res = await t.http().get('/api/disputes').set('Authorization', auth);
        expectProblem(res, 401);
      }
    });

    it('401 comes before 404: an anonymous caller learns nothing about ids', async () => {
      expectProblem(await t.http().get(disputePath(randomUUID())), 401);
    });
  });

  describe('dev tokens', () => {
    it('issues a token for a directory user and /api/me tells who it is', async () => {
      const res = await t.http().post('/api/auth/dev-token').send({ userId: 'ins-carla' });
      expect([200, 201]).toContain(res.status);
      expect(res.body.user).toEqual(expect.objectContaining({ id: 'ins-carla' }));
      const me = await t.http().get('/api/me').set('Authorization', `Bearer ${res.body.accessToken}`);
      expect(me.status).toBe(200);
      expect(JSON.stringify(me.body)).toContain('org-zv-noord');
      expect(JSON.stringify(me.body)).toContain('insurer');
    });

    it('refuses an unknown user with a 4xx problem', async () => {
      const res = await t.http().post('/api/auth/dev-token').send({ userId: 'nobody' });
      expect([400, 401, 404]).toContain(res.status);
      expectProblem(res, res.status);
      const missing = await t.http().post('/api/auth/dev-token').send({});
      expectProblem(missing, 400);
    });
  });
});
