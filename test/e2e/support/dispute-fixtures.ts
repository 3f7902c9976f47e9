import type { Api, ApiResponse, Headers } from './test-app';

// Valid bodies and the lifecycle's steps over HTTP. Every step checks its own answer, so a
// failure names the step that broke instead of a later, confusing assertion.

export const CLAIMANT = 'prov-anna'; // org-fysio-delinde, a small provider
export const RESPONDENT = 'ins-carla'; // org-zv-noord
export const SECRETARIAT = 'sec-jan';
export const MEDIATOR = 'med-femke';
export const PANEL = ['adv-hanna', 'adv-isaac', 'adv-julia'] as const; // adv-hanna chairs

export const DAY_MS = 86_400_000;

/** Fails with the step's name, the status and the answer's body when the status is not expected. */
export function must(res: ApiResponse, expected: number | number[], step: string): ApiResponse {
  const allowed = Array.isArray(expected) ? expected : [expected];
  if (!allowed.includes(res.status)) {
    throw new Error(`${step}: expected HTTP ${allowed.join(' or ')}, got ${res.status}: ${res.text?.slice(0, 2000)}`);
  }
  return res;
}

export const disputePath = (id: string): string => `/api/disputes/${id}`;
export const actionPath = (id: string, action: string): string => `/api/disputes/${id}/${action}`;

/** An ISO instant `days` after the app's now (sessions and hearings must lie in the future). */
export const inDays = (api: Pick<Api, 'now'>, days: number): string => new Date(api.now().getTime() + days * DAY_MS).toISOString();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = Record<string, any>;

/** A complete, valid filing by prov-anna's organisation against org-zv-noord. */
export function filingBody(overrides: Body = {}, now: Date = new Date()): Body {
  return {
    phase: 'precontractual',
    legalFramework: 'zvw',
    sector: 'physiotherapy_paramedical',
    subjects: ['tariff'],
    contractYear: now.getUTCFullYear(),
    claimantOrganisationIds: ['org-fysio-delinde'],
    respondentOrganisationIds: ['org-zv-noord'],
    summary: 'The offered tariff for physiotherapy does not cover our costs.',
    claims: [{ description: 'A tariff that covers the cost of care', amountCents: 1_250_000 }],
    amountInDisputeCents: 1_250_000,
    proposedRoute: 'mediation',
    urgent: false,
    ...overrides,
  };
}

export async function fileDispute(api: Api, userId = CLAIMANT, overrides: Body = {}, headers: Headers = {}): Promise<string> {
  const res = must(await api.as(userId).post('/api/disputes', filingBody(overrides, api.now()), headers), 201, `file-dispute by ${userId}`);
  if (typeof res.body.id !== 'string') throw new Error(`file-dispute answered without an id: ${res.text}`);
  return res.body.id;
}

export async function act(
  api: Api,
  userId: string,
  id: string,
  action: string,
  body: Body = {},
  headers: Headers = {},
): Promise<ApiResponse> {
  return must(await api.as(userId).post(actionPath(id, action), body, headers), 200, `${action} by ${userId}`);
}

export async function getCase(api: Api, userId: string, id: string, query = ''): Promise<Body> {
  return must(await api.as(userId).get(`${disputePath(id)}${query}`), 200, `GET case as ${userId}`).body;
}

/** The case's (first) deadline of this kind, as the secretariat sees it. */
export async function deadlineOf(api: Api, id: string, kind: string): Promise<Body> {
  const d = (await getCase(api, SECRETARIAT, id)).deadlines.find((x: Body) => x.kind === kind);
  if (!d) throw new Error(`no ${kind} deadline on ${id}`);
  return d;
}

export async function getTimeline(api: Api, userId: string, id: string): Promise<Body[]> {
  const res = must(await api.as(userId).get(`${disputePath(id)}/timeline`), 200, `GET timeline as ${userId}`);
  // The timeline may come as a bare array or wrapped in { items }.
  return Array.isArray(res.body) ? res.body : res.body.items;
}

export async function register(api: Api, id: string): Promise<string> {
  await act(api, SECRETARIAT, id, 'register');
  const view = await getCase(api, SECRETARIAT, id);
  return view.caseNumber;
}

export async function fileAndRegister(api: Api, userId = CLAIMANT, overrides: Body = {}): Promise<{ id: string; caseNumber: string }> {
  const id = await fileDispute(api, userId, overrides);
  const caseNumber = await register(api, id);
  return { id, caseNumber };
}

/** The secretariat invoices the claimant's share of the administration fee. */
export async function invoiceAdministrationFee(api: Api, id: string): Promise<void> {
  const share = (await getCase(api, SECRETARIAT, id)).administrationFee.shares[0];
  await act(api, SECRETARIAT, id, 'invoice-fee', {
    organisationId: share.organisationId,
    kind: 'administration',
    amountCents: share.amountCents,
  });
}

/** Filed, registered and accepted by the respondent for `route`. */
export async function toAwaitingNeutral(api: Api, route = 'mediation', overrides: Body = {}): Promise<string> {
  const { id } = await fileAndRegister(api, CLAIMANT, { proposedRoute: route, ...overrides });
  await act(api, RESPONDENT, id, 'accept-submission', { route });
  return id;
}

