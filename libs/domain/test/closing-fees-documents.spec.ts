import { foldEvents } from '../src';
import { addDays, DISPUTE_ID, given, nextHour, story } from './support/given';
import { filed, inMediation, inProceedings, registered } from './support/scenarios';

const SHA = 'a'.repeat(64);
const doc = (over: object = {}) =>
  ({ type: 'submit-document', documentId: 'd1', name: 'contract.pdf', mediaType: 'application/pdf', sizeBytes: 1234, sha256: SHA, visibility: 'parties', ...over }) as const;
const withdrawn = () => story([['prov-anna', { type: 'withdraw', reason: 'settled informally' }]], registered());

describe('withdraw', () => {
  it.each([['filed', filed], ['in_mediation', inMediation], ['in_proceedings', inProceedings]] as const)('the claimant withdraws from %s → withdrawn', (_s, base) => {
    const now = nextHour(base());
    given(base()).when({ type: 'withdraw', reason: 'r' }, 'prov-anna', now).then([{ type: 'DisputeWithdrawn', data: { reason: 'r', occurredAt: now } }]);
    const s = given(base()).when({ type: 'withdraw' }, 'prov-anna').thenState();
    expect(s.status).toBe('withdrawn');
    expect(s.deadlines.filter((d) => d.status === 'open')).toEqual([]);
  });
  it('the filing association withdraws a collective dispute', () => {
    const base = filed({ claimantOrganisationIds: ['org-fysio-delinde', 'org-ggz-praktijk-oost'] }, 'assoc-eva');
    expect(given(base).when({ type: 'withdraw' }, 'assoc-eva').thenState().status).toBe('withdrawn');
    // Rule 9: the case belongs to the association; a member provider cannot withdraw it for everyone.
    given(base).when({ type: 'withdraw' }, 'prov-chantal').thenRefuses('forbidden', 'collective_case');
  });
  it('refuses the respondent, the secretariat, a closed case (naming its status)', () => {
    given(registered()).when({ type: 'withdraw' }, 'ins-carla').thenRefuses('forbidden', 'wrong_side');
    given(registered()).when({ type: 'withdraw' }, 'sec-jan').thenRefuses('forbidden', 'wrong_role');
    given(withdrawn()).when({ type: 'withdraw' }, 'prov-anna').thenRefuses('conflict', /closed: it was withdrawn/);
  });
});

describe('record-settlement', () => {
  it('secretariat, after registration → settled', () => {
    const base = inMediation();
    const now = nextHour(base);
    given(base).when({ type: 'record-settlement', terms: 'new tariff' }, 'sec-jan', now).then([{ type: 'SettledByParties', data: { terms: 'new tariff', occurredAt: now } }]);
    expect(given(base).when({ type: 'record-settlement' }, 'sec-jan').thenState().outcome).toEqual({ status: 'settled' });
  });
  it('refuses before registration, by parties, when closed', () => {
    given(filed()).when({ type: 'record-settlement' }, 'sec-jan').thenRefuses('conflict', 'not_registered');
    given(registered()).when({ type: 'record-settlement' }, 'prov-anna').thenRefuses('forbidden', 'wrong_role');
    given(withdrawn()).when({ type: 'record-settlement' }, 'sec-jan').thenRefuses('conflict', 'case_closed');
  });
});

describe('submit-document', () => {
  it('a party submits a document', () => {
    const base = registered();
    const now = nextHour(base);
    given(base).when(doc({ sha256: SHA.toUpperCase() }), 'ins-carla', now).then([
      {
        type: 'DocumentSubmitted',
        data: { documentId: 'd1', name: 'contract.pdf', mediaType: 'application/pdf', sizeBytes: 1234, sha256: SHA, visibility: 'parties', submittedByUserId: 'ins-carla', procedureStage: 1, occurredAt: now },
      },
    ]);
  });
  it('neutrals on the case (nominated or appointed) and the secretariat may submit; parties may address the neutrals only', () => {
    expect(given(inMediation()).when(doc(), 'med-femke').events()).toHaveLength(1);
    expect(given(inMediation()).when(doc({ visibility: 'secretariat' }), 'sec-jan').events()).toHaveLength(1);
    expect(given(inMediation()).when(doc({ visibility: 'neutral_only' }), 'prov-anna').events()).toHaveLength(1);
  });
  it('refuses outsiders, secretariat visibility by others, bad size or hash, a duplicate id, a closed case', () => {
    given(inMediation()).when(doc(), 'med-gerrit').thenRefuses('forbidden', 'not_on_case');
    given(inMediation()).when(doc(), 'prov-bram').thenRefuses('forbidden', 'not_on_case');
    given(inMediation()).when(doc(), 'obs-karin').thenRefuses('forbidden', 'not_on_case');
    given(inMediation()).when(doc({ visibility: 'secretariat' }), 'prov-anna').thenRefuses('invalid', 'secretariat_only', 'visibility');
    given(inMediation()).when(doc({ sizeBytes: 0 }), 'prov-anna').thenRefuses('invalid', 'empty_document', 'sizeBytes');
    given(inMediation()).when(doc({ sha256: 'abc' }), 'prov-anna').thenRefuses('invalid', 'bad_checksum', 'sha256');
    given(story([['prov-anna', doc()]], inMediation())).when(doc(), 'ins-carla').thenRefuses('invalid', 'duplicate_id', 'documentId');
    given(withdrawn()).when(doc(), 'prov-anna').thenRefuses('conflict', 'case_closed');
  });
});

