import type { Request } from 'express';
import { BadRequestException, NotFoundException, PayloadTooLargeException, UnauthorizedException } from '@nestjs/common';
import { conflict, DomainError, forbidden, invalid } from '../../../libs/domain/src/errors';
import { EventStoreUnavailableError, WrongExpectedVersionError } from '../../../libs/event-store/src/port';
import { CaseNotFoundError, IdempotencyKeyReusedError, VersionConflictError } from '../src/common/errors';
import { ProblemDetailsFilter } from '../src/http/problem-details.filter';
import { languageOf } from '../src/http/language';
import { RequestValidationException } from '../src/http/problem';
import { A_DISPUTE_ID, createHarness, type Harness } from './support/http-harness';

class InvalidCursorError extends Error {
  constructor() {
    super('The cursor is not valid; start from the first page.');
    this.name = 'InvalidCursorError';
  }
}

describe('problem+json mapping of each error class', () => {
  const filter = new ProblemDetailsFilter();
  // The filter logs unknown errors; keep the test output clean.
  beforeAll(() => {
    const logger = (filter as unknown as { logger: { error: () => void; warn: () => void } }).logger;
    jest.spyOn(logger, 'error').mockImplementation(() => undefined);
    jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
  });

  it.each([
    ['DomainError forbidden', 403, 'not_a_party', forbidden('not_a_party', 'Only a party may do this.')],
    ['DomainError conflict', 409, 'wrong_status', conflict('wrong_status', 'The case is not filed.')],
    ['DomainError conflict not_found', 404, 'not_found', conflict('not_found', 'No such deadline.')],
    ['DomainError invalid', 400, 'wrong_neutral_role', invalid('neutralUserIds', 'wrong_neutral_role', 'A mediator is needed.')],
    ['CaseNotFoundError', 404, 'case_not_found', new CaseNotFoundError(A_DISPUTE_ID)],
    ['VersionConflictError', 409, 'version_conflict', new VersionConflictError(3, 4)],
    ['WrongExpectedVersionError', 409, 'version_conflict', new WrongExpectedVersionError('dispute-x', 2, 3)],
    ['IdempotencyKeyReusedError', 422, 'idempotency_key_reused', new IdempotencyKeyReusedError()],
    ['EventStoreUnavailableError', 503, 'store_unavailable', new EventStoreUnavailableError('SQLITE_BUSY at /secret/path')],
  ])('%s → %i %s', (_name, status, code, error) => {
    const problem = filter.toProblem(error);
    expect(problem.status).toBe(status);
    expect(problem.code).toBe(code);
    expect(problem.detail).toEqual(expect.any(String));
  });

  it('a domain refusal keeps its reason as detail, and an invalid value names its field', () => {
    expect(filter.toProblem(conflict('wrong_status', 'Register only a filed case.')).detail).toBe('Register only a filed case.');
    expect(filter.toProblem(invalid('dueDate', 'in_past', 'The due date is in the past.')).errors).toEqual([
      { field: 'dueDate', code: 'in_past', message: 'The due date is in the past.', nl: 'The due date is in the past.' },
    ]);
  });

  it('a domain refusal carries its Dutch, and Accept-Language picks Dutch for the portal, English otherwise', () => {
    const refusal = invalid('dueDate', 'in_past', { en: 'The due date is in the past.', nl: 'De datum ligt in het verleden.' });
    const asking = (header?: string) => ({ headers: header === undefined ? {} : { 'accept-language': header } }) as unknown as Request;
    expect(filter.toProblem(refusal)).toMatchObject({
      detail: 'The due date is in the past.',
      code: 'in_past',
      nl: { title: 'Er klopt iets niet in uw verzoek', detail: 'De datum ligt in het verleden.' },
      errors: [{ field: 'dueDate', code: 'in_past', message: 'The due date is in the past.', nl: 'De datum ligt in het verleden.' }],
    });
    expect(languageOf(asking('nl'))).toBe('nl');
    expect(languageOf(asking('nl-NL,nl;q=0.9,en;q=0.8'))).toBe('nl');
    expect(languageOf(asking('en-GB,nl;q=0.5'))).toBe('en');
    expect(languageOf(asking('fr, nl;q=0.2'))).toBe('nl');
    expect(languageOf(asking('nl;q=0'))).toBe('en');
    expect(languageOf(asking())).toBe('en');
    expect(filter.toProblem(conflict('wrong_status', { en: 'Not now.', nl: 'Nu niet.' })).nl).toEqual({
      title: 'Dit kan nu niet',
      detail: 'Nu niet.',
    });
  });

  it('a domain error from another copy of the module is recognised by name and kind', () => {
    const foreign = Object.assign(new Error('Nope'), { name: 'DomainError', kind: 'forbidden', code: 'x' });
    expect(foreign).not.toBeInstanceOf(DomainError);
    expect(filter.toProblem(foreign).status).toBe(403);
  });

  it('a version conflict tells the current version; the store outage hides its internals and asks to retry', () => {
    expect(filter.toProblem(new VersionConflictError(3, 5)).extensions).toEqual({ currentVersion: 5 });
    const outage = filter.toProblem(new EventStoreUnavailableError('SQLITE_BUSY at /secret/path'));
    expect(outage.headers).toEqual({ 'Retry-After': '5' });
    expect(outage.detail).not.toContain('/secret/path');
  });

  it('an InvalidCursorError (by name) is a 400 on the cursor field', () => {
    expect(filter.toProblem(new InvalidCursorError())).toMatchObject({ status: 400, errors: [{ field: 'cursor' }] });
  });

  it('HttpExceptions keep their status', () => {
    expect(filter.toProblem(new NotFoundException('Cannot GET /x')).status).toBe(404);
    expect(filter.toProblem(new UnauthorizedException()).status).toBe(401);
    expect(filter.toProblem(new PayloadTooLargeException()).status).toBe(413);
    expect(filter.toProblem(new RequestValidationException([{ field: 'a', message: 'b' }])).errors).toEqual([{ field: 'a', message: 'b' }]);
  });

  it('a BadRequestException carrying {errors} (the idempotency interceptor) keeps them', () => {
    const problem = filter.toProblem(
      new BadRequestException({ message: 'Invalid Idempotency-Key', errors: [{ field: 'Idempotency-Key', message: 'too long' }] }),
    );
    expect(problem).toMatchObject({ status: 400, detail: 'Invalid Idempotency-Key', errors: [{ field: 'Idempotency-Key' }] });
  });

  it('anything else is a generic 500 without internals', () => {
    const problem = filter.toProblem(new TypeError("Cannot read properties of undefined (reading 'secret')"));
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toMatch(/secret|TypeError|at /);
  });
});

