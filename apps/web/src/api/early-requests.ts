// Answers asked for at the very start of a first visit, before the portal's code (React and the
// rest: most of its JavaScript) has been run, so the server works on them while the browser does.
// api() takes such an answer instead of asking again. No imports: this runs before anything else.

/** The headers api() sends on a plain GET: an early answer must be the one api() would get. */
export const GET_HEADERS = { Accept: 'application/json, application/problem+json', 'Accept-Language': 'nl' } as const;

/** An early answer not taken within this time is not used: api() asks again (it may have changed). */
export const EARLY_ANSWER_TTL_MS = 10_000;

interface EarlyAnswer {
  token: string | null;
  askedAt: number;
  response: Promise<Response>;
}

const early = new Map<string, EarlyAnswer>();

/** Asks for `path` now (GET, with `token` when signed in), for api() to take later. */
export function requestEarly(path: string, token: string | null): void {
  const headers: Record<string, string> = { ...GET_HEADERS };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = fetch(path, { headers });
  response.catch(() => {}); // api() reports a failure when it takes the answer
  early.set(path, { token, askedAt: Date.now(), response });
}

/** The early answer for this GET, once: only when asked with the same token and not too long ago. */
export function takeEarly(path: string, token: string | null): Promise<Response> | undefined {
  const found = early.get(path);
  if (!found) return undefined;
  early.delete(path);
  if (found.token !== token || Date.now() - found.askedAt > EARLY_ANSWER_TTL_MS) return undefined;
  return found.response;
}