/** The secretariat nominates (the first named chairs a panel of 3). */
export async function nominate(api: Api, id: string, neutralUserIds: readonly string[]): Promise<ApiResponse> {
  return act(api, SECRETARIAT, id, 'nominate-neutrals', {
    neutralUserIds: [...neutralUserIds],
    ...(neutralUserIds.length === 3 ? { chairUserId: neutralUserIds[0] } : {}),
  });
}

/**
 * Nominated, every party waives its right to challenge (rule 11: otherwise appointment waits for
 * the challenge period), appointed.
 */
export async function nominateAndAppoint(
  api: Api,
  id: string,
  neutralUserIds: readonly string[],
  parties: readonly string[] = [CLAIMANT, RESPONDENT],
): Promise<void> {
  await nominate(api, id, neutralUserIds);
  for (const party of parties) await act(api, party, id, 'waive-challenge');
  await act(api, SECRETARIAT, id, 'appoint-neutrals');
}

export async function toInMediation(api: Api, mediator = MEDIATOR, overrides: Body = {}): Promise<string> {
  const id = await toAwaitingNeutral(api, 'mediation', overrides);
  await nominateAndAppoint(api, id, [mediator]);
  return id;
}

export async function scheduleSession(api: Api, id: string, mediator = MEDIATOR, headers: Headers = {}): Promise<ApiResponse> {
  return act(api, mediator, id, 'schedule-session', { startsAt: inDays(api, 10), location: 'Utrecht' }, headers);
}

/** An instant a moment from the app's now: a session or hearing that can be held in the same test. */
export const soon = (api: Pick<Api, 'now'>, ms = 300): string => new Date(api.now().getTime() + ms).toISOString();

/** Lets time pass until `instant` (rule 16: sessions and hearings are held only from their start). */
export async function reach(api: Api, instant: string): Promise<void> {
  if (api.reach) return api.reach(new Date(instant));
  const wait = Date.parse(instant) - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 5));
}

/** Schedules a session starting in a moment, waits for its start and records it as held. */
export async function holdSession(api: Api, id: string, mediator = MEDIATOR): Promise<string> {
  const startsAt = soon(api);
  const session = await act(api, mediator, id, 'schedule-session', { startsAt, location: 'Utrecht' });
  await reach(api, startsAt);
  await act(api, mediator, id, 'record-session', { sessionId: session.body.sessionId });
  return session.body.sessionId;
}

/** Schedules a hearing starting in a moment, waits for its start and records it as held. */
export async function holdHearing(api: Api, id: string, adviser = 'adv-hanna'): Promise<string> {
  const startsAt = soon(api);
  const hearing = await act(api, adviser, id, 'schedule-hearing', { startsAt, location: 'Den Haag' });
  await reach(api, startsAt);
  await act(api, adviser, id, 'record-hearing', { hearingId: hearing.body.hearingId });
  return hearing.body.hearingId;
}

export async function toMediationEnded(api: Api, result = 'no_agreement', overrides: Body = {}): Promise<string> {
  const id = await toInMediation(api, MEDIATOR, overrides);
  await holdSession(api, id);
  await act(api, MEDIATOR, id, 'conclude-mediation', { result });
  return id;
}

/** In proceedings with claim and defence submitted and a hearing held: the chair may decide (rule 14). */
export async function toReadyForDecision(api: Api): Promise<string> {
  const id = await toInProceedings(api);
  await act(api, CLAIMANT, id, 'submit-statement', { kind: 'statement_of_claim', text: 'Our claim.' });
  await act(api, RESPONDENT, id, 'submit-statement', { kind: 'statement_of_defence', text: 'Our defence.' });
  await holdHearing(api, id);
  return id;
}

/** Mediation without agreement, escalated to binding advice before a panel of three advisers. */
export async function toInProceedings(api: Api): Promise<string> {
  const id = await toMediationEnded(api, 'no_agreement');
  await act(api, CLAIMANT, id, 'request-escalation', { route: 'binding_advice' });
  await act(api, RESPONDENT, id, 'accept-escalation');
  await nominateAndAppoint(api, id, PANEL);
  return id;
}

export const countOf = (timeline: Body[], type: string): number => timeline.filter((e) => e.type === type).length;

/** Checks that the caller is offered every action in `may` and none in `mayNot`. */
export function expectActions(view: Body, may: string[], mayNot: string[] = []): void {
  const offered: string[] = view.allowedActions;
  expect(Array.isArray(offered)).toBe(true);
  for (const action of may) {
    if (!offered.includes(action))
      throw new Error(`expected ${action} among allowedActions ${JSON.stringify(offered)} (status ${view.status})`);
  }
  for (const action of mayNot) {
    if (offered.includes(action))
      throw new Error(`did not expect ${action} among allowedActions ${JSON.stringify(offered)} (status ${view.status})`);
  }
}

/** RFC 9457 problem document with the contract's members. */
export function expectProblem(res: ApiResponse, status: number): void {
  if (res.status !== status) throw new Error(`expected HTTP ${status}, got ${res.status}: ${res.text?.slice(0, 1000)}`);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(typeof res.body.type).toBe('string');
  expect(typeof res.body.title).toBe('string');
  expect(res.body.status).toBe(status);
  expect(typeof res.body.detail).toBe('string');
  expect(res.body.detail.length).toBeGreaterThan(0);
}

/** The fields a 400 names, with `a.0.b` and `a[0].b` treated alike. */
export const errorFields = (res: ApiResponse): string[] =>
  ((res.body.errors ?? []) as { field: string }[]).map((e) => String(e.field).replace(/\.(\d+)(?=\.|$)/g, '[$1]'));