describe('invoice-fee / record-payment', () => {
  const invoiced = () =>
    story([['sec-jan', { type: 'invoice-fee', invoiceId: 'inv-1', organisationId: 'org-zv-noord', kind: 'administration', amountCents: 25_000 }]], registered());
  it('invoices a party its administration-fee share; records the payment', () => {
    const base = registered();
    const now = nextHour(base);
    given(base).when({ type: 'invoice-fee', invoiceId: 'inv-1', organisationId: 'org-zv-noord', kind: 'administration', amountCents: 25_000 }, 'sec-jan', now).then([
      {
        type: 'FeeInvoiced',
        data: {
          invoiceId: 'inv-1',
          organisationId: 'org-zv-noord',
          kind: 'administration',
          amountCents: 25_000,
          paymentDeadline: { deadlineId: 'fee_payment-inv-1', kind: 'fee_payment', dueAt: addDays(now, 30) },
          occurredAt: now,
        },
      },
    ]);
    const now2 = nextHour(invoiced());
    given(invoiced()).when({ type: 'record-payment', invoiceId: 'inv-1' }, 'sec-jan', now2).then([{ type: 'FeePaid', data: { invoiceId: 'inv-1', amountCents: 25_000, occurredAt: now2 } }]);
    const s = given(invoiced()).when({ type: 'record-payment', invoiceId: 'inv-1' }, 'sec-jan', now2).thenState();
    expect(s.invoices[0]).toMatchObject({ paid: true, paidAt: now2 });
  });
  it('fees can still be invoiced and paid after closure', () => {
    const closed = story([['prov-anna', { type: 'withdraw' }]], invoiced());
    expect(given(closed).when({ type: 'record-payment', invoiceId: 'inv-1' }, 'sec-jan').events()).toHaveLength(1);
    expect(given(closed).when({ type: 'invoice-fee', invoiceId: 'inv-2', organisationId: 'org-fysio-delinde', kind: 'neutral_fee', amountCents: 100 }, 'sec-jan').events()).toHaveLength(1);
  });
  it('refuses: before registration, others, non-party org, wrong share, twice, non-positive neutral fee, duplicate id', () => {
    const inv = (over: object) => ({ type: 'invoice-fee', invoiceId: 'inv-2', organisationId: 'org-zv-noord', kind: 'administration', amountCents: 25_000, ...over }) as never;
    given(filed()).when(inv({}), 'sec-jan').thenRefuses('conflict', 'not_registered');
    given(registered()).when(inv({}), 'ins-carla').thenRefuses('forbidden', 'wrong_role');
    given(registered()).when(inv({ organisationId: 'org-zv-zuid' }), 'sec-jan').thenRefuses('invalid', 'not_a_party', 'organisationId');
    given(registered()).when(inv({ amountCents: 50_000 }), 'sec-jan').thenRefuses('invalid', 'amount_mismatch', 'amountCents');
    given(invoiced()).when(inv({}), 'sec-jan').thenRefuses('conflict', 'already_invoiced');
    given(invoiced()).when(inv({ invoiceId: 'inv-1', kind: 'neutral_fee' }), 'sec-jan').thenRefuses('invalid', 'duplicate_id', 'invoiceId');
    given(registered()).when(inv({ kind: 'neutral_fee', amountCents: 0 }), 'sec-jan').thenRefuses('invalid', 'not_an_amount', 'amountCents');
    const bigClaimant = story([['sec-jan', { type: 'register', caseNumber: 'GZC-2025-0002' }]], filed({ claimantOrganisationIds: ['org-wijkzorg-amstelland'] }, 'prov-bram'));
    given(bigClaimant).when(inv({}), 'sec-jan').thenRefuses('invalid', 'no_fee_share', 'organisationId');
  });
  it('refuses payment of unknown or paid invoices, or with nothing to pay', () => {
    given(registered()).when({ type: 'record-payment', invoiceId: 'inv-1' }, 'sec-jan').thenRefuses('conflict', 'no_unpaid_invoice');
    given(invoiced()).when({ type: 'record-payment', invoiceId: 'inv-9' }, 'sec-jan').thenRefuses('invalid', 'unknown_invoice', 'invoiceId');
    const paid = story(
      [
        ['sec-jan', { type: 'record-payment', invoiceId: 'inv-1' }],
        ['sec-jan', { type: 'invoice-fee', invoiceId: 'inv-2', organisationId: 'org-fysio-delinde', kind: 'administration', amountCents: 25_000 }],
      ],
      invoiced(),
    );
    given(paid).when({ type: 'record-payment', invoiceId: 'inv-1' }, 'sec-jan').thenRefuses('conflict', 'already_paid');
    expect(foldEvents(paid, DISPUTE_ID).invoices).toHaveLength(2);
  });
});
