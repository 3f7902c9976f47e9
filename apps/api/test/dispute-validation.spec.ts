import { JSON_ACTIONS } from '../src/disputes/action-table';
import { RunDisputeCommand } from '../src/disputes/application/dispute-commands';
import { A_DISPUTE_ID, createHarness, fileDisputeBody, type Harness } from './support/http-harness';

describe('POST /api/disputes validation', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await createHarness();
    token = await h.tokenFor('prov-anna');
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.commandBus.execute.mockReset();
    h.commandBus.execute.mockResolvedValue({ id: A_DISPUTE_ID, status: 'filed', version: 1 });
  });

  const file = (body: unknown) =>
    h
      .http()
      .post('/api/disputes')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(body));
  const fields = (res: { body: { errors?: Array<{ field: string }> } }) => (res.body.errors ?? []).map((e) => e.field).sort();
  const messageFor = (res: { body: { errors?: Array<{ field: string; message: string }> } }, field: string) =>
    res.body.errors?.find((e) => e.field === field)?.message;

  it('a valid dispute is filed through the command bus with the actor and the request id', async () => {
    const res = await file(fileDisputeBody()).set('X-Request-Id', 'req-file-1');
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: A_DISPUTE_ID, status: 'filed', version: 1 });
    const command = h.commandBus.execute.mock.calls[0][0] as RunDisputeCommand;
    expect(command).toBeInstanceOf(RunDisputeCommand);
    expect(command.actor).toEqual({ userId: 'prov-anna', role: 'provider', organisationId: 'org-fysio-delinde' });
    expect(command.options).toEqual({ correlationId: res.headers['x-request-id'] });
    expect(res.headers['x-request-id']).not.toBe('req-file-1');
    expect(command.command).toEqual({ type: 'file-dispute', disputeId: command.disputeId, ...fileDisputeBody() });
    expect(command.disputeId).toMatch(/^[0-9a-f-]{36}$/);
    const filed = command.command as Extract<RunDisputeCommand['command'], { type: 'file-dispute' }>;
    expect(Object.getPrototypeOf(filed.claims[0])).toBe(Object.prototype);
  });

  it('an empty body names every required field, one entry each, and records nothing', async () => {
    const res = await file({});
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(fields(res)).toEqual(
      [
        'amountInDisputeCents',
        'claimantOrganisationIds',
        'claims',
        'contractYear',
        'legalFramework',
        'phase',
        'proposedRoute',
        'respondentOrganisationIds',
        'sector',
        'subjects',
        'summary',
        'urgent',
      ].sort(),
    );
    expect(messageFor(res, 'summary')).toBe('summary is required');
    expect(h.commandBus.execute).not.toHaveBeenCalled();
  });

  it('nested claim errors are named by path', async () => {
    const res = await file(fileDisputeBody({ claims: [{ description: 'ok' }, { amountCents: -1 }, { description: 'x', extra: 1 }] }));
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual(['claims[1].amountCents', 'claims[1].description', 'claims[2].extra']);
    expect(messageFor(res, 'claims[2].extra')).toMatch(/not a field/);
  });

  it.each(['wmo', 'jeugdwet', 'Wmo'])('legalFramework %s is outside jurisdiction, with where to go instead', async (framework) => {
    const res = await file(fileDisputeBody({ legalFramework: framework }));
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual(['legalFramework']);
    const message = messageFor(res, 'legalFramework')!;
    expect(message).toMatch(/outside the jurisdiction/);
    expect(message).toMatch(/Wmo or the Jeugdwet/);
    expect(message).toMatch(/municipality/);
    expect(message).toMatch(/civil court/);
  });

  it('another unknown legalFramework gets the list of allowed ones', async () => {
    const res = await file(fileDisputeBody({ legalFramework: 'awbz' }));
    expect(messageFor(res, 'legalFramework')).toMatch(/zvw, zvw_supplementary, wlz/);
  });

  it('an unknown field is refused by name', async () => {
    const res = await file(fileDisputeBody({ caseNumber: 'GZC-2026-0001' }));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'caseNumber', code: 'unknown_field', message: expect.stringMatching(/not a field/) }]);
  });

  it('urgencyReason is required when urgent', async () => {
    expect(fields(await file(fileDisputeBody({ urgent: true })))).toEqual(['urgencyReason']);
    expect((await file(fileDisputeBody({ urgent: true, urgencyReason: 'Client stop on 1 March' }))).status).toBe(201);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['contractYear before 2016', { contractYear: 2015 }, 'contractYear'],
    ['contractYear as a string', { contractYear: '2026' }, 'contractYear'],
    ['a fractional amount', { amountInDisputeCents: 12.5 }, 'amountInDisputeCents'],
    ['a negative amount', { amountInDisputeCents: -1 }, 'amountInDisputeCents'],
    ['an amount beyond MAX_SAFE_INTEGER', { amountInDisputeCents: 2 ** 60 }, 'amountInDisputeCents'],
    // eslint-disable-next-line no-loss-of-precision -- a JSON number beyond a double is the case under test
    ['a huge number literal', { amountInDisputeCents: 1e400 }, 'amountInDisputeCents'],
    ['urgent as a string', { urgent: 'true' }, 'urgent'],
    ['subjects as a string', { subjects: 'tariff' }, 'subjects'],
    ['an empty subjects list', { subjects: [] }, 'subjects'],
    ['an unknown subject', { subjects: ['tariff', 'weather'] }, 'subjects'],
    ['duplicate subjects', { subjects: ['tariff', 'tariff'] }, 'subjects'],
    ['claimants as an object', { claimantOrganisationIds: { 0: 'org-a' } }, 'claimantOrganisationIds'],
    ['a claimant id over 100 characters', { claimantOrganisationIds: ['o'.repeat(101)] }, 'claimantOrganisationIds'],
    ['too many respondents', { respondentOrganisationIds: Array.from({ length: 51 }, (_, i) => `org-${i}`) }, 'respondentOrganisationIds'],
    ['a summary over 10 000 characters', { summary: 's'.repeat(10_001) }, 'summary'],
    ['an empty summary', { summary: '' }, 'summary'],
    ['summary as a number', { summary: 42 }, 'summary'],
    ['summary null', { summary: null }, 'summary'],
    ['claims as an object', { claims: { description: 'x' } }, 'claims'],
    ['a claim that is a string', { claims: ['more money'] }, 'claims'],
    ['an unknown route', { proposedRoute: 'court' }, 'proposedRoute'],
  ])('%s → 400 on that field', async (_name, override, field) => {
    const res = await file(fileDisputeBody(override));
    expect(res.status).toBe(400);
    expect(fields(res)).toContain(field);
    expect(h.commandBus.execute).not.toHaveBeenCalled();
  });

  it.each<[string, unknown]>([
    ['an array', [fileDisputeBody()]],
    ['a string', 'file it'],
    ['a number', 42],
    ['null', null],
  ])('a body that is %s is a 400, not a 500', async (_name, body) => {
    const res = await file(body);
    expect(res.status).toBe(400);
    expect(res.body.errors?.length).toBeGreaterThan(0);
  });

  it('__proto__ and constructor keys are refused by name and pollute nothing', async () => {
    const res = await h
      .http()
      .post('/api/disputes')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json')
      .send('{"__proto__":{"polluted":true},"claims":[{"description":"x","constructor":{"prototype":{"polluted":true}}}]}');
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual(expect.arrayContaining(['__proto__', 'claims[0].constructor']));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('deeply nested junk is a 400, not a stack overflow', async () => {
    const deep = '{"x":'.repeat(50_000) + '1' + '}'.repeat(50_000);
    const res = await h
      .http()
      .post('/api/disputes')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json')
      .send(deep);
    expect(res.status).toBe(400);
  });

  it('thousands of unknown fields give a bounded answer', async () => {
    const body = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`f${i}`, i]));
    const res = await file(body);
    expect(res.status).toBe(400);
    expect(res.body.errors.length).toBeLessThanOrEqual(51);
  });

  it('invalid UTF-8 in a string does not break anything', async () => {
    const json = Buffer.concat([Buffer.from('{"summary":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]);
    const res = await h
      .http()
      .post('/api/disputes')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json')
      .serialize((b: unknown) => b as string)
      .send(json);
    expect(res.status).toBe(400);
    expect(fields(res)).not.toContain('summary');
    expect(fields(res)).not.toContain('data');
  });
});

describe('action bodies', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await createHarness();
    token = await h.tokenFor('sec-jan');
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.commandBus.execute.mockReset();
    h.commandBus.execute.mockResolvedValue({ id: A_DISPUTE_ID, status: 'filed', version: 2 });
  });

  const act = (action: string, body?: unknown, id = A_DISPUTE_ID) => {
    const req = h.http().post(`/api/disputes/${id}/${action}`).set('Authorization', `Bearer ${token}`);
    return body === undefined ? req : req.set('Content-Type', 'application/json').send(JSON.stringify(body));
  };
  const lastCommand = () => h.commandBus.execute.mock.calls.at(-1)![0] as RunDisputeCommand;

  const valid: Record<(typeof JSON_ACTIONS)[number], Record<string, unknown>> = {
    'request-information': { questions: 'Send the contract offer.', dueDate: '2026-03-01T12:00:00Z' },
    'provide-information': { answers: 'Attached.' },
    'declare-inadmissible': { reason: 'outside_jurisdiction', explanation: 'A Wmo matter.' },
    register: {},
    'accept-submission': { route: 'mediation', respondentOrganisationId: 'org-zv-noord' },
    'decline-submission': { reason: 'We prefer court.', respondentOrganisationId: 'org-zv-noord' },
    'propose-route': { route: 'binding_advice', reason: 'Faster.', respondentOrganisationId: 'org-zv-noord' },
    'nominate-neutrals': { neutralUserIds: ['med-femke'] },
    'challenge-neutral': { neutralUserId: 'med-femke', grounds: 'Former employee.' },
    'decide-challenge': { neutralUserId: 'med-femke', upheld: false, reasoning: 'Long ago.' },
    'appoint-neutrals': {},
    'waive-challenge': {},
    'schedule-session': { startsAt: '2026-04-01T09:00:00+02:00', location: 'Utrecht' },
    'record-session': { sessionId: 'sess-1', notes: 'Good talk.' },
    'conclude-mediation': { result: 'partial_agreement' },
    'request-escalation': { route: 'arbitration' },
    'accept-escalation': {},
    'decline-escalation': { reason: 'No.' },
    'submit-statement': { kind: 'statement_of_claim', text: 'Our claim.', documentIds: ['doc-1'] },
    'schedule-hearing': { startsAt: '2026-05-01T09:00:00Z' },
    'record-hearing': { hearingId: 'hear-1' },
    'render-decision': {
      outcome: 'claim_partially_granted',
      claimantCostSharePct: 40,
      costAllocationReason: 'The claimant delayed.',
      summary: 'Partly right.',
    },
    withdraw: { reason: 'Settled privately.' },
    'record-settlement': { terms: 'Confidential.' },
    'extend-deadline': { deadlineId: 'dl-1', dueDate: '2026-06-01', reason: 'Holidays.' },
    'invoice-fee': { organisationId: 'org-zv-noord', kind: 'administration', amountCents: 25_000 },
    'record-payment': { invoiceId: 'inv-1' },
    'continue-with-respondents': {},
    'withdraw-participation': { reason: 'We settled with the insurer ourselves.' },
    'waive-hearing': {},
  };

  it.each(JSON_ACTIONS.map((a) => [a]))('%s: a valid body runs the domain command with the same name', async (action) => {
    const res = await act(action, valid[action]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: A_DISPUTE_ID, status: 'filed', version: 2 });
    const command = lastCommand();
    expect(command).toBeInstanceOf(RunDisputeCommand);
    expect(command.disputeId).toBe(A_DISPUTE_ID);
    // Rule 21: dates people give arrive as UTC instants (a plain due date: the end of that day in Amsterdam).
    const instants: Record<string, string> = { '2026-06-01': '2026-06-01T21:59:59.999Z' };
    const expected = Object.fromEntries(
      Object.entries(valid[action]).map(([k, v]) => [
        k,
        (k === 'startsAt' || k === 'dueDate') && typeof v === 'string' ? (instants[v] ?? new Date(v).toISOString()) : v,
      ]),
    );
    expect(command.command).toMatchObject({ type: action, ...expected });
    expect(command.actor).toEqual({ userId: 'sec-jan', role: 'secretariat', organisationId: 'org-geschilleninstantie' });
  });

  it.each(JSON_ACTIONS.map((a) => [a]))('%s: an unknown field is refused by name', async (action) => {
    const res = await act(action, { ...valid[action], sneaky: true });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'sneaky', code: 'unknown_field', message: expect.any(String) }]);
    expect(h.commandBus.execute).not.toHaveBeenCalled();
  });

  it('actions without a body accept no body at all', async () => {
    for (const action of [
      'register',
      'appoint-neutrals',
      'accept-escalation',
      'withdraw',
      'decline-escalation',
      'continue-with-respondents',
      'waive-hearing',
      'withdraw-participation',
    ]) {
      expect((await act(action)).status).toBe(200);
    }
  });

  it('register sends no case number from the caller: the handler assigns it', async () => {
    expect((await act('register', { caseNumber: 'GZC-2026-9999' })).status).toBe(400);
    await act('register', {});
    expect(lastCommand().command).toEqual({ type: 'register', caseNumber: '' });
  });

  it.each<[string, Record<string, unknown>]>([
    ['schedule-session', { sessionId: expect.any(String) }],
    ['schedule-hearing', { hearingId: expect.any(String) }],
    ['invoice-fee', { invoiceId: expect.any(String) }],
  ])('%s generates the id and answers with it', async (action, extra) => {
    const res = await act(action, valid[action as keyof typeof valid]);
    expect(res.body).toMatchObject(extra);
    const key = Object.keys(extra)[0]!;
    expect(res.body[key]).toMatch(/^[0-9a-f-]{36}$/);
    expect((lastCommand().command as unknown as Record<string, unknown>)[key]).toBe(res.body[key]);
  });

  it('a caller cannot choose the generated id', async () => {
    const res = await act('schedule-session', { ...valid['schedule-session'], sessionId: 'mine' });
    expect(res.status).toBe(400);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['request-information', { questions: 'q', dueDate: '2026-02-30' }, 'dueDate'],
    ['request-information', { questions: 'q', dueDate: 'tomorrow' }, 'dueDate'],
    ['request-information', { questions: 'q'.repeat(20_001) }, 'questions'],
    ['declare-inadmissible', { reason: 'boring', explanation: 'x' }, 'reason'],
    ['accept-submission', { route: 'court' }, 'route'],
    ['request-escalation', { route: 'mediation' }, 'route'],
    ['nominate-neutrals', { neutralUserIds: [] }, 'neutralUserIds'],
    ['nominate-neutrals', { neutralUserIds: ['a', 'b', 'c', 'd'] }, 'neutralUserIds'],
    ['decide-challenge', { neutralUserId: 'm', upheld: 'yes' }, 'upheld'],
    ['schedule-session', { startsAt: 1_700_000_000 }, 'startsAt'],
    ['conclude-mediation', { result: 'agreement' }, 'result'],
    ['submit-statement', { kind: 'essay' }, 'kind'],
    ['render-decision', { outcome: 'claim_granted', claimantCostSharePct: 101, summary: 's' }, 'claimantCostSharePct'],
    ['render-decision', { outcome: 'claim_granted', claimantCostSharePct: 33.3, summary: 's' }, 'claimantCostSharePct'],
    ['extend-deadline', { deadlineId: 'd', dueDate: '2026-13-01', reason: 'r' }, 'dueDate'],
    ['invoice-fee', { organisationId: 'o', kind: 'administration', amountCents: -5 }, 'amountCents'],
    ['invoice-fee', { organisationId: 'o', kind: 'tip', amountCents: 5 }, 'kind'],
    ['record-payment', { invoiceId: 'i'.repeat(101) }, 'invoiceId'],
  ])('%s with %j → 400 on %s', async (action, body, field) => {
    const res = await act(action, body);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('a dispute id that is not a UUID is a 404', async () => {
    const res = await act('withdraw', {}, 'not-a-uuid');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(h.commandBus.execute).not.toHaveBeenCalled();
  });

  it('submit-document has no action route: it is served by the multipart upload, POST /api/disputes/{id}/documents', async () => {
    expect((await act('submit-document', {})).status).toBe(404);
  });
});
