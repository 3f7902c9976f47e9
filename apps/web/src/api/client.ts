// The API as the portal calls it: JSON, Dutch messages (Accept-Language: nl), problem+json errors.
import { GET_HEADERS, takeEarly } from './early-requests';

export interface FieldProblem {
  field: string;
  message: string;
}

/** A refusal or error from the API, with the Dutch text to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldProblem[],
    readonly code?: string,
  ) {
    super(detail || title);
    this.name = 'ApiError';
  }
}

let currentToken: () => string | null = () => null;
let onUnauthorized: () => void = () => {};

/** The session provider tells the client where the token comes from and what to do on a 401. */
export function configureApiClient(options: { token: () => string | null; onUnauthorized: () => void }): void {
  currentToken = options.token;
  onUnauthorized = options.onUnauthorized;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH';
  body?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  /** Send no token even when signed in (public routes). */
  anonymous?: boolean;
  signal?: AbortSignal;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { ...GET_HEADERS, ...options.headers };
  const token = options.anonymous ? null : currentToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const method = options.method ?? (body ? 'POST' : 'GET');
  // A plain GET asked for at start-up already (early-requests.ts) takes that answer.
  const early = method === 'GET' && !options.headers && !options.signal ? takeEarly(path, token) : undefined;
  let response: Response;
  try {
    response = await (early ?? fetch(path, { method, headers, body, signal: options.signal }));
  } catch {
    throw new ApiError(
      0,
      'Geen verbinding',
      'De website kan de server niet bereiken. Controleer uw internetverbinding en probeer het opnieuw.',
      [],
    );
  }
  if (response.status === 401 && token) onUnauthorized();
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function toApiError(response: Response): Promise<ApiError> {
  let problem: { title?: string; detail?: string; errors?: FieldProblem[]; code?: string } = {};
  try {
    problem = (await response.json()) as typeof problem;
  } catch {
    // Not JSON (a proxy's error page): fall back to a general message below.
  }
  const fallback =
    response.status === 503
      ? 'De server is even niet beschikbaar. Probeer het over een paar minuten opnieuw.'
      : response.status >= 500
        ? 'Er ging iets mis aan onze kant. Probeer het later opnieuw.'
        : 'Dit lukte niet.';
  return new ApiError(
    response.status,
    problem.title ?? 'Dit lukte niet',
    problem.detail ?? fallback,
    Array.isArray(problem.errors) ? problem.errors : [],
    problem.code,
  );
}

/** A document's bytes (downloads need the token, so they cannot be plain links). */
export async function apiBlob(path: string): Promise<Blob> {
  const token = currentToken();
  const response = await fetch(path, { headers: { 'Accept-Language': 'nl', ...(token ? { Authorization: `Bearer ${token}` } : {}) } });
  if (!response.ok) throw await toApiError(response);
  return response.blob();
}
