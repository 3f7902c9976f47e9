import { dueDeadlines, foldEvents } from '../src';
import { addDays, DISPUTE_ID, given, story, SYSTEM } from './support/given';
import { filed, inProceedings, registered } from './support/scenarios';

// Rule 17: missed deadlines have consequences, decided with the miss, exactly once.

const asked = () => story([['sec-jan', { type: 'request-information', questions: 'Send the contract.' }]], filed());
const dueOf = (events: ReturnType<typeof story>, id: string) => foldEvents(events, DISPUTE_ID).deadlines.find((d) => d.deadlineId === id)!.dueAt;

describe('rule 17: information request missed', () => {
  it('stalls the case and opens a 7-day grace period counted from the missed due date', () => {
    const base = asked();
    const due = dueOf(base, 'information-1');
    const late = addDays(due, 2); // the scheduler ran late: the grace still counts from the due date
    given(base).when({ type: 'record-deadline-missed', deadlineId: 'information-1' }, SYSTEM, late).then([
      { type: 'DeadlineMissed', data: { deadlineId: 'information-1', kind: 'information', dueAt: due, occurredAt: late } },
      { type: 'CaseStalled', data: { graceDeadline: { deadlineId: 'information_grace-1', kind: 'information_grace', dueAt: addDays(due, 7) }, occurredAt: late } },
    ]);
    expect(given(base).when({ type: 'record-deadline-missed', deadlineId: 'information-1' }, SYSTEM, late).thenState()).toMatchObject({ status: 'awaiting_information', stalled: true });
  });
  it('closes the case inadmissible (incomplete) when the grace period passes too', () => {
    const stalled = story([[SYSTEM, { type: 'record-deadline-missed', deadlineId: 'information-1' }, dueOf(asked(), 'information-1')]], asked());
    const graceDue = dueOf(stalled, 'information_grace-1');
    const s = given(stalled).when({ type: 'record-deadline-missed', deadlineId: 'information_grace-1' }, SYSTEM, graceDue).thenState();
    expect(s).toMatchObject({ status: 'inadmissible', outcome: { status: 'inadmissible', reason: 'incomplete' } });
    // Exactly once: a second scan is refused.
    given([...stalled, ...given(stalled).when({ type: 'record-deadline-missed', deadlineId: 'information_grace-1' }, SYSTEM, graceDue).events()])
      .when({ type: 'record-deadline-missed', deadlineId: 'information_grace-1' }, SYSTEM, addDays(graceDue, 1))
      .thenRefuses('conflict', 'case_closed');
  });
  it('unless the secretariat extends, or the claimant still answers', () => {
    const stalled = story([[SYSTEM, { type: 'record-deadline-missed', deadlineId: 'information-1' }, dueOf(asked(), 'information-1')]], asked());
    const graceDue = dueOf(stalled, 'information_grace-1');
    const extended = story([['sec-jan', { type: 'extend-deadline', deadlineId: 'information_grace-1', dueDate: addDays(graceDue, 14), reason: 'Claimant is ill' }]], stalled);
    expect(dueDeadlines(foldEvents(extended, DISPUTE_ID), graceDue)).toEqual([]);
    given(extended).when({ type: 'record-deadline-missed', deadlineId: 'information_grace-1' }, SYSTEM, graceDue).thenRefuses('conflict', 'deadline_not_due');
    const answered = given(stalled).when({ type: 'provide-information', answers: 'Here it is' }, 'prov-anna').thenState();
    expect(answered).toMatchObject({ status: 'filed' });
    expect(answered.stalled).toBeUndefined();
    expect(answered.deadlines.filter((d) => d.status === 'open')).toEqual([]);
  });
});

describe('rule 17: the other kinds', () => {
  it('statement of defence missed → only recorded; the case stays in proceedings', () => {
    const claimed = story([['prov-anna', { type: 'submit-statement', kind: 'statement_of_claim' }]], inProceedings());
    const due = dueOf(claimed, 'statement_of_defence-1');
    given(claimed).when({ type: 'record-deadline-missed', deadlineId: 'statement_of_defence-1' }, SYSTEM, due).then([
      { type: 'DeadlineMissed', data: { deadlineId: 'statement_of_defence-1', kind: 'statement_of_defence', dueAt: due, occurredAt: due } },
    ]);
  });
  it('a fee unpaid 30 days after invoicing → FeeOverdue, also after the case closed', () => {
    const invoiced = story(
      [
        ['sec-jan', { type: 'invoice-fee', invoiceId: 'inv-1', organisationId: 'org-zv-noord', kind: 'administration', amountCents: 25_000 }],
        ['prov-anna', { type: 'withdraw' }],
      ],
      registered(),
    );
    const due = dueOf(invoiced, 'fee_payment-inv-1');
    expect(Date.parse(due) - Date.parse(invoiced[invoiced.length - 2].data.occurredAt)).toBe(30 * 86_400_000);
    given(invoiced).when({ type: 'record-deadline-missed', deadlineId: 'fee_payment-inv-1' }, SYSTEM, due).then([
      { type: 'DeadlineMissed', data: { deadlineId: 'fee_payment-inv-1', kind: 'fee_payment', dueAt: due, occurredAt: due } },
      { type: 'FeeOverdue', data: { invoiceId: 'inv-1', organisationId: 'org-zv-noord', amountCents: 25_000, occurredAt: due } },
    ]);
    expect(given(invoiced).when({ type: 'record-deadline-missed', deadlineId: 'fee_payment-inv-1' }, SYSTEM, due).thenState().invoices[0].overdue).toBe(true);
  });
  it('a fee paid in time meets its payment deadline', () => {
    const paid = story(
      [
        ['sec-jan', { type: 'invoice-fee', invoiceId: 'inv-1', organisationId: 'org-zv-noord', kind: 'administration', amountCents: 25_000 }],
        ['sec-jan', { type: 'record-payment', invoiceId: 'inv-1' }],
      ],
      registered(),
    );
    expect(foldEvents(paid, DISPUTE_ID).deadlines.find((d) => d.kind === 'fee_payment')?.status).toBe('met');
  });
});
