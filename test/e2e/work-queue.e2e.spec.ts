import { ManualClock } from '../../libs/runtime/src/clock';
import {
  act,
  CLAIMANT,
  DAY_MS,
  fileAndRegister,
  fileDispute,
  getCase,
  invoiceAdministrationFee,
  nominate,
  RESPONDENT,
  SECRETARIAT,
  toAwaitingNeutral,
  toInProceedings,
  type Body,
} from './support/dispute-fixtures';
import { removeDataDir, startTestApp, type TestApp } from './support/test-app';

// Issue 12: GET /api/caseload?compact=true&rows=N counts and cuts the work queue in SQL. Its answer
// must be what the long form gives, cut to N: over a history with more than N entries in every
// list, each neutral's figures and every list (count, members, order) are compared.

const latest = (dues: string[]): number => Math.max(...dues.map((d) => Date.parse(d)));

describe('the work queue with rows=N is the long answer cut to N', () => {
  const clock = new ManualClock(new Date());
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock });
    const twice = async (make: () => Promise<string>): Promise<string[]> => [await make(), await make()];
    const dueOf = async (id: string, kind: string): Promise<string> =>
      (await getCase(t, SECRETARIAT, id)).deadlines.find((d: Body) => d.kind === kind && d.status === 'open').dueAt;

    // Fees unpaid past their term (recorded as missed); these cases then wait for a neutral.
    const fees = await twice(async () => {
      const { id } = await fileAndRegister(t);
      await invoiceAdministrationFee(t, id);
      await act(t, RESPONDENT, id, 'accept-submission', { route: 'mediation' });
      return id;
    });
    clock.set(new Date(Date.parse(await dueOf(fees[1], 'fee_payment')) + 60_000));
    await t.scheduler().tick();
    // Stalled: the information request recorded as missed, the grace period open.
    const stalled = await twice(async () => {
      const id = await fileDispute(t);
      await act(t, SECRETARIAT, id, 'request-information', { questions: 'Stuur het contract.' });
      return id;
    });
    clock.set(new Date(Date.parse(await dueOf(stalled[1], 'information')) + 60_000));
    await t.scheduler().tick();

    // A panel with deadlines on its desk (overdue at the end), nominations, challenges, cases awaiting a neutral.
    const inProceedings = async () => {
      const id = await toInProceedings(t);
      await act(t, CLAIMANT, id, 'submit-statement', { kind: 'statement_of_claim', text: 'Onze eis.' });
      return id;
    };
    const panel = await inProceedings();
    await twice(async () => {
      const id = await toAwaitingNeutral(t, 'mediation');
      await nominate(t, id, ['med-gerrit']);
      return id;
    });
    await twice(async () => {
      const id = await toAwaitingNeutral(t, 'mediation');
      await nominate(t, id, ['med-gerrit']);
      await act(t, CLAIMANT, id, 'challenge-neutral', { neutralUserId: 'med-gerrit', grounds: 'Werkte eerder voor de verzekeraar.' });
      return id;
    });
    await twice(() => toAwaitingNeutral(t, 'mediation'));
    await twice(() => fileDispute(t));
    // Past due but not yet recorded (the scheduler does not tick again): information and answers overdue.
    const asked = await twice(async () => {
      const id = await fileDispute(t);
      await act(t, SECRETARIAT, id, 'request-information', { questions: 'Stuur de offerte.' });
      return id;
    });
    const answering = await twice(async () => (await fileAndRegister(t)).id);
    const dues = [...(await Promise.all(asked.map((id) => dueOf(id, 'information'))))];
    dues.push(...(await Promise.all(answering.map((id) => dueOf(id, 'respondent_answer')))));
    dues.push(await dueOf(panel, 'statement_of_defence'));
    clock.set(new Date(latest(dues) + DAY_MS));
    // The panel's defence deadline still to come on a second case: its next case.
    await inProceedings();
  });
  afterAll(async () => {
    await t?.close();
    if (t) removeDataDir(t.dataDir);
  });

  const get = async (query: string): Promise<Body> => {
    const res = await t.as(SECRETARIAT).get(`/api/caseload${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const cut = <T>(all: T[], rows: number) => ({ count: all.length, oldest: all.slice(0, rows) });

  it.each([1, 2, 1000])('rows=%i', async (rows) => {
    const full = await get('');
    const compact = await get('?compact=true');
    const short = await get(`?compact=true&rows=${rows}`);
    expect(short.asOf).toBe(full.asOf);
    // The same text, so also the same order of fields.
    expect(JSON.stringify(short.neutrals)).toBe(JSON.stringify(compact.neutrals));
    expect(JSON.stringify(short.byStatus)).toBe(JSON.stringify(full.byStatus));

    const deadlines = full.deadlines as Body[];
    const overdue = (kind: string) => deadlines.filter((d) => d.kind === kind && d.overdue);
    const steps = full.neutralSteps as Body[];
    const waiting = (s: Body) => s.status === 'awaiting_neutral' && s.pendingChallenges.length === 0;
    const expected = {
      toRegister: { count: full.toRegister.count, oldest: (full.toRegister.oldest as Body[]).slice(0, rows) },
      informationOverdue: cut(overdue('information'), rows),
      respondentOverdue: cut(overdue('respondent_answer'), rows),
      challenges: cut(
        steps.filter((s) => s.pendingChallenges.length > 0),
        rows,
      ),
      toNominate: cut(
        steps.filter((s) => waiting(s) && s.nominees.length === 0),
        rows,
      ),
      toAppoint: cut(
        steps.filter((s) => waiting(s) && s.nominees.length > 0),
        rows,
      ),
      stalled: cut(full.stalled as Body[], rows),
      feesOverdue: cut(full.feesOverdue as Body[], rows),
    };
    expect(JSON.stringify(short.queue)).toBe(JSON.stringify(expected));
    // The history is what the comparison needs: more than one entry in every list, and neutrals
    // with a next case and with deadlines overdue.
    for (const [name, list] of Object.entries(expected)) expect([name, list.count > 1]).toEqual([name, true]);
    expect((short.neutrals as Body[]).some((n) => n.nextCase !== null)).toBe(true);
    expect((short.neutrals as Body[]).some((n) => n.overdueDeadlines > 0)).toBe(true);
    expect((short.neutrals as Body[]).some((n) => n.openCases > 0 && n.nextCase === null)).toBe(true);
  });
});
