import { randomUUID } from 'node:crypto';
import { disputeStreamId } from '../../libs/domain/src';
import type { EventStore } from '../../libs/event-store/src/port';
import { ManualClock } from '../../libs/runtime/src/clock';
import { EVENT_STORE } from '../../libs/runtime/src/tokens';
import {
  CLAIMANT,
  DAY_MS,
  MEDIATOR,
  RESPONDENT,
  SECRETARIAT,
  act,
  actionPath,
  errorFields,
  expectActions,
  expectProblem,
  fileAndRegister,
  fileDispute,
  filingBody,
  getCase,
  invoiceAdministrationFee,
  getTimeline,
  holdHearing,
  reach,
  toInMediation,
  toInProceedings,
  toReadyForDecision,
  type Body,
} from './support/dispute-fixtures';
import { uploadDocument } from './support/documents';
import { eventually, removeDataDir, startTestApp, type TestApp } from './support/test-app';

// Rules 9 and 14–20 over HTTP, and an old stream (stored before rule 6) that still works.

describe('due process over HTTP', () => {
  const clock = new ManualClock(new Date());
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(async () => {
    await t?.close();
    if (t) removeDataDir(t.dataDir);
  });

  describe('rule 9: a collective dispute belongs to the association', () => {
    let id: string;
    it('the association files; it is invoiced the administration fee', async () => {
      id = await fileDispute(t, 'assoc-eva', { claimantOrganisationIds: ['org-fysio-delinde', 'org-ggz-praktijk-oost'] });
      await act(t, SECRETARIAT, id, 'register');
      const view = await getCase(t, SECRETARIAT, id);
      expect(view.administrationFee.shares[0].organisationId).toBe('org-branche-eerstelijn');
    });
    it('members see the case and its parties documents', async () => {
      const doc = await uploadDocument(t, 'assoc-eva', id, 'parties', 'ledenbrief.pdf');
      for (const member of ['prov-anna', 'prov-chantal']) {
        const view = await getCase(t, member, id);
        expect(view.documents.map((d: Body) => d.documentId)).toContain(doc);
      }
    });
    it('a member may not withdraw the whole case; it withdraws its own participation', async () => {
      expectProblem(await t.as('prov-anna').post(actionPath(id, 'withdraw'), {}), 403);
      expectActions(await getCase(t, 'prov-anna', id), ['withdraw-participation'], ['withdraw']);
      const res = await act(t, 'prov-anna', id, 'withdraw-participation', { reason: 'Wij hebben zelf een akkoord.' });
      expect(res.body.status).toBe('awaiting_respondent');
      const view = await getCase(t, 'prov-chantal', id);
      expect(view.claimants.map((c: Body) => c.id)).toEqual(['org-ggz-praktijk-oost']);
    });
    it('when the last member leaves, the case is withdrawn', async () => {
      const res = await act(t, 'prov-chantal', id, 'withdraw-participation');
      expect(res.body.status).toBe('withdrawn');
    });
    it('the association withdraws the whole case', async () => {
      const other = await fileDispute(t, 'assoc-eva', { claimantOrganisationIds: ['org-fysio-delinde', 'org-ggz-praktijk-oost'] });
      expectActions(await getCase(t, 'assoc-eva', other), ['withdraw'], ['withdraw-participation']);
      expect((await act(t, 'assoc-eva', other, 'withdraw')).body.status).toBe('withdrawn');
    });
  });

  describe('rules 14 and 18: due process before a decision; costs follow the outcome', () => {
    it('no decision without statements and a hearing; waiving by every party replaces the hearing', async () => {
      const id = await toInProceedings(t);
      const decide = { outcome: 'claim_granted', summary: 'Toegewezen.' };
      expectProblem(await t.as('adv-hanna').post(actionPath(id, 'render-decision'), decide), 409);
      await act(t, CLAIMANT, id, 'submit-statement', { kind: 'statement_of_claim', text: 'Eis.' });
      await act(t, RESPONDENT, id, 'submit-statement', { kind: 'statement_of_defence', text: 'Verweer.' });
      expectActions(await getCase(t, 'adv-hanna', id), [], ['render-decision']);
      await act(t, CLAIMANT, id, 'waive-hearing');
      expectProblem(await t.as('adv-hanna').post(actionPath(id, 'render-decision'), decide), 409);
      await act(t, RESPONDENT, id, 'waive-hearing');
      expectActions(await getCase(t, 'adv-hanna', id), ['render-decision']);
      // Rule 18: granted → the respondent bears everything, by default.
      const res = await act(t, 'adv-hanna', id, 'render-decision', decide);
      expect(res.body.status).toBe('decided');
      const view = await getCase(t, CLAIMANT, id);
      expect(view.outcome.decision).toMatchObject({ outcome: 'claim_granted', claimantCostSharePct: 0 });
      const neutralFee = view.costs.find((c: Body) => c.fee === 'neutral_fee');
      expect(neutralFee).toMatchObject({ basis: 'decision', costAllocationReason: null });
      expect(neutralFee.shares).toEqual([
        expect.objectContaining({ organisationId: 'org-fysio-delinde', pct: 0 }),
        expect.objectContaining({ organisationId: 'org-zv-noord', pct: 100 }),
      ]);
      // Neutral fees follow the allocation: nothing to invoice to the claimant.
      const invoice = await t
        .as(SECRETARIAT)
        .post(actionPath(id, 'invoice-fee'), { organisationId: 'org-fysio-delinde', kind: 'neutral_fee', amountCents: 90_000 });
      expectProblem(invoice, 400);
      expect(errorFields(invoice)).toEqual(['organisationId']);
    });

    it('a deviating allocation needs costAllocationReason (400 naming it, nothing recorded)', async () => {
      const id = await toReadyForDecision(t);
      const before = (await getCase(t, SECRETARIAT, id)).version;
      const res = await t
        .as('adv-hanna')
        .post(actionPath(id, 'render-decision'), { outcome: 'claim_rejected', claimantCostSharePct: 70, summary: 'Afgewezen.' });
      expectProblem(res, 400);
      expect(errorFields(res)).toEqual(['costAllocationReason']);
      expect((await getCase(t, SECRETARIAT, id)).version).toBe(before);
      await act(t, 'adv-hanna', id, 'render-decision', {
        outcome: 'claim_rejected',
        claimantCostSharePct: 70,
        costAllocationReason: 'De verweerder kwam te laat met stukken.',
        summary: 'Afgewezen.',
      });
      const fee = (await getCase(t, RESPONDENT, id)).costs.find((c: Body) => c.fee === 'neutral_fee');
      expect(fee).toMatchObject({ costAllocationReason: 'De verweerder kwam te laat met stukken.' });
      expect(fee.shares.map((s: Body) => s.pct)).toEqual([70, 30]);
    });
  });

  describe('rules 15, 16 and 19: mediation', () => {
    it('sessions are held from their start; agreements need a session; a full one records the settlement', async () => {
      const id = await toInMediation(t);
      // Rule 19: mediation fees 50/50, the small provider's half relieved (default 50%): 25/75.
      const fee = (await getCase(t, CLAIMANT, id)).costs.find((c: Body) => c.fee === 'neutral_fee');
      expect(fee).toMatchObject({ basis: 'mediation_split' });
      expect(fee.shares.map((s: Body) => [s.organisationId, s.pct])).toEqual([
        ['org-fysio-delinde', 25],
        ['org-zv-noord', 75],
      ]);
      expectProblem(await t.as(MEDIATOR).post(actionPath(id, 'conclude-mediation'), { result: 'partial_agreement' }), 409);
      const startsAt = new Date(clock.now().getTime() + 2 * DAY_MS).toISOString();
      const session = await act(t, MEDIATOR, id, 'schedule-session', { startsAt });
      expectProblem(await t.as(MEDIATOR).post(actionPath(id, 'record-session'), { sessionId: session.body.sessionId }), 409);
      await reach(t, startsAt);
      await act(t, MEDIATOR, id, 'record-session', { sessionId: session.body.sessionId });
      const noDoc = await t.as(MEDIATOR).post(actionPath(id, 'conclude-mediation'), { result: 'full_agreement' });
      expectProblem(noDoc, 400);
      expect(errorFields(noDoc)).toEqual(['settlementDocumentId']);
      const doc = await uploadDocument(t, CLAIMANT, id);
      expect((await act(t, MEDIATOR, id, 'conclude-mediation', { result: 'full_agreement', settlementDocumentId: doc })).body.status).toBe(
        'settled',
      );
    });
  });

  describe('rule 17: missed deadlines act', () => {
    it('information missed: stalled in the caseload, then closed inadmissible (incomplete) 7 days after the due date', async () => {
      const id = await fileDispute(t);
      await act(t, SECRETARIAT, id, 'request-information', { questions: 'Stuur het contract.' });
      const due = (await getCase(t, SECRETARIAT, id)).deadlines.find((d: Body) => d.kind === 'information').dueAt;
      clock.set(new Date(Date.parse(due) + 60_000));
      await t.scheduler().tick();
      const caseload = (await t.as(SECRETARIAT).get('/api/caseload')).body;
      const stalled = caseload.stalled.find((s: Body) => s.disputeId === id);
      expect(stalled).toMatchObject({ informationDueAt: due, closesAt: new Date(Date.parse(due) + 7 * DAY_MS).toISOString() });
      // Neutrals do not get the secretariat's queue.
      expect((await t.as(MEDIATOR).get('/api/caseload')).body.stalled).toBeUndefined();
      expect((await getCase(t, CLAIMANT, id)).status).toBe('awaiting_information');

      clock.set(new Date(Date.parse(stalled.closesAt) + 60_000));
      await t.scheduler().tick();
      const view = await getCase(t, CLAIMANT, id);
      expect(view).toMatchObject({ status: 'inadmissible', outcome: { reason: 'incomplete' } });
      expect((await t.as(SECRETARIAT).get('/api/caseload')).body.stalled.map((s: Body) => s.disputeId)).not.toContain(id);
    });

    it('the secretariat extends the grace period, and the case stays open', async () => {
      const id = await fileDispute(t);
      await act(t, SECRETARIAT, id, 'request-information', { questions: 'Stuur het contract.' });
      const due = (await getCase(t, SECRETARIAT, id)).deadlines.find((d: Body) => d.kind === 'information').dueAt;
      clock.set(new Date(Date.parse(due) + 60_000));
      await t.scheduler().tick();
      const grace = (await getCase(t, SECRETARIAT, id)).deadlines.find((d: Body) => d.kind === 'information_grace' && d.status === 'open');
      await act(t, SECRETARIAT, id, 'extend-deadline', {
        deadlineId: grace.deadlineId,
        dueDate: new Date(Date.parse(grace.dueAt) + 14 * DAY_MS).toISOString(),
        reason: 'De indiener is ziek.',
      });
      clock.set(new Date(Date.parse(grace.dueAt) + DAY_MS));
      await t.scheduler().tick();
      expect((await getCase(t, CLAIMANT, id)).status).toBe('awaiting_information');
    });

    it('a fee unpaid 30 days after invoicing is overdue, shown to the secretariat', async () => {
      const { id } = await fileAndRegister(t);
      await invoiceAdministrationFee(t, id);
      // The respondent answers in time so the case stays open.
      await act(t, RESPONDENT, id, 'accept-submission', { route: 'mediation' });
      clock.set(new Date(clock.now().getTime() + 30 * DAY_MS + 60_000));
      await t.scheduler().tick();
      const view = await getCase(t, SECRETARIAT, id);
      expect(view.invoices[0]).toMatchObject({ overdue: true, paid: false });
      expect((await getTimeline(t, SECRETARIAT, id)).some((e) => e.type === 'FeeOverdue')).toBe(true);
      const overdue = (await t.as(SECRETARIAT).get('/api/caseload')).body.feesOverdue;
      expect(overdue.map((d: Body) => d.disputeId)).toContain(id);
    });

    it('a statement of defence missed is recorded; the panel may then decide on the file', async () => {
      const id = await toInProceedings(t);
      await act(t, CLAIMANT, id, 'submit-statement', { kind: 'statement_of_claim', text: 'Eis.' });
      const due = (await getCase(t, SECRETARIAT, id)).deadlines.find((d: Body) => d.kind === 'statement_of_defence').dueAt;
      clock.set(new Date(Date.parse(due) + 60_000));
      await t.scheduler().tick();
      expect((await getCase(t, CLAIMANT, id)).status).toBe('in_proceedings');
      await holdHearing(t, id);
      expect((await act(t, 'adv-hanna', id, 'render-decision', { outcome: 'claim_granted', summary: 'Op de stukken.' })).body.status).toBe(
        'decided',
      );
    });
  });

  describe('rule 20: jurisdiction', () => {
    const post = (who: string, body: Body) => t.as(who).post('/api/disputes', filingBody(body, t.now()));
    it('a Wlz case against a health insurer is refused, naming the field; against the care office it is filed', async () => {
      const wrong = await post('prov-daan', {
        claimantOrganisationIds: ['org-zorggroep-duin'],
        legalFramework: 'wlz',
        sector: 'wlz_disability_care',
        respondentOrganisationIds: ['org-zv-noord'],
      });
      expectProblem(wrong, 400);
      expect(errorFields(wrong)).toEqual(['respondentOrganisationIds']);
      const right = await post('prov-daan', {
        claimantOrganisationIds: ['org-zorggroep-duin'],
        legalFramework: 'wlz',
        sector: 'wlz_disability_care',
        respondentOrganisationIds: ['org-zorgkantoor-west'],
      });
      expect(right.status).toBe(201);
      // The care office sees it once registered, as any respondent.
      await act(t, SECRETARIAT, right.body.id, 'register');
      expectActions(await getCase(t, 'zk-lotte', right.body.id), ['accept-submission']);
    });
    it('a Zvw case against a care office, or with a Wlz sector, is refused', async () => {
      expect(errorFields(await post(CLAIMANT, { respondentOrganisationIds: ['org-zorgkantoor-west'] }))).toEqual([
        'respondentOrganisationIds',
      ]);
      expect(errorFields(await post(CLAIMANT, { sector: 'wlz_nursing_care' }))).toEqual(['sector']);
    });
    it('contract years: Wlz before 2017 and anything before 2016 are refused', async () => {
      expect(
        errorFields(
          await post('prov-daan', {
            claimantOrganisationIds: ['org-zorggroep-duin'],
            legalFramework: 'wlz',
            sector: 'other',
            respondentOrganisationIds: ['org-zorgkantoor-west'],
            contractYear: 2016,
          }),
        ),
      ).toEqual(['contractYear']);
      const old = await post(CLAIMANT, { contractYear: 2014 });
      expectProblem(old, 400);
      expect(errorFields(old)).toEqual(['contractYear']);
    });
  });

  describe('old streams', () => {
    it('a case whose respondent accepted before rule 6 (SubmissionAccepted v1, no respondent named) goes on', async () => {
      const store = t.app.get<EventStore>(EVENT_STORE);
      const { id } = await fileAndRegister(t);
      const before = await store.readStream(disputeStreamId(id));
      await store.appendToStream(
        disputeStreamId(id),
        [
          {
            id: randomUUID(),
            type: 'SubmissionAccepted',
            data: { route: 'mediation', side: 'respondent', occurredAt: t.now().toISOString() },
            metadata: {
              schemaVersion: 1,
              actor: { userId: RESPONDENT, role: 'insurer', organisationId: 'org-zv-noord' },
              correlationId: randomUUID(),
            },
          },
        ],
        before.length - 1,
      );
      await eventually(async () => expect((await getCase(t, SECRETARIAT, id)).status).toBe('awaiting_neutral'));
      const res = await act(t, SECRETARIAT, id, 'nominate-neutrals', { neutralUserIds: [MEDIATOR] });
      expect(res.status).toBe(200);
    });
  });
});
