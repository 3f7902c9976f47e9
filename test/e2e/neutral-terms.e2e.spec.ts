import { randomUUID } from 'node:crypto';
import { amsterdamDay } from '../../libs/domain/src/time';
import { ManualClock } from '../../libs/runtime/src/clock';
import {
  act,
  actionPath,
  CLAIMANT,
  DAY_MS,
  disputePath,
  expectProblem,
  fileDispute,
  getCase,
  getTimeline,
  MEDIATOR,
  nominate,
  PANEL,
  register,
  RESPONDENT,
  scheduleSession,
  SECRETARIAT,
  toAwaitingNeutral,
  toInMediation,
  toMediationEnded,
  type Body,
} from './support/dispute-fixtures';
import { documentsPath, download, upload } from './support/documents';
import { removeDataDir, startTestApp, type ApiResponse, type TestApp } from './support/test-app';

// Procedural rules 1–5 and 10–13 over HTTP, with the examples of issue 9 that must be impossible:
// a party's note for the mediator read by the adviser after escalation; a neutral removed after
// an upheld challenge still reading the case; an appointment 15 ms after the nomination.

const file = (name: string) => ({ filename: name, contentType: 'text/plain', content: Buffer.from(`${name} ${randomUUID()}\n`) });

/** The answer with the ids and the request id taken out: what must not differ from an unknown case. */
function shape(res: ApiResponse, id: string): unknown {
  const parsed = JSON.parse(JSON.stringify({ status: res.status, body: res.body }).split(id).join('<id>')) as { body: Body };
  delete parsed.body.requestId;
  return parsed;
}

async function listed(t: TestApp, userId: string, id: string): Promise<boolean> {
  const res = await t.as(userId).get('/api/disputes?limit=100');
  expect(res.status).toBe(200);
  return (res.body.items as Body[]).some((c) => c.id === id);
}

async function expectGone(t: TestApp, userId: string, id: string): Promise<void> {
  const unknown = randomUUID();
  for (const suffix of ['', '/timeline', '/documents']) {
    const res = await t.as(userId).get(`${disputePath(id)}${suffix}`);
    const other = await t.as(userId).get(`${disputePath(unknown)}${suffix}`);
    expect({ userId, suffix, status: res.status }).toEqual({ userId, suffix, status: 404 });
    expect(shape(res, id)).toEqual(shape(other, unknown));
  }
  expect(await listed(t, userId, id)).toBe(false);
}

