import { conflict, forbidden, invalid } from '../../../libs/domain/src/errors';
import { EventStoreUnavailableError } from '../../../libs/event-store/src/port';
import { CaseNotFoundError } from '../src/common/errors';
import { A_DISPUTE_ID, createHarness, type Harness } from './support/http-harness';

// Accept-Language: every kind of problem in Dutch (what the portal sends) and in English (the
// default for tools), each with the same stable code, and Vary: Accept-Language.

describe('problems in the language the client asks for', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await createHarness();
    token = await h.tokenFor('sec-jan');
  });
  afterAll(() => h.close());

  type Res = { status: number; headers: Record<string, string>; body: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  const both = async (send: (language: string | undefined) => Promise<Res>): Promise<{ en: Res; nl: Res; none: Res }> => ({
    en: await send('en'),
    nl: await send('nl-NL,nl;q=0.9,en;q=0.5'),
    none: await send(undefined),
  });
  const withLanguage = <T extends { set: (k: string, v: string) => T }>(req: T, language: string | undefined): T =>
    language ? req.set('Accept-Language', language) : req;
  const action = (language: string | undefined, error: unknown) => {
    h.commandBus.execute.mockRejectedValueOnce(error);
    return withLanguage(h.http().post(`/api/disputes/${A_DISPUTE_ID}/withdraw`).set('Authorization', `Bearer ${token}`), language).send(
      {},
    ) as unknown as Promise<Res>;
  };
  const expectBoth = (r: { en: Res; nl: Res; none: Res }, status: number, code: string, nlDetail: RegExp) => {
    for (const res of [r.en, r.nl, r.none]) {
      expect([res.status, res.body.code]).toEqual([status, code]);
      expect(res.headers.vary).toMatch(/Accept-Language/i);
    }
    expect(r.nl.body.detail).toMatch(nlDetail);
    expect(r.nl.body.title).not.toBe(r.en.body.title);
    expect(r.none.body).toEqual({ ...r.en.body, requestId: r.none.body.requestId });
  };

  it('a domain refusal (403, 409, 400 with its field) uses the words written at the throw site', async () => {
    const refused = forbidden('not_a_party', { en: 'Only a party may withdraw.', nl: 'Alleen een partij mag de zaak intrekken.' });
    expectBoth(await both((l) => action(l, refused)), 403, 'not_a_party', /^Alleen een partij/);
    const late = conflict('deadline_passed', {
      en: 'The insurer had until 12 December 2026.',
      nl: 'De verzekeraar had tot 12 december 2026 om te antwoorden.',
    });
    expectBoth(await both((l) => action(l, late)), 409, 'deadline_passed', /12 december 2026/);
    const bad = invalid('dueDate', 'in_past', { en: 'The due date is in the past.', nl: 'De uiterste datum ligt in het verleden.' });
    const r = await both((l) => action(l, bad));
    expectBoth(r, 400, 'in_past', /verleden/);
    expect(r.nl.body.errors).toEqual([{ field: 'dueDate', code: 'in_past', message: 'De uiterste datum ligt in het verleden.' }]);
    expect(r.en.body.errors).toEqual([{ field: 'dueDate', code: 'in_past', message: 'The due date is in the past.' }]);
  });

  it('a validation problem names each field in B1 Dutch, with a code per field', async () => {
    const send = (l: string | undefined) =>
      withLanguage(h.http().post('/api/disputes').set('Authorization', `Bearer ${token}`), l).send({
        contractYear: 2026.5,
        sneaky: 1,
      }) as unknown as Promise<Res>;
    const r = await both(send);
    expectBoth(r, 400, 'validation', /niet goed ingevuld/);
    const nl = new Map(r.nl.body.errors.map((e: { field: string }) => [e.field, e]));
    expect(nl.get('summary')).toEqual({ field: 'summary', code: 'required', message: 'Vul de samenvatting in.' });
    expect(nl.get('sneaky')).toEqual({
      field: 'sneaky',
      code: 'unknown_field',
      message: expect.stringContaining('hoort niet bij dit verzoek'),
    });
    expect((nl.get('contractYear') as { message: string }).message).toContain('Het contractjaar moet een heel getal zijn');
    const en = new Map(r.en.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]));
    expect(en).toEqual(new Map(r.nl.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])));
  });

  it('401, 404, 413, 415 and 503 come in Dutch too', async () => {
    expectBoth(
      await both((l) => withLanguage(h.http().get('/api/me'), l) as unknown as Promise<Res>),
      401,
      'not_authenticated',
      /Log eerst in/,
    );
    expectBoth(await both((l) => action(l, new CaseNotFoundError(A_DISPUTE_ID))), 404, 'case_not_found', /bestaat niet/);
    const big = (l: string | undefined) =>
      withLanguage(h.http().post('/api/disputes').set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/json'), l).send(
        JSON.stringify({ summary: 'x'.repeat(1_100_000) }),
      ) as unknown as Promise<Res>;
    expectBoth(await both(big), 413, 'body_too_large', /te groot/);
    const text = (l: string | undefined) =>
      withLanguage(h.http().post('/api/disputes').set('Authorization', `Bearer ${token}`).set('Content-Type', 'text/plain'), l).send(
        'hello',
      ) as unknown as Promise<Res>;
    expectBoth(await both(text), 415, 'unsupported_media_type', /JSON/);
    const down = await both((l) => action(l, new EventStoreUnavailableError('down')));
    expectBoth(down, 503, 'store_unavailable', /even niet bereikbaar/);
    expect(down.nl.headers['retry-after']).toBe('5');
  });
});
