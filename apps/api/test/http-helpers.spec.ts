import { RunDisputeCommand } from '../src/disputes/application/dispute-commands';
import { parseIfMatch } from '../src/http/if-match';
import { RequestValidationException } from '../src/http/problem';
import { isSaneRequestId } from '../src/http/request-id';
import { A_DISPUTE_ID, createHarness, type Harness } from './support/http-harness';

describe('If-Match parsing', () => {
  it.each<[string | string[] | undefined, number | undefined]>([
    [undefined, undefined],
    ['3', 3],
    ['"3"', 3],
    ['W/"3"', 3],
    [' 12 ', 12],
    ['0', 0],
    [['7'], 7],
  ])('%j → %s', (header, version) => {
    expect(parseIfMatch(header)).toBe(version);
  });

  it.each<[string | string[]]>([
    [''],
    ['*'],
    ['abc'],
    ['"3'],
    ['3"'],
    ['W/3'],
    ['w/"3"'],
    ['"3", "4"'],
    ['-1'],
    ['1.5'],
    ['9'.repeat(16)],
    [['1', '2']],
  ])('%j → 400 on If-Match', (header) => {
    try {
      parseIfMatch(header);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(RequestValidationException);
      expect((error as RequestValidationException).problem.errors).toEqual([{ field: 'If-Match', message: expect.any(String) }]);
    }
  });
});

describe('request ids', () => {
  it.each([['abc-123'], ['0b7c8a56-4a8e-4c61-9f5e-2d3f4a5b6c7d'], ['trace:span.1_x']])('%s is kept', (id) => {
    expect(isSaneRequestId(id)).toBe(true);
  });
  it.each([[''], ['a'.repeat(101)], ['<script>'], ['a b'], ['ü']])('%j is replaced', (id) => {
    expect(isSaneRequestId(id)).toBe(false);
  });
});

describe('disputes HTTP: headers, reads and queries', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await createHarness();
    token = await h.tokenFor('ins-carla');
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.commandBus.execute.mockReset().mockResolvedValue({ id: A_DISPUTE_ID, status: 'declined', version: 5 });
    h.reader.get.mockReset();
    h.reader.list.mockReset();
    h.reader.timeline.mockReset();
  });
  const auth = { Authorization: '' };
  beforeEach(() => (auth.Authorization = `Bearer ${token}`));

  it('If-Match becomes the expected version; the request id the correlation id', async () => {
    const res = await h
      .http()
      .post(`/api/disputes/${A_DISPUTE_ID}/decline-submission`)
      .set(auth)
      .set('If-Match', 'W/"4"')
      .set('X-Request-Id', 'req-77')
      .send({ reason: 'No.' });
    expect(res.status).toBe(200);
    // Our own id, never the caller's: a caller must not choose the events' correlation id.
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const command = h.commandBus.execute.mock.calls[0][0] as RunDisputeCommand;
    expect(command.options).toEqual({ expectedVersion: 4, correlationId: res.headers['x-request-id'] });
  });

  it('a malformed If-Match is a 400 naming the header and runs nothing', async () => {
    const res = await h.http().post(`/api/disputes/${A_DISPUTE_ID}/withdraw`).set(auth).set('If-Match', 'latest').send({});
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'If-Match', code: expect.any(String), message: expect.any(String) }]);
    expect(h.commandBus.execute).not.toHaveBeenCalled();
  });

  it('without X-Request-Id (or with a silly one) a UUID is made up and used', async () => {
    const res = await h.http().post(`/api/disputes/${A_DISPUTE_ID}/withdraw`).set(auth).set('X-Request-Id', 'x'.repeat(200)).send({});
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const command = h.commandBus.execute.mock.calls[0][0] as RunDisputeCommand;
    expect(command.options).toEqual({ correlationId: res.headers['x-request-id'] });
  });

  it('GET /api/disputes/:id answers the view with ETag "<version>-<viewer tag>"; asOf is passed as a Date', async () => {
    h.reader.get.mockResolvedValue({ id: A_DISPUTE_ID, version: 7 });
    const res = await h.http().get(`/api/disputes/${A_DISPUTE_ID.toUpperCase()}?asOf=2026-02-01T00:00:00Z`).set(auth);
    expect(res.status).toBe(200);
    expect(res.headers.etag).toMatch(/^"7-[0-9a-f]{16}"$/);
    const [disputeId, actor, asOf] = h.reader.get.mock.calls[0];
    expect(disputeId).toBe(A_DISPUTE_ID);
    expect(asOf).toEqual(new Date('2026-02-01T00:00:00Z'));
    expect(actor.userId).toBe('ins-carla');
  });

  it('GET /api/disputes/:id with a bad asOf is a 400; with a non-UUID id a 404', async () => {
    expect((await h.http().get(`/api/disputes/${A_DISPUTE_ID}?asOf=yesterday`).set(auth)).body.errors[0].field).toBe('asOf');
    expect((await h.http().get('/api/disputes/123').set(auth)).status).toBe(404);
    expect((await h.http().get("/api/disputes/1' OR '1'='1/timeline").set(auth)).status).toBe(404);
    expect(h.reader.get).not.toHaveBeenCalled();
    expect(h.reader.timeline).not.toHaveBeenCalled();
  });

  it('GET /api/disputes/:id/timeline asks the reader', async () => {
    h.reader.timeline.mockResolvedValue([{ type: 'DisputeFiled' }]);
    const res = await h.http().get(`/api/disputes/${A_DISPUTE_ID}/timeline`).set(auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([{ type: 'DisputeFiled' }]);
    expect(h.reader.timeline.mock.calls[0].slice(0, 1)).toEqual([A_DISPUTE_ID]);
  });

  it('GET /api/disputes passes validated filters, limit 20 by default', async () => {
    h.reader.list.mockResolvedValue({ items: [], nextCursor: null });
    const res = await h.http().get('/api/disputes?status=filed&sector=pharmacy&q=%20tarief%20').set(auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [], nextCursor: null });
    expect(h.reader.list.mock.calls[0][1]).toEqual({ status: 'filed', sector: 'pharmacy', q: 'tarief', limit: 20 });
    await h.http().get('/api/disputes?limit=100&cursor=abc&route=mediation&phase=contractual&legalFramework=wlz').set(auth);
    expect(h.reader.list.mock.calls[1][1]).toEqual({
      limit: 100,
      cursor: 'abc',
      route: 'mediation',
      phase: 'contractual',
      legalFramework: 'wlz',
    });
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=ten', 'limit'],
    ['limit=1e3', 'limit'],
    ['status=open', 'status'],
    ['legalFramework=wmo', 'legalFramework'],
    ['route=court', 'route'],
    [`q=${'x'.repeat(201)}`, 'q'],
    ['status=filed&status=declined', 'status'],
    ['page=2', 'page'],
  ])('GET /api/disputes?%s → 400 on %s', async (qs, field) => {
    const res = await h.http().get(`/api/disputes?${qs}`).set(auth);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});
