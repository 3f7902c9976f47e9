import { api, configureApiClient } from './client';
import { EARLY_ANSWER_TTL_MS, GET_HEADERS, requestEarly, takeEarly } from './early-requests';

describe('answers asked for at start-up', () => {
  const realFetch = global.fetch;
  let fetchMock: jest.Mock;
  beforeEach(() => {
    fetchMock = jest.fn((path: string) => Promise.resolve(new Response(JSON.stringify({ path }))));
    global.fetch = fetchMock as unknown as typeof fetch;
  });
  afterEach(() => {
    global.fetch = realFetch;
    jest.useRealTimers();
  });

  it('asks with the headers api() sends and the token, and hands the answer over once', async () => {
    requestEarly('/api/me', 'token-1');
    expect(fetchMock).toHaveBeenCalledWith('/api/me', { headers: { ...GET_HEADERS, Authorization: 'Bearer token-1' } });
    const answer = takeEarly('/api/me', 'token-1');
    expect(await (await answer!).json()).toEqual({ path: '/api/me' });
    expect(takeEarly('/api/me', 'token-1')).toBeUndefined();
  });

  it('asks an anonymous path without a token', () => {
    requestEarly('/api/portal/config', null);
    expect(fetchMock).toHaveBeenCalledWith('/api/portal/config', { headers: { ...GET_HEADERS } });
    expect(takeEarly('/api/portal/config', null)).toBeDefined();
  });

  it('does not hand over an answer asked for with another token (signed in as someone else since)', () => {
    requestEarly('/api/caseload?compact=true&rows=10', 'token-1');
    expect(takeEarly('/api/caseload?compact=true&rows=10', 'token-2')).toBeUndefined();
    expect(takeEarly('/api/caseload?compact=true&rows=10', 'token-1')).toBeUndefined();
  });

  it('does not hand over an answer that waited too long: api() asks again', () => {
    jest.useFakeTimers({ now: 1_000_000 });
    requestEarly('/api/organisations', 'token-1');
    jest.setSystemTime(1_000_000 + EARLY_ANSWER_TTL_MS + 1);
    expect(takeEarly('/api/organisations', 'token-1')).toBeUndefined();
  });

  it('has nothing for a path not asked for early', () => {
    expect(takeEarly('/api/disputes', 'token-1')).toBeUndefined();
  });

  it('leaves a failed early request for api() to report, without an unhandled rejection', async () => {
    fetchMock.mockImplementationOnce(() => Promise.reject(new TypeError('network down')));
    requestEarly('/api/me', 'token-1');
    await expect(takeEarly('/api/me', 'token-1')).rejects.toThrow('network down');
  });

  it('api() takes the early answer of a plain GET instead of asking again, and asks itself afterwards', async () => {
    configureApiClient({ token: () => 'token-1', onUnauthorized: () => {} });
    requestEarly('/api/me', 'token-1');
    expect(await api('/api/me')).toEqual({ path: '/api/me' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(await api('/api/me')).toEqual({ path: '/api/me' });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('api() does not take an early answer for a POST to the same path', async () => {
    configureApiClient({ token: () => 'token-1', onUnauthorized: () => {} });
    requestEarly('/api/disputes', 'token-1');
    await api('/api/disputes', { method: 'POST', body: { a: 1 } });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(fetchMock.mock.calls[1][1]).toMatchObject({ method: 'POST' });
  });
});
