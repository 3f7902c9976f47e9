import { deadlineEndingAfterDays } from '../../libs/domain/src/time';
import { ManualClock } from '../../libs/runtime/src/clock';
import {
  CLAIMANT,
  DAY_MS,
  SECRETARIAT,
  act,
  deadlineOf,
  countOf,
  fileAndRegister,
  fileDispute,
  getCase,
  getTimeline,
  toAwaitingNeutral,
  toInProceedings,
  toMediationEnded,
  type Body,
} from './support/dispute-fixtures';
import { eventually, newDataDir, removeDataDir, startTestApp, type TestApp } from './support/test-app';

const T0 = '2025-03-03T09:00:00.000Z';

/** Rule 21: a deadline of n days ends at 23:59:59.999 Amsterdam time on the n-th day after `from`. */
const dueAfterDays = (from: number | string, days: number): number =>
  Date.parse(deadlineEndingAfterDays(new Date(from).toISOString(), days));

const missed = async (t: TestApp, id: string, kind?: string): Promise<Body[]> =>
  (await getTimeline(t, SECRETARIAT, id)).filter((e) => e.type === 'DeadlineMissed' && (!kind || e.data.kind === kind));

describe('deadlines', () => {
  describe('the respondent’s answer, missed once and only once, also across a restart', () => {
    const clock = new ManualClock(new Date(T0));
    const dataDir = newDataDir();
    let t: TestApp;
    let id: string;

    beforeAll(async () => {
      t = await startTestApp({ dataDir, clock });
    });
    afterAll(async () => {
      await t?.close();
      await removeDataDir(dataDir);
    });

    it('is due 14 days after registration and not missed before', async () => {
      id = (await fileAndRegister(t)).id;
      const deadline = await deadlineOf(t, id, 'respondent_answer');
      expect(Date.parse(deadline.dueAt)).toBe(dueAfterDays(T0, 14));
      // Monday 3 March 2025 + 14 days, to the end of that day in Amsterdam (UTC+1 in winter).
      expect(deadline.dueAt).toBe('2025-03-17T22:59:59.999Z');
      clock.set(new Date(Date.parse(T0) + 13 * DAY_MS));
      await t.scheduler().tick();
      expect(await missed(t, id)).toHaveLength(0);
    });

    it('past due, a tick records one DeadlineMissed; another tick none', async () => {
      clock.set(new Date(dueAfterDays(T0, 14) + 3_600_000));
      await t.scheduler().tick();
      const events = await missed(t, id, 'respondent_answer');
      expect(events).toHaveLength(1);
      expect(events[0].actor).toEqual(expect.objectContaining({ role: 'system' }));
      expect((await deadlineOf(t, id, 'respondent_answer')).status).toBe('missed');
      // Rule 8: silence is not consent; the only respondent's missed answer declines the case.
      expect((await getCase(t, CLAIMANT, id)).status).toBe('declined');
      expect(countOf(await getTimeline(t, SECRETARIAT, id), 'SubmissionDeclined')).toBe(1);

      await t.scheduler().tick();
      clock.advanceDays(2);
      await t.scheduler().tick();
      expect(await missed(t, id)).toHaveLength(1);
    });

    it('after a restart on the same data, a tick still records nothing new', async () => {
      await t.close();
      t = await startTestApp({ dataDir, clock });
      clock.advanceDays(1);
      await t.scheduler().tick();
      expect(await missed(t, id)).toHaveLength(1);
      expect((await getCase(t, CLAIMANT, id)).status).toBe('declined');
      expect(countOf(await getTimeline(t, SECRETARIAT, id), 'SubmissionDeclined')).toBe(1);
    });
  });

  describe('an urgent case', () => {
    const clock = new ManualClock(new Date(T0));
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp({ clock });
    });
    afterAll(async () => {
      await t?.close();
      if (t) await removeDataDir(t.dataDir);
    });

    it('halves the answer deadline to 7 days: not missed at 6 days, missed after 7', async () => {
      const { id } = await fileAndRegister(t, CLAIMANT, {
        urgent: true,
        urgencyReason: 'The insurer announced a client stop from next month.',
      });
      expect(Date.parse((await deadlineOf(t, id, 'respondent_answer')).dueAt)).toBe(dueAfterDays(T0, 7));
      clock.set(new Date(Date.parse(T0) + 6 * DAY_MS));
      await t.scheduler().tick();
      expect(await missed(t, id)).toHaveLength(0);
      clock.set(new Date(dueAfterDays(T0, 7) + 60_000));
      await t.scheduler().tick();
      expect(await missed(t, id, 'respondent_answer')).toHaveLength(1);
    });
  });

  describe('the escalation deadline', () => {
    const clock = new ManualClock(new Date(T0));
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp({ clock });
    });
    afterAll(async () => {
      await t?.close();
      if (t) await removeDataDir(t.dataDir);
    });

    it('missed after a mediation without agreement closes the case without resolution', async () => {
      const id = await toMediationEnded(t, 'no_agreement');
      const deadline = await deadlineOf(t, id, 'escalation');
      expect(Date.parse(deadline.dueAt)).toBe(dueAfterDays(clock.now().getTime(), 30));
      clock.advanceDays(31);
      await t.scheduler().tick();
      const view = await getCase(t, CLAIMANT, id);
      expect(view.status).toBe('closed_without_resolution');
      expect(view.closedAt).toEqual(expect.any(String));
      expect(view.allowedActions).not.toContain('request-escalation');
      const timeline = await getTimeline(t, SECRETARIAT, id);
      expect(countOf(timeline, 'DeadlineMissed')).toBe(1);
      expect(timeline.find((e) => e.type === 'DeadlineMissed')?.data.kind).toBe('escalation');
      await t.scheduler().tick();
      expect(countOf(await getTimeline(t, SECRETARIAT, id), 'DeadlineMissed')).toBe(1);
    });

    it('a request to escalate in time keeps the case open', async () => {
      const id = await toMediationEnded(t, 'partial_agreement');
      clock.advanceDays(10);
      await act(t, CLAIMANT, id, 'request-escalation', { route: 'arbitration' });
      // Past the escalation window but within the 14-day answer deadline (rule 8).
      clock.advanceDays(13);
      await t.scheduler().tick();
      expect((await getCase(t, CLAIMANT, id)).status).toBe('mediation_ended');
      expect(await missed(t, id, 'escalation')).toHaveLength(0);
    });
  });

  describe('extend-deadline', () => {
    const clock = new ManualClock(new Date(T0));
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp({ clock });
    });
    afterAll(async () => {
      await t?.close();
      if (t) await removeDataDir(t.dataDir);
    });

    it('by the secretariat moves the due date and prevents the miss until the new date', async () => {
      const { id } = await fileAndRegister(t);
      const deadline = await deadlineOf(t, id, 'respondent_answer');
      const dueDate = new Date(Date.parse(T0) + 30 * DAY_MS).toISOString();
      await act(t, SECRETARIAT, id, 'extend-deadline', {
        deadlineId: deadline.deadlineId,
        dueDate,
        reason: 'The insurer’s legal team is on holiday.',
      });
      expect(Date.parse((await deadlineOf(t, id, 'respondent_answer')).dueAt)).toBe(Date.parse(dueDate));

      clock.set(new Date(Date.parse(T0) + 15 * DAY_MS));
      await t.scheduler().tick();
      expect(await missed(t, id)).toHaveLength(0);
      expect((await deadlineOf(t, id, 'respondent_answer')).status).toBe('open');

      clock.set(new Date(Date.parse(T0) + 31 * DAY_MS));
      await t.scheduler().tick();
      expect(await missed(t, id, 'respondent_answer')).toHaveLength(1);
    });

    it('a party may not extend a deadline (403)', async () => {
      const { id } = await fileAndRegister(t);
      const deadline = await deadlineOf(t, id, 'respondent_answer');
      const res = await t.as('ins-carla').post(`/api/disputes/${id}/extend-deadline`, {
        deadlineId: deadline.deadlineId,
        dueDate: new Date(clock.now().getTime() + 60 * DAY_MS).toISOString(),
        reason: 'More time please',
      });
      expect(res.status).toBe(403);
    });
  });

  describe('other deadlines', () => {
    const clock = new ManualClock(new Date(T0));
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp({ clock });
    });
    afterAll(async () => {
      await t?.close();
      if (t) await removeDataDir(t.dataDir);
    });

    it('the challenge period closes after 7 days: no challenge offered or accepted, appointment goes ahead', async () => {
      const id = await toAwaitingNeutral(t);
      const nominatedAt = clock.now().getTime();
      await act(t, SECRETARIAT, id, 'nominate-neutrals', { neutralUserIds: ['med-femke'] });
      expect(Date.parse((await deadlineOf(t, id, 'challenge')).dueAt)).toBe(dueAfterDays(nominatedAt, 7));
      clock.set(new Date(dueAfterDays(nominatedAt, 7) + 60_000));
      expect((await getCase(t, CLAIMANT, id)).allowedActions).not.toContain('challenge-neutral');
      const res = await t.as(CLAIMANT).post(`/api/disputes/${id}/challenge-neutral`, { neutralUserId: 'med-femke', grounds: 'Late.' });
      expect(res.status).toBe(409);
      await t.scheduler().tick();
      await t.scheduler().tick();
      // A challenge period is a right, not an obligation: when it passes unused nobody missed
      // anything, so no DeadlineMissed (it would also inflate the missed-deadline statistics).
      // It closes as lapsed (rule 13), once.
      expect(await missed(t, id, 'challenge')).toHaveLength(0);
      expect((await deadlineOf(t, id, 'challenge')).status).toBe('lapsed');
      expect(countOf(await getTimeline(t, SECRETARIAT, id), 'ChallengePeriodEnded')).toBe(1);
      await act(t, SECRETARIAT, id, 'appoint-neutrals');
      expect((await getCase(t, CLAIMANT, id)).status).toBe('in_mediation');
    });

    it('request-information with a dueDate uses it; answering in time meets the deadline', async () => {
      const id = await fileDispute(t);
      const dueDate = new Date(clock.now().getTime() + 3 * DAY_MS).toISOString();
      await act(t, SECRETARIAT, id, 'request-information', { questions: 'Which tariff?', dueDate });
      expect(Date.parse((await deadlineOf(t, id, 'information')).dueAt)).toBe(Date.parse(dueDate));
      clock.advanceDays(2);
      await act(t, CLAIMANT, id, 'provide-information', { answers: 'The 2025 tariff.' });
      clock.advanceDays(5);
      await t.scheduler().tick();
      expect(await missed(t, id)).toHaveLength(0);
      expect((await deadlineOf(t, id, 'information')).status).toBe('met');
    });

    it('a missed information deadline is recorded once and the case stays awaiting information', async () => {
      const id = await fileDispute(t);
      await act(t, SECRETARIAT, id, 'request-information', { questions: 'Which tariff?' });
      expect(Date.parse((await deadlineOf(t, id, 'information')).dueAt)).toBe(dueAfterDays(clock.now().getTime(), 14));
      clock.advanceDays(15);
      await Promise.all([t.scheduler().tick(), t.scheduler().tick()]);
      await t.scheduler().tick();
      expect(await missed(t, id, 'information')).toHaveLength(1);
      expect((await getCase(t, CLAIMANT, id)).status).toBe('awaiting_information');
    });

    it('the statement of defence is due 28 days after the statement of claim', async () => {
      const id = await toInProceedings(t);
      await act(t, CLAIMANT, id, 'submit-statement', { kind: 'statement_of_claim', text: 'Claim.' });
      expect(Date.parse((await deadlineOf(t, id, 'statement_of_defence')).dueAt)).toBe(dueAfterDays(clock.now().getTime(), 28));
      clock.advanceDays(29);
      await t.scheduler().tick();
      expect(await missed(t, id, 'statement_of_defence')).toHaveLength(1);
      expect((await getCase(t, CLAIMANT, id)).status).toBe('in_proceedings');
    });
  });

  describe('two app instances on one DATA_DIR ticking at once', () => {
    const clock = new ManualClock(new Date(T0));
    const dataDir = newDataDir();
    let a: TestApp;
    let b: TestApp;

    beforeAll(async () => {
      a = await startTestApp({ dataDir, clock });
      b = await startTestApp({ dataDir, clock });
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await removeDataDir(dataDir);
    });

    it('record exactly one DeadlineMissed per deadline', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) ids.push((await fileAndRegister(i % 2 === 0 ? a : b)).id);
      // Both instances must know every deadline before they race.
      for (const app of [a, b]) {
        await eventually(async () => {
          for (const id of ids) await deadlineOf(app, id, 'respondent_answer');
        });
      }
      clock.advanceDays(15);
      await Promise.all([a.scheduler().tick(), b.scheduler().tick(), a.scheduler().tick(), b.scheduler().tick()]);
      await Promise.all([a.scheduler().tick(), b.scheduler().tick()]);
      for (const app of [a, b]) {
        await eventually(async () => {
          for (const id of ids) {
            const events = await missed(app, id);
            expect(events.map((e) => e.data.deadlineId)).toEqual([expect.any(String)]);
          }
        });
      }
      // And it stays that way once both instances have settled.
      await new Promise((r) => setTimeout(r, 300));
      for (const id of ids) expect(await missed(a, id)).toHaveLength(1);
    });
  });
});