describe('problem+json over HTTP', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await createHarness();
    token = await h.tokenFor('sec-jan');
  });
  afterAll(() => h.close());

  const expectProblem = (res: { status: number; headers: Record<string, string>; body: Record<string, unknown> }, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) });
    expect(JSON.stringify(res.body)).not.toMatch(/\n\s+at /);
  };

  it('each error the bus throws reaches the client with its status, instance = the path', async () => {
    const cases: Array<[unknown, number]> = [
      [forbidden('not_a_party', 'Only a party may do this.'), 403],
      [conflict('wrong_status', 'Not now.'), 409],
      [new CaseNotFoundError(A_DISPUTE_ID), 404],
      [new VersionConflictError(1, 2), 409],
      [new WrongExpectedVersionError('s', 1, 2), 409],
      [new IdempotencyKeyReusedError(), 422],
      [new EventStoreUnavailableError('down'), 503],
      [new InvalidCursorError(), 400],
    ];
    for (const [error, status] of cases) {
      h.commandBus.execute.mockRejectedValueOnce(error);
      const res = await h.http().post(`/api/disputes/${A_DISPUTE_ID}/withdraw`).set('Authorization', `Bearer ${token}`).send({});
      expectProblem(res, status);
      expect(res.body.instance).toBe(`/api/disputes/${A_DISPUTE_ID}/withdraw`);
      if (status === 503) expect(res.headers['retry-after']).toBe('5');
    }
  });

  it('an unexpected error is a 500 problem with no stack or message', async () => {
    h.reader.get.mockRejectedValueOnce(new Error('connection string postgres://admin:hunter2@db'));
    const res = await h.http().get(`/api/disputes/${A_DISPUTE_ID}`).set('Authorization', `Bearer ${token}`);
    expectProblem(res, 500);
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
  });

  it('an unknown route is a 404 problem', async () => {
    expectProblem(await h.http().get('/api/nothing-here').set('Authorization', `Bearer ${token}`), 404);
    expectProblem(await h.http().get('/nothing'), 404);
  });

  it('malformed JSON is a 400 naming the body', async () => {
    const res = await h
      .http()
      .post('/api/disputes')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json')
      .send('{"phase":');
    expectProblem(res, 400);
    expect(res.body.errors).toEqual([{ field: 'body', code: 'invalid', message: expect.any(String) }]);
  });

  it('a body over 1 MB is a 413 problem', async () => {
    const res = await h
      .http()
      .post('/api/disputes')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ summary: 'x'.repeat(1_100_000) }));
    expectProblem(res, 413);
  });

  it('a body that is not JSON is a 415 problem; an unsupported charset too', async () => {
    const text = await h
      .http()
      .post('/api/disputes')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'text/plain')
      .send('hello');
    expectProblem(text, 415);
    const form = await h
      .http()
      .post('/api/disputes')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send('phase=contractual');
    expectProblem(form, 415);
    const latin = await h
      .http()
      .post('/api/disputes')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json; charset=latin1')
      .send('{}');
    expectProblem(latin, 415);
  });

  it("the problem carries the server's request id, the one in X-Request-Id (not the caller's)", async () => {
    const res = await h.http().get('/api/me').set('X-Request-Id', 'client-req-42');
    expectProblem(res, 401);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });
});
