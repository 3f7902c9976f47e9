// Event versions end to end: a DecisionRendered stored in its version-1 shape (as code before the
// v2 change wrote it) still loads, folds, accepts further commands and projects — exactly like the
// same decision written today in version 2.
import { randomUUID } from 'node:crypto';
import { EVENT_STORE } from '../../libs/runtime/src/tokens';
import { disputeStreamId } from '../../libs/domain/src';
import type { EventStore } from '../../libs/event-store/src/port';
import {
  act,
  CLAIMANT,
  getCase,
  getTimeline,
  RESPONDENT,
  SECRETARIAT,
  toInProceedings,
  toReadyForDecision,
  type Body,
} from './support/dispute-fixtures';
import { eventually, removeDataDir, startTestApp, type TestApp } from './support/test-app';

describe('events stored in an older schema version', () => {
  let t: TestApp;
  let store: EventStore;

  beforeAll(async () => {
    t = await startTestApp();
    store = t.app.get<EventStore>(EVENT_STORE);
  });
  afterAll(async () => {
    await t?.close();
    if (t) removeDataDir(t.dataDir);
  });

  /** What must not depend on how the decision was stored. */
  const comparable = (view: Body): Body => ({
    status: view.status,
    outcome: view.outcome,
    allowedActions: view.allowedActions,
    version: view.version,
  });

  it('a v1 DecisionRendered loads, folds, takes further commands and projects like a v2 one', async () => {
    const current = await toReadyForDecision(t);
    await act(t, 'adv-hanna', current, 'render-decision', {
      outcome: 'claim_partially_granted',
      claimantCostSharePct: 50,
      summary: 'Half the raise.',
    });

    // The same case history, but the decision appended raw in the v1 shape, as the old code did.
    const old = await toReadyForDecision(t);
    const before = await store.readStream(disputeStreamId(old));
    await store.appendToStream(
      disputeStreamId(old),
      [
        {
          id: randomUUID(),
          type: 'DecisionRendered',
          data: {
            outcome: 'claim_partially_granted',
            claimantCostSharePct: 50,
            summary: 'Half the raise.',
            occurredAt: t.now().toISOString(),
          },
          metadata: { schemaVersion: 1, actor: { userId: 'adv-hanna', role: 'adviser' }, correlationId: randomUUID() },
        },
      ],
      before.length - 1,
    );

    // Projected: case summary and list.
    const oldView = await eventually(async () => {
      const view = await getCase(t, CLAIMANT, old);
      expect(view.status).toBe('decided');
      return view;
    });
    const currentView = await getCase(t, CLAIMANT, current);
    expect(oldView.outcome.decision).toEqual({ outcome: 'claim_partially_granted', claimantCostSharePct: 50, summary: 'Half the raise.' });
    expect(comparable(oldView)).toEqual(comparable(currentView));
    for (const user of [SECRETARIAT, RESPONDENT, 'adv-hanna']) {
      expect((await getCase(t, user, old)).allowedActions).toEqual((await getCase(t, user, current)).allowedActions);
    }
    const list = await t.as(CLAIMANT).get('/api/disputes?status=decided');
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: Body) => i.id)).toEqual(expect.arrayContaining([old, current]));

    // The temporal query folds the raw events itself.
    const asOf = await t.as(CLAIMANT).get(`/api/disputes/${old}?asOf=${encodeURIComponent(t.now().toISOString())}`);
    expect(asOf.status).toBe(200);
    expect(asOf.body.outcome).toEqual(oldView.outcome);

    // The timeline shows the decision in today's shape, whatever shape it was stored in.
    const decisionOf = async (id: string) => (await getTimeline(t, CLAIMANT, id)).find((e) => e.type === 'DecisionRendered');
    const oldDecision = await decisionOf(old);
    expect(oldDecision?.data).toMatchObject({ costAllocation: { claimantPct: 50, respondentPct: 50 } });
    expect(oldDecision?.data).not.toHaveProperty('claimantCostSharePct');
    expect(Object.keys(oldDecision?.data ?? {}).sort()).toEqual(Object.keys((await decisionOf(current))?.data ?? {}).sort());

    // The write side folds the v1 event too: a command on the case still runs.
    const invoiced = await act(t, SECRETARIAT, old, 'invoice-fee', {
      organisationId: 'org-fysio-delinde',
      kind: 'neutral_fee',
      amountCents: 12_500,
    });
    expect(invoiced.status).toBe(200);
    expect(invoiced.body).toMatchObject({ status: 'decided', version: before.length + 2 });
  }, 60_000);

  it('an event from a future schema version fails loudly instead of being misread', async () => {
    const id = await toInProceedings(t);
    const before = await store.readStream(disputeStreamId(id));
    await store.appendToStream(
      disputeStreamId(id),
      [
        {
          type: 'DecisionRendered',
          data: { outcome: 'claim_rejected', summary: 'x', occurredAt: t.now().toISOString() },
          metadata: { schemaVersion: 99 },
        },
      ],
      before.length - 1,
    );
    // The write side refuses to fold it: the command fails, nothing is appended.
    const res = await t
      .as(SECRETARIAT)
      .post(`/api/disputes/${id}/invoice-fee`, { organisationId: 'org-fysio-delinde', kind: 'neutral_fee', amountCents: 100 });
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect(await store.readStream(disputeStreamId(id))).toHaveLength(before.length + 1);
  }, 60_000);
});