describe('neutrals’ terms and visibility (rules 1–5, 10–13)', () => {
  let t: TestApp;
  let clock: ManualClock;

  beforeAll(async () => {
    clock = new ManualClock(new Date());
    t = await startTestApp({ clock });
  });
  afterAll(async () => {
    await t?.close();
    if (t) await removeDataDir(t.dataDir);
  });
  beforeEach(() => clock.set(new Date(clock.now().getTime() + 60_000)));

  it('rule 1: the respondent learns of the case at registration; before it, the case does not exist for them', async () => {
    const id = await fileDispute(t);
    await expectGone(t, RESPONDENT, id);
    expectProblem(await t.as(RESPONDENT).post(actionPath(id, 'accept-submission'), { route: 'mediation' }), 404);
    await register(t, id);
    expect((await getCase(t, RESPONDENT, id)).status).toBe('awaiting_respondent');
    expect(await listed(t, RESPONDENT, id)).toBe(true);
    expect((await getTimeline(t, RESPONDENT, id)).map((e) => e.type)).toEqual(['DisputeFiled', 'DisputeRegistered', 'RespondentInvited']);
  });

  it('rule 2: a nominee sees case number, parties, phase, sector, subjects, route and summary; no documents, timeline or deadlines', async () => {
    const id = await toAwaitingNeutral(t);
    const shared = (await upload(t, CLAIMANT, id, file('offer.txt'), { visibility: 'parties' })).body.documentId as string;
    await nominate(t, id, [MEDIATOR]);
    const view = await getCase(t, MEDIATOR, id);
    expect(Object.keys(view).sort()).toEqual(
      [
        'access',
        'allowedActions',
        'caseNumber',
        'claimants',
        'filedOnBehalfBy',
        'id',
        'phase',
        'respondents',
        'route',
        'sector',
        'status',
        'subjects',
        'summary',
      ].sort(),
    );
    expect(view).toMatchObject({
      access: 'conflict_check',
      route: 'mediation',
      allowedActions: [],
      caseNumber: expect.stringMatching(/^GZC-/),
    });
    expect(view.claimants.map((c: Body) => c.id)).toEqual(['org-fysio-delinde']);
    const past = await getCase(t, MEDIATOR, id, `?asOf=${encodeURIComponent(clock.now().toISOString())}`);
    expect(past.access).toBe('conflict_check');
    expect(await getTimeline(t, MEDIATOR, id)).toEqual([]);
    expect((await t.as(MEDIATOR).get(documentsPath(id))).body.items).toEqual([]);
    expect((await download(t, MEDIATOR, id, shared)).status).toBe(404);
    expect(await listed(t, MEDIATOR, id)).toBe(true);
    expectProblem(await upload(t, MEDIATOR, id, file('mine.txt'), { visibility: 'parties' }), 403);
  });

  it('rule 3: a nominee whose nomination lapsed after an upheld challenge no longer sees the case', async () => {
    const id = await toAwaitingNeutral(t);
    await nominate(t, id, [MEDIATOR]);
    await act(t, RESPONDENT, id, 'challenge-neutral', { neutralUserId: MEDIATOR, grounds: 'She worked for the provider.' });
    await act(t, SECRETARIAT, id, 'decide-challenge', { neutralUserId: MEDIATOR, upheld: true });
    await expectGone(t, MEDIATOR, id);
    const neutral = (await getCase(t, SECRETARIAT, id)).neutrals.find((n: Body) => n.userId === MEDIATOR);
    expect(neutral).toMatchObject({ status: 'ended', endReason: 'challenge_upheld' });
  });

  it('rule 3: a mediator keeps the record of their own term, read-only, and nothing after it', async () => {
    const id = await toMediationEnded(t, 'no_agreement');
    const endedAt = (await getCase(t, SECRETARIAT, id)).neutrals.find((n: Body) => n.userId === MEDIATOR).endedAt as string;
    await act(t, CLAIMANT, id, 'request-escalation', { route: 'binding_advice' });
    await act(t, RESPONDENT, id, 'accept-escalation');
    const after = (await upload(t, CLAIMANT, id, file('after.txt'), { visibility: 'parties' })).body.documentId as string;

    const record = await getCase(t, MEDIATOR, id);
    expect(record).toMatchObject({
      access: 'term_record',
      termEndedAt: endedAt,
      status: 'mediation_ended',
      route: 'mediation',
      allowedActions: [],
    });
    expect(record.documents.map((d: Body) => d.documentId)).not.toContain(after);
    expect((await download(t, MEDIATOR, id, after)).status).toBe(404);
    const types = (await getTimeline(t, MEDIATOR, id)).map((e) => e.type);
    expect(types).toContain('MediationConcluded');
    expect(types).not.toContain('EscalationRequested');
    expect(types).not.toContain('DocumentSubmitted');
    expect(await listed(t, MEDIATOR, id)).toBe(false);
    expectProblem(
      await t
        .as(MEDIATOR)
        .post(actionPath(id, 'schedule-session'), { startsAt: new Date(clock.now().getTime() + 5 * DAY_MS).toISOString() }),
      403,
    );
  });

  it('rule 4: a party’s note for the mediator’s eyes only is never readable by the adviser after escalation, nor by the other party', async () => {
    const id = await toInMediation(t);
    const note = (await upload(t, CLAIMANT, id, file('for-the-mediator.txt'), { visibility: 'neutral_only' })).body.documentId as string;
    const session = await scheduleSession(t, id);
    clock.set(new Date(clock.now().getTime() + 11 * DAY_MS));
    await act(t, MEDIATOR, id, 'record-session', { sessionId: session.body.sessionId, notes: 'The insurer could live with 3%.' });
    await act(t, MEDIATOR, id, 'conclude-mediation', { result: 'no_agreement' });
    await act(t, CLAIMANT, id, 'request-escalation', { route: 'binding_advice' });
    await act(t, RESPONDENT, id, 'accept-escalation');
    await nominate(t, id, PANEL);
    await act(t, CLAIMANT, id, 'waive-challenge');
    await act(t, RESPONDENT, id, 'waive-challenge');
    await act(t, SECRETARIAT, id, 'appoint-neutrals');
    const forPanel = (await upload(t, CLAIMANT, id, file('for-the-panel.txt'), { visibility: 'neutral_only' })).body.documentId as string;

    for (const adviser of PANEL) {
      expect({ adviser, status: (await download(t, adviser, id, note)).status }).toEqual({ adviser, status: 404 });
      expect((await download(t, adviser, id, forPanel)).status).toBe(200);
      const text = JSON.stringify(await getTimeline(t, adviser, id)) + JSON.stringify(await getCase(t, adviser, id));
      expect(text).not.toContain(note);
      expect(text).not.toContain('3%');
    }
    expect((await download(t, RESPONDENT, id, note)).status).toBe(404);
    expect((await download(t, RESPONDENT, id, forPanel)).status).toBe(404);
    expect((await download(t, MEDIATOR, id, note)).status).toBe(200);
    expect((await download(t, MEDIATOR, id, forPanel)).status).toBe(404);
    expect((await download(t, CLAIMANT, id, note)).status).toBe(200);
  });

  it('rule 5: timeline entries carry type, at, actor and data: no version or other numbering', async () => {
    const id = await toInMediation(t);
    await upload(t, CLAIMANT, id, file('hidden.txt'), { visibility: 'neutral_only' });
    for (const reader of [CLAIMANT, RESPONDENT, MEDIATOR, SECRETARIAT]) {
      for (const entry of await getTimeline(t, reader, id)) {
        expect({ reader, keys: Object.keys(entry).sort() }).toEqual({ reader, keys: ['actor', 'at', 'data', 'type'] });
      }
    }
    const view = await getCase(t, CLAIMANT, id);
    expect(JSON.stringify(view)).not.toMatch(/recordedAtVersion|endedAtVersion/);
    expect(typeof view.version).toBe('number');
  });

  it('rule 10: a panel of three needs a chair named by the secretariat, one of the panel', async () => {
    const id = await toAwaitingNeutral(t, 'binding_advice');
    const missing = await t.as(SECRETARIAT).post(actionPath(id, 'nominate-neutrals'), { neutralUserIds: [...PANEL] });
    expectProblem(missing, 400);
    expect(missing.body.errors.map((e: Body) => e.field)).toContain('chairUserId');
    expectProblem(
      await t.as(SECRETARIAT).post(actionPath(id, 'nominate-neutrals'), { neutralUserIds: [...PANEL], chairUserId: MEDIATOR }),
      400,
    );
    await act(t, SECRETARIAT, id, 'nominate-neutrals', { neutralUserIds: [...PANEL], chairUserId: 'adv-julia' });
    const chairs = (await getCase(t, SECRETARIAT, id)).neutrals.filter((n: Body) => n.chair).map((n: Body) => n.userId);
    expect(chairs).toEqual(['adv-julia']);
  });

  it('rule 11: the secretariat cannot appoint 15 ms after nominating; after every party waived it can', async () => {
    const id = await toAwaitingNeutral(t);
    await nominate(t, id, [MEDIATOR]);
    clock.set(new Date(clock.now().getTime() + 15));
    const early = await t.as(SECRETARIAT).post(actionPath(id, 'appoint-neutrals'), {});
    expectProblem(early, 409);
    expect(early.body.code).toBe('challenge_period_open');
    expect((await getCase(t, SECRETARIAT, id)).allowedActions).not.toContain('appoint-neutrals');
    await act(t, CLAIMANT, id, 'waive-challenge');
    expectProblem(await t.as(SECRETARIAT).post(actionPath(id, 'appoint-neutrals'), {}), 409);
    expectProblem(await t.as(CLAIMANT).post(actionPath(id, 'waive-challenge'), {}), 409);
    await act(t, RESPONDENT, id, 'waive-challenge');
    expect((await act(t, SECRETARIAT, id, 'appoint-neutrals')).body.status).toBe('in_mediation');
  });

  it('rule 11: a pending challenge blocks the appointment, also after the period', async () => {
    const id = await toAwaitingNeutral(t);
    await nominate(t, id, [MEDIATOR]);
    await act(t, RESPONDENT, id, 'challenge-neutral', { neutralUserId: MEDIATOR, grounds: 'Too close to providers.' });
    clock.set(new Date(clock.now().getTime() + 8 * DAY_MS));
    expectProblem(await t.as(SECRETARIAT).post(actionPath(id, 'appoint-neutrals'), {}), 409);
    await act(t, SECRETARIAT, id, 'decide-challenge', { neutralUserId: MEDIATOR, upheld: false });
    expect((await act(t, SECRETARIAT, id, 'appoint-neutrals')).body.status).toBe('in_mediation');
  });

  it('rule 12: after appointment, a challenge on new facts; upheld, the neutral is removed and stops reading the case and its new documents', async () => {
    const id = await toInMediation(t);
    const before = (await upload(t, RESPONDENT, id, file('before.txt'), { visibility: 'parties' })).body.documentId as string;
    const stale = await t.as(RESPONDENT).post(actionPath(id, 'challenge-neutral'), { neutralUserId: MEDIATOR, grounds: 'Old news.' });
    expectProblem(stale, 400);
    // Calendar days as the party gives them: in Amsterdam (between 23:00 and 00:00 UTC the UTC date is a day behind).
    const today = amsterdamDay(clock.now().toISOString())!;
    const tooLate = amsterdamDay(new Date(clock.now().getTime() - 10 * DAY_MS).toISOString())!;
    expectProblem(
      await t
        .as(RESPONDENT)
        .post(actionPath(id, 'challenge-neutral'), { neutralUserId: MEDIATOR, grounds: 'x', newFacts: true, factsKnownSince: tooLate }),
      400,
    );
    await act(t, RESPONDENT, id, 'challenge-neutral', {
      neutralUserId: MEDIATOR,
      grounds: 'Her firm now advises the provider.',
      newFacts: true,
      factsKnownSince: today,
    });
    await act(t, SECRETARIAT, id, 'decide-challenge', { neutralUserId: MEDIATOR, upheld: true, reasoning: 'A conflict of interest.' });

    const now = await getCase(t, SECRETARIAT, id);
    expect(now.status).toBe('awaiting_neutral');
    expect(now.neutrals.find((n: Body) => n.userId === MEDIATOR)).toMatchObject({ status: 'ended', endReason: 'challenge_upheld' });
    const types = (await getTimeline(t, SECRETARIAT, id)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['NeutralsAppointed', 'NeutralChallenged', 'ChallengeUpheld', 'NeutralTermEnded']));

    const after = (await upload(t, CLAIMANT, id, file('after.txt'), { visibility: 'parties' })).body.documentId as string;
    const record = await getCase(t, MEDIATOR, id);
    expect(record).toMatchObject({ access: 'term_record', allowedActions: [] });
    expect((await download(t, MEDIATOR, id, before)).status).toBe(200);
    expect((await download(t, MEDIATOR, id, after)).status).toBe(404);
    expect(JSON.stringify(await getTimeline(t, MEDIATOR, id))).not.toContain(after);
    expect(await listed(t, MEDIATOR, id)).toBe(false);
    expectProblem(await upload(t, MEDIATOR, id, file('still-here.txt'), { visibility: 'parties' }), 403);

    // a replacement, after its own challenge period
    await nominate(t, id, ['med-gerrit']);
    clock.set(new Date(clock.now().getTime() + 8 * DAY_MS));
    expect((await act(t, SECRETARIAT, id, 'appoint-neutrals')).body.status).toBe('in_mediation');
    expect((await download(t, 'med-gerrit', id, after)).status).toBe(200);
  });

  it('rule 13: a challenge period that passes unused closes as lapsed, not missed', async () => {
    const id = await toAwaitingNeutral(t);
    await nominate(t, id, [MEDIATOR]);
    clock.set(new Date(clock.now().getTime() + 8 * DAY_MS));
    await t.scheduler().tick();
    const view = await getCase(t, SECRETARIAT, id);
    expect(view.deadlines.find((d: Body) => d.kind === 'challenge')).toMatchObject({ status: 'lapsed' });
    const timeline = await getTimeline(t, SECRETARIAT, id);
    expect(timeline.filter((e) => e.type === 'ChallengePeriodEnded').map((e) => e.data.used)).toEqual([false]);
    expect(timeline.some((e) => e.type === 'DeadlineMissed')).toBe(false);
    await t.scheduler().tick();
    expect((await getTimeline(t, SECRETARIAT, id)).filter((e) => e.type === 'ChallengePeriodEnded')).toHaveLength(1);
    expect((await act(t, SECRETARIAT, id, 'appoint-neutrals')).body.status).toBe('in_mediation');
  });
});
